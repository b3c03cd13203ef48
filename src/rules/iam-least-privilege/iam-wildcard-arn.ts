import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { requiresStarResource } from '../util/iam.js';
import { byBlock, identityGrants } from './shared.js';

/**
 * An ARN that names no resource of the stack: its resource part is `*` (`arn:aws:logs:*:*:*`, `arn:aws:s3:::*`),
 * or a whole resource type (`table/*`, `function:*`) in any region or account. Such an ARN is `Resource = "*"`
 * for that service, written so that it does not look like one.
 */
export function broadArn(resource: string): boolean {
  if (!resource.startsWith('arn:')) return false;
  const parts = resource.split(':');
  if (parts.length < 6) return false;
  const region = parts[3]!;
  const account = parts[4]!;
  const rest = parts.slice(5).join(':');
  if (rest === '*') return true;
  const wholeType = /^[a-z][a-z-]*[/:]\*$/i.test(rest);
  return wholeType && (region === '*' || account === '*');
}

export const rule: Rule = {
  meta: {
    id: 'iam-wildcard-arn',
    category: 'iam-least-privilege',
    severity: 'medium',
    fixClass: 'A',
    title: 'IAM policy grants actions on every resource of a service through a wildcard ARN',
    rootCause:
      'Models avoid `Resource = "*"` but write ARNs such as `arn:aws:logs:*:*:*` or `arn:aws:dynamodb:*:*:table/*`, which match every log group or table in every region and account.',
    fix: 'Name the stack\'s own resources: the log group ARN (with `:*` for its streams), the table ARN and its indexes, the function ARN.',
    fixExample: `Resource = [
  aws_cloudwatch_log_group.lambda.arn,
  "\${aws_cloudwatch_log_group.lambda.arn}:*",
]`,
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
    knowledgeGap: 'Least privilege: a wildcard ARN is as broad as Resource "*" for its service.',
    impact: 'The principal can act on every resource of that type in the account, not only the stack\'s own.',
  },
  check(ctx) {
    for (const [block, grants] of byBlock(identityGrants(ctx.config))) {
      const arns: string[] = [];
      for (const { statement } of grants) {
        // Statements on "*" are iam-wildcard-resource's; actions that only work on "*" are not a gap.
        if (statement.resources.includes('*')) continue;
        if (statement.actions.every((a) => requiresStarResource(a))) continue;
        arns.push(...statement.resources.filter(broadArn));
      }
      if (!arns.length) continue;
      const unique = [...new Set(arns)];
      ctx.report({
        block,
        resource: blockAddress(block),
        message: `${blockAddress(block)} grants on ${unique.slice(0, 4).join(', ')}${unique.length > 4 ? ', …' : ''}: every resource of that type, not the stack's own.`,
      });
    }
  },
};
