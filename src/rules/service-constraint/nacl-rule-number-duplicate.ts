import type { Rule } from '../types.js';
import type { Block, SourceSpan } from '../../model/types.js';
import { attr, attrExpr, blockAddress, exprToText, nestedBlocks, resources } from '../../model/query.js';
import { resolvedBool, resolvedNumber } from '../util/b-resolve.js';

/** One NACL entry: which list it joins (ACL and direction), its number, where it is written. */
interface Entry {
  list: string;
  direction: 'ingress' | 'egress';
  number: number;
  block: Block;
  span: SourceSpan;
  label: string;
}

export const rule: Rule = {
  meta: {
    id: 'nacl-rule-number-duplicate',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // CreateNetworkAclEntry answers NetworkAclEntryAlreadyExists: listed whatever the measured precision.
    applyFailure: true,
    title: 'Two network ACL entries with one rule number',
    rootCause: 'Models number NACL rules by copying blocks (100, 110, ...) and reuse a number in the same direction; a network ACL holds one entry per rule number and direction.',
    fix: 'Give every ingress entry, and every egress entry, of one network ACL its own rule number.',
    fixExample: `resource "aws_network_acl_rule" "egress_https" {
  network_acl_id = aws_network_acl.main.id
  egress         = true
  rule_number    = 210
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 443
  to_port        = 443
}`,
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
    knowledgeGap: 'A NACL entry is keyed by its rule number and direction: the number cannot repeat within ingress or within egress.',
    impact: 'Apply fails on the second entry (NetworkAclEntryAlreadyExists), and the subnets keep an incomplete rule set.',
  },
  check(ctx) {
    const entries: Entry[] = [];
    // Inline entries of a network ACL (`ingress { rule_no = 100 }`).
    for (const type of ['aws_network_acl', 'aws_default_network_acl']) {
      for (const acl of resources(ctx.config, type)) {
        for (const direction of ['ingress', 'egress'] as const) {
          for (const b of nestedBlocks(acl, direction, false)) {
            const number = resolvedNumber(ctx.config, attrExpr(b, 'rule_no'));
            if (number !== undefined) entries.push({ list: blockAddress(acl), direction, number, block: acl, span: b.span, label: `${direction} block` });
          }
        }
      }
    }
    // Separate entries: one list per `network_acl_id` expression; repeated blocks (count, for_each) are left out.
    for (const r of resources(ctx.config, 'aws_network_acl_rule')) {
      if (attr(r, 'count') || attr(r, 'for_each')) continue;
      const acl = attrExpr(r, 'network_acl_id');
      const number = resolvedNumber(ctx.config, attrExpr(r, 'rule_number'));
      const egress = attrExpr(r, 'egress') ? resolvedBool(ctx.config, attrExpr(r, 'egress')) : false;
      if (!acl || number === undefined || egress === undefined) continue;
      entries.push({ list: exprToText(acl), direction: egress ? 'egress' : 'ingress', number, block: r, span: attr(r, 'rule_number')!.span, label: blockAddress(r) });
    }
    const first = new Map<string, Entry>();
    for (const e of entries) {
      const key = `${e.list}\u0000${e.direction}\u0000${e.number}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, e);
        continue;
      }
      ctx.report({
        block: e.block,
        span: e.span,
        message: `${e.label === `${e.direction} block` ? `${blockAddress(e.block)} has a second ${e.direction} entry` : e.label} with rule number ${e.number} (${e.direction} of ${e.list}), already used by ${earlier.label === `${earlier.direction} block` ? `the ${earlier.direction} block on line ${earlier.span.line}` : earlier.label}: the second entry fails (NetworkAclEntryAlreadyExists).`,
      });
    }
  },
};
