import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { isLowRiskOnStar, requiresStarResource } from '../util/iam.js';
import { byBlock, identityGrants } from './shared.js';

export const rule: Rule = {
  meta: {
    id: 'iam-wildcard-resource',
    category: 'iam-least-privilege',
    severity: 'high',
    fixClass: 'A',
    title: 'IAM policy grants actions on all resources',
    rootCause: 'The model writes `Resource = "*"` instead of the ARNs of the resources the stack creates.',
    fix: 'Scope each statement to the ARNs of the stack\'s own resources; keep `*` only for actions that do not support resource-level permissions.',
    fixExample: 'Resource = [\n  aws_dynamodb_table.items.arn,\n  "${aws_dynamodb_table.items.arn}/index/*",\n]',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    knowledgeGap: 'AWS security best practices: least-privilege IAM resources (specific ARNs)',
    impact: 'The workload can read or change every resource of that type in the account (all secrets, all keys, all tables).',
  },
  check(ctx) {
    for (const [block, grants] of byBlock(identityGrants(ctx.config))) {
      const offending: string[] = [];
      // Discovery (Describe/List) and own-log writes on "*" are low; anything touching data or configuration is high.
      let onlyDiscovery = true;
      for (const { statement } of grants) {
        if (!statement.resources.includes('*')) continue;
        // Actions without resource-level permissions must use "*": not a least-privilege gap.
        const scoped = statement.actions.filter((a) => !requiresStarResource(a));
        for (const a of scoped) {
          offending.push(a);
          if (!isLowRiskOnStar(a)) onlyDiscovery = false;
        }
      }
      if (!offending.length) continue;
      const unique = [...new Set(offending)];
      const shown = unique.slice(0, 6).join(', ') + (unique.length > 6 ? `, … (${unique.length} actions)` : '');
      ctx.report({
        block,
        resource: blockAddress(block),
        severity: onlyDiscovery ? 'low' : undefined,
        message: `${blockAddress(block)} allows ${shown} on Resource "*".`,
      });
    }
  },
};
