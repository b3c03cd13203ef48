/**
 * What a role is allowed to do, following every way Terraform attaches policies to it: inline_policy blocks,
 * managed_policy_arns, aws_iam_role_policy, aws_iam_role_policy_attachment and aws_iam_policy_attachment.
 * `complete` is false when some attached policy could not be read; rules then stay silent.
 */
import type { Block, Configuration, Expr } from '../../model/types.js';
import { attrExpr, blockAddress, exprToText, nestedBlocks, resources, staticString } from '../../model/query.js';
import { policyStatements, type PolicyStatement } from './policy.js';
import { expressionReferences, referencedBlocks } from './b-refs.js';
import { appendAll } from '../../io/arrays.js';

export interface RolePermissions {
  statements: PolicyStatement[];
  /** AWS managed policy names attached (`AWSLambdaVPCAccessExecutionRole`, `service-role/...` stripped to the name). */
  managedPolicies: string[];
  complete: boolean;
}

/** The aws_iam_role an expression (a role ARN, name or id) points at. */
export function roleFromExpr(config: Configuration, expr: Expr | undefined): Block | undefined {
  return referencedBlocks(config, expr, 'aws_iam_role')[0];
}

export function rolePermissions(config: Configuration, role: Block): RolePermissions {
  const out: RolePermissions = { statements: [], managedPolicies: [], complete: true };
  const addPolicy = (e: Expr | undefined): void => {
    if (!e) return;
    const st = policyStatements(e, config);
    if (st.length) appendAll(out.statements, st);
    else out.complete = false;
  };
  const addArn = (e: Expr): void => {
    const policy = referencedBlocks(config, e, 'aws_iam_policy')[0];
    if (policy) return addPolicy(attrExpr(policy, 'policy'));
    const name = managedPolicyName(e);
    if (name) out.managedPolicies.push(name);
    else out.complete = false;
  };
  for (const inline of nestedBlocks(role, 'inline_policy')) addPolicy(attrExpr(inline, 'policy'));
  const managed = attrExpr(role, 'managed_policy_arns');
  if (managed?.kind === 'tuple') managed.items.forEach(addArn);
  else if (managed) out.complete = false;

  const roleName = staticString(attrExpr(role, 'name'));
  const pointsAtRole = (e: Expr | undefined): boolean =>
    expressionReferences(e, role) || (roleName !== undefined && staticString(e) === roleName);
  for (const rp of resources(config, 'aws_iam_role_policy')) {
    if (pointsAtRole(attrExpr(rp, 'role'))) addPolicy(attrExpr(rp, 'policy'));
  }
  for (const att of resources(config, 'aws_iam_role_policy_attachment')) {
    const arn = attrExpr(att, 'policy_arn');
    if (arn && pointsAtRole(attrExpr(att, 'role'))) addArn(arn);
  }
  for (const att of resources(config, 'aws_iam_policy_attachment')) {
    const roles = attrExpr(att, 'roles');
    const arn = attrExpr(att, 'policy_arn');
    const items = roles?.kind === 'tuple' ? roles.items : roles ? [roles] : [];
    if (arn && items.some(pointsAtRole)) addArn(arn);
  }
  return out;
}

/** `arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole` → `AWSLambdaVPCAccessExecutionRole`. */
export function managedPolicyName(e: Expr): string | undefined {
  const text = staticString(e) ?? (e.kind === 'template' ? exprToText(e) : undefined);
  if (!text) return undefined;
  const m = /:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)/.exec(text);
  return m?.[1];
}

/** Whether an action pattern (`logs:*`, `logs:Create*`, `*`) covers an action. Case-insensitive like IAM. */
export function actionMatches(pattern: string, action: string): boolean {
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  if (p === '*' || p === a) return true;
  if (!p.includes('*')) return false;
  // Glob to a linear-time check: split on '*' and match the pieces in order.
  const pieces = p.split('*');
  let pos = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i === 0) {
      if (!a.startsWith(piece)) return false;
      pos = piece.length;
      continue;
    }
    if (i === pieces.length - 1) return a.length - piece.length >= pos && a.endsWith(piece);
    const at = a.indexOf(piece, pos);
    if (at < 0) return false;
    pos = at + piece.length;
  }
  return pos === a.length;
}

/** Actions granted by AWS managed policies rules care about (abridged to the relevant actions). */
export const MANAGED_POLICY_ACTIONS: Record<string, string[]> = {
  AdministratorAccess: ['*'],
  PowerUserAccess: ['*'],
  CloudWatchLogsFullAccess: ['logs:*'],
  AWSLambdaVPCAccessExecutionRole: [
    'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeSubnets', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
  ],
  AWSLambdaENIManagementAccess: [
    'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses',
    'ec2:UnassignPrivateIpAddresses',
  ],
  AmazonEC2FullAccess: ['ec2:*'],
  AWSLambdaBasicExecutionRole: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  AWSXRayDaemonWriteAccess: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets', 'xray:GetSamplingStatisticSummaries'],
  AWSLambdaSQSQueueExecutionRole: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  AWSLambdaDynamoDBExecutionRole: [
    'dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams', 'logs:CreateLogGroup', 'logs:CreateLogStream',
    'logs:PutLogEvents',
  ],
  AWSLambdaKinesisExecutionRole: [
    'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:ListStreams',
    'kinesis:SubscribeToShard', 'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents',
  ],
  AmazonSQSFullAccess: ['sqs:*'],
  AmazonSNSFullAccess: ['sns:*'],
  AmazonS3FullAccess: ['s3:*', 's3-object-lambda:*'],
};

/**
 * Whether a statement's resources may include the block: all but a statement whose resources all name other
 * blocks of the same type (`aws_sqs_queue.work.arn` for `aws_sqs_queue.dlq`).
 */
function mayCover(s: PolicyStatement, target: Block): boolean {
  const type = target.labels[0] ?? '';
  const address = blockAddress(target);
  const otherOfType = (r: string) => r.startsWith(`${type}.`) && !r.startsWith(`${address}.`) && !r.startsWith(`${address}[`);
  return !(s.resources.length > 0 && s.resources.every(otherOfType));
}

/** Whether an Allow statement (or an attached managed policy) grants the action (on the block, when given: a managed policy counts as covering it). Deny and NotAction are ignored: we only look for gaps. */
export function allowsAction(perms: RolePermissions, action: string, on?: Block): boolean {
  if (perms.statements.some((s) => s.effect === 'Allow' && s.actions.some((p) => actionMatches(p, action)) && (!on || mayCover(s, on)))) return true;
  return perms.managedPolicies.some((name) => (MANAGED_POLICY_ACTIONS[name] ?? []).some((p) => actionMatches(p, action)));
}
