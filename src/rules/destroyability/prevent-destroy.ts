import type { Rule } from '../types.js';
import { blockAddress, preventDestroyBlock } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'prevent-destroy',
    category: 'destroyability',
    severity: 'high',
    fixClass: 'B',
    title: 'lifecycle prevent_destroy',
    rootCause: 'The model protects stateful resources with prevent_destroy, which makes every destroy plan fail.',
    fix: 'Remove prevent_destroy from test stacks.',
    fixExample: 'resource "aws_dynamodb_table" "items" {\n  # no lifecycle { prevent_destroy = true }\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#prevent_destroy',
    knowledgeGap: 'Destroyability: test stacks must be destroyable without manual steps',
    impact: 'terraform destroy errors out: "Instance cannot be destroyed".',
  },
  check(ctx) {
    if (!ctx.conventions.destroyable) return;
    for (const b of ctx.config.blocks) {
      if (b.kind !== 'resource') continue;
      const lc = preventDestroyBlock(b);
      if (lc) ctx.report({ block: b, span: lc.span, resource: blockAddress(b), message: `${blockAddress(b)} sets lifecycle.prevent_destroy = true.` });
    }
  },
};
