import type { Rule } from '../types.js';
import type { Block, Configuration, Expr } from '../../model/types.js';
import { attrExpr, resources, staticString } from '../../model/query.js';
import { expressionReferences, referencedBlocks } from '../util/b-refs.js';
import { promptMentions } from '../util/b-prompt.js';
import { alarmBlocks, alarmMetrics, dimensionValue } from './alarm-metrics.js';

const ERROR_METRICS = new Set(['Errors', 'Throttles']);

export const rule: Rule = {
  meta: {
    id: 'lambda-no-error-alarm',
    category: 'monitoring',
    severity: 'medium',
    fixClass: 'A',
    title: 'Lambda function without an error alarm',
    rootCause:
      'Models add log groups and a few service alarms (API 4XX, CPU) but treat Lambda as self-monitoring, leaving function errors and throttles silent.',
    fix: 'Add an aws_cloudwatch_metric_alarm on AWS/Lambda Errors (and Throttles) with a FunctionName dimension for each function, notifying an SNS topic.',
    fixExample: `resource "aws_cloudwatch_metric_alarm" "api_errors" {
  alarm_name          = "api-errors-\${var.environment_suffix}"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  dimensions          = { FunctionName = aws_lambda_function.api.function_name }
  alarm_actions       = [aws_sns_topic.alerts.arn]
}`,
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html',
    knowledgeGap: 'Lambda errors and throttles need explicit CloudWatch alarms; log groups alone alert nobody.',
    impact: 'Function failures go unnoticed until users report them.',
  },
  check(ctx) {
    const functions = resources(ctx.config, 'aws_lambda_function');
    if (!functions.length) return;
    // The stack monitors other things, or the task asks for alarms: a function without one is a gap, not a choice.
    if (!alarmBlocks(ctx.config).length && !promptMentions(ctx, /\balarms?\b/)) return;
    const lambdaMetrics = alarmMetrics(ctx.config).filter(
      (m) => (m.namespace === 'AWS/Lambda' || m.namespace === undefined) && (m.metricName === undefined || ERROR_METRICS.has(m.metricName)),
    );
    for (const fn of functions) {
      if (lambdaMetrics.some((m) => covers(ctx.config, m.dimensions, fn))) continue;
      ctx.report({ block: fn, message: 'No CloudWatch alarm watches this function\'s Errors or Throttles metric.' });
    }
  },
};

function covers(config: Configuration, dimensions: Expr | undefined, fn: Block): boolean {
  if (dimensions && dimensions.kind !== 'object') return true; // a computed map: cannot tell, assume it covers
  const value = dimensionValue(dimensions, 'FunctionName');
  if (!value) return true; // no FunctionName dimension: the account-wide metric covers every function
  if (expressionReferences(value, fn)) return true;
  const name = staticString(attrExpr(fn, 'function_name'));
  const literal = staticString(value);
  if (literal !== undefined) return name !== undefined && literal === name;
  // A reference to another function does not cover this one; anything else (var, each.value) might.
  return referencedBlocks(config, value, 'aws_lambda_function').length === 0;
}
