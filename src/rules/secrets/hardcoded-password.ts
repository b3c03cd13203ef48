import type { Rule } from '../types.js';
import type { Expr } from '../../model/types.js';
import { allAttributes, attrExpr, blocksOfKind, literalValue, resources } from '../../model/query.js';
import { docValue, isRecord } from '../util/b-value.js';
import { isSecretName } from './sensitive-variable-not-marked.js';
import { camelToSnake } from '../../cdktf/naming.js';
import { tfvarsBlocks } from '../util/variables.js';

/** Attribute names that carry a credential. */
const PASSWORD_ATTRS = new Set(['password', 'master_password', 'admin_password', 'db_password', 'auth_token', 'master_user_password', 'secret_key']);
/** Credential-like names for variables and secret JSON keys. */
export const CREDENTIAL_NAME = /(^|_)(password|passwd|pwd|secret_key|api_key|apikey|auth_token|access_token|private_key)($|_)/i;

export const rule: Rule = {
  meta: {
    id: 'hardcoded-password',
    category: 'secrets',
    severity: 'critical',
    fixClass: 'A',
    title: 'Hard-coded credential',
    rootCause: 'Models make examples deployable by writing a literal password instead of generating one or reading it from Secrets Manager.',
    fix: 'Generate the password (random_password), let RDS manage it (`manage_master_user_password = true`) or read it from Secrets Manager; never commit it.',
    fixExample: `resource "aws_rds_cluster" "db" {
  master_username             = "dbadmin"
  manage_master_user_password = true
}`,
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html',
    knowledgeGap: 'Credentials belong in Secrets Manager or generated values, not in code.',
    impact: 'The credential is exposed in version control and state; anyone with the repository can use it.',
  },
  check(ctx) {
    for (const block of resources(ctx.config)) {
      for (const { attribute } of allAttributes(block)) {
        if (!PASSWORD_ATTRS.has(attribute.name)) continue;
        if (!isLiteralSecret(attribute.expr)) continue;
        ctx.report({ block, message: `\`${attribute.name}\` is a literal string in the code.` });
        break;
      }
    }
    for (const version of resources(ctx.config, 'aws_secretsmanager_secret_version')) {
      const value = docValue(attrExpr(version, 'secret_string'));
      if (!isRecord(value)) continue;
      const keys = Object.keys(value).filter(
        (k) => CREDENTIAL_NAME.test(k) && isSecretName(k) && typeof value[k] === 'string' && (value[k] as string).length > 0,
      );
      if (!keys.length) continue;
      // Often a placeholder to be rotated, but still a literal credential in code and state.
      ctx.report({ block: version, severity: 'medium', message: `The secret value holds literal ${keys.join(', ')}.` });
    }
    for (const v of blocksOfKind(ctx.config, 'variable')) {
      const name = v.labels[0] ?? '';
      if (!CREDENTIAL_NAME.test(camelToSnake(name)) || !isSecretName(name)) continue;
      if (!isLiteralSecret(attrExpr(v, 'default'))) continue;
      ctx.report({ block: v, severity: 'high', message: `Variable ${name} has a literal default credential.` });
    }
    // A values file (`prod.tfvars`) is committed with the code: a credential set there is as exposed as a default.
    for (const values of tfvarsBlocks(ctx.config)) {
      const keys = values.attributes.filter((a) => CREDENTIAL_NAME.test(camelToSnake(a.name)) && isSecretName(a.name) && isLiteralSecret(a.expr));
      if (!keys.length) continue;
      ctx.report({ block: values, resource: `file:${values.span.file}`, span: keys[0]!.span, severity: 'high', message: `${values.span.file} sets ${keys.map((k) => k.name).join(', ')} to a literal credential.` });
    }
  },
};

function isLiteralSecret(e: Expr | undefined): boolean {
  const v = literalValue(e);
  return typeof v === 'string' && v.trim().length > 0;
}
