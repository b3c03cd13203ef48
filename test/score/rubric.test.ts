import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALIBRATION, calibratedComplexity, failureAdjustment, finalize, isMinimalGap, isMinorCodeGap, isRewrite, scoreRubric, type FailureFact, type ScoreFacts } from '../../src/score/rubric.js';
import type { ComplexityFactors } from '../../src/score/complexity.js';

type FactorKey = 'multipleServices' | 'security' | 'highAvailability' | 'advancedPatterns' | 'singleService';

function factors(on: Partial<Record<FactorKey, boolean>>): ComplexityFactors {
  const f = (k: FactorKey) => ({ applies: on[k] ?? false, detail: `${k} detail` });
  return {
    multipleServices: f('multipleServices'),
    security: f('security'),
    highAvailability: f('highAvailability'),
    advancedPatterns: f('advancedPatterns'),
    singleService: f('singleService'),
    services: ['lambda', 's3', 'sqs'],
  };
}

function failure(over: Partial<FailureFact> = {}): FailureFact {
  return { ruleId: 'r', title: 'A failure', category: 'encryption', severity: 'high', fixClass: 'A', occurrences: 1, ...over };
}

function facts(over: Partial<ScoreFacts> = {}): ScoreFacts {
  return {
    blockers: [],
    failures: [],
    observations: 0,
    gap: { changed: 300, modelLines: 500, idealLines: 600 },
    idealProseWords: 0,
    promptWords: 500,
    requiredServices: [],
    complexity: factors({ multipleServices: true, security: true }),
    complexityFrom: 'ideal',
    idealPartial: false,
    notes: [],
    ...over,
  };
}

test('finalize clamps to 0–10 and rounds half up', () => {
  assert.equal(finalize(12), 10);
  assert.equal(finalize(-3), 0);
  assert.equal(finalize(7.5), 8);
  assert.equal(finalize(7.49), 7);
  assert.equal(finalize(0.5), 1);
});

test('minimal gap: a small non-zero share of the ideal and few A/B failures', () => {
  const small = { changed: 20, modelLines: 600, idealLines: 600 };
  assert.ok(isMinimalGap(facts({ gap: small })));
  assert.ok(isMinimalGap(facts({ gap: small, failures: [failure(), failure({ fixClass: 'C' }), failure({ fixClass: 'C' })] })));
  const ab = Array.from({ length: CALIBRATION.minimalMaxABFailures }, (_, i) => failure({ fixClass: i % 2 ? 'B' : 'A' }));
  assert.ok(isMinimalGap(facts({ gap: small, failures: ab })));
  assert.ok(!isMinimalGap(facts({ gap: small, failures: [...ab, failure({ fixClass: 'B' })] })));
  const edge = CALIBRATION.minimalGapShare * 600;
  assert.ok(isMinimalGap(facts({ gap: { ...small, changed: edge } })));
  assert.ok(!isMinimalGap(facts({ gap: { ...small, changed: edge + 1 } })));
  assert.ok(!isMinimalGap(facts({ gap: { ...small, changed: 0 } })));
  assert.ok(!isMinimalGap(facts({ gap: null })));
});

