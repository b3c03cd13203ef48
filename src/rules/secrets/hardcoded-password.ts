import type { Rule } from '../types.js';
import type { Expr } from '../../model/types.js';
import { allAttributes, attrExpr, blocksOfKind, exprToText, literalValue, resources } from '../../model/query.js';
import { docValue, isRecord } from '../util/b-value.js';
import { isSecretName } from './sensitive-variable-not-marked.js';
import { camelToSnake } from '../../model/names.js';
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

/** Shortest fixed text a templated credential must carry to count as written in the code. */
const MIN_FIXED_TEXT = 6;
/** What an interpolated part may read from without the credential being generated or fetched. */
const SECRET_SOURCE = /random|secret|password|passwd|ssm|kms|vault|credential|token|key/i;

function isLiteralSecret(e: Expr | undefined): boolean {
  const v = literalValue(e);
  if (typeof v === 'string') return v.trim().length > 0;
  return isFixedTemplate(e);
}

/**
 * A template whose fixed text is the credential and whose interpolations only vary it by deployment
 * (`"#{DB_PASSWORD_${env}}"`, `"${var.project}-Admin123!"`): every deployment of an environment gets the same
 * password, written in the code. Nothing interpolated may come from a generator, a secret store or a credential input.
 */
function isFixedTemplate(e: Expr | undefined): boolean {
  if (e?.kind !== 'template' || e.heredoc) return false;
  let fixed = '';
  for (const part of e.parts) {
    if (part.kind === 'literal') {
      if (typeof part.value === 'string') fixed += part.value;
      continue;
    }
    if (part.kind !== 'reference' && part.kind !== 'access' && part.kind !== 'call' && part.kind !== 'opaque') return false;
    if (SECRET_SOURCE.test(exprToText(part))) return false;
  }
  return fixed.trim().length >= MIN_FIXED_TEXT;
}
