// A response with nothing to judge (empty, a refusal, prose without code) used to yield 0 findings and no warning,
// indistinguishable from a flawless response.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeTask } from '../../src/index.js';
import { extractResponse } from '../../src/extract/index.js';

function analyze(response: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-empty-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ platform: 'tf', language: 'hcl' }));
  writeFileSync(join(dir, 'lib', 'MODEL_RESPONSE.md'), response);
  return analyzeTask(dir).warnings;
}

test('empty, refusing and code-less responses are warnings in the result', () => {
  assert.ok(analyze('').some((w) => /MODEL_RESPONSE\.md: the response is empty/.test(w)));
  assert.ok(analyze(' \n\t\n').some((w) => /the response is empty/.test(w)));
  assert.ok(analyze("I'm sorry, but I can't help with that request.").some((w) => /declines the task/.test(w)));
  assert.ok(analyze('I cannot assist with creating this infrastructure.').some((w) => /declines the task/.test(w)));
  assert.ok(analyze('# Plan\n\nFirst create a bucket, then a role.').some((w) => /no code block/.test(w)));
});

test('a response with code gets none of these warnings', () => {
  const res = extractResponse("I'm sorry for the delay. Here it is:\n\n## main.tf\n\n```hcl\nresource \"aws_s3_bucket\" \"b\" {}\n```\n", 'r.md');
  assert.equal(res.files.length, 1);
  assert.deepEqual(res.warnings.filter((w) => ['empty-response', 'refusal', 'no-code'].includes(w.kind ?? '')), []);
});
