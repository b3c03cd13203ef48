/**
 * The training-quality rubric as a pure function: base 8, blockers, fix-class adjustment, complexity
 * adjustment (priority order, capped at +2, single-service −1 independent), clamp 0–10, round half up.
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

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

export function scoreRubric(input: RubricInput): ScoreResult {
  const steps: ScoreStep[] = [{ step: 'base', detail: 'base score', value: BASE_SCORE }];
  if (input.blocker) {
    steps.push({ step: `blocker: ${input.blocker.kind}`, detail: `${input.blocker.detail}; score set to ${input.blocker.score}, adjustments skipped`, value: input.blocker.score });
    const final = finalize(input.blocker.score);
    steps.push({ step: 'final', detail: `blocker value ${input.blocker.score} → ${final}`, value: final });
    return {
      trainingQuality: final,
      breakdown: { base: BASE_SCORE, blocker: input.blocker.detail, fixAdjustment: 0, complexityAdjustment: 0, counts: { ...input.counts }, steps },
    };
  }
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
