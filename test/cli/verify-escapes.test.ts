// `verify` prints claims quoted from MODEL_FAILURES.md: escape sequences in them must not reach the terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

test('verify text output carries no escape sequence from the analysis it quotes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-verify-esc-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ platform: 'tf', language: 'hcl' }));
  writeFileSync(join(dir, 'lib', 'MODEL_RESPONSE.md'), '## main.tf\n\n```hcl\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n```\n');
  writeFileSync(join(dir, 'lib', 'MODEL_FAILURES.md'), '# Failures\n\n## 1. Bucket \u001b]0;pwned\u0007 not encrypted \u001b[2J\n\nThe S3 bucket lacks encryption.\n');
  let out = '';
  const write = process.stdout.write;
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  try {
    assert.equal(await main(['verify', dir]), 0);
  } finally {
    process.stdout.write = write;
  }
  assert.match(out, /Bucket/);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(out, /[\u001b\u0007\u009b]/);
});
