import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countFixes, groupFixes, isFix, type IdealProbe } from '../../src/score/fixes.js';
import { scoreTask } from '../../src/score/stage.js';
import { DEFAULT_CONVENTIONS } from '../../src/rules/conventions.js';
import { config, finding, resource, lit, task } from './helpers.js';

const files = (text: string) => [{ path: 'lib/main.tf', language: 'hcl', content: text }];

function probe(modelText: string, idealText: string): IdealProbe {
  const span = (n: number) => ({ file: 'lib/main.tf', line: 1, column: 1, endLine: n, endColumn: 1 });
  const m = resource('aws_s3_bucket', 'b', { bucket: lit('x') });
  m.span = span(modelText.split('\n').length);
  const i = resource('aws_s3_bucket', 'b', { bucket: lit('x') });
  i.span = span(idealText.split('\n').length);
  return { idealFindings: null, probedRules: new Set(), model: config([m], files(modelText)), ideal: config([i], files(idealText)), modelRuleCounts: new Map() };
}

test('diff and log evidence always count as fixes; claims never do', () => {
  const p = probe('a', 'a');
  assert.ok(isFix(finding({ evidence: ['diff'] }), p));
  assert.ok(isFix(finding({ evidence: ['log'] }), p));
  assert.ok(!isFix(finding({ evidence: ['claim'] }), p));
});

test('a static finding counts only when the ideal changed the flagged block', () => {
  const f = finding({ evidence: ['static'], resource: 'aws_s3_bucket.b' });
  assert.ok(!isFix(f, probe('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}', 'resource "aws_s3_bucket" "b" {\n  bucket   =   "x"\n}')));
  assert.ok(isFix(f, probe('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}', 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  force_destroy = true\n}')));
});

test('a static finding of a probed rule counts unless the rule fires on the same resource of the ideal', () => {
  const p = probe('a', 'a');
  p.probedRules.add('r1');
  p.idealFindings = [finding({ ruleId: 'r1', resource: 'aws_s3_bucket.b', evidence: ['static'] })];
  assert.ok(!isFix(finding({ ruleId: 'r1', resource: 'aws_s3_bucket.b', evidence: ['static'] }), p));
  p.idealFindings = [];
  assert.ok(isFix(finding({ ruleId: 'r1', resource: 'aws_s3_bucket.b', evidence: ['static'] }), p));
});

test('fixes group per category and resource, taking the strongest class', () => {
  const items = groupFixes(
    [
      finding({ category: 'encryption', fixClass: 'A', resource: 'aws_s3_bucket.b' }),
      finding({ category: 'encryption', fixClass: 'C', resource: 'aws_s3_bucket.b', ruleId: 'other' }),
      finding({ category: 'naming', fixClass: 'B', resource: 'aws_s3_bucket.b' }),
      finding({ category: 'naming', fixClass: 'B', resource: 'aws_sqs_queue.q' }),
    ],
    'category-resource',
  );
  assert.deepEqual(countFixes(items), { A: 1, B: 2, C: 0 });
  assert.deepEqual(countFixes(groupFixes(items.flatMap((i) => i.findings), 'category')), { A: 1, B: 1, C: 0 });
});

test('scoreTask is null without a model response and explains the counted fixes otherwise', () => {
  const input = { task: task(), model: null, ideal: null, findings: [], conventions: DEFAULT_CONVENTIONS };
  assert.equal(scoreTask(input).result, null);
  const model = config([resource('aws_s3_bucket', 'b')]);
  const out = scoreTask({ ...input, model, ideal: model, findings: [finding({ category: 'encryption', fixClass: 'A', evidence: ['diff'], resource: 'aws_s3_bucket.b' })] });
  assert.equal(out.result?.breakdown.counts.A, 1);
  assert.ok(out.result?.breakdown.steps.some((s) => s.step === 'fixes in the code: Category A' && /encryption/.test(s.detail)));
});
