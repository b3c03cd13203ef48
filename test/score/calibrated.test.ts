import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALIBRATION, documentedFixAdjustment, scoreRubric, taskBreadthAdjustment, type GapEvidence } from '../../src/score/rubric.js';
import { codeGap, proseWords, wordCount } from '../../src/score/evidence.js';
import { scoreTask, LITERAL_TUNING } from '../../src/score/stage.js';
import { DEFAULT_CONVENTIONS } from '../../src/rules/conventions.js';
import { buildConfiguration } from '../../src/model/index-builder.js';
import { config, resource, task } from './helpers.js';

const noCounts = { A: 0, B: 0, C: 0 };

function score(e: Partial<GapEvidence>) {
  return scoreRubric({ blocker: null, counts: noCounts, evidence: { changedLines: 200, analysisWords: 300, promptWords: 300, ...e } });
}

test('evidence: code gap counts lines only one side has, ignoring comments, blanks and moved lines', () => {
  const file = (path: string, content: string) => ({ path, language: 'hcl', content });
  const model = buildConfiguration('tf-hcl', [file('a.tf', 'x = 1\ny = 2\n# note\n\nz = 3\n')], [], []);
  const ideal = buildConfiguration('tf-hcl', [file('a.tf', 'x = 1\n'), file('b.tf', '// moved\nz = 3\ny = 20\nw = 4\n')], [], []);
  assert.deepEqual(codeGap(model, ideal), { added: 2, removed: 1, changed: 3 });
  assert.equal(codeGap(model, model).changed, 0);
  // Repeated lines are a multiset: a second copy in the ideal is an addition.
  const twice = buildConfiguration('tf-hcl', [file('a.tf', 'x = 1\nx = 1\ny = 2\nz = 3\n')], [], []);
  assert.equal(codeGap(model, twice).added, 1);
});

test('evidence: prose words leave fenced code out; plain word counts split on whitespace', () => {
  const md = '# Title here\n\nThe model forgot encryption.\n\n```hcl\nresource "a" "b" {\n  x = 1\n}\n```\n\n~~~\nmore code\n~~~\nDone.\n';
  // '#' is a token too: 3 + 4 + 1.
  assert.equal(proseWords(md), 8);
  assert.equal(proseWords('```\nunterminated code block\n'), 0);
  assert.equal(wordCount('  Create a VPC\nwith two\tsubnets '), 6);
  assert.equal(wordCount(''), 0);
});

test('calibrated fixes: minimal gap with a thin analysis is Category D', () => {
  const d = documentedFixAdjustment({ changedLines: 12, analysisWords: 40, promptWords: 300 });
  assert.equal(d.category, 'D');
  assert.equal(d.delta, CALIBRATION.minimalPenalty);
  assert.match(d.detail, /12 code lines differ/);
  // No written analysis: the code gap alone does not decide D (nor A); the step says so.
  const none = documentedFixAdjustment({ changedLines: 12, analysisWords: null, promptWords: null });
  assert.equal(none.category, 'B');
  assert.equal(none.delta, 0);
  assert.match(none.detail, /no written analysis/);
  // A larger gap, a fuller analysis, identical code or no ideal at all: not D.
  assert.notEqual(documentedFixAdjustment({ changedLines: CALIBRATION.minimalGapLines, analysisWords: 40, promptWords: 0 }).category, 'D');
  assert.notEqual(documentedFixAdjustment({ changedLines: 12, analysisWords: CALIBRATION.thinAnalysisWords, promptWords: 0 }).category, 'D');
  assert.notEqual(documentedFixAdjustment({ changedLines: 0, analysisWords: 40, promptWords: 0 }).category, 'D');
  assert.notEqual(documentedFixAdjustment({ changedLines: null, analysisWords: 40, promptWords: 0 }).category, 'D');
});

test('calibrated fixes: a substantial analysis is Category A (+1), a shorter one Category B (±0)', () => {
  const a = documentedFixAdjustment({ changedLines: 300, analysisWords: CALIBRATION.substantialAnalysisWords, promptWords: 0 });
  assert.deepEqual([a.category, a.delta], ['A', 1]);
  const b = documentedFixAdjustment({ changedLines: 300, analysisWords: CALIBRATION.substantialAnalysisWords - 1, promptWords: 0 });
  assert.deepEqual([b.category, b.delta], ['B', 0]);
  // Identical code: the analysis alone decides, and the detail says so.
  assert.match(documentedFixAdjustment({ changedLines: 0, analysisWords: 900, promptWords: 0 }).detail, /identical/);
});

