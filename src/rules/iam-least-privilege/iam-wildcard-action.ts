import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { isWildcardAction } from '../util/iam.js';
import { byBlock, identityGrants } from './shared.js';

export const rule: Rule = {
  meta: {
    id: 'iam-wildcard-action',
    category: 'iam-least-privilege',
    severity: 'high',
    fixClass: 'A',
    title: 'IAM policy grants wildcard actions',
    rootCause: 'The model grants `service:*` (or `*`) instead of listing the API calls the workload makes.',
    fix: 'List the specific actions the workload needs.',
    fixExample: 'Action = [\n  "dynamodb:GetItem",\n  "dynamodb:PutItem",\n  "dynamodb:Query",\n]',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    knowledgeGap: 'AWS security best practices: least-privilege IAM actions',
    impact: 'A compromised workload can perform every action of the service (or the account), including deletes and permission changes.',
  },
  check(ctx) {
    for (const [block, grants] of byBlock(identityGrants(ctx.config))) {
      const wild = [...new Set(grants.flatMap((g) => g.statement.actions.filter(isWildcardAction)))];
      const notAction = grants.some((g) => g.statement.notActions.length > 0);
      if (!wild.length && !notAction) continue;
      const full = wild.includes('*') || notAction;
      const stmt = grants.find((g) => g.statement.actions.some(isWildcardAction) || g.statement.notActions.length)!.statement;
      ctx.report({
        block,
        resource: blockAddress(block),
        ...(stmt.span ? { span: stmt.span } : {}),
        severity: full ? 'critical' : undefined,
        message: notAction && !wild.length
          ? `${blockAddress(block)} allows everything except a NotAction list.`
          : `${blockAddress(block)} allows ${wild.map((a) => `"${a}"`).join(', ')}.`,
      });
    }
  },
};
