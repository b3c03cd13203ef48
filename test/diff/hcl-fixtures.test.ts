import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffCase } from './fixture-case.js';

const list = (d: ReturnType<typeof diffCase>) => d.changes.map((c) => `${c.kind} ${c.address}${c.path.length ? ' ' + c.path.join('.') : ''} → ${c.category}`);

test('HCL: a renamed bucket is one rename, its users follow', () => {
  assert.deepEqual(list(diffCase('rename')), ['block-renamed aws_s3_bucket.data → naming']);
});

test('HCL: provider and terraform blocks moved from main.tf to provider.tf', () => {
  const d = diffCase('provider-move');
  assert.deepEqual(list(d).sort(), ['moved-file provider.aws → file-layout', 'moved-file terraform → file-layout']);
  const c = d.changes.find((x) => x.address === 'provider.aws')!;
  assert.match(c.model!.snippet, /provider "aws"/);
  assert.match(c.ideal!.snippet, /region = var.aws_region/);
  assert.equal(d.result.fileMap['lib/main.tf'], 'lib/main.tf');
});

test('HCL: reformatting only (comments, order, quoting, key order) is no change', () => {
  assert.deepEqual(list(diffCase('reformat')), []);
});

test('HCL: partial ideal leaves the files it does not show unchanged', () => {
  const d = diffCase('partial');
  assert.equal(d.result.partialIdeal, true);
  assert.deepEqual(d.result.unchangedFiles, ['lib/outputs.tf', 'lib/variables.tf']);
  assert.equal(d.result.coverage, 0.4);
  assert.deepEqual(list(d), ['nested-block-added aws_dynamodb_table.orders point_in_time_recovery → backup-recovery']);
});

test('HCL: lifecycle rule gains filter {}', () => {
  const d = diffCase('lifecycle-filter');
  assert.deepEqual(list(d), ['nested-block-added aws_s3_bucket_lifecycle_configuration.logs rule.filter → lifecycle-cost']);
  assert.match(d.changes[0]!.ideal!.snippet, /filter \{\}/);
});

test('HCL: count on an enable flag, default added, flag variable added', () => {
  const d = diffCase('count-flag');
  assert.deepEqual(list(d).sort(), [
    'block-added var.enable_route53 → optional-feature',
    'meta-argument-added aws_route53_record.api count → optional-feature',
    'variable-default-added var.domain_name default → required-input',
  ]);
  const f = d.findings.find((x) => x.resource === 'aws_route53_record.api')!;
  // The heuristic that fired names the finding.
  assert.equal(f.ruleId, 'diff-count-on-flag');
  assert.match(f.idealSnippet!.code, /count\s+= var.enable_route53/);
});
