import type { Rule } from '../types.js';
import type { Block } from '../../model/types.js';
import { attrExpr, blockAddress, nestedBlocks, resources } from '../../model/query.js';
import { actionMatches, allowsAction, MANAGED_POLICY_ACTIONS, roleFromExpr, rolePermissions, type RolePermissions } from '../util/b-iam.js';
import { referencedBlocks } from '../util/b-refs.js';

/** The action a dead-letter target needs from the function's role, by target type. */
const SEND_ACTION: Record<string, string> = { aws_sqs_queue: 'sqs:SendMessage', aws_sns_topic: 'sns:Publish' };

/**
 * Whether a statement granting the action may cover the queue or topic: any statement except one whose resources
 * all name other resources of the same type (`aws_sqs_queue.processing.arn` for a DLQ `aws_sqs_queue.dlq`).
 * A managed policy grant is taken as covering.
 */
function grantsOn(perms: RolePermissions, action: string, target: Block): boolean {
  if (perms.managedPolicies.some((name) => (MANAGED_POLICY_ACTIONS[name] ?? []).some((p) => actionMatches(p, action)))) return true;
  const type = target.labels[0] ?? '';
  const address = blockAddress(target);
  const otherOfType = (r: string) => r.startsWith(`${type}.`) && !r.startsWith(`${address}.`) && !r.startsWith(`${address}[`);
  return perms.statements.some((st) => st.effect === 'Allow' && st.actions.some((p) => actionMatches(p, action)) && !(st.resources.length > 0 && st.resources.every(otherOfType)));
}

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
        if (allowsAction(perms, action) && grantsOn(perms, action, queue)) continue;
        ctx.report({
          block: fn,
          message: `${blockAddress(fn)} sends failed events to ${blockAddress(queue)}, but its role ${blockAddress(role)} has no ${action}: Lambda rejects the function at creation.`,
        });
      }
    }
  },
};
