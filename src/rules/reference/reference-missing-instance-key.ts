import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import { allAttributes, attr, blockAddress, referencesIn, referenceTarget } from '../../model/query.js';
import { isHclConfig } from '../util/files.js';

/** `count` or `for_each` on the block: its address names a list or map of instances, not one object. */
function repeated(block: Block): 'count' | 'for_each' | undefined {
  return attr(block, 'count') ? 'count' : attr(block, 'for_each') ? 'for_each' : undefined;
}

export const rule: Rule = {
  meta: {
    id: 'reference-missing-instance-key',
    category: 'reference',
    severity: 'high',
    fixClass: 'C',
    title: 'Attribute read from a counted resource without an instance key',
    rootCause:
      'The model makes a resource optional or repeated with `count`/`for_each` and keeps reading it as one object (`aws_acm_certificate.site.arn`) in outputs and other resources.',
    fix: 'Index the instance (`aws_acm_certificate.site[0].arn`, `aws_subnet.private["a"].id`), use a splat (`aws_subnet.private[*].id`), or `one(aws_acm_certificate.site[*].arn)` for an optional resource.',
    fixExample: 'output "certificate_arn" {\n  value = one(aws_acm_certificate.site[*].arn)\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/meta-arguments/count#referring-to-instances',
    knowledgeGap: 'A resource with count or for_each is a collection: references need an index or a splat.',
    impact: '`terraform validate` fails ("Missing resource instance key"), so nothing is planned.',
  },
  check(ctx) {
    if (!isHclConfig(ctx.config)) return;
    const reported = new Set<string>();
    for (const b of ctx.config.blocks) {
      for (const { attribute } of allAttributes(b)) {
        for (const ref of referencesIn(attribute.expr)) {
          const target = referenceTarget(ref.parts);
          if (!target || target.startsWith('var.') || target.startsWith('local.') || target.startsWith('module.')) continue;
          const block = ctx.config.symbols.get(target)?.block;
          if (!block || block === b || (block.kind !== 'resource' && block.kind !== 'data')) continue;
          const meta = repeated(block);
          if (!meta) continue;
          const after = ref.parts[target.startsWith('data.') ? 3 : 2];
          if (after === undefined || after.startsWith('[') || after === '*') continue;
          const key = `${blockAddress(b)}\u0000${target}`;
          if (reported.has(key)) continue;
          reported.add(key);
          ctx.report({
            block: b,
            span: ref.span ?? attribute.span,
            resource: blockAddress(b),
            message: `${blockAddress(b)} reads \`${ref.parts.join('.')}\`, but ${target} has \`${meta}\`: the reference needs an instance key (\`${target}[${meta === 'count' ? '0' : '"key"'}].${after}\`) or a splat.`,
          });
        }
      }
    }
  },
};
