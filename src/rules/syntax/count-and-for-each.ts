import type { Rule } from '../types.js';
import { attr, blockAddress } from '../../model/query.js';
import { isHclConfig } from '../util/files.js';

export const rule: Rule = {
  meta: {
    id: 'count-and-for-each',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    title: 'Block sets both count and for_each',
    rootCause:
      'The model guards a repeated resource with `count = var.enabled ? 1 : 0` and also repeats it with `for_each`; a block takes one of the two meta-arguments, never both.',
    fix: 'Fold the condition into the for_each collection (`for_each = var.enabled ? var.items : {}`) and drop count.',
    fixExample: 'resource "aws_iam_role" "service" {\n  for_each = var.create_roles ? var.services : {}\n  name     = "${each.key}-${var.environment_suffix}"\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/meta-arguments/for_each',
    knowledgeGap: 'count and for_each are mutually exclusive on a block.',
    impact: '`terraform validate` fails (Invalid combination of "count" and "for_each").',
  },
  check(ctx) {
    if (!isHclConfig(ctx.config)) return;
    for (const b of ctx.config.blocks) {
      if (b.kind !== 'resource' && b.kind !== 'data' && b.kind !== 'module') continue;
      const count = attr(b, 'count');
      if (!count || !attr(b, 'for_each')) continue;
      ctx.report({ block: b, span: count.span, message: `${blockAddress(b)} sets both count and for_each; Terraform accepts only one of them.` });
    }
  },
};
