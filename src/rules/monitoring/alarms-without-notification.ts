import type { Rule } from '../types.js';
import { attrExpr } from '../../model/query.js';
import { alarmBlocks } from './alarm-metrics.js';

export const rule: Rule = {
  meta: {
    id: 'alarms-without-notification',
    category: 'monitoring',
    severity: 'medium',
    fixClass: 'A',
    title: 'CloudWatch alarms notify nobody',
    rootCause: 'Models write alarm thresholds but leave out the SNS topic and `alarm_actions` that turn a state change into a notification.',
    fix: 'Create an aws_sns_topic (with a subscription) and set `alarm_actions` (and `ok_actions`) on the alarms.',
    fixExample: `resource "aws_sns_topic" "alerts" {
  name = "alerts-\${var.environment_suffix}"
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  # ...
  alarm_actions = [aws_sns_topic.alerts.arn]
  ok_actions    = [aws_sns_topic.alerts.arn]
}`,
    docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html',
    knowledgeGap: 'An alarm without actions only changes state in the console; notification needs alarm_actions.',
    impact: 'Incidents trigger alarms that no one is told about.',
    // Alarms that notify nobody are a failure where the task asks to be told (notifications, SNS, e-mail, paging).
    promptGate: /notif|\bsns\b|e-?mail|alert|page|on-?call|escalat/i,
    idealGate: /alarm_actions|alarmActions/,
  },
  check(ctx) {
    const alarms = alarmBlocks(ctx.config);
    if (!alarms.length) return;
    const hasActions = alarms.some((a) =>
      ['alarm_actions', 'ok_actions', 'insufficient_data_actions'].some((name) => {
        const e = attrExpr(a, name);
        return e !== undefined && !(e.kind === 'tuple' && e.items.length === 0);
      }),
    );
    if (hasActions) return;
    ctx.report({
      block: alarms[0]!,
      resource: 'aws_cloudwatch_metric_alarm',
      message: `None of the ${alarms.length} alarm(s) has alarm_actions or ok_actions; state changes notify no one.`,
    });
  },
};
