import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as missing } from '../../src/rules/tests/tests-missing.js';
import { rule as untested } from '../../src/rules/tests/lambda-code-untested.js';

const tf = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}';
const listing = ['lib/PROMPT.md', 'lib/MODEL_RESPONSE.md', 'lib/main.tf', 'metadata.json'];

test('tests-missing fires on a pipeline task without tests', () => {
  const findings = runRule(missing, tf, { listing });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'low');
  const asked = runRule(missing, tf, { listing, prompt: 'Include unit tests and integration tests for the stack.' });
  assert.equal(asked[0]!.severity, 'medium');
});

test('tests-missing is quiet with test files, or outside the pipeline layout', () => {
  assert.deepEqual(runRule(missing, { 'lib/main.tf': tf, 'test/terraform.unit.test.ts': 'import { test } from "node:test";' }, { listing }), []);
  assert.deepEqual(runRule(missing, tf, { listing: [...listing, 'test/terraform.int.test.ts'] }), []);
  assert.deepEqual(runRule(missing, tf, { listing: ['main.tf'] }), []);
});

test('lambda-code-untested fires for a handler no test mentions', () => {
  const extraFiles = [
    { path: 'lib/lambda/processor.py', language: 'py', content: 'def handler(event, context):\n    return 1\n' },
    { path: 'lib/lambda/validator.py', language: 'py', content: 'def handler(event, context):\n    return 2\n' },
    { path: 'tests/unit/test_processor.py', language: 'py', content: 'from lambda_src import processor\n' },
  ];
  const findings = runRule(untested, tf, { listing, extraFiles });
  assert.deepEqual(findings.map((f) => f.resource), ['lib/lambda/validator.py']);
  assert.deepEqual(runRule(untested, tf, { listing, extraFiles: extraFiles.slice(0, 2) }), []);
});
