/**
 * Literal AWS credentials in a provider block (`access_key`, `secret_key`, `token`): whatever their shape, they
 * are committed with the code. References (`var.x`) are left to the variable checks.
 */
import type { Rule } from '../types.js';
import { attr, blocksOfKind, literalValue } from '../../model/query.js';

const CREDENTIAL_ARGUMENTS = ['access_key', 'secret_key', 'token'];

export const rule: Rule = {
  meta: {
    id: 'provider-static-credentials',
    category: 'secrets',
    severity: 'critical',
    fixClass: 'A',
    title: 'Literal credentials in the AWS provider block',
    rootCause: 'Models make a configuration self-contained by writing `access_key` and `secret_key` into the provider block instead of relying on the environment, a profile or an assumed role.',
    fix: 'Remove the credentials from the provider; use environment variables, a shared profile, SSO or `assume_role`.',
    fixExample: 'provider "aws" {\n  region = var.aws_region\n  assume_role {\n    role_arn = var.deploy_role_arn\n  }\n}',
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration',
    knowledgeGap: 'Terraform AWS provider authentication without static keys.',
    impact: 'The keys are exposed in version control; anyone with the repository acts as that IAM identity.',
  },
  check(ctx) {
    for (const p of blocksOfKind(ctx.config, 'provider')) {
      if (p.labels[0] !== 'aws') continue;
      const literal = CREDENTIAL_ARGUMENTS.filter((n) => {
        const v = literalValue(attr(p, n)?.expr);
        return typeof v === 'string' && v.trim().length > 0;
      });
      if (!literal.length) continue;
      const first = attr(p, literal[0]!)!;
      ctx.report({ block: p, span: first.span, message: `The aws provider sets ${literal.map((n) => `\`${n}\``).join(', ')} to literal values.` });
    }
  },
};
