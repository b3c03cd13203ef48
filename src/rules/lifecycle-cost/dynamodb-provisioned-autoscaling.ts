import type { Rule } from '../types.js';
import { attr, attrExpr, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { dynamodbScalingTargets } from '../misconfiguration/dynamodb-on-demand-scaling-target.js';
import { promptMentions } from '../util/b-prompt.js';

export const rule: Rule = {
  meta: {
    id: 'dynamodb-provisioned-autoscaling',
    category: 'lifecycle-cost',
    severity: 'medium',
    fixClass: 'B',
    title: 'DynamoDB provisioned capacity with hand-built auto scaling',
    rootCause:
      'Older examples pair PROVISIONED tables with aws_appautoscaling_target/policy pairs; models reproduce that where on-demand billing serves variable load with no scaling machinery.',
    fix: 'Use `billing_mode = "PAY_PER_REQUEST"` and drop the read/write capacity and the auto-scaling targets and policies.',
    fixExample: `resource "aws_dynamodb_table" "items" {
  name         = "items-\${var.environment_suffix}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
}`,
    docs: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html',
    knowledgeGap: 'On-demand DynamoDB replaces provisioned capacity plus application auto scaling for variable workloads.',
    impact: 'Paying for idle provisioned capacity, plus scaling lag and extra resources to maintain.',
  },
  check(ctx) {
    const targetsOf = dynamodbScalingTargets(ctx.config);
    const promptWantsOnDemand = promptMentions(
      ctx,
      /dynamodb[^.]{0,120}on[- ]demand|on[- ]demand[^.]{0,120}dynamodb|pay[_ -]per[_ -]request/,
    );
    for (const table of resources(ctx.config, 'aws_dynamodb_table')) {
      const mode = resolvedString(ctx.config, attrExpr(table, 'billing_mode'));
      // Scaling targets on an on-demand table fail at apply: dynamodb-on-demand-scaling-target's.
      if (mode === 'PAY_PER_REQUEST') continue;
      const provisioned = mode === 'PROVISIONED' || (mode === undefined && !attr(table, 'billing_mode') && !!attr(table, 'read_capacity'));
      if (!provisioned) continue;
      const scaled = targetsOf(table);
      if (scaled.length) {
        ctx.report({
          block: table,
          message: `Table uses provisioned capacity with ${scaled.length} application auto-scaling target(s); PAY_PER_REQUEST would serve this load without them.`,
        });
      } else if (promptWantsOnDemand) {
        ctx.report({
          block: table,
          severity: 'high',
          message: 'The task asks for on-demand capacity, but this table uses provisioned capacity.',
        });
      }
    }
  },
};
