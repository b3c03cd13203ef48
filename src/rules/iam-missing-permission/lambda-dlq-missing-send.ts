import type { Rule } from '../types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { allowsAction, MANAGED_POLICY_ACTIONS, roleFromExpr, rolePermissions } from '../util/b-iam.js';
import { referencedBlocks } from '../util/b-refs.js';

/** The action a dead-letter target needs from the function's role, by target type. */
const SEND_ACTION: Record<string, string> = { aws_sqs_queue: 'sqs:SendMessage', aws_sns_topic: 'sns:Publish' };

export const rule: Rule = {
  meta: {
    id: 'lambda-dlq-missing-send',
    category: 'iam-missing-permission',
    severity: 'critical',
    fixClass: 'A',
    // CreateFunction checks the role against the dead-letter target ("The provided execution role does not have
    // permissions to call SendMessage on SQS"): listed whatever the check's measured precision.
    applyFailure: true,
    title: 'Lambda dead-letter queue the execution role cannot send to',
    rootCause:
      'Models add a `dead_letter_config` to a function and grant its role logs and the task\'s own actions, but not `sqs:SendMessage` (or `sns:Publish`) on the dead-letter target, which Lambda checks when the function is created.',
    fix: 'Grant the execution role `sqs:SendMessage` on the dead-letter queue (`sns:Publish` on a topic).',
    fixExample: `statement {
  actions   = ["sqs:SendMessage"]
  resources = [aws_sqs_queue.dlq.arn]
}`,
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html#invocation-dlq',
    knowledgeGap: 'A Lambda dead-letter target needs send permission on the execution role, checked at creation.',
    impact: '`terraform apply` fails creating the function (InvalidParameterValueException: the execution role does not have permissions to call SendMessage).',
  },
  check(ctx) {
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      for (const dlq of nestedBlocks(fn, 'dead_letter_config')) {
        const target = attrExpr(dlq, 'target_arn');
        const queue = referencedBlocks(ctx.config, target, 'aws_sqs_queue')[0] ?? referencedBlocks(ctx.config, target, 'aws_sns_topic')[0];
        if (!queue) continue;
        const action = SEND_ACTION[queue.labels[0] ?? '']!;
        const role = roleFromExpr(ctx.config, attrExpr(fn, 'role'));
        if (!role) continue;
        const perms = rolePermissions(ctx.config, role);
        // Only a fully readable role says what it lacks: an unread policy or a managed policy whose actions are not
        // known may grant it.
        if (!perms.complete || perms.managedPolicies.some((m) => !(m in MANAGED_POLICY_ACTIONS))) continue;
        if (allowsAction(perms, action, queue)) continue;
        ctx.report({
          block: fn,
          message: `${blockAddress(fn)} sends failed events to ${blockAddress(queue)}, but its role ${blockAddress(role)} has no ${action}: Lambda rejects the function at creation.`,
        });
      }
    }
  },
};
