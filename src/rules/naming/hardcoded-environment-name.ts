import type { Configuration, Expr } from '../../model/types.js';
import type { Rule } from '../types.js';
import { allAttributes, blockAddress, staticString } from '../../model/query.js';

const ENV_WORD = new Set(['prod', 'production', 'staging', 'stage', 'dev', 'development']);
/** Arguments that name a resource. */
const NAME_ARGUMENT = /(^|_)(name|name_prefix|bucket|bucket_prefix|identifier|identifier_prefix)$/;
const ENV_TAG = /^(env|environment|stage)$/i;
/** Inputs that carry the environment or the deployment suffix. */
const ENV_INPUT = /^(env|environment|environment_suffix|stage|environmentsuffix)$/i;
const MAX_REPORTS = 10;

function hasEnvironmentInput(config: Configuration): boolean {
  if (config.blocks.some((b) => b.kind === 'variable' && ENV_INPUT.test(b.labels[0] ?? ''))) return true;
  return config.files.some((f) => /\.tsx?$/.test(f.path) && /\benvironmentSuffix\b/.test(f.content));
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
    if (!hasEnvironmentInput(ctx.config)) return;
    let reported = 0;
    for (const b of ctx.config.blocks) {
      if (b.kind !== 'resource' || reported >= MAX_REPORTS) continue;
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
        ctx.report({ block: b, span: attribute.span, message: `${blockAddress(b)}: ${where} hardcodes the environment "${word}" although the stack takes the environment as input.` });
        reported++;
        break;
      }
    }
  },
};
