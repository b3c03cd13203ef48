// Minimized inputs the fuzz and ReDoS runs found: each crashed a stage or hung a regex before its fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle, parseFailureAnalysis } from '../../src/verify/parse.js';
import { promptMentionsService } from '../../src/diff/predicates.js';
import { classifyText } from '../../src/verify/classify.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { analyzeTask } from '../../src/index.js';
import { ANALYSIS_RESULT_SCHEMA } from '../../src/pipeline/result-schema.js';
import { assertSafePath, assertSpansWithin, cpuTimeOf } from './helpers.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile(ANALYSIS_RESULT_SCHEMA);

test('regression: a heading line ending in a lone CR no longer crashes claim parsing (claims stage failed)', () => {
  // `\r\r\n` line ends: the body scan parsed heading lines with `(.+)$`, which a trailing `\r` defeats → null[2].
  const doc = '# Failures\r\r\n\r\r\n## Critical Failures\r\r\n\r\r\n### 1. Hard-coded region\r\r\n\r\r\nText.\r\r\n\r\r\n## Medium Issues\r\r\n\r\r\n1. **No versioning**: x\r\r\n';
  const claims = parseFailureAnalysis(doc);
  assert.ok(claims.some((c) => c.title.startsWith('Hard-coded region')), JSON.stringify(claims.map((c) => c.title)));
  // The next heading still ends the claim's body.
  const region = claims.find((c) => c.title.startsWith('Hard-coded region'))!;
  assert.ok(!region.text.includes('No versioning'), region.text);
});

test('regression: a non-AWS resource type with regex metacharacters does not throw in the diff (stage diff failed)', () => {
  assert.equal(promptMentionsService('(', 'create a bucket'), false);
  assert.equal(promptMentionsService('a+', 'a+ b'), false);
  assert.equal(promptMentionsService('aws_s3_bucket', 'an s3 bucket'), true);
});

test('regression: a long heading of spaces parses in linear time (the heading regex was cubic: 2,000 spaces took 7 s)', () => {
  const took = cpuTimeOf(() => parseFailureAnalysis(`## a${' '.repeat(20_000)}x\n\ntext\n`));
  assert.ok(took < 500, `${took.toFixed(0)} ms`);
});

test('regression: the rewritten heading parse keeps titles, closing hashes stripped', () => {
  const claims = parseFailureAnalysis('# Analysis\n\n## 1. Missing tags ##\n\nNo tags.\n\n## 2. C#\n\nText.\n');
  assert.deepEqual(claims.map((c) => c.title), ['Missing tags', 'C']);
});

test('regression: a title of repeated cue words classifies in linear time (was 47 s for 200 KB)', () => {
  const took = cpuTimeOf(() => classifyText('kms '.repeat(50_000), 'text'));
  assert.ok(took < 500, `${took.toFixed(0)} ms`);
  // Cues in the first part of the title still count.
  assert.equal(classifyText('Wildcard IAM policy', '').category, 'iam-least-privilege');
});

test('regression: numbered-title prefixes followed by long whitespace (cleanTitle) stay linear', () => {
  const took = cpuTimeOf(() => cleanTitle(`failure ${' '.repeat(50_000)}x`));
  assert.ok(took < 500, `${took.toFixed(0)} ms`);
  assert.equal(cleanTitle('Issue #3: Missing KMS key:  '), 'Missing KMS key');
});

test('fuzz helpers: the span and path checks reject what they must (they can fail)', () => {
  const lines = new Map([['lib/main.tf', 3]]);
  assertSpansWithin({ span: { file: 'lib/main.tf', line: 4, column: 1, endLine: 4, endColumn: 1 } }, lines);
  assert.throws(() => assertSpansWithin({ span: { file: 'lib/main.tf', line: 5, column: 1, endLine: 5, endColumn: 1 } }, lines));
  assert.throws(() => assertSpansWithin([{ x: { file: 'lib/main.tf', line: 0, column: 1, endLine: 1, endColumn: 1 } }], lines));
  assert.throws(() => assertSpansWithin({ file: 'other.tf', line: 1, column: 1, endLine: 1, endColumn: 1 }, lines));
  for (const bad of ['../x.tf', '/etc/x', 'C:/x.tf', 'a\\b.tf', 'a\0b.tf', 'lib/../../x']) assert.throws(() => assertSafePath(bad), bad);
  assertSafePath('lib/main.tf');
});

test('regression: a tsc log line naming line 0 gives a finding at line 1, valid against the JSON contract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-fuzz-reg-'));
  try {
    mkdirSync(join(dir, 'lib'), { recursive: true });
    writeFileSync(join(dir, 'metadata.json'), '');
    writeFileSync(join(dir, 'lib/MODEL_RESPONSE.md'), '## lib/main.tf\n\n```hcl\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n```\n');
    writeFileSync(join(dir, 'deploy.log'), 'main.tf(0,0): error TS2345: !');
    const result = analyzeTask(dir);
    assert.ok(validate(result), JSON.stringify(validate.errors));
    const fromLog = result.findings.filter((f) => f.location.file === 'lib/main.tf');
    assert.ok(fromLog.every((f) => f.location.line >= 1));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
