/**
 * Literal secrets in environment variables: Lambda `environment.variables`, ECS container `environment` and
 * CodeBuild plaintext `environment_variable`s whose name denotes a secret value (`DB_PASSWORD`, `API_TOKEN`; not
 * `SECRET_ARN`) and whose value is a literal string. References, ARNs, parameter paths and dynamic references are
 * how a secret should arrive, so they are not reported.
 */
import type { Block } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attr, attrExpr, blockAddress, literalValue, nestedBlocks, resources, staticString } from '../../model/query.js';
import { resolveExpr } from '../util/b-resolve.js';
import { UNKNOWN, docValue, isRecord, type DocValue } from '../util/b-value.js';
import { isSecretName } from './sensitive-variable-not-marked.js';
import { containerDefinitions } from '../misconfiguration/ecs-container-hardening.js';

/** Values that point at a secret instead of holding one, or are clearly not one. */
const NOT_A_SECRET = /^(arn:|\/|\{\{resolve:|ssm:|secretsmanager:|https?:\/\/|true$|false$|none$|null$|\d+$)/i;

function literalSecret(v: DocValue | undefined): v is string {
  return typeof v === 'string' && v.trim().length >= 4 && !NOT_A_SECRET.test(v.trim());
}

function report(ctx: Parameters<Rule['check']>[0], block: Block, where: string, names: string[]): void {
  const addr = blockAddress(block);
  ctx.report({ block, resource: addr, message: `${addr} puts a literal secret in ${where}: ${names.map((n) => `\`${n}\``).join(', ')}.` });
}

export const rule: Rule = {
  meta: {
    id: 'env-var-plaintext-secret',
    category: 'secrets',
    severity: 'critical',
    fixClass: 'A',
    title: 'Literal secret in an environment variable',
    rootCause: 'Models pass database passwords and API tokens to Lambda functions, containers and builds as literal environment variables, where they are stored in state, visible in the console and readable by anyone who can describe the resource.',
    fix: 'Keep the secret in Secrets Manager or SSM SecureString and pass its ARN or name (read it at runtime), or use ECS `secrets` / CodeBuild `type = "SECRETS_MANAGER"` / `PARAMETER_STORE` environment variables.',
    fixExample: 'resource "aws_lambda_function" "api" {\n  environment {\n    variables = {\n      DB_SECRET_ARN = aws_secretsmanager_secret.db.arn\n    }\n  }\n}',
    docs: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
    knowledgeGap: 'Secrets are injected at runtime from Secrets Manager or Parameter Store, never as literal environment variables.',
    impact: 'The credential is exposed in version control, Terraform state and the service console.',
  },
  check(ctx) {
    const { config } = ctx;
    for (const fn of resources(config, 'aws_lambda_function')) {
      for (const env of nestedBlocks(fn, 'environment')) {
        const vars = docValue(resolveExpr(config, attrExpr(env, 'variables')) ?? attrExpr(env, 'variables'));
        if (!isRecord(vars)) continue;
        const names = Object.keys(vars).filter((k) => isSecretName(k) && literalSecret(vars[k]));
        if (names.length) report(ctx, fn, 'its environment variables', names);
      }
    }
    for (const td of resources(config, 'aws_ecs_task_definition')) {
      const names: string[] = [];
      for (const c of containerDefinitions(config, td) ?? []) {
        const env = c.doc['environment'];
        if (!Array.isArray(env)) continue;
        for (const e of env) {
          if (!isRecord(e) || typeof e['name'] !== 'string' || e['value'] === UNKNOWN) continue;
          if (isSecretName(e['name']) && literalSecret(e['value'])) names.push(e['name']);
        }
      }
      if (names.length) report(ctx, td, 'container environment variables', names);
    }
    for (const project of resources(config, 'aws_codebuild_project')) {
      const names: string[] = [];
      for (const env of nestedBlocks(project, 'environment')) {
        for (const v of nestedBlocks(env, 'environment_variable')) {
          const type = attr(v, 'type') ? staticString(attrExpr(v, 'type')) : 'PLAINTEXT';
          const name = staticString(attrExpr(v, 'name'));
          if (type !== 'PLAINTEXT' || !name || !isSecretName(name)) continue;
          const value = literalValue(attrExpr(v, 'value'));
          if (literalSecret(typeof value === 'string' ? value : undefined)) names.push(name);
        }
      }
      if (names.length) report(ctx, project, 'plaintext build environment variables', names);
    }
  },
};
