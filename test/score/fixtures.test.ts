/**
 * Each blocker and each fix-class branch on a fixture task of our own (test/fixtures/score/). Blockers run
 * through the whole pipeline; fix classes take the fixture's code and a failure tier given here, so they test
 * the score's reading of the tier, not the judge's choice of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTask } from '../../src/pipeline/run.js';
import { loadTask } from '../../src/ingest/index.js';
import { parseResponse } from '../../src/pipeline/parse.js';
import { scoreTask } from '../../src/score/stage.js';
import { CALIBRATION } from '../../src/score/rubric.js';
import type { Finding } from '../../src/findings/types.js';
import { finding } from './helpers.js';

const DIR = 'test/fixtures/score';

function scored(name: string) {
  const r = analyzeTask(`${DIR}/${name}`, { claims: false });
  assert.ok(r.score, `${name}: no score`);
  return r.score;
}

function withTier(name: string, failures: Partial<Finding>[]) {
  const task = loadTask(`${DIR}/${name}`);
  const model = task.model ? parseResponse(task.model.files, task.platform) : null;
  const ideal = task.ideal ? parseResponse(task.ideal.files, task.platform) : null;
  const findings = [
    ...failures.map((f, i) => finding({ tier: 'failure', rank: i + 1, ...f })),
    // An observation never counts, whatever its class.
    finding({ tier: 'observation', fixClass: 'A', severity: 'critical', ruleId: 'observed', title: 'Observed only' }),
  ];
  const out = scoreTask({ task, model, ideal, findings });
  assert.ok(out.result && out.facts);
  return out;
}

function step(result: { breakdown: { steps: { step: string; detail: string; delta?: number; value?: number }[] } }, prefix: string) {
  const s = result.breakdown.steps.find((x) => x.step.startsWith(prefix));
  assert.ok(s, `no step ${prefix}: ${result.breakdown.steps.map((x) => x.step).join(', ')}`);
  return s;
}

test('blocker: a CDKTF TypeScript task answered in HCL is set to 3', () => {
  const s = scored('platform-mismatch');
  assert.equal(s.trainingQuality, 3);
  assert.match(step(s, 'blocker: platform').detail, /metadata asks for cdktf-ts, the code is tf-hcl/);
  assert.equal(s.breakdown.fixAdjustment, 0);
});

test('blocker: a region pinned by metadata and prompt, deployed elsewhere, is set to 5', () => {
  const s = scored('wrong-region');
  assert.equal(s.trainingQuality, 5);
  assert.match(step(s, 'blocker: region').detail, /the task pins eu-central-1 \(metadata region and the prompt\), the provider deploys to us-west-2/);
});

test('blocker: half or more of the required services absent is set to 4, naming them', () => {
  const s = scored('missing-services');
  assert.equal(s.trainingQuality, 4);
  const d = step(s, 'blocker: services').detail;
  assert.match(d, /4 of 6 required services missing/);
  for (const name of ['DynamoDB', 'Lambda', 'SNS', 'Step Functions']) assert.ok(d.includes(name), d);
  assert.ok(!d.includes('SQS (metadata)'), d);
});

test('no region blocker when only the ideal moves the provider: the model deployed where the task pins', () => {
  const s = scored('region-moved-by-ideal');
  assert.equal(s.breakdown.blocker, null);
  assert.match(step(s, 'note').detail, /the task pins eu-central-1 \(metadata region and the prompt\), the provider deploys to us-west-2, but the model deploys to eu-central-1 as pinned: only the ideal moved the region \(not a blocker\)/);
  assert.ok(s.trainingQuality >= 6, String(s.trainingQuality));
});

test('blocker: a response with no code is set to 3', () => {
  const s = scored('no-code');
  assert.equal(s.trainingQuality, 3);
  assert.match(step(s, 'blocker: no-code').detail, /MODEL_RESPONSE\.md contains no code files/);
});

test('no blocker when neither response shows code: both describe code kept elsewhere', () => {
  const s = scored('no-code-summaries');
  assert.equal(s.breakdown.blocker, null);
  const notes = s.breakdown.steps.filter((x) => x.step === 'note').map((x) => x.detail);
  assert.equal(notes.length, 1, notes.join(' | '));
  assert.match(notes[0]!, /IDEAL_RESPONSE\.md contains no code files and neither does lib\/MODEL_RESPONSE\.md: both describe code kept elsewhere/);
  assert.ok(s.trainingQuality >= 6, String(s.trainingQuality));
});

test('blocker: a response cut off inside a resource cannot deploy and is set to 3', () => {
  const s = scored('truncated');
  assert.equal(s.trainingQuality, 3);
  assert.match(step(s, 'blocker: truncated').detail, /stops at line \d+ inside 3 unclosed brackets in lib\/main\.tf/);
});

test('a cut-off model response whose ideal completes it is part of the gap, not a blocker', () => {
  const s = scored('truncated-model-complete-ideal');
  assert.equal(s.breakdown.blocker, null);
  assert.match(step(s, 'note').detail, /the ideal completes it/);
  assert.ok(s.trainingQuality >= 6, String(s.trainingQuality));
});

test('fix class D: a two-line gap and few A/B failures is Category D, naming the gap and the failure', () => {
  const { result, facts } = withTier('small-gap', [{ fixClass: 'B', ruleId: 'sqs-visibility', title: 'Visibility timeout too short', resource: 'aws_sqs_queue.orders' }]);
  assert.equal(facts!.gap!.changed, 2);
  const s = step(result!, 'fixes: Category D');
  assert.equal(s.delta, CALIBRATION.minimalPenalty);
  assert.match(s.detail, /2 code lines differ between model and ideal \(\d+% of the ideal's \d+\)/);
  assert.match(s.detail, /Visibility timeout too short on aws_sqs_queue\.orders \[sqs-visibility\]/);
  // Base 8 − 2, +1 for the architecture (integrated services), −1 for a narrow prompt.
  assert.equal(result!.trainingQuality, 6);
});

test('fix class D needs a code-only ideal: the same two-line gap with an ideal that explains its changes is Category B', () => {
  const tier = [{ fixClass: 'B' as const, ruleId: 'sqs-visibility', title: 'Visibility timeout too short', resource: 'aws_sqs_queue.orders' }];
  const plain = withTier('small-gap', tier);
  const explained = withTier('small-gap-explained', tier);
  // Same code on both sides: only the ideal's prose differs.
  assert.deepEqual(explained.facts!.gap, plain.facts!.gap);
  assert.ok(plain.facts!.idealProseWords! <= CALIBRATION.minimalIdealProseWords);
  assert.ok(explained.facts!.idealProseWords! > CALIBRATION.minimalIdealProseWords);
  const s = step(explained.result!, 'fixes: Category');
  assert.equal(s.step, 'fixes: Category B');
  assert.equal(s.delta, 0);
  assert.match(s.detail, /Visibility timeout too short on aws_sqs_queue\.orders \[sqs-visibility\]; 2 code lines differ between model and ideal \(\d+% of the ideal's \d+\), but the ideal explains its changes in \d+ words of prose \(> 30\): more than minimal/);
  // Base 8 ±0, +1 for the architecture, −1 for a narrow prompt: two points above the code-only ideal's 6.
  assert.equal(explained.result!.trainingQuality, 8);
  assert.equal(plain.result!.trainingQuality, 6);
});

test('fix class C from a minor gap: a three-line gap (5–8% of the ideal) with a code-only ideal is −1, naming the gap', () => {
  const tier = [{ fixClass: 'B' as const, ruleId: 'sqs-visibility', title: 'Visibility timeout too short', resource: 'aws_sqs_queue.orders' }];
  const { result, facts } = withTier('minor-gap', tier);
  assert.equal(facts!.gap!.changed, 3);
  assert.ok(facts!.gap!.changed > CALIBRATION.minimalGapShare * facts!.gap!.idealLines);
  assert.ok(facts!.gap!.changed <= CALIBRATION.minorGapShare * facts!.gap!.idealLines);
  const s = step(result!, 'fixes: Category C');
  assert.equal(s.delta, CALIBRATION.minorPenalty);
  assert.ok(
    s.detail.includes(
      `minor changes: 3 code lines differ between model and ideal (6% of the ideal's 48) (> 5%, ≤ 8%), the ideal is code only (${facts!.idealProseWords} words of prose, ≤ 30) and 1 Category A/B failure (≤ ${CALIBRATION.minimalMaxABFailures}); failures: Visibility timeout too short on aws_sqs_queue.orders [sqs-visibility] → Category C, −1`,
    ),
    s.detail,
  );
  // Base 8 − 1, +1 for the architecture, −1 for a narrow prompt.
  assert.equal(result!.trainingQuality, 7);
  // More A/B failures than a minimal change has: not minor, Category B.
  const more = Array.from({ length: CALIBRATION.minimalMaxABFailures }, (_, i) => ({ fixClass: 'B' as const, ruleId: `b${i + 2}`, title: `Gap ${i + 2}` }));
  const fuller = withTier('minor-gap', [...tier, ...more]);
  assert.equal(step(fuller.result!, 'fixes: Category').step, 'fixes: Category B');
});

test('fix class D does not apply when the small gap comes with more than a few A/B failures', () => {
  const { result } = withTier('small-gap', [
    { fixClass: 'A', severity: 'high', ruleId: 'a1', title: 'Queue not encrypted' },
    { fixClass: 'B', ruleId: 'b1', title: 'Timeout' },
    { fixClass: 'B', ruleId: 'b2', title: 'No dead-letter queue' },
  ]);
  assert.equal(step(result!, 'fixes: Category').step, 'fixes: Category A');
});

test('fix class A: a significant Category A failure earns +1 (the guide\'s +2 capped), naming it', () => {
  const { result } = withTier('large-gap', [
    { fixClass: 'A', severity: 'critical', ruleId: 'sqs-unencrypted', title: 'Queue not encrypted', resource: 'aws_sqs_queue.orders' },
    { fixClass: 'A', severity: 'high', ruleId: 'no-dlq', title: 'No dead-letter queue', occurrences: [{ location: { file: 'lib/main.tf', line: 1 } }, { location: { file: 'lib/main.tf', line: 9 } }] },
    { fixClass: 'C', ruleId: 'c1', title: 'Hard-coded name' },
  ]);
  const s = step(result!, 'fixes: Category A');
  assert.equal(s.delta, CALIBRATION.maxFixBonus);
  assert.match(s.detail, /2 significant Category A failures: Queue not encrypted on aws_sqs_queue\.orders \[sqs-unencrypted\]; No dead-letter queue ×2 \[no-dlq\]/);
  assert.match(s.detail, /capped/);
  // 8 + 1 (A); the architecture point is the same substance (±0); a narrow prompt −1.
  assert.equal(result!.trainingQuality, 8);
});

test('fix class A needs a significant severity: a medium A failure is Category B', () => {
  const { result } = withTier('large-gap', [{ fixClass: 'A', severity: 'medium', ruleId: 'a-medium', title: 'Tag missing on the key' }]);
  const s = step(result!, 'fixes: Category');
  assert.equal(s.step, 'fixes: Category B');
  assert.match(s.detail, /moderate failures: Tag missing on the key/);
});

test('fix class B: moderate failures over a large gap are ±0', () => {
  const { result, facts } = withTier('large-gap', [{ fixClass: 'B', ruleId: 'b1', title: 'Timeout too short' }]);
  assert.ok(facts!.gap!.changed > CALIBRATION.minimalGapShare * facts!.gap!.idealLines);
  const s = step(result!, 'fixes: Category B');
  assert.equal(s.delta, 0);
  assert.equal(result!.trainingQuality, 8);
});

test('narrow task: the −1 is waived when the ideal rewrote the model (≥ 70% of both sides\' code lines differ), naming the share', () => {
  const tier = [{ fixClass: 'B' as const, ruleId: 'b1', title: 'Timeout too short' }];
  const { result, facts } = withTier('rewrite', tier);
  const g = facts!.gap!;
  assert.ok(g.changed >= CALIBRATION.rewriteShare * (g.modelLines + g.idealLines), JSON.stringify(g));
  assert.ok(facts!.promptWords! < CALIBRATION.narrowPromptWords);
  const s = step(result!, 'complexity: narrow task');
  assert.equal(s.delta, 0);
  assert.match(s.detail, /prompt words \(< 350\), but the ideal rewrote the model: \d+ of the \d+ code lines of both sides differ \(\d+% ≥ 70%\) → ±0/);
  // Base 8 ±0 (B), +1 for the architecture, narrow waived.
  assert.equal(result!.trainingQuality, 9);
  // The same narrow prompt over a gap that is not a rewrite keeps its −1.
  const kept = withTier('large-gap', tier).result!;
  assert.equal(step(kept, 'complexity: narrow task').delta, -1);
});

test('fix class B: no failure in the tier but a large gap is not minimal', () => {
  const { result } = withTier('large-gap', []);
  assert.match(step(result!, 'fixes: Category B').detail, /no significant failure in the tier, but \d+ code lines differ/);
});

test('fix class B: identical code cannot measure the gap, so it is not Category D', () => {
  const { result, facts } = withTier('same-code', []);
  assert.equal(facts!.gap!.changed, 0);
  assert.match(step(result!, 'fixes: Category B').detail, /repeats the model's code/);
});

test('fix class C: only Category C failures follow the guide (4–5 → −1, ≥6 → −2), naming them', () => {
  const c = (n: number) => Array.from({ length: n }, (_, i) => ({ fixClass: 'C' as const, ruleId: `c${i}`, title: `Minor ${i}` }));
  const four = withTier('large-gap', c(4)).result!;
  assert.equal(step(four, 'fixes: Category C').delta, -1);
  assert.match(step(four, 'fixes: Category C').detail, /Minor 0 \[c0\]; Minor 1 \[c1\]; Minor 2 \[c2\]; Minor 3 \[c3\]/);
  const six = withTier('large-gap', c(6)).result!;
  assert.equal(step(six, 'fixes: Category C').delta, -2);
  assert.match(step(six, 'fixes: Category C').detail, /and 2 more/);
  // Fewer than four C failures over a large gap: not minimal, so B.
  assert.equal(step(withTier('large-gap', c(3)).result!, 'fixes: Category').step, 'fixes: Category B');
});

test('the written analysis never moves the score: same score with and without lib/MODEL_FAILURES.md claims', () => {
  const withClaims = analyzeTask(`${DIR}/with-analysis`);
  const without = analyzeTask(`${DIR}/with-analysis`, { claims: false });
  // The claims stage did read the analysis (its findings carry `claim` evidence)...
  assert.ok(withClaims.findings.some((f) => f.evidence.includes('claim')));
  // ...and the score is the same, step by step.
  assert.deepEqual(withClaims.score, without.score);
  assert.equal(withClaims.score?.breakdown.steps.find((s) => s.step.startsWith('fixes:'))?.step, 'fixes: Category D');
});

test('a failure only the written analysis asserts (claim evidence alone) is not counted', () => {
  const { result } = withTier('small-gap', [
    { fixClass: 'A', severity: 'critical', evidence: ['claim'], ruleId: 'claim-encryption', title: 'Documented only' },
    { fixClass: 'A', severity: 'critical', evidence: ['claim'], ruleId: 'claim-iam', title: 'Documented too' },
  ]);
  assert.equal(result!.breakdown.counts.A, 0);
  assert.equal(step(result!, 'fixes: Category').step, 'fixes: Category D');
});
