import type { Block, Configuration } from '../../model/types.js';
import type { Rule } from '../types.js';
import { securityGroupEntries, worldOpen } from '../util/cidrs.js';
import { attrExpr, blockAddress } from '../../model/query.js';
import { resolvedNumber } from '../util/b-resolve.js';
import { promptText } from '../util/b-prompt.js';

/** Directions of security group rules a prompt forbids opening to 0.0.0.0/0 (none when it forbids nothing). */
export interface OpenCidrBan {
  ingress: boolean;
  egress: boolean;
  /** The prompt's sentence, for the message. */
  sentence: string;
  /** "except ALB HTTPS", "unless required": web ports (80, 443) stay allowed inbound. */
  webExcepted: boolean;
}

/** A refusal a few words before the CIDR: "no 0.0.0.0/0", "not wide-open 0.0.0.0/0", "don't make them open to 0.0.0.0/0". */
const REFUSAL = /\b(?:no|not|never|don't|do not|must not|should not|shouldn't|without|avoid|block|prohibit|disallow|forbid)\b[^.\n]{0,40}?(?:\(\s*)?0\.0\.0\.0\/0/;
/** A sentence that names particular ports narrows the ban to them, which the port checks judge (SSH, RDP, 22). */
const NAMES_PORTS = /\b(?:ssh|rdp|port|ports|22|3389)\b/;
const ABOUT_RULES = /security group|\bsg\b|ingress|inbound|egress|outbound|firewall|rule/;

/** What the prompt forbids: per sentence that refuses 0.0.0.0/0 for security group rules without naming ports. */
export function openCidrBan(prompt: string): OpenCidrBan | null {
  const text = prompt.toLowerCase();
  if (!text.includes('0.0.0.0/0')) return null;
  // Sentences end at a period followed by a space or a line end (the CIDR's own dots never do).
  for (const sentence of text.split(/\.(?:\s|$)|\n/)) {
    if (!REFUSAL.test(sentence) || !ABOUT_RULES.test(sentence) || NAMES_PORTS.test(sentence)) continue;
    const inbound = /ingress|inbound|\bfrom 0\.0\.0\.0\/0/.test(sentence);
    const outbound = /egress|outbound/.test(sentence);
    return { ingress: inbound || !outbound, egress: outbound || !inbound, sentence: sentence.trim().slice(0, 160), webExcepted: /\b(?:except|unless)\b/.test(sentence) };
  }
  return null;
}

/** An entry on port 80 or 443 only (what a public load balancer needs). */
function webPort(config: Configuration, entry: Block): boolean {
  const from = resolvedNumber(config, attrExpr(entry, 'from_port'));
  const to = resolvedNumber(config, attrExpr(entry, 'to_port')) ?? from;
  return from !== undefined && from === to && (from === 80 || from === 443);
}

export const rule: Rule = {
  meta: {
    id: 'requested-no-open-cidr',
    category: 'network',
    severity: 'high',
    fixClass: 'A',
    title: 'Security group opens 0.0.0.0/0 although the task forbids it',
    rootCause: 'Models add the usual open rules (all egress, HTTP from anywhere) even when the task says no security group may allow 0.0.0.0/0.',
    fix: 'Replace 0.0.0.0/0 with the VPC or subnet CIDRs, a prefix list, or the security group of the peer, as the task asks.',
    fixExample: 'egress {\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = [var.vpc_cidr]\n}',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    knowledgeGap: 'Reading the task\'s network constraints as requirements, not defaults.',
    impact: 'The stack violates an explicit requirement of the task: traffic to or from anywhere is allowed.',
  },
  check(ctx) {
    const ban = openCidrBan(promptText(ctx));
    if (!ban) return;
    const open = securityGroupEntries(ctx.config).filter((o) => ban[o.direction] && worldOpen(ctx.config, o.entry, o.cidrKeys));
    // One finding: the rules are one violation of one requirement, listed by where they are.
    if (ban.webExcepted) open.splice(0, open.length, ...open.filter((o) => !(o.direction === 'ingress' && webPort(ctx.config, o.entry))));
    if (!open.length) return;
    const first = open[0]!;
    const names = [...new Set(open.map((o) => `${blockAddress(o.owner)} (${o.direction})`))];
    ctx.report({
      block: first.owner,
      resource: blockAddress(first.owner),
      span: first.entry.span,
      message: `The task says "${ban.sentence}", but ${names.length} security group rule set(s) allow 0.0.0.0/0: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}.`,
    });
  },
};
