import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources, staticNumber } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'log-group-without-retention',
    category: 'logging',
    severity: 'medium',
    fixClass: 'B',
    title: 'Log group without retention',
    rootCause: 'The model creates log groups but leaves retention at its default, which is "never expire".',
    fix: 'Set retention_in_days on every log group (7–30 days for test stacks).',
    fixExample: 'resource "aws_cloudwatch_log_group" "api" {\n  name              = "/aws/lambda/api-${var.environment_suffix}"\n  retention_in_days = 14\n}',
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group#retention_in_days',
    knowledgeGap: 'Cost optimization: CloudWatch Logs retention',
    impact: 'Logs are kept forever; storage cost grows without bound.',
  },
  check(ctx) {
    for (const g of resources(ctx.config, 'aws_cloudwatch_log_group')) {
      const e = attrExpr(g, 'retention_in_days');
      if (e && staticNumber(e) !== 0) continue;
      ctx.report({
        block: g,
        resource: blockAddress(g),
        message: e ? `${blockAddress(g)} sets retention_in_days = 0 (never expire).` : `${blockAddress(g)} has no retention_in_days (logs never expire).`,
      });
    }
  },
};
