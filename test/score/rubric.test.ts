import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complexityAdjustment, finalize, fixAdjustment, scoreLiteral } from '../../src/score/rubric.js';
import type { ComplexityFactors } from '../../src/score/complexity.js';

function factors(on: Partial<Record<'multipleServices' | 'security' | 'highAvailability' | 'advancedPatterns' | 'singleService', boolean>>): ComplexityFactors {
  const f = (k: keyof typeof on) => ({ applies: on[k] ?? false, detail: String(k) });
  return {
    multipleServices: f('multipleServices'),
    security: f('security'),
    highAvailability: f('highAvailability'),
    advancedPatterns: f('advancedPatterns'),
    singleService: f('singleService'),
    services: [],
  };
}

test('fix adjustment: Category A dominates B and C', () => {
  assert.equal(fixAdjustment({ A: 2, B: 0, C: 0 }).delta, 2);
  assert.equal(fixAdjustment({ A: 5, B: 3, C: 9 }).delta, 2);
  assert.equal(fixAdjustment({ A: 1, B: 0, C: 7 }).delta, 1);
  assert.equal(fixAdjustment({ A: 1, B: 0, C: 0 }).category, 'A');
});

test('fix adjustment: only B is neutral even with C fixes', () => {
  const adj = fixAdjustment({ A: 0, B: 2, C: 6 });
  assert.equal(adj.delta, 0);
  assert.equal(adj.category, 'B');
});

test('fix adjustment: only C fixes follow the C and D tables', () => {
  assert.deepEqual([6, 9].map((c) => fixAdjustment({ A: 0, B: 0, C: c }).delta), [-2, -2]);
  assert.deepEqual([4, 5].map((c) => fixAdjustment({ A: 0, B: 0, C: c }).delta), [-1, -1]);
  assert.equal(fixAdjustment({ A: 0, B: 0, C: 3 }).delta, -3);
  assert.equal(fixAdjustment({ A: 0, B: 0, C: 3 }).category, 'D');
  assert.deepEqual([1, 2].map((c) => fixAdjustment({ A: 0, B: 0, C: c }).delta), [-4, -4]);
});

test('fix adjustment: no fixes at all is Category D', () => {
  const adj = fixAdjustment({ A: 0, B: 0, C: 0 });
  assert.equal(adj.category, 'D');
  assert.equal(adj.delta, -4);
});

test('complexity: factors apply in priority order and stop at +2', () => {
  const all = complexityAdjustment(factors({ multipleServices: true, security: true, highAvailability: true, advancedPatterns: true }));
  assert.equal(all.delta, 2);
  const applied = all.steps.filter((s) => s.delta === 1).map((s) => s.step);
  assert.deepEqual(applied, ['complexity: multiple services (3+) with integrations', 'complexity: security practices']);
  const late = complexityAdjustment(factors({ highAvailability: true, advancedPatterns: true }));
  assert.equal(late.delta, 2);
  assert.equal(complexityAdjustment(factors({ advancedPatterns: true })).delta, 1);
});

test('complexity: single service −1 applies independently of the bonus', () => {
  assert.equal(complexityAdjustment(factors({ singleService: true })).delta, -1);
  assert.equal(complexityAdjustment(factors({ singleService: true, security: true })).delta, 0);
  assert.equal(complexityAdjustment(factors({ singleService: true, security: true, highAvailability: true, advancedPatterns: true })).delta, 1);
});

test('finalize clamps to 0–10 and rounds half up', () => {
  assert.equal(finalize(12), 10);
  assert.equal(finalize(-3), 0);
  assert.equal(finalize(7.5), 8);
  assert.equal(finalize(7.49), 7);
  assert.equal(finalize(0.5), 1);
});

test('literal score: blocker sets the value and skips adjustments', () => {
  const r = scoreLiteral({
    blocker: { kind: 'platform', score: 3, detail: 'metadata asks for pulumi-go, the code is cdk-ts' },
    counts: { A: 4, B: 0, C: 0 },
    complexity: factors({ multipleServices: true, security: true }),
  });
  assert.equal(r.trainingQuality, 3);
  assert.equal(r.breakdown.fixAdjustment, 0);
  assert.equal(r.breakdown.complexityAdjustment, 0);
  assert.match(r.breakdown.blocker ?? '', /pulumi-go/);
  assert.ok(r.breakdown.steps.some((s) => s.step === 'blocker: platform'));
});

test('literal score: the guide examples come out as the guide computes them', () => {
  // Example 1/5/7: two A fixes, multiple services + security → 8 + 2 + 2 = 12 → 10.
  assert.equal(scoreLiteral({ blocker: null, counts: { A: 2, B: 0, C: 1 }, complexity: factors({ multipleServices: true, security: true }) }).trainingQuality, 10);
  // Example 2: B and C fixes, two services, no factors → 8.
  assert.equal(scoreLiteral({ blocker: null, counts: { A: 0, B: 2, C: 2 }, complexity: factors({}) }).trainingQuality, 8);
  // Example 3: three C fixes only, two services → 8 − 3 = 5.
  assert.equal(scoreLiteral({ blocker: null, counts: { A: 0, B: 0, C: 3 }, complexity: factors({}) }).trainingQuality, 5);
  // Example 6: six C fixes, single service → 8 − 2 − 1 = 5.
  assert.equal(scoreLiteral({ blocker: null, counts: { A: 0, B: 0, C: 6 }, complexity: factors({ singleService: true }) }).trainingQuality, 5);
});

test('literal score: every step is recorded, ending with the final value', () => {
  const r = scoreLiteral({ blocker: null, counts: { A: 1, B: 0, C: 0 }, complexity: factors({ security: true }) });
  assert.equal(r.trainingQuality, 10);
  const steps = r.breakdown.steps;
  assert.equal(steps[0]!.step, 'base');
  assert.equal(steps.at(-1)!.step, 'final');
  assert.equal(steps.at(-1)!.value, 10);
  assert.match(steps.at(-1)!.detail, /8 \+1 \(fixes\) \+1 \(complexity\) = 10/);
  assert.equal(r.breakdown.counts.A, 1);
});

test('literal score: one trivial fix on a single service is the rubric minimum, 3', () => {
  const r = scoreLiteral({ blocker: null, counts: { A: 0, B: 0, C: 1 }, complexity: factors({ singleService: true }) });
  assert.equal(r.trainingQuality, 3);
});
