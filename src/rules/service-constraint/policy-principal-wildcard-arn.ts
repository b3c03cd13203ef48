import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { allPolicyStatements } from '../util/policy.js';

/** An IAM principal ARN (account root, role, user) as written, before any interpolation. */
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::/;

export const rule: Rule = {
  meta: {
    id: 'policy-principal-wildcard-arn',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // IAM, KMS, S3, SNS and SQS reject the document (MalformedPolicyDocument: Invalid principal): the resource
    // holding it is never created or updated, whatever the check's measured precision.
    applyFailure: true,
    title: 'Wildcard inside a principal ARN',
    rootCause:
      'The model writes `arn:aws:iam::*:root` or `arn:aws:iam::123456789012:role/*` to mean "any account" or "any role", but a principal must be a whole ARN or the bare `*`: AWS rejects a wildcard inside the ARN.',
    fix: 'Name the account (`arn:aws:iam::${data.aws_caller_identity.current.account_id}:root`) or the roles; to admit many principals, use `"*"` with a condition (`aws:PrincipalOrgID`, `aws:PrincipalArn` with `ArnLike`).',
    fixExample: `statement {
  principals {
    type        = "AWS"
    identifiers = ["*"]
  }
  condition {
    test     = "ArnLike"
    variable = "aws:PrincipalArn"
    values   = ["arn:aws:iam::\${data.aws_caller_identity.current.account_id}:role/app-*"]
  }
}`,
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous',
    knowledgeGap: 'A policy principal is an exact ARN or "*"; wildcards inside a principal ARN are invalid (use conditions on aws:PrincipalArn).',
    impact: '`terraform apply` fails: the policy is rejected (MalformedPolicyDocument: Invalid principal in policy), so the key, bucket policy or role is not created.',
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const { block, statement } of allPolicyStatements(ctx.config)) {
      for (const p of statement.principals) {
        if (p.type !== 'AWS') continue;
        const bad = p.identifiers.find((id) => PRINCIPAL_ARN.test(id) && !id.includes('${') && id.includes('*'));
        const key = `${blockAddress(block)}\u0000${bad}`;
        if (!bad || seen.has(key)) continue;
        seen.add(key);
        ctx.report({
          block,
          ...(statement.span ? { span: statement.span } : {}),
          message: `${blockAddress(block)} names the principal "${bad}": a principal ARN cannot contain a wildcard, so AWS rejects the policy (MalformedPolicyDocument: Invalid principal).`,
        });
      }
    }
  },
};
