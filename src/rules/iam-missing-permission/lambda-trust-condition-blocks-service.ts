import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources } from '../../model/query.js';
import { roleFromExpr } from '../util/b-iam.js';
import { policyStatements } from '../util/policy.js';

/** Condition keys a service principal never sends when it assumes a role. */
const CROSS_ACCOUNT_KEYS = /^sts:externalid$|^aws:multifactorauthpresent$|^aws:principalorgid$/i;

export const rule: Rule = {
  meta: {
    id: 'lambda-trust-condition-blocks-service',
    category: 'iam-missing-permission',
    severity: 'critical',
    fixClass: 'A',
    // Lambda cannot assume the role, and CreateFunction says so ("The role defined for the function cannot be assumed
    // by Lambda"): listed whatever the check's measured precision.
    applyFailure: true,
    title: 'Lambda role trust policy requires a condition Lambda never meets',
    rootCause:
      'Models harden every trust policy the same way and add `sts:ExternalId` (or MFA, organization) conditions meant for cross-account human access to a role the Lambda service assumes; the service sends none of them.',
    fix: 'Trust `lambda.amazonaws.com` without cross-account conditions; restrict it with `aws:SourceAccount` / `aws:SourceArn` if needed.',
    fixExample: `data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}`,
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html',
    knowledgeGap: 'Service principals do not send sts:ExternalId or MFA context when they assume a role.',
    impact: '`terraform apply` fails creating the function: Lambda cannot assume its execution role.',
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const fn of resources(ctx.config, 'aws_lambda_function')) {
      const role = roleFromExpr(ctx.config, attrExpr(fn, 'role'));
      if (!role || seen.has(blockAddress(role))) continue;
      const trusts = policyStatements(attrExpr(role, 'assume_role_policy'), ctx.config).filter(
        (s) => s.effect === 'Allow' && s.principals.some((p) => p.type === 'Service' && p.identifiers.some((id) => /^lambda\.amazonaws\.com$/i.test(id))),
      );
      if (!trusts.length) continue;
      const blocking = trusts.every((s) => (s.conditions ?? []).some((k) => CROSS_ACCOUNT_KEYS.test(k)));
      if (!blocking) continue;
      seen.add(blockAddress(role));
      const keys = [...new Set(trusts.flatMap((s) => (s.conditions ?? []).filter((k) => CROSS_ACCOUNT_KEYS.test(k))))];
      ctx.report({
        block: role,
        message: `${blockAddress(role)} lets lambda.amazonaws.com assume it only with ${keys.join(', ')}, which the Lambda service never sends: ${blockAddress(fn)} cannot be created.`,
      });
    }
  },
};
