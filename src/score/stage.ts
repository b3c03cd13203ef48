/** The score stage (last): the training-quality rubric over the task, its findings and the ideal configuration. */
import type { Finding } from '../findings/types.js';
import type { Configuration } from '../model/types.js';
import type { Task } from '../ingest/types.js';
import type { PipelineContext, ScoreResult, ScoreStep, Stage } from '../pipeline/types.js';
import type { Conventions } from '../rules/conventions.js';
import { ALL_RULES } from '../rules/index.js';
import { runRules } from '../rules/engine.js';
import { platformBlocker, regionBlocker, servicesBlocker, type Blocker } from './blockers.js';
import { complexityFactors } from './complexity.js';
import { countFixes, groupFixes, isFix, type FixGrouping, type FixItem, type IdealProbe } from './fixes.js';
import { scoreLiteral, scoreRubric, type GapEvidence } from './rubric.js';
import { codeGap, proseWords, wordCount } from './evidence.js';
import { mergeFindings } from '../findings/merge.js';

export interface ScoreTuning {
  /** `calibrated` (default): gap, documented fixes and task breadth; `literal`: the guide word for word on counted findings. */
  reading: 'calibrated' | 'literal';
  grouping: FixGrouping;
  /** Which blockers are checked (all by default). */
  blockers: Blocker['kind'][];
  /** Whether static findings the ideal fixed count as fixes (diff and log evidence always count). */
  staticFixes: boolean;
  /** Whether a single region named in the prompt is a requirement (otherwise only lib/AWS_REGION is). */
  regionFromPrompt: boolean;
}

/**
 * Default: the calibrated reading. The missing-services blocker is off and the region blocker reads only an
 * explicit lib/AWS_REGION: on the dev corpus every one of their firings (8 services, 1 prompt region) was on a
 * task recorded 8–10; static service detection misreads partial ideals, modules and validation stacks.
 */
export const DEFAULT_TUNING: ScoreTuning = { reading: 'calibrated', grouping: 'category-resource', blockers: ['platform', 'region'], staticFixes: true, regionFromPrompt: false };

/** The guide applied word for word (the previous default), for comparison in evaluations. */
export const LITERAL_TUNING: ScoreTuning = { reading: 'literal', grouping: 'category-resource', blockers: ['platform', 'region', 'services'], staticFixes: true, regionFromPrompt: true };

export interface ScoreInput {
  task: Task;
  model: Configuration | null;
  ideal: Configuration | null;
  findings: Finding[];
  conventions: Conventions;
}

export interface ScoreOutcome {
  result: ScoreResult | null;
  fixes: FixItem[];
}

/**
 * Runs the rule catalog on the ideal so static findings can be checked against it (exported for evaluations).
 * `flaggedOnly`: run just the rules with a model finding — the only ones a fix check consults — instead of all
 * of them (the score does; evaluations reading every ideal finding do not).
 */
export function idealProbe(input: ScoreInput, warnings: string[], opts: { flaggedOnly?: boolean } = {}): IdealProbe {
  const modelRuleCounts = new Map<string, number>();
  for (const f of input.findings) modelRuleCounts.set(f.ruleId, (modelRuleCounts.get(f.ruleId) ?? 0) + 1);
  let idealFindings: Finding[] | null = null;
  if (input.ideal) {
    try {
      const rules = opts.flaggedOnly ? ALL_RULES.filter((r) => modelRuleCounts.has(r.meta.id)) : ALL_RULES;
      idealFindings = runRules(rules, input.ideal, input.task, input.conventions, warnings);
    } catch (err) {
      warnings.push(`score: rules on the ideal failed: ${(err as Error)?.message ?? String(err)}`);
    }
  }
  return {
    idealFindings,
    probedRules: new Set(idealFindings ? ALL_RULES.map((r) => r.meta.id) : []),
    ideal: input.ideal,
    model: input.model,
    modelRuleCounts,
  };
}

function firstBlocker(input: ScoreInput, tuning: ScoreTuning): Blocker | null {
  const code = input.ideal ?? input.model;
  if (!code) return null;
  const checks: Record<Blocker['kind'], () => Blocker | null> = {
    platform: () => platformBlocker(input.task, code.files),
    region: () => regionBlocker(input.task, code, tuning.regionFromPrompt),
    services: () => servicesBlocker(input.task, code, ...(input.model && input.model !== code ? [input.model] : [])),
  };
  for (const kind of ['platform', 'region', 'services'] as const) {
    if (!tuning.blockers.includes(kind)) continue;
    const b = checks[kind]();
    if (b) return b;
  }
  return null;
}

function describeFixes(items: FixItem[]): ScoreStep[] {
  const steps: ScoreStep[] = [];
  for (const cls of ['A', 'B', 'C'] as const) {
    const of = items.filter((i) => i.fixClass === cls);
    if (!of.length) continue;
    const byCat = new Map<string, number>();
    for (const i of of) byCat.set(i.category, (byCat.get(i.category) ?? 0) + 1);
    const list = [...byCat.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([c, n]) => (n > 1 ? `${c} ×${n}` : c))
      .join(', ');
    steps.push({ step: `fixes in the code: Category ${cls}`, detail: `${of.length}: ${list}` });
  }
  return steps;
}

/** The rubric over one analyzed task. Null when there is no model response. */
export function scoreTask(input: ScoreInput, tuning: ScoreTuning = DEFAULT_TUNING, warnings: string[] = []): ScoreOutcome {
  if (!input.model) return { result: null, fixes: [] };
  const probe = idealProbe(input, warnings, { flaggedOnly: true });
  const counted = input.findings.filter((f) => (tuning.staticFixes || f.evidence.includes('diff') || f.evidence.includes('log')) && isFix(f, probe));
  const fixes = groupFixes(counted, tuning.grouping);
  const counts = countFixes(fixes);
  const complexity = complexityFactors(input.ideal ?? input.model);
  const blocker = firstBlocker(input, tuning);
  const fixNotes = describeFixes(fixes);
  if (tuning.reading === 'literal') {
    const result = scoreLiteral({ blocker, counts, complexity, fixNotes });
    if (!input.ideal) result.breakdown.steps.splice(1, 0, { step: 'note', detail: 'no ideal response: every static finding counts as a fix and complexity is read from the model' });
    return { result, fixes };
  }
  const evidence: GapEvidence = {
    changedLines: input.ideal ? codeGap(input.model, input.ideal).changed : null,
    analysisWords: input.task.failures !== null ? proseWords(input.task.failures) : null,
    promptWords: input.task.prompt !== null ? wordCount(input.task.prompt) : null,
  };
  const notes = fixNotes.map((n) => ({ ...n, detail: `${n.detail} (reported, not scored)` }));
  const result = scoreRubric({ blocker, evidence, counts, complexity, fixNotes: notes });
  if (!input.ideal) result.breakdown.steps.splice(1, 0, { step: 'note', detail: 'no ideal response: the code gap is unknown, so Category D cannot apply; complexity factors are read from the model' });
  return { result, fixes };
}

export const scoreStage: Stage = {
  name: 'score',
  run(ctx: PipelineContext) {
    if (ctx.options.score === false) {
      ctx.score = null;
      return;
    }
    ctx.score = scoreTask(
      { task: ctx.task, model: ctx.model, ideal: ctx.ideal, findings: mergeFindings(ctx.findings), conventions: ctx.options.conventions },
      DEFAULT_TUNING,
      ctx.warnings,
    ).result;
  },
};
