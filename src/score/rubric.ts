/**
 * The training-quality rubric as pure functions. Two readings of the guide share base 8, the blockers and
 * the clamp/rounding:
 * - `scoreRubric` (the default, calibrated): step 3 reads the size of the gap (code lines changed) and how
 *   much the reviewer documented (words of MODEL_FAILURES.md prose); step 4 reads the task's breadth (prompt
 *   words); see CALIBRATION for the thresholds and why.
 * - `scoreLiteral`: the guide applied word for word to counted findings (≥2 Category A → +2, C/D tables,
 *   complexity factors of the ideal in priority order capped at +2, single service −1). On the dev corpus it
 *   gives almost every stack 10 (reviewers record 8–9 for most), so it is kept for comparison only.
 * Every decision becomes a step of the breakdown.
 */
import type { ScoreResult, ScoreStep } from '../pipeline/types.js';
import type { Blocker } from './blockers.js';
import type { ComplexityFactors } from './complexity.js';

export const BASE_SCORE = 8;
export const COMPLEXITY_CAP = 2;

export interface FixCounts {
  A: number;
  B: number;
  C: number;
}

export interface FixAdjustment {
  delta: number;
  category: 'A' | 'B' | 'C' | 'D';
  detail: string;
}

/** Step 3 of the rubric: A dominates, then B (±0), then C-only penalties, else D. */
export function fixAdjustment(c: FixCounts): FixAdjustment {
  if (c.A >= 2) return { delta: 2, category: 'A', detail: `${c.A} Category A fixes (≥2 → +2); ${c.B} B and ${c.C} C fixes ignored` };
  if (c.A === 1) return { delta: 1, category: 'A', detail: `1 Category A fix (+1); ${c.B} B and ${c.C} C fixes ignored` };
  if (c.B > 0) return { delta: 0, category: 'B', detail: `${c.B} Category B fixes, no A (±0); C penalties do not apply` };
  if (c.C >= 6) return { delta: -2, category: 'C', detail: `only Category C fixes: ${c.C} (≥6 → −2)` };
  if (c.C >= 4) return { delta: -1, category: 'C', detail: `only Category C fixes: ${c.C} (4–5 → −1)` };
  if (c.C === 3) return { delta: -3, category: 'D', detail: `minimal changes: 3 Category C fixes (Category D, 3–4 → −3)` };
  if (c.C >= 1) return { delta: -4, category: 'D', detail: `minimal changes: ${c.C} Category C fix${c.C === 1 ? '' : 'es'} (Category D, 1–2 → −4)` };
  return { delta: -4, category: 'D', detail: 'no fixes between model and ideal (Category D → −4)' };
}

export interface ComplexityAdjustment {
  delta: number;
  steps: ScoreStep[];
}

const FACTOR_ORDER: { key: 'multipleServices' | 'security' | 'highAvailability' | 'advancedPatterns'; label: string }[] = [
  { key: 'multipleServices', label: 'multiple services (3+) with integrations' },
  { key: 'security', label: 'security practices' },
  { key: 'highAvailability', label: 'high availability' },
  { key: 'advancedPatterns', label: 'advanced patterns' },
];

/** Step 4: positive factors in priority order until the +2 cap; the single-service −1 applies independently. */
export function complexityAdjustment(f: ComplexityFactors): ComplexityAdjustment {
  const steps: ScoreStep[] = [];
  let bonus = 0;
  for (const { key, label } of FACTOR_ORDER) {
    const factor = f[key];
    if (!factor.applies) {
      steps.push({ step: `complexity: ${label}`, detail: `not present (${factor.detail})`, delta: 0 });
    } else if (bonus >= COMPLEXITY_CAP) {
      steps.push({ step: `complexity: ${label}`, detail: `present (${factor.detail}) but the +${COMPLEXITY_CAP} cap is reached`, delta: 0 });
    } else {
      bonus += 1;
      steps.push({ step: `complexity: ${label}`, detail: factor.detail, delta: 1 });
    }
  }
  let delta = bonus;
  if (f.singleService.applies) {
    delta -= 1;
    steps.push({ step: 'complexity: single service', detail: f.singleService.detail, delta: -1 });
  }
  return { delta, steps };
}

/** Clamp to 0–10, then round to the nearest integer with .5 going up. */
export function finalize(raw: number): number {
  const clamped = Math.min(Math.max(raw, 0), 10);
  return Math.floor(clamped + 0.5);
}

