import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { isPublicGrant, resourcePolicies, wildcardActions } from '../util/resource-policy.js';

export const rule: Rule = {
  meta: {
    id: 'resource-policy-public-principal',
    category: 'public-exposure',
    severity: 'high',
    fixClass: 'A',
    title: 'Resource policy grants access to anyone',
    rootCause:
      'Models write `Principal = "*"` (or `{ AWS = "*" }`) in bucket, queue, topic, repository, domain or secret policies to get cross-service access working, without the Condition (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID) that scopes it.',
    fix: 'Name the principal (a role ARN or a service principal) or keep "*" only together with a Condition on aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID.',
    fixExample: `statement {
  actions   = ["sqs:SendMessage"]
  resources = [aws_sqs_queue.jobs.arn]
  principals {
    type        = "Service"
    identifiers = ["sns.amazonaws.com"]
  }
  condition {
    test     = "ArnEquals"
    variable = "aws:SourceArn"
    values   = [aws_sns_topic.events.arn]
  }
}`,
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
    knowledgeGap: 'Resource-based policies: a wildcard principal needs a condition',
    impact: 'Any AWS account (or anonymous caller, for S3 and OpenSearch) can perform the granted actions on the resource.',
  },
  check(ctx) {
    for (const p of resourcePolicies(ctx.config)) {
      const open = p.statements.filter(isPublicGrant);
      if (!open.length) continue;
      const actions = [...new Set(open.flatMap((s) => [...s.actions, ...s.notActions.map((a) => `NotAction ${a}`)]))];
      const wild = open.some((s) => wildcardActions(s).length > 0);
      const first = open[0]!;
      ctx.report({
        block: p.block,
        resource: blockAddress(p.block),
        ...(first.span ? { span: first.span } : {}),
        // Anyone may do everything: the worst case of the family.
        severity: wild ? 'critical' : undefined,
        message: `${blockAddress(p.block)} \`${p.argument}\` allows Principal "*" without a condition to ${actions.slice(0, 5).join(', ') || 'its actions'}.`,
      });
    }
  },
};
