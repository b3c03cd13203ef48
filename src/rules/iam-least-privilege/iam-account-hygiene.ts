import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { policyStatements } from '../util/policy.js';
import { resolveExpr } from '../util/b-resolve.js';

/** CIS: permissions are granted to groups or roles, never to users directly. */
export const userPoliciesRule: Rule = {
  meta: {
    id: 'iam-policy-on-user',
    category: 'iam-least-privilege',
    severity: 'low',
    defaultTier: 'observation',
    fixClass: 'B',
    title: 'IAM policy attached directly to a user',
    rootCause: 'Models attach policies to IAM users (inline or managed) instead of to groups or roles, which scatters permissions across identities.',
    fix: 'Attach policies to a group (aws_iam_group_policy_attachment) and add users to it; prefer roles with temporary credentials for workloads.',
    fixExample: 'resource "aws_iam_group_policy_attachment" "readers" {\n  group      = aws_iam_group.readers.name\n  policy_arn = aws_iam_policy.read.arn\n}',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#use-groups-for-permissions',
    knowledgeGap: 'IAM permissions belong on groups and roles, not users.',
  },
  check(ctx) {
    for (const type of ['aws_iam_user_policy', 'aws_iam_user_policy_attachment']) {
      for (const b of resources(ctx.config, type)) ctx.report({ block: b, resource: blockAddress(b), message: `${blockAddress(b)} grants permissions to a user directly.` });
    }
    for (const b of resources(ctx.config, 'aws_iam_policy_attachment')) {
      const users = attrExpr(b, 'users');
      if (users && !(users.kind === 'tuple' && users.items.length === 0)) ctx.report({ block: b, resource: blockAddress(b), message: `${blockAddress(b)} attaches a policy to users.` });
    }
  },
};

/** Long-lived access keys created by the stack end up in state. */
export const accessKeyRule: Rule = {
  meta: {
    id: 'iam-access-key-created',
    category: 'secrets',
    severity: 'medium',
    fixClass: 'B',
    title: 'Stack creates long-lived IAM access keys',
    rootCause: 'Models create `aws_iam_access_key` for a service user instead of giving the workload a role; the secret lands in Terraform state.',
    fix: 'Use an IAM role (instance profile, task role, IRSA, OIDC federation) for workloads; if a key is unavoidable, set `pgp_key` and rotate it.',
    fixExample: 'resource "aws_iam_role" "app" {\n  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json\n}',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles',
    knowledgeGap: 'Workloads use roles with temporary credentials, not access keys.',
    impact: 'The secret access key is stored in plain text in the state file.',
  },
  check(ctx) {
    for (const k of resources(ctx.config, 'aws_iam_access_key')) {
      // An encrypted key (pgp_key) keeps the secret out of state in clear text.
      const severity = attrExpr(k, 'pgp_key') ? 'low' : undefined;
      ctx.report({ block: k, resource: blockAddress(k), severity, message: `${blockAddress(k)} creates a long-lived access key${severity ? ' (PGP-encrypted)' : ''}.` });
    }
  },
};

/** SSO permission sets with an inline `*` on `*` policy are account administrators in every assigned account. */
export const ssoAdminRule: Rule = {
  meta: {
    id: 'sso-permission-set-full-admin',
    category: 'iam-least-privilege',
    severity: 'critical',
    fixClass: 'A',
    title: 'SSO permission set allows every action on every resource',
    rootCause: 'Models give a permission set an inline policy with `Action = "*"` and `Resource = "*"` instead of a scoped policy or the managed job-function policies.',
    fix: 'Scope the inline policy to the actions the job needs, or attach an AWS managed job-function policy (ReadOnlyAccess, PowerUserAccess) deliberately.',
    fixExample: 'resource "aws_ssoadmin_managed_policy_attachment" "ro" {\n  instance_arn       = local.sso_instance_arn\n  permission_set_arn = aws_ssoadmin_permission_set.ro.arn\n  managed_policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}',
    docs: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetcustom.html',
    knowledgeGap: 'Least privilege for IAM Identity Center permission sets',
    impact: 'Everyone assigned the permission set is an administrator of every account it is assigned to.',
  },
  check(ctx) {
    for (const b of resources(ctx.config, 'aws_ssoadmin_permission_set_inline_policy')) {
      const open = policyStatements(resolveExpr(ctx.config, attrExpr(b, 'inline_policy')), ctx.config).filter(
        (s) => s.effect === 'Allow' && s.actions.includes('*') && s.resources.includes('*') && !s.conditions?.length,
      );
      if (!open.length) continue;
      ctx.report({ block: b, resource: blockAddress(b), ...(open[0]!.span ? { span: open[0]!.span } : {}), message: `${blockAddress(b)} allows "*" on "*".` });
    }
  },
};
