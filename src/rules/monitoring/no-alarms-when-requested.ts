import type { Rule } from '../types.js';
import { resources } from '../../model/query.js';
import { promptMentions } from '../util/b-prompt.js';
import { alarmBlocks } from './alarm-metrics.js';

/** Resource types whose health is usually alarmed on. */
const MONITORED = /^aws_(lambda_function|db_instance|rds_cluster|ecs_service|lb|alb|api_gateway_rest_api|apigatewayv2_api|sqs_queue|dynamodb_table|instance|autoscaling_group|sfn_state_machine|kinesis_stream|elasticache_replication_group)$/;

export const rule: Rule = {
  meta: {
    id: 'no-alarms-when-requested',
    category: 'monitoring',
    severity: 'medium',
    fixClass: 'A',
    title: 'Task asks for alarms but the stack defines none',
    rootCause: 'Models treat "monitoring" as log groups or a dashboard and skip the alarms the task names.',
    fix: 'Add aws_cloudwatch_metric_alarm resources for the key failure metrics of the stack, with SNS alarm_actions.',
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_metric_alarm',
    knowledgeGap: 'Requested alerting means CloudWatch alarms with notification targets.',
    impact: 'Failures of monitored services raise no alert.',
  },
  check(ctx) {
    if (alarmBlocks(ctx.config).length) return;
    if (!promptMentions(ctx, /\balarms?\b/)) return;
    const monitored = resources(ctx.config).filter((r) => MONITORED.test(r.labels[0] ?? ''));
    if (!monitored.length) return;
    ctx.report({
      block: monitored[0]!,
      resource: 'aws_cloudwatch_metric_alarm',
      message: `The task asks for alarms, but no aws_cloudwatch_metric_alarm exists for the ${monitored.length} monitorable resource(s).`,
    });
  },
};
