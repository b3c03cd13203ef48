import type { Block, Expr } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources, staticString } from '../../model/query.js';

const ADMIN = /:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/;
const FULL_ACCESS = /:policy\/(service-role\/)?[A-Za-z0-9]+FullAccess$/;

function arns(e: Expr | undefined): string[] {
  if (!e) return [];
  if (e.kind === 'tuple') return e.items.flatMap(arns);
  const s = staticString(e);
  if (s) return [s];
  // "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess": keep the literal tail.
  if (e.kind === 'template') {
    const last = e.parts[e.parts.length - 1];
    if (last?.kind === 'literal' && typeof last.value === 'string') return [last.value];
  }
  return [];
}

export const rule: Rule = {
  meta: {
    id: 'admin-managed-policy',
    category: 'iam-least-privilege',
    severity: 'high',
    fixClass: 'A',
    title: 'Broad AWS managed policy attached',
    rootCause: 'The model attaches AdministratorAccess or *FullAccess managed policies instead of writing a scoped policy.',
    fix: 'Attach a customer-managed or inline policy with the needed actions on the stack\'s resources, or a narrow AWS managed policy (e.g. AWSLambdaBasicExecutionRole).',
    fixExample: 'resource "aws_iam_role_policy_attachment" "logs" {\n  role       = aws_iam_role.lambda.name\n  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"\n}',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies',
    knowledgeGap: 'AWS security best practices: avoid broad AWS managed policies',
    impact: 'The principal gets full control of a service (or the whole account).',
  },
  check(ctx) {
    const check = (block: Block, e: Expr | undefined): void => {
      for (const arn of arns(e)) {
        const admin = ADMIN.test(arn);
        if (!admin && !FULL_ACCESS.test(arn)) continue;
        ctx.report({
          block,
          resource: blockAddress(block),
          severity: admin ? 'critical' : undefined,
          message: `${blockAddress(block)} attaches ${arn.slice(arn.indexOf('policy/') + 7)}.`,
        });
        return;
      }
    };
    for (const type of ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment']) {
      for (const r of resources(ctx.config, type)) check(r, attrExpr(r, 'policy_arn'));
    }
    for (const r of resources(ctx.config, 'aws_iam_role')) check(r, attrExpr(r, 'managed_policy_arns'));
  },
};
