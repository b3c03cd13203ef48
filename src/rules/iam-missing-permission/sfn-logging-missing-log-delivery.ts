import type { Rule } from '../types.js';
import { attrExpr, nestedBlocks, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { allowsAction, roleFromExpr, rolePermissions } from '../util/b-iam.js';
import { LOG_DELIVERY_ACTIONS } from '../util/iam.js';


export const rule: Rule = {
  meta: {
    id: 'sfn-logging-missing-log-delivery',
    category: 'iam-missing-permission',
    severity: 'high',
    fixClass: 'A',
    title: 'Step Functions logging without log-delivery permissions',
    rootCause:
      'Models configure `logging_configuration` on the state machine but give its role only the task permissions (lambda:InvokeFunction); Step Functions needs the CloudWatch Logs log-delivery actions to attach the log group.',
    fix: 'Grant the state machine role logs:CreateLogDelivery, GetLogDelivery, UpdateLogDelivery, DeleteLogDelivery, ListLogDeliveries, PutResourcePolicy, DescribeResourcePolicies and DescribeLogGroups (Resource "*").',
    fixExample: `{
  Effect = "Allow"
  Action = [
    "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery",
    "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
    "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"
  ]
  Resource = "*"
}`,
    docs: 'https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html',
    knowledgeGap: 'Step Functions execution logging needs log-delivery IAM actions on the state machine role.',
    impact: 'State machine creation fails: "The state machine IAM Role is not authorized to access the Log Destination".',
  },
  check(ctx) {
    for (const sm of resources(ctx.config, 'aws_sfn_state_machine')) {
      const logging = nestedBlocks(sm, 'logging_configuration')[0];
      if (!logging) continue;
      const level = resolvedString(ctx.config, attrExpr(logging, 'level'));
      if (level === 'OFF') continue;
      const role = roleFromExpr(ctx.config, attrExpr(sm, 'role_arn'));
      if (!role) continue;
      const perms = rolePermissions(ctx.config, role);
      if (!perms.complete) continue;
      const missing = LOG_DELIVERY_ACTIONS.filter((a) => !allowsAction(perms, a));
      if (!missing.length) continue;
      ctx.report({
        block: sm,
        message: `Logging is configured, but role ${role.labels[1] ?? '?'} lacks ${missing.join(', ')}.`,
      });
    }
  },
};
