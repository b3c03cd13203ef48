import type { Block, Configuration } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attrExpr, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { expressionReferences } from '../util/b-refs.js';

/** The application auto-scaling targets of each DynamoDB table (`service_namespace = "dynamodb"`, `resource_id` reading it). */
export function dynamodbScalingTargets(config: Configuration): (table: Block) => Block[] {
  const targets = resources(config, 'aws_appautoscaling_target').filter((t) => resolvedString(config, attrExpr(t, 'service_namespace')) === 'dynamodb');
  return (table) => targets.filter((t) => expressionReferences(attrExpr(t, 'resource_id'), table));
}

export const rule: Rule = {
  meta: {
    id: 'dynamodb-on-demand-scaling-target',
    category: 'misconfiguration',
    severity: 'high',
    fixClass: 'B',
    // Application Auto Scaling registers read/write capacity targets only on provisioned tables: the target's creation
    // fails, whatever the measured precision.
    applyFailure: true,
    title: 'Auto-scaling target on an on-demand DynamoDB table',
    rootCause:
      'The model makes the table on-demand (`PAY_PER_REQUEST`) and still copies the provisioned-capacity recipe: `aws_appautoscaling_target`s for its read and write capacity units, which an on-demand table does not have.',
    fix: 'Drop the scaling targets and policies of an on-demand table (it scales by itself), or make the table `PROVISIONED` with read and write capacity if scaling is wanted.',
    fixExample: 'resource "aws_dynamodb_table" "items" {\n  name         = "items-${var.environment_suffix}"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n  attribute {\n    name = "id"\n    type = "S"\n  }\n}\n# no aws_appautoscaling_target / aws_appautoscaling_policy for this table',
    docs: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html',
    knowledgeGap: 'Application Auto Scaling manages provisioned capacity only; on-demand tables have none to scale.',
    impact: '`terraform apply` fails creating the scaling target (ValidationException: the table is not in provisioned mode); its policies fail after it.',
  },
  check(ctx) {
    const targetsOf = dynamodbScalingTargets(ctx.config);
    for (const table of resources(ctx.config, 'aws_dynamodb_table')) {
      if (resolvedString(ctx.config, attrExpr(table, 'billing_mode')) !== 'PAY_PER_REQUEST') continue;
      const scaled = targetsOf(table);
      if (!scaled.length) continue;
      ctx.report({
        block: scaled[0]!,
        resource: `aws_dynamodb_table.${table.labels[1] ?? ''}`,
        message: `aws_dynamodb_table.${table.labels[1] ?? ''} is on-demand (PAY_PER_REQUEST), yet ${scaled.length} application auto-scaling target(s) register its read/write capacity: the target is rejected at apply.`,
      });
    }
  },
};
