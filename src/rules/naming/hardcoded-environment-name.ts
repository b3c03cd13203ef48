import type { Attribute, Block, Configuration, Expr } from '../../model/types.js';
import type { Rule } from '../types.js';
import { allAttributes, blockAddress, staticString } from '../../model/query.js';

const ENV_WORD = new Set(['prod', 'production', 'staging', 'stage', 'dev', 'development']);
/** Arguments that name a resource. */
const NAME_ARGUMENT = /(^|_)(name|name_prefix|bucket|bucket_prefix|identifier|identifier_prefix)$/;
const ENV_TAG = /^(env|environment|stage)$/i;
/** Inputs that carry the environment or the deployment suffix. */
const ENV_INPUT = /^(env|environment|environment_suffix|stage|environmentsuffix)$/i;
const MAX_REPORTS = 10;

/**
 * Text that derives a value from the environment input: `var.environment`, `${props.environmentSuffix}`. The word
 * must be the value read, not an object whose member is read (`${stage.stageName}` reads an API Gateway stage).
 */
const ENV_USE = /\bvar\.(env|environment|environment_suffix|stage)\b|\$\{[^}\n]{0,80}\b(env|environment|environmentSuffix|environment_suffix|stage)\b(?![.(\w])[^}\n]{0,80}\}/;

/** Whether a file's text derives some value from the environment input. */
export function derivesFromEnvironment(text: string): boolean {
  return ENV_USE.test(text);
}

/** Files that derive some values from the environment input: a literal environment there is an inconsistency. */
function filesUsingEnvironment(config: Configuration): Set<string> {
  if (!config.blocks.some((b) => b.kind === 'variable' && ENV_INPUT.test(b.labels[0] ?? '')) && !config.files.some((f) => /\.tsx?$/.test(f.path))) return new Set();
  return new Set(config.files.filter((f) => derivesFromEnvironment(f.content)).map((f) => f.path));
}

/** Addresses (with the argument) where a configuration hardcodes an environment word. */
function hardcoded(config: Configuration, files: Set<string>): { block: Block; attribute: Attribute; where: string; word: string }[] {
  const out: { block: Block; attribute: Attribute; where: string; word: string }[] = [];
  for (const b of config.blocks) {
    if (b.kind !== 'resource' || !files.has(b.span.file)) continue;
    for (const { attribute, path } of allAttributes(b)) {
      let word: string | undefined;
      let where = path.join('.');
      if (path.length === 1 && NAME_ARGUMENT.test(attribute.name)) word = environmentWord(attribute.expr);
      else if (attribute.name === 'tags' && attribute.expr.kind === 'object') {
        for (const e of attribute.expr.entries) {
          if (e.key && ENV_TAG.test(e.key)) {
            word = environmentWord(e.value);
            where = `tags.${e.key}`;
            if (word) break;
          }
        }
      }
      if (!word) continue;
      out.push({ block: b, attribute, where, word });
      break;
    }
  }
  return out;
}

/** The environment word a literal spells, as a whole token (`api-prod`, `production`), if any. */
function environmentWord(expr: Expr): string | undefined {
  const s = staticString(expr);
  if (s === undefined || s.length > 80) return undefined;
  return s
    .toLowerCase()
    .split(/[-_/.\s]+/)
    .find((t) => ENV_WORD.has(t));
}

export const rule: Rule = {
  meta: {
    id: 'hardcoded-environment-name',
    category: 'naming',
    severity: 'medium',
    fixClass: 'B',
    title: 'Environment name hardcoded in a resource name or tag',
    rootCause: 'The model writes "production" or "dev" into names and tags although the stack takes the environment (and a suffix) as input.',
    fix: 'Build names and tags from the inputs (`var.environment`, `var.environment_suffix`), never from a fixed environment word.',
    fixExample: 'resource "aws_api_gateway_stage" "api" {\n  stage_name = var.environment\n}',
    docs: 'https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/naming-your-resources.html',
    knowledgeGap: 'Environment-agnostic naming driven by inputs',
    impact: 'Every environment deploys resources named and tagged as one fixed environment; cost reports and alarms are misattributed.',
  },
  check(ctx) {
    const found = hardcoded(ctx.config, filesUsingEnvironment(ctx.config));
    if (!found.length) return;
    // What the reference hardcodes as well is the task's requirement (a fixed production stage), not a failure.
    const reference = ctx.ideal ? new Set(hardcoded(ctx.ideal, new Set(ctx.ideal.files.map((f) => f.path))).map((h) => `${blockAddress(h.block)}|${h.where}`)) : null;
    let reported = 0;
    for (const h of found) {
      if (reported >= MAX_REPORTS) break;
      if (reference?.has(`${blockAddress(h.block)}|${h.where}`)) continue;
      ctx.report({ block: h.block, span: h.attribute.span, message: `${blockAddress(h.block)}: ${h.where} hardcodes the environment "${h.word}" while the same file derives other values from the environment input.` });
      reported++;
    }
  },
};