test('minimal gap needs a code-only ideal: an ideal that explains its changes in prose is not minimal', () => {
  const small = { changed: 20, modelLines: 600, idealLines: 600 };
  const bound = CALIBRATION.minimalIdealProseWords;
  assert.ok(isMinimalGap(facts({ gap: small, idealProseWords: bound })));
  assert.ok(!isMinimalGap(facts({ gap: small, idealProseWords: bound + 1 })));
  // Prose that cannot be measured (an ideal given as code) leaves the decision to the code gap.
  assert.ok(isMinimalGap(facts({ gap: small, idealProseWords: null })));
  const explained = failureAdjustment(facts({ gap: small, idealProseWords: 240 }));
  assert.equal(explained.category, 'B');
  assert.equal(explained.delta, 0);
  assert.match(explained.detail, /20 code lines differ between model and ideal \(3% of the ideal's 600\), but the ideal explains its changes in 240 words of prose \(> 30\): more than minimal/);
  // With a moderate failure the explaining ideal is named next to it.
  const withB = failureAdjustment(facts({ gap: small, idealProseWords: 240, failures: [failure({ fixClass: 'B', title: 'Timeout too short' })] }));
  assert.match(withB.detail, /moderate failures: Timeout too short \[r\]; 20 code lines differ .* explains its changes in 240 words/);
  // A code-only ideal names its prose in the Category D step.
  const d = failureAdjustment(facts({ gap: small, idealProseWords: 4 }));
  assert.equal(d.category, 'D');
  assert.match(d.detail, /the ideal is code only \(4 words of prose, ≤ 30\)/);
});

test('minor gap: above the minimal share, up to minorGapShare, code-only ideal and few A/B failures → Category C, −1', () => {
  const at = (changed: number, over: Partial<ScoreFacts> = {}) => failureAdjustment(facts({ gap: { changed, modelLines: 1000, idealLines: 1000 }, ...over }));
  const minimalEdge = CALIBRATION.minimalGapShare * 1000;
  const minorEdge = CALIBRATION.minorGapShare * 1000;
  assert.equal(at(minimalEdge).category, 'D');
  assert.equal(at(minimalEdge + 1).category, 'C');
  assert.equal(at(minimalEdge + 1).delta, CALIBRATION.minorPenalty);
  assert.equal(at(minorEdge).category, 'C');
  assert.equal(at(minorEdge + 1).category, 'B');
  assert.ok(isMinorCodeGap(facts({ gap: { changed: minorEdge, modelLines: 1000, idealLines: 1000 } })));
  // An explaining ideal, or more A/B failures, make it Category B; a significant A failure alone keeps C (as for D).
  assert.equal(at(minorEdge, { idealProseWords: 200 }).category, 'B');
  assert.match(at(minorEdge, { idealProseWords: 200 }).detail, /explains its changes in 200 words of prose/);
  const overAB = Array.from({ length: CALIBRATION.minimalMaxABFailures + 1 }, () => failure({ fixClass: 'B' }));
  assert.equal(at(minorEdge, { failures: overAB }).category, 'B');
  assert.equal(at(minorEdge, { failures: [failure()] }).category, 'C');
});

test('narrow task: a rewrite (changed ≥ rewriteShare of both sides\' lines) waives the −1', () => {
  const narrow = CALIBRATION.narrowPromptWords - 1;
  const at = (changed: number) => calibratedComplexity(facts({ promptWords: narrow, gap: { changed, modelLines: 400, idealLines: 600 } }));
  const edge = CALIBRATION.rewriteShare * 1000;
  assert.ok(isRewrite(facts({ gap: { changed: edge, modelLines: 400, idealLines: 600 } })));
  assert.ok(!isRewrite(facts({ gap: { changed: edge - 1, modelLines: 400, idealLines: 600 } })));
  assert.ok(!isRewrite(facts({ gap: null })));
  assert.equal(at(edge).delta, 1);
  assert.match(at(edge).steps.find((s) => s.step === 'complexity: narrow task')!.detail, /rewrote the model: 700 of the 1000 code lines of both sides differ \(70% ≥ 70%\) → ±0/);
  assert.equal(at(edge - 1).delta, 0);
  // Only the narrow step changes: a typical prompt over a rewrite gets no extra point.
  assert.equal(calibratedComplexity(facts({ gap: { changed: edge, modelLines: 400, idealLines: 600 } })).delta, 1);
});

test('fix adjustment without an ideal is Category B and says why', () => {
  const f = failureAdjustment(facts({ gap: null }));
  assert.equal(f.category, 'B');
  assert.match(f.detail, /no ideal to measure the gap against/);
});

test('complexity: one architecture point (factors named in priority order), one breadth point, narrow −1', () => {
  const typical = calibratedComplexity(facts());
  assert.equal(typical.delta, 1);
  assert.match(typical.steps[0]!.detail, /multiple services \(3\+\) with integrations: multipleServices detail; security practices: security detail → \+1/);
  const broad = calibratedComplexity(facts({ promptWords: CALIBRATION.veryBroadPromptWords }));
  assert.equal(broad.delta, 2);
  assert.ok(broad.steps.some((s) => s.step === 'complexity: task breadth' && s.delta === 1));
  const narrow = calibratedComplexity(facts({ promptWords: CALIBRATION.narrowPromptWords - 1 }));
  assert.equal(narrow.delta, 0);
  assert.ok(narrow.steps.some((s) => s.step === 'complexity: narrow task' && s.delta === -1));
  const bare = calibratedComplexity(facts({ complexity: factors({}), promptWords: 100 }));
  assert.equal(bare.delta, -1);
  assert.match(bare.steps[0]!.detail, /none of the factors/);
  const unknown = calibratedComplexity(facts({ complexity: { ...factors({}), services: [] } }));
  assert.equal(unknown.delta, 1);
  assert.match(unknown.steps[0]!.detail, /architecture is unknown/);
  const fromModel = calibratedComplexity(facts({ complexityFrom: 'model' }));
  assert.match(fromModel.steps[0]!.detail, /the model \(the ideal is partial or declares no resources\)/);
});

test('score: a blocker sets the value, skips adjustments and lists the other blockers', () => {
  const r = scoreRubric(
    facts({
      failures: [failure(), failure()],
      blockers: [
        { kind: 'platform', score: 3, detail: 'metadata asks for pulumi-go, the code is cdk-ts (ideal response)' },
        { kind: 'region', score: 5, detail: 'the task pins eu-west-1 (the prompt), the provider deploys to us-east-1' },
      ],
    }),
  );
  assert.equal(r.trainingQuality, 3);
  assert.equal(r.breakdown.fixAdjustment, 0);
  assert.equal(r.breakdown.complexityAdjustment, 0);
  assert.equal(r.breakdown.counts.A, 2);
  const b = r.breakdown.steps.find((s) => s.step === 'blocker: platform');
  assert.match(b?.detail ?? '', /pulumi-go.*also: region \(the task pins eu-west-1/);
});

test('score: every step is recorded, ending with the final sum', () => {
  const r = scoreRubric(facts({ failures: [failure({ title: 'Bucket not encrypted', resource: 'aws_s3_bucket.b' })], promptWords: 1500 }));
  const steps = r.breakdown.steps;
  assert.equal(steps[0]!.step, 'base');
  assert.equal(steps[1]!.step, 'fixes: Category A');
  assert.match(steps[1]!.detail, /Bucket not encrypted on aws_s3_bucket\.b/);
  assert.equal(steps.at(-1)!.step, 'final');
  // The architecture point is not added on top of the A bonus; breadth adds one.
  assert.equal(steps.find((s) => s.step === 'complexity: architecture')?.delta, 0);
  assert.match(steps.find((s) => s.step === 'complexity: architecture')?.detail ?? '', /Category A failures already count/);
  assert.match(steps.at(-1)!.detail, /8 \+1 \(fixes\) \+1 \(complexity\) = 10/);
  assert.equal(r.trainingQuality, 10);
});

test('score: the A bonus and the architecture point are one substance point, so a fuller tier does not raise it', () => {
  const none = scoreRubric(facts({ failures: [] }));
  const many = scoreRubric(facts({ failures: Array.from({ length: 8 }, (_, i) => failure({ ruleId: `a${i}` })) }));
  assert.equal(none.trainingQuality, 9);
  assert.equal(many.trainingQuality, 9);
  assert.equal(none.breakdown.fixAdjustment + none.breakdown.complexityAdjustment, many.breakdown.fixAdjustment + many.breakdown.complexityAdjustment);
  assert.equal(many.breakdown.fixAdjustment, 1);
});

test('score: a minimal gap on a narrow task lands below 8', () => {
  const r = scoreRubric(facts({ gap: { changed: 10, modelLines: 400, idealLines: 400 }, promptWords: 200 }));
  assert.equal(r.trainingQuality, 8 + CALIBRATION.minimalPenalty + 1 - 1);
  assert.ok(r.trainingQuality < 8);
});
