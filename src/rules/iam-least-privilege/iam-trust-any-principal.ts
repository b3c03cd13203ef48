import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { allPolicyStatements } from '../util/policy.js';

export const rule: Rule = {
  meta: {
    id: 'iam-trust-any-principal',
    category: 'iam-least-privilege',
    severity: 'critical',
    fixClass: 'A',
    title: 'Role trust policy allows any principal',
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
      // Resource policies (bucket, queue, topic, key) open to "*" are resource-policy-public-principal's: one
      // finding per policy, read with the service's own actions. This check reads who may assume a role.
      const trust = attribute === 'assume_role_policy' || statement.actions.some((a) => a.startsWith('sts:'));
      if (!trust) continue;
      const addr = blockAddress(block);
      if (seen.has(addr)) continue;
      seen.add(addr);
      ctx.report({
        block,
        resource: addr,
        ...(statement.span ? { span: statement.span } : {}),
        message: `${addr} lets any principal assume it (Principal "*", no condition).`,
      });
    }
  },
};
