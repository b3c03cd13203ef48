import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { isPublicGrant, resourcePolicies, wildcardActions } from '../util/resource-policy.js';
import type { PolicyStatement } from '../util/policy.js';

/** Every principal is an account root (`arn:aws:iam::123456789012:root`, a template ending in `:root`, a bare account id). */
function delegatesToAccount(st: PolicyStatement): boolean {
  return (
    st.principals.length > 0 &&
    st.principals.every((p) => p.type === 'AWS' && p.identifiers.length > 0 && p.identifiers.every((id) => /:root["'}\s]*$/.test(id) || /^\d{12}$/.test(id)))
  );
}

export const rule: Rule = {
  meta: {
    id: 'resource-policy-wildcard-action',
    category: 'iam-least-privilege',
    severity: 'medium',
    fixClass: 'A',
    title: 'Resource policy allows every action',
    rootCause: 'Models grant `sqs:*`, `s3:*`, `ecr:*` or `*` in resource policies instead of the few calls the named caller makes.',
    fix: 'List the actions the caller needs (`sqs:SendMessage`, `s3:GetObject`, `ecr:BatchGetImage`, ...).',
    fixExample: 'Action = ["sqs:SendMessage"]',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html',
    knowledgeGap: 'Least privilege applies to resource-based policies too',
    impact: 'The granted principal can delete, reconfigure or change the policy of the resource.',
  },
  check(ctx) {
    for (const p of resourcePolicies(ctx.config)) {
      // Public grants are reported (critical) by resource-policy-public-principal. A grant to the account itself
      // (`arn:aws:iam::<account>:root`) adds nothing: it hands the decision to the account's IAM policies. Not on
      // SNS topics, whose policies reviewers saw rejected with a wildcard action whatever the principal.
      const sns = /^aws_sns_/.test(p.block.labels[0] ?? '');
      const wide = p.statements.filter((s) => s.effect === 'Allow' && !isPublicGrant(s) && (sns || !delegatesToAccount(s)) && wildcardActions(s).length > 0);
      if (!wide.length) continue;
      const actions = [...new Set(wide.flatMap(wildcardActions))];
      ctx.report({
        block: p.block,
        resource: blockAddress(p.block),
        ...(wide[0]!.span ? { span: wide[0]!.span } : {}),
        message: `${blockAddress(p.block)} \`${p.argument}\` allows ${actions.map((a) => `"${a}"`).join(', ')}.`,
      });
    }
  },
};
