/**
 * ECS container definitions read as a document (`jsonencode([...])`, a JSON heredoc or a local): privileged
 * containers and writable root file systems. Definitions that are not static (`file(...)`, `templatefile(...)`,
 * a variable) and flags given by an expression are not judged.
 */
import type { Block, Configuration } from '../../model/types.js';
import type { Rule, RuleContext } from '../types.js';
import { attr, blockAddress, resources } from '../../model/query.js';
import { resolveExpr } from '../util/b-resolve.js';
import { UNKNOWN, docValue, isRecord, type DocValue } from '../util/b-value.js';

interface Container {
  name: string;
  doc: { [key: string]: DocValue };
}

/** The container definitions of a task definition, or undefined when they are not static. */
export function containerDefinitions(config: Configuration, td: Block): Container[] | undefined {
  const a = attr(td, 'container_definitions');
  if (!a) return undefined;
  let expr = resolveExpr(config, a.expr) ?? a.expr;
  // `jsonencode(local.containers)`: the document is the local's value.
  if (expr.kind === 'call' && expr.name === 'jsonencode' && expr.args.length === 1) expr = resolveExpr(config, expr.args[0]) ?? expr;
  const doc = docValue(expr);
  if (doc === UNKNOWN || !Array.isArray(doc)) return undefined;
  return doc.filter(isRecord).map((c, i) => ({ name: typeof c['name'] === 'string' ? c['name'] : `#${i + 1}`, doc: c }));
}

function check(ctx: RuleContext, pick: (c: Container) => boolean, message: (addr: string, names: string[]) => string): void {
  for (const td of resources(ctx.config, 'aws_ecs_task_definition')) {
    const containers = containerDefinitions(ctx.config, td);
    if (!containers) continue;
    const hits = containers.filter(pick).map((c) => c.name);
    if (!hits.length) continue;
    const addr = blockAddress(td);
    ctx.report({ block: td, resource: addr, span: attr(td, 'container_definitions')!.span, message: message(addr, hits) });
  }
}

const COMMON = {
  fixClass: 'A',
  docs: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security',
  defaultTier: 'observation',
} as const;

export const privilegedRule: Rule = {
  meta: {
    ...COMMON,
    id: 'ecs-task-privileged-container',
    category: 'misconfiguration',
    severity: 'medium',
    title: 'ECS container runs privileged',
    rootCause: 'Models set `privileged = true` in a container definition to get past a permission error; the container then has root on the host.',
    fix: 'Remove `privileged` (it is false by default) and grant only the Linux capabilities the container needs under `linuxParameters.capabilities`.',
    fixExample: 'container_definitions = jsonencode([{\n  name       = "app"\n  image      = var.app_image\n  privileged = false\n}])',
    knowledgeGap: 'ECS container security parameters (privileged, capabilities).',
    impact: 'A compromised container controls the container instance and every task on it.',
  },
  check(ctx) {
    check(ctx, (c) => c.doc['privileged'] === true, (addr, names) => `${addr} runs container ${names.map((n) => `"${n}"`).join(', ')} with \`privileged = true\`.`);
  },
};

export const writableRootRule: Rule = {
  meta: {
    ...COMMON,
    id: 'ecs-task-root-filesystem-writable',
    category: 'misconfiguration',
    severity: 'low',
    fixClass: 'B',
    title: 'ECS container with a writable root file system',
    rootCause: 'Container definitions leave `readonlyRootFilesystem` unset (false), so a compromised process can change the image\'s binaries and configuration.',
    fix: 'Set `readonlyRootFilesystem = true` and mount writable paths as volumes.',
    fixExample: 'container_definitions = jsonencode([{\n  name                   = "app"\n  image                  = var.app_image\n  readonlyRootFilesystem = true\n}])',
    knowledgeGap: 'Immutable container file systems on ECS.',
  },
  check(ctx) {
    check(
      ctx,
      (c) => c.doc['readonlyRootFilesystem'] !== true && c.doc['readonlyRootFilesystem'] !== UNKNOWN && c.doc['readonlyRootFilesystem'] !== 'true',
      (addr, names) => `${addr}: container ${names.map((n) => `"${n}"`).join(', ')} without \`readonlyRootFilesystem = true\`.`,
    );
  },
};
