import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { byBlock, identityGrants } from './shared.js';

/**
 * Action sets that let a principal raise its own privileges when granted on every resource: each entry is
 * satisfied when all its actions are allowed (together, anywhere in the same policy). Widely documented
 * escalation paths; `*` on `*` is left to iam-wildcard-action.
 */
export const ESCALATION_SETS: { actions: string[]; how: string }[] = [
  { actions: ['iam:CreatePolicyVersion'], how: 'rewrite a managed policy it is attached to' },
  { actions: ['iam:SetDefaultPolicyVersion'], how: 'switch a policy to a more permissive version' },
  { actions: ['iam:CreateAccessKey'], how: 'create access keys for any user' },
  { actions: ['iam:CreateLoginProfile'], how: 'set a console password for any user' },
  { actions: ['iam:UpdateLoginProfile'], how: 'change any user\'s console password' },
  { actions: ['iam:AttachUserPolicy'], how: 'attach AdministratorAccess to a user' },
  { actions: ['iam:AttachGroupPolicy'], how: 'attach AdministratorAccess to a group' },
  { actions: ['iam:AttachRolePolicy'], how: 'attach AdministratorAccess to a role' },
  { actions: ['iam:PutUserPolicy'], how: 'write an inline admin policy on a user' },
  { actions: ['iam:PutGroupPolicy'], how: 'write an inline admin policy on a group' },
  { actions: ['iam:PutRolePolicy'], how: 'write an inline admin policy on a role' },
  { actions: ['iam:AddUserToGroup'], how: 'join an administrators group' },
  { actions: ['iam:UpdateAssumeRolePolicy'], how: 'let itself assume any role' },
  { actions: ['iam:PassRole', 'lambda:CreateFunction'], how: 'run code as any role through a new Lambda function' },
  { actions: ['iam:PassRole', 'ec2:RunInstances'], how: 'launch an instance with any instance profile' },
  { actions: ['iam:PassRole', 'cloudformation:CreateStack'], how: 'deploy a stack as any role' },
  { actions: ['iam:PassRole', 'glue:CreateDevEndpoint'], how: 'open a Glue dev endpoint as any role' },
  { actions: ['iam:PassRole', 'datapipeline:CreatePipeline'], how: 'run a pipeline as any role' },
  { actions: ['lambda:UpdateFunctionCode'], how: 'replace the code of functions running with other roles' },
  { actions: ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'], how: 'run a container as any task role' },
  { actions: ['iam:PassRole', 'codebuild:CreateProject'], how: 'run a build as any service role' },
  { actions: ['iam:PassRole', 'sagemaker:CreateNotebookInstance'], how: 'open a notebook running as any role' },
  { actions: ['iam:PassRole', 'states:CreateStateMachine'], how: 'run a state machine as any role' },
  { actions: ['lambda:UpdateFunctionConfiguration'], how: 'attach a layer that runs its code in functions with other roles' },
];

/** Whether an IAM action pattern (`iam:*`, `iam:Put*`, `*`) allows an action; IAM matching is case-insensitive. */
export function actionAllows(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  const re = new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$', 'i');
  return re.test(action);
}

export const rule: Rule = {
  meta: {
    id: 'iam-privilege-escalation',
    category: 'iam-least-privilege',
    severity: 'high',
    fixClass: 'A',
    title: 'IAM policy allows privilege escalation',
    rootCause:
      'Models grant IAM-management or PassRole-plus-compute actions on `*` for a deployment or automation role, which lets that role make itself (or a new principal) administrator.',
    fix: 'Remove the IAM write actions, or scope them: PassRole only on the specific role ARNs with an iam:PassedToService condition; policy and key management only on named resources.',
    fixExample: `statement {
  actions   = ["iam:PassRole"]
  resources = [aws_iam_role.lambda_exec.arn]
  condition {
    test     = "StringEquals"
    variable = "iam:PassedToService"
    values   = ["lambda.amazonaws.com"]
  }
}`,
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
    knowledgeGap: 'IAM privilege escalation paths (PassRole, policy and credential management on *)',
    impact: 'Whoever holds the policy can grant itself full account access.',
  },
  check(ctx) {
    for (const [block, grants] of byBlock(identityGrants(ctx.config))) {
      // Only statements on every resource: a PassRole scoped to one role ARN is the recommended pattern.
      const onAll = grants.filter((g) => g.statement.resources.includes('*') && !g.statement.conditions?.length);
      const patterns = onAll.flatMap((g) => g.statement.actions);
      // `*` on `*` is iam-wildcard-action's (critical) finding.
      if (!patterns.length || patterns.includes('*')) continue;
      const hits = ESCALATION_SETS.filter((set) => set.actions.every((a) => patterns.some((p) => actionAllows(p, a))));
      if (!hits.length) continue;
      const span = onAll[0]!.statement.span;
      ctx.report({
        block,
        resource: blockAddress(block),
        ...(span ? { span } : {}),
        message: `${blockAddress(block)} allows ${hits.slice(0, 3).map((h) => `${h.actions.join(' + ')} (${h.how})`).join('; ')}${hits.length > 3 ? `; and ${hits.length - 3} more` : ''} on "*".`,
      });
    }
  },
};
