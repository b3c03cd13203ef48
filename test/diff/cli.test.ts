import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { main } from '../../src/cli/main.js';

const task = path.relative(process.cwd(), path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/diff/task'));

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => {
    chunks.push(String(s));
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await main(args);
    return { code, out: chunks.join('') };
  } finally {
    process.stdout.write = write;
  }
}

test('iacjudge diff --json lists attributed changes and coverage', async () => {
  const { code, out } = await run(['diff', task, '--json']);
  assert.equal(code, 0);
  const r = JSON.parse(out) as { coverage: number; partialIdeal: boolean; changes: { kind: string; address: string; category: string }[] };
  assert.equal(r.coverage, 1);
  assert.equal(r.partialIdeal, false);
  const got = r.changes.map((c) => `${c.kind} ${c.address} ${c.category}`).sort();
  assert.deepEqual(got, [
    'attribute-changed aws_s3_bucket.reports naming',
    'attribute-changed provider.aws hardcoded-value',
    'block-added aws_s3_bucket_public_access_block.reports public-exposure',
    'block-added var.aws_region hardcoded-value',
    'moved-file provider.aws file-layout',
    'variable-default-added var.environment_suffix required-input',
  ]);
});

test('iacjudge diff prints changes grouped by block with their category', async () => {
  const { code, out } = await run(['diff', task]);
  assert.equal(code, 0);
  assert.match(out, /6 change\(s\), 6 attributed/);
  assert.match(out, /ideal coverage: 100%/);
  assert.match(out, /provider\.aws[^\n]*\n(\s+\[[^\n]+\n)*\s+\[file-layout\/high\] The ideal moves provider\.aws from lib\/main\.tf to lib\/provider\.tf\./);
});

test('iacjudge diff on a folder without responses is a usage error', async () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'iacjudge-diff-'));
  const { code } = await run(['diff', empty]);
  assert.equal(code, 2);
});

test('iacjudge diff --format json is the same output as --json; an unknown format is a usage error', async () => {
  const viaFlag = await run(['diff', task, '--json']);
  const viaFormat = await run(['diff', task, '--format', 'json']);
  assert.equal(viaFormat.code, 0);
  assert.equal(viaFormat.out, viaFlag.out);
  assert.equal(JSON.parse(viaFormat.out).changes.length, 6);
  const text = await run(['diff', task, '--format', 'text']);
  assert.match(text.out, /6 change\(s\), 6 attributed/);
  assert.equal((await run(['diff', task, '--format', 'sarif'])).code, 2);
  assert.equal((await run(['diff', task, '--json', '--format', 'text'])).code, 2);
});
