import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { allPolicyStatements } from '../util/policy.js';

export const rule: Rule = {
  meta: {
    id: 'iam-trust-any-principal',
    category: 'iam-least-privilege',
    severity: 'critical',
    fixClass: 'A',
    title: 'Policy allows any principal',
    rootCause: 'The model writes `Principal = "*"` (or AWS = "*") without a condition, trusting every AWS account.',
    fix: 'Name the service or account principal that needs access; add conditions (aws:SourceArn, aws:SourceAccount) for service principals.',
    fixExample: 'Principal = { Service = "lambda.amazonaws.com" }',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
    knowledgeGap: 'IAM trust and resource policies: principals and conditions',
    impact: 'Any AWS account (or anonymous caller) can assume the role or use the resource.',
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const { block, attribute, statement } of allPolicyStatements(ctx.config)) {
      if (statement.effect !== 'Allow' || statement.conditions?.length) continue;
      const anyone = statement.principals.some((p) => p.type === '*' || ((p.type === 'AWS' || p.type === '*') && p.identifiers.includes('*')));
      if (!anyone) continue;
      const addr = blockAddress(block);
      if (seen.has(addr)) continue;
      seen.add(addr);
      const trust = attribute === 'assume_role_policy' || statement.actions.some((a) => a.startsWith('sts:'));
      ctx.report({
        block,
        resource: addr,
        ...(statement.span ? { span: statement.span } : {}),
        severity: trust ? 'critical' : 'high',
        message: trust ? `${addr} lets any principal assume it (Principal "*", no condition).` : `${addr} allows Principal "*" without a condition.`,
      });
    }
  },
};
