import type { Block, Configuration, Expr } from '../../model/types.js';
import type { Rule } from '../types.js';
import { allAttributes, blockAddress, exprToText, referencesIn, referenceTarget } from '../../model/query.js';

const ENV_WORD = new Set(['prod', 'production', 'staging', 'stg', 'dev', 'development', 'qa', 'uat']);
/** Inputs that carry the environment or the deployment suffix (HCL variables/locals, CDKTF props/config fields). */
const ENV_INPUT = /(^|[._])(env|environment|environment_suffix|environmentsuffix|env_suffix|stage|suffix)$/i;

/** The environment word spelled in the literal parts of a template that also interpolates the environment input. */
function doubleEnvironment(expr: Expr): string | undefined {
  if (expr.kind !== 'template') return undefined;
  const interpolatesEnv = expr.parts.some((p) => p.kind !== 'literal' && referencesIn(p).some((r) => ENV_INPUT.test(referenceTarget(r.parts) ?? r.parts.join('.'))));
  if (!interpolatesEnv) return undefined;
  for (const p of expr.parts) {
    if (p.kind !== 'literal' || typeof p.value !== 'string' || p.value.length > 200) continue;
    const word = p.value.toLowerCase().split(/[^a-z0-9]+/).find((t) => ENV_WORD.has(t));
    if (word) return word;
  }
  return undefined;
}

export const rule: Rule = {
  meta: {
    id: 'tag-value-hardcodes-environment',
    category: 'tagging',
    severity: 'medium',
    fixClass: 'B',
    title: 'Tag value hardcodes an environment next to the environment input (the reference does not)',
    rootCause:
      'Models write a fixed environment word into tag values ("api-prod-${var.environment_suffix}") while the same value already derives the environment from the input, so every deployment is tagged as that one environment.',
    fix: 'Build tag values only from the inputs: drop the fixed environment word and keep `var.environment` / `var.environment_suffix`.',
    fixExample: `resource "aws_api_gateway_stage" "api" {
  # ...
  tags = merge(local.common_tags, {
    Name = "orders-api-\${var.environment_suffix}"
  })
}`,
    docs: 'https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html',
    knowledgeGap: 'Tags that identify the environment must come from the environment input, never from a fixed word.',
    impact: 'Dev and test stacks carry production tags: cost allocation, access policies keyed on tags and inventory reports are wrong.',
  },
  check(ctx) {
    // Many accepted answers keep a fixed "production" in Name tags the task dictates; the rule reports only tag
    // values the reference response builds without the fixed word. Without a reference it stays quiet.
    if (!ctx.ideal) return;
    const inReference = taggedEnvironmentWords(ctx.ideal);
    const reference = new Set(inReference.map((h) => `${blockAddress(h.block)}|${h.key}`));
    // The reference spelling the same word beside the input on other resources keeps the pattern: the task's
    // environment ("a production web application"), not a word the model made up (read against the code: judged false).
    const referenceWords = new Set(inReference.map((h) => h.word));
    const hits = taggedEnvironmentWords(ctx.config).filter((h) => !reference.has(`${blockAddress(h.block)}|${h.key}`) && !referenceWords.has(h.word));
    for (const h of hits.slice(0, 10)) {
      ctx.report({ block: h.block, message: `${blockAddress(h.block)}: tag ${h.key} = ${h.text.slice(0, 80)} hardcodes "${h.word}" although the value already interpolates the environment input.` });
    }
  },
};

/** Tag entries whose template spells an environment word next to the environment input. */
function taggedEnvironmentWords(config: Configuration): { block: Block; key: string; word: string; text: string }[] {
  const hits: { block: Block; key: string; word: string; text: string }[] = [];
  for (const b of config.blocks) {
    if (b.kind !== 'resource' && b.kind !== 'provider') continue;
    for (const { attribute, path } of allAttributes(b)) {
      const name = path[path.length - 1] ?? '';
      if (!/^tags$|_tags$/.test(name) && !path.includes('default_tags')) continue;
      // A literal map, or the literal maps merged in (`merge(local.common_tags, { Name = ... })`).
      const maps = attribute.expr.kind === 'object' ? [attribute.expr] : attribute.expr.kind === 'call' ? attribute.expr.args : [];
      for (const e of maps.flatMap((m) => (m.kind === 'object' ? m.entries : []))) {
        const word = doubleEnvironment(e.value);
        if (word) {
          hits.push({ block: b, key: e.key ?? '?', word, text: exprToText(e.value) });
          break;
        }
      }
    }
  }
  return hits;
}
