import type { Rule } from '../types.js';
import type { Configuration } from '../../model/types.js';
import { attrExpr, blocksOfKind, referencesIn, referenceTarget, staticBool } from '../../model/query.js';

/** Attributes whose value is sensitive in the AWS/random providers (Terraform refuses unmarked outputs of them). */
const SENSITIVE_ATTRS: Record<string, string[]> = {
  random_password: ['result', 'bcrypt_hash'],
  aws_secretsmanager_secret_version: ['secret_string', 'secret_binary'],
  aws_db_instance: ['password'],
  aws_rds_cluster: ['master_password'],
  aws_iam_access_key: ['secret', 'ses_smtp_password_v4'],
  tls_private_key: ['private_key_pem', 'private_key_openssh'],
  aws_elasticache_replication_group: ['auth_token'],
  aws_ssm_parameter: ['value'],
};

export const rule: Rule = {
  meta: {
    id: 'sensitive-output-not-marked',
    category: 'secrets',
    severity: 'high',
    fixClass: 'A',
    title: 'Output exposes a secret without `sensitive = true`',
    rootCause: 'Models output everything a user might want, including passwords and secret values, without marking them sensitive.',
    fix: 'Mark the output `sensitive = true`, or better, output the secret ARN instead of the value.',
    fixExample: `output "db_secret_arn" {
  value = aws_secretsmanager_secret.db.arn
}`,
    docs: 'https://developer.hashicorp.com/terraform/language/values/outputs#sensitive-suppressing-values-in-cli-output',
    knowledgeGap: 'Outputs of sensitive values must be marked sensitive (Terraform errors otherwise).',
    impact: 'Terraform plan fails ("Output refers to sensitive values"), or the secret is printed in CI logs.',
  },
  check(ctx) {
    for (const out of blocksOfKind(ctx.config, 'output')) {
      if (staticBool(attrExpr(out, 'sensitive')) === true) continue;
      const value = attrExpr(out, 'value');
      if (!value) continue;
      const hit = sensitiveSource(ctx.config, value);
      if (!hit) continue;
      ctx.report({ block: out, message: `Output value reads ${hit}, a sensitive value, but the output is not marked \`sensitive = true\`.` });
    }
  },
};

function sensitiveSource(config: Configuration, value: NonNullable<ReturnType<typeof attrExpr>>): string | undefined {
  for (const ref of referencesIn(value)) {
    const target = referenceTarget(ref.parts);
    if (!target) continue;
    if (target.startsWith('var.')) {
      const v = config.symbols.get(target)?.block;
      if (v && staticBool(attrExpr(v, 'sensitive')) === true) return target;
      continue;
    }
    const [type, , ...rest] = ref.parts;
    const attrs = type ? SENSITIVE_ATTRS[type] : undefined;
    const attrName = rest.find((p) => !p.startsWith('['));
    if (attrs && attrName && attrs.includes(attrName)) {
      // SSM parameters are sensitive only when SecureString.
      if (type === 'aws_ssm_parameter') {
        const block = config.symbols.get(target)?.block;
        const t = block ? attrExpr(block, 'type') : undefined;
        if (!t || (t.kind === 'literal' && t.value !== 'SecureString')) continue;
      }
      return `${target}.${attrName}`;
    }
  }
  return undefined;
}