export interface RubricInput {
  blocker: Blocker | null;
  counts: FixCounts;
  complexity: ComplexityFactors;
  /** Extra explanation steps placed after the fix step (e.g. which findings counted). */
  fixNotes?: ScoreStep[];
}

function blocked(blocker: Blocker, counts: FixCounts, steps: ScoreStep[]): ScoreResult {
  steps.push({ step: `blocker: ${blocker.kind}`, detail: `${blocker.detail}; score set to ${blocker.score}, adjustments skipped`, value: blocker.score });
  const final = finalize(blocker.score);
  steps.push({ step: 'final', detail: `blocker value ${blocker.score} → ${final}`, value: final });
  return {
    trainingQuality: final,
    breakdown: { base: BASE_SCORE, blocker: blocker.detail, fixAdjustment: 0, complexityAdjustment: 0, counts: { ...counts }, steps },
  };
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

/** The guide applied literally to counted fixes and the ideal's complexity factors (comparison variant). */
export function scoreLiteral(input: RubricInput): ScoreResult {
  const steps: ScoreStep[] = [{ step: 'base', detail: 'base score', value: BASE_SCORE }];
  if (input.blocker) return blocked(input.blocker, input.counts, steps);
  const fix = fixAdjustment(input.counts);
  steps.push({ step: `fixes: Category ${fix.category}`, detail: fix.detail, delta: fix.delta });
  steps.push(...(input.fixNotes ?? []));
  const cx = complexityAdjustment(input.complexity);
  steps.push(...cx.steps);
  const raw = BASE_SCORE + fix.delta + cx.delta;
  const final = finalize(raw);
  const capped = raw > 10 ? ' → capped at 10' : raw < 0 ? ' → raised to 0' : '';
  steps.push({ step: 'final', detail: `${BASE_SCORE} ${signed(fix.delta)} (fixes) ${signed(cx.delta)} (complexity) = ${raw}${capped}`, value: final });
  return {
    trainingQuality: final,
    breakdown: {
      base: BASE_SCORE,
      blocker: null,
      fixAdjustment: fix.delta,
      complexityAdjustment: cx.delta,
      counts: { ...input.counts },
      steps,
    },
  };
}

/**
 * Thresholds of the calibrated reading, set on the dev corpus (recorded scores: mostly 8–10, a few 3–7) and
 * checked on split halves and per platform. Round numbers on purpose: they say "small", "substantial",
 * "broad", not a fitted optimum.
 */
export const CALIBRATION = {
  /** Category D needs a small code gap: fewer changed lines than this (and at least one). */
  minimalGapLines: 60,
  /** ... and an analysis this short (prose words): the reviewer found little to write about. */
  thinAnalysisWords: 150,
  /** Category D penalty. The guide's −3/−4 lands below the recorded 6–7 of such tasks. */
  minimalPenalty: -2,
  /** An analysis this long documents significant fixes: Category A, +1. */
  substantialAnalysisWords: 500,
  /** Prompt words of a broad task (+1) and of a very broad one (+2, the guide's complexity cap). */
  broadPromptWords: 600,
  veryBroadPromptWords: 1200,
  /** Below the very-broad level the total is capped at this (a 10 needs the +2 complexity). */
  capBelowVeryBroad: 9,
} as const;

export interface GapEvidence {
  /** Code lines changed between model and ideal; null when there is no ideal to compare with. */
  changedLines: number | null;
  /** Prose words of the written analysis (MODEL_FAILURES.md); null when the task has none. */
  analysisWords: number | null;
  /** Words of the prompt; null when the task has none. */
  promptWords: number | null;
}

/** Step 3, calibrated: D when the gap is minimal and barely documented, A when the fixes are documented at length, else B. */
export function documentedFixAdjustment(e: GapEvidence): FixAdjustment {
  const c = CALIBRATION;
  if (e.analysisWords === null) {
    // Without a written analysis the code gap alone does not separate low scores: on the dev corpus a
    // small gap (< 60 lines) went with 16 scores below 8 but 34 of 8-10, so neither D nor A is applied.
    return { delta: 0, category: 'B', detail: 'no written analysis to weigh the fixes against: Category B, ±0 (the code gap alone does not tell D from B)' };
  }
  const words = e.analysisWords;
  const wordsText = `the analysis has ${words} words of prose`;
  if (e.changedLines !== null && e.changedLines > 0 && e.changedLines < c.minimalGapLines && words < c.thinAnalysisWords) {
    return {
      delta: c.minimalPenalty,
      category: 'D',
      detail: `minimal changes: ${e.changedLines} code lines differ (< ${c.minimalGapLines}) and ${wordsText} (< ${c.thinAnalysisWords}) → Category D, ${signed(c.minimalPenalty)} (calibrated from the guide's −3/−4)`,
    };
  }
  const identical = e.changedLines === 0 ? '; model and ideal code are identical, so the gap is read from the analysis alone' : '';
  if (words >= c.substantialAnalysisWords) {
    return { delta: 1, category: 'A', detail: `${wordsText} (≥ ${c.substantialAnalysisWords}): significant fixes documented → Category A, +1${identical}` };
  }
  return { delta: 0, category: 'B', detail: `${wordsText} (< ${c.substantialAnalysisWords}): moderate fixes → Category B, ±0${identical}` };
}

/** Step 4, calibrated: the task's breadth from its prompt (+1 broad, +2 very broad: the guide's cap). */
export function taskBreadthAdjustment(promptWords: number | null): { delta: number; detail: string } {
  const c = CALIBRATION;
  if (promptWords === null) return { delta: 0, detail: 'no prompt: breadth unknown' };
  if (promptWords >= c.veryBroadPromptWords) return { delta: 2, detail: `very broad task: ${promptWords} prompt words (≥ ${c.veryBroadPromptWords}) → +2 (cap)` };
  if (promptWords >= c.broadPromptWords) return { delta: 1, detail: `broad task: ${promptWords} prompt words (≥ ${c.broadPromptWords}) → +1` };
  return { delta: 0, detail: `${promptWords} prompt words (< ${c.broadPromptWords}) → ±0` };
}

export interface CalibratedInput {
  blocker: Blocker | null;
  evidence: GapEvidence;
  /** Fixes counted from findings: reported, not scored. */
  counts: FixCounts;
  /** Explanation steps about the counted fixes, placed after the fix step. */
  fixNotes?: ScoreStep[];
  /** The ideal's complexity factors: reported, not scored. */
  complexity?: ComplexityFactors;
}

function factorSummary(f: ComplexityFactors): string {
  const yes = (x: { applies: boolean }) => (x.applies ? 'yes' : 'no');
  return `${f.services.length} services; 3+ integrated: ${yes(f.multipleServices)}; security: ${yes(f.security)}; high availability: ${yes(f.highAvailability)}; advanced patterns: ${yes(f.advancedPatterns)}; single service: ${yes(f.singleService)}`;
}

/** The calibrated rubric (default): base 8, blockers, documented-fix adjustment, task breadth, cap, clamp. */
export function scoreRubric(input: CalibratedInput): ScoreResult {
  const c = CALIBRATION;
  const steps: ScoreStep[] = [{ step: 'base', detail: 'base score', value: BASE_SCORE }];
  if (input.blocker) return blocked(input.blocker, input.counts, steps);
  const fix = documentedFixAdjustment(input.evidence);
  steps.push({ step: `fixes: Category ${fix.category}`, detail: fix.detail, delta: fix.delta });
  steps.push(...(input.fixNotes ?? []));
  const cx = taskBreadthAdjustment(input.evidence.promptWords);
  steps.push({ step: 'complexity: task breadth', detail: cx.detail, delta: cx.delta });
  if (input.complexity) {
    steps.push({ step: 'complexity factors of the ideal', detail: `${factorSummary(input.complexity)} (reported, not scored: nearly every stack has them, so they do not tell tasks apart)` });
  }
  const sum = BASE_SCORE + fix.delta + cx.delta;
  let raw = sum;
  let capNote = '';
  if (cx.delta < 2 && sum > c.capBelowVeryBroad) {
    raw = c.capBelowVeryBroad;
    capNote = ` → capped at ${raw} (calibration)`;
    steps.push({ step: 'calibration: cap', detail: `a 10 needs a very broad task (+2 complexity); ${sum} capped at ${raw}`, delta: raw - sum });
  }
  const final = finalize(raw);
  const clamped = raw > 10 ? ' → capped at 10' : raw < 0 ? ' → raised to 0' : '';
  steps.push({ step: 'final', detail: `${BASE_SCORE} ${signed(fix.delta)} (fixes) ${signed(cx.delta)} (complexity) = ${sum}${capNote}${clamped}`, value: final });
  return {
    trainingQuality: final,
    breakdown: { base: BASE_SCORE, blocker: null, fixAdjustment: fix.delta, complexityAdjustment: cx.delta, counts: { ...input.counts }, steps },
  };
}