test('calibrated complexity: prompt breadth gives +1 and +2 at the two thresholds', () => {
  assert.equal(taskBreadthAdjustment(null).delta, 0);
  assert.equal(taskBreadthAdjustment(CALIBRATION.broadPromptWords - 1).delta, 0);
  assert.equal(taskBreadthAdjustment(CALIBRATION.broadPromptWords).delta, 1);
  assert.equal(taskBreadthAdjustment(CALIBRATION.veryBroadPromptWords).delta, 2);
});

test('calibrated score: 8 for a narrow, briefly documented task; 9 with either signal; 10 only for a very broad task', () => {
  assert.equal(score({}).trainingQuality, 8);
  assert.equal(score({ analysisWords: 800 }).trainingQuality, 9);
  assert.equal(score({ promptWords: 700 }).trainingQuality, 9);
  const capped = score({ analysisWords: 800, promptWords: 700 });
  assert.equal(capped.trainingQuality, 9);
  const cap = capped.breakdown.steps.find((s) => s.step === 'calibration: cap');
  assert.equal(cap?.delta, -1);
  assert.match(capped.breakdown.steps.at(-1)!.detail, /= 10 → capped at 9/);
  assert.equal(score({ analysisWords: 800, promptWords: 1500 }).trainingQuality, 10);
  assert.equal(score({ analysisWords: 800, promptWords: 1500 }).breakdown.steps.some((s) => s.step === 'calibration: cap'), false);
  assert.equal(score({ changedLines: 10, analysisWords: 20 }).trainingQuality, 6);
  assert.equal(score({ changedLines: 10, analysisWords: 20, promptWords: 700 }).trainingQuality, 7);
});

test('calibrated score: steps run base → fixes → breadth → final, and blockers skip them', () => {
  const r = score({ analysisWords: 800 });
  const names = r.breakdown.steps.map((s) => s.step);
  assert.deepEqual([names[0], names[1], names.at(-1)], ['base', 'fixes: Category A', 'final']);
  assert.ok(names.includes('complexity: task breadth'));
  assert.equal(r.breakdown.fixAdjustment, 1);
  assert.equal(r.breakdown.complexityAdjustment, 0);
  assert.equal(r.breakdown.steps.at(-1)!.value, r.trainingQuality);
  const blocked = scoreRubric({ blocker: { kind: 'region', score: 5, detail: 'lib/AWS_REGION requires eu-west-1' }, counts: noCounts, evidence: { changedLines: 200, analysisWords: 900, promptWords: 2000 } });
  assert.equal(blocked.trainingQuality, 5);
  assert.equal(blocked.breakdown.steps.some((s) => s.step.startsWith('fixes')), false);
});

test('scoreTask: the default reads the gap, the analysis and the prompt; the literal tuning reads counted fixes', () => {
  const model = config([resource('aws_s3_bucket', 'b')], [{ path: 'lib/main.tf', language: 'hcl', content: 'resource "aws_s3_bucket" "b" {}\n' }]);
  const ideal = config([resource('aws_s3_bucket', 'b')], [{ path: 'lib/main.tf', language: 'hcl', content: 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n' }]);
  const input = { task: task({ prompt: 'Create one bucket.', failures: 'Missing the bucket name.' }), model, ideal, findings: [], conventions: DEFAULT_CONVENTIONS };
  const calibrated = scoreTask(input).result!;
  assert.equal(calibrated.breakdown.steps[1]!.step, 'fixes: Category D');
  assert.equal(calibrated.trainingQuality, 6);
  const literal = scoreTask(input, LITERAL_TUNING).result!;
  assert.ok(literal.breakdown.steps.some((s) => s.step.startsWith('complexity: multiple services')));
  // With no ideal the gap is unknown: no Category D, and a note says why.
  const noIdeal = scoreTask({ ...input, ideal: null }).result!;
  assert.equal(noIdeal.breakdown.steps[1]!.step, 'note');
  assert.equal(noIdeal.trainingQuality, 8);
});
