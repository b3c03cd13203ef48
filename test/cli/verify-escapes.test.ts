// `verify` prints claims quoted from MODEL_FAILURES.md: escape sequences in them must not reach the terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

test('verify text output carries no escape sequence from the analysis it quotes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-verify-esc-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ platform: 'tf', language: 'hcl' }));
  writeFileSync(join(dir, 'lib', 'MODEL_RESPONSE.md'), '## main.tf\n\n```hcl\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n```\n');
  writeFileSync(join(dir, 'lib', 'MODEL_FAILURES.md'), '# Failures\n\n## 1. Bucket \u001b]0;pwned\u0007 not encrypted \u001b[2J\n\nThe S3 bucket lacks encryption.\n');
  // A child process: the test runner shares this process's stdout, so capturing it here would catch its messages.
  const res = runCli(['verify', dir]);
  assert.equal(res.code, 0, res.stderr);
  const out = res.stdout;
  assert.match(out, /Bucket/);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(out, /[\u001b\u0007\u009b]/);
});
