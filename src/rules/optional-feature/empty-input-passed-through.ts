import type { Rule } from '../types.js';
import { allAttributes, attrExpr, blockAddress, literalValue } from '../../model/query.js';
import { isGuarded } from '../util/variables.js';

/** Arguments AWS rejects as an empty string: they must be omitted (null) when the feature is off. */
const REJECTS_EMPTY = /^(key_name|certificate_arn|acm_certificate_arn|domain_name|zone_id|hosted_zone_id|kms_key_id|kms_key_arn|kms_master_key_id|endpoint|ssl_policy|snapshot_identifier|iam_instance_profile|web_acl_arn|web_acl_id|alias_name)$/;

export const rule: Rule = {
  meta: {
    id: 'empty-input-passed-through',
    category: 'optional-feature',
    severity: 'high',
    fixClass: 'B',
    title: 'Optional input passed through even when empty',
    rootCause: 'The model declares an optional input with an empty default (no key pair, no certificate) and passes it straight to an argument that rejects the empty string.',
    fix: 'Pass null when the input is empty (`var.key_pair_name != "" ? var.key_pair_name : null`), or guard the resource with count.',
    fixExample: 'resource "aws_launch_template" "app" {\n  key_name = var.key_pair_name != "" ? var.key_pair_name : null\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/expressions/conditionals',
    knowledgeGap: 'Optional features: null for "not set", never an empty string',
    impact: 'With the default value the apply fails (InvalidKeyPair.NotFound, ValidationException on an empty ARN).',
  },
  check(ctx) {
    const emptyDefaults = new Set<string>();
    for (const b of ctx.config.blocks) {
      if (b.kind !== 'variable' || !b.labels[0]) continue;
      const d = attrExpr(b, 'default');
      if (d && literalValue(d) === '') emptyDefaults.add(b.labels[0]);
    }
    if (!emptyDefaults.size) return;
    for (const b of ctx.config.blocks) {
      if (b.kind !== 'resource' || isGuarded(b)) continue;
      for (const { attribute } of allAttributes(b)) {
        const e = attribute.expr;
        if (!REJECTS_EMPTY.test(attribute.name) || e.kind !== 'reference' || e.parts[0] !== 'var' || e.parts.length !== 2) continue;
        const name = e.parts[1]!;
        if (!emptyDefaults.has(name)) continue;
        ctx.report({ block: b, span: attribute.span, message: `${blockAddress(b)}: ${attribute.name} = var.${name}, whose default is "" — the apply fails unless the empty value becomes null.` });
        break;
      }
    }
  },
};
