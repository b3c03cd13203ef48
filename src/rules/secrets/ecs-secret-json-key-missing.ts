import type { Rule } from '../types.js';
import type { Block, Configuration, Expr } from '../../model/types.js';
import { attrExpr, resources } from '../../model/query.js';
import { expressionReferences, referencedBlocks } from '../util/b-refs.js';
import { docValue, isRecord } from '../util/b-value.js';

export const rule: Rule = {
  meta: {
    id: 'ecs-secret-json-key-missing',
    category: 'secrets',
    severity: 'high',
    fixClass: 'A',
    title: 'ECS secret references a JSON key the secret does not have',
    rootCause:
      'Models write `valueFrom = "<secret arn>:<json-key>::"` for each value the container needs, without checking that the secret version they create actually holds that key.',
    fix: 'Add the key to the secret version\'s JSON (or reference an existing key).',
    fixExample: `resource "aws_secretsmanager_secret_version" "db" {
  secret_id = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({
    username          = "app"
    password          = random_password.db.result
    connection_string = "postgresql://app@\${aws_rds_cluster.db.endpoint}/app"
  })
}`,
    docs: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html',
    knowledgeGap: 'ECS secret valueFrom JSON keys must exist in the secret value.',
    impact: 'Tasks fail to start (ResourceInitializationError) when the key is missing.',
  },
  check(ctx) {
    for (const td of resources(ctx.config, 'aws_ecs_task_definition')) {
      const problems: string[] = [];
      for (const valueFrom of valueFroms(attrExpr(td, 'container_definitions'))) {
        const parsed = parseValueFrom(ctx.config, valueFrom);
        if (!parsed) continue;
        const keys = secretKeys(ctx.config, parsed.secret);
        if (keys && !keys.includes(parsed.key)) problems.push(`"${parsed.key}" (secret ${parsed.secret.labels[1] ?? '?'} has ${keys.join(', ') || 'no keys'})`);
      }
      if (!problems.length) continue;
      ctx.report({ block: td, message: `Container secrets read JSON keys the secret value lacks: ${[...new Set(problems)].join('; ')}.` });
    }
  },
};

/** `valueFrom` expressions of every container's `secrets` list. */
function valueFroms(defs: Expr | undefined): Expr[] {
  if (!defs) return [];
  const root = defs.kind === 'call' && defs.name === 'jsonencode' ? defs.args[0] : defs;
  const containers = root?.kind === 'tuple' ? root.items : [];
  const out: Expr[] = [];
  for (const c of containers) {
    if (c.kind !== 'object') continue;
    const secrets = c.entries.find((e) => e.key === 'secrets')?.value;
    if (secrets?.kind !== 'tuple') continue;
    for (const s of secrets.items) {
      if (s.kind !== 'object') continue;
      const v = s.entries.find((e) => e.key === 'valueFrom')?.value;
      if (v) out.push(v);
    }
  }
  return out;
}

/** `"${aws_secretsmanager_secret.db.arn}:password::"` → the secret block and `password`. */
function parseValueFrom(config: Configuration, e: Expr): { secret: Block; key: string } | undefined {
  if (e.kind !== 'template') return undefined;
  const secret = referencedBlocks(config, e, 'aws_secretsmanager_secret')[0];
  if (!secret) return undefined;
  const tail = e.parts[e.parts.length - 1];
  const text = tail?.kind === 'literal' ? String(tail.value ?? '') : '';
  const m = /^:([^:]+):[^:]*:[^:]*$/.exec(text);
  return m ? { secret, key: m[1]! } : undefined;
}

/** Top-level JSON keys of the secret's version, when a version with a static object value exists. */
function secretKeys(config: Configuration, secret: Block): string[] | undefined {
  const versions = resources(config, 'aws_secretsmanager_secret_version').filter((v) => expressionReferences(attrExpr(v, 'secret_id'), secret));
  if (versions.length !== 1) return undefined;
  const value = docValue(attrExpr(versions[0]!, 'secret_string'));
  if (!isRecord(value)) return undefined;
  return Object.keys(value).sort();
}
