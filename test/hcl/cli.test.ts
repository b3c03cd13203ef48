import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

const fixture = join(import.meta.dirname, '../fixtures/hcl/multi');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => out.push(s) > 0) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => err.push(s) > 0) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

test('iacjudge parse <folder> prints a summary with block counts', async () => {
  const r = await run(['parse', fixture]);
  assert.equal(r.code, 0);
  assert.match(r.out, /^platform tf-hcl\n3 files \(3 with blocks\), 12 blocks, 11 references\n/);
  assert.match(r.out, /main\.tf:40 {2}aws_subnet\.private\n/);
  assert.match(r.out, /no diagnostics\n$/);
});

test('iacjudge parse --json prints the configuration with sorted plain-object symbols', async () => {
  const r = await run(['parse', join(fixture, 'variables.tf'), '--json']);
  assert.equal(r.code, 0);
  const json = JSON.parse(r.out) as { files: { path: string; content?: string }[]; symbols: Record<string, { span: { file: string } }>; blocks: unknown[] };
  assert.deepEqual(Object.keys(json.symbols), ['var.environment_suffix', 'var.region']);
  assert.deepEqual(json.files, [{ path: 'variables.tf', language: 'hcl' }]);
  assert.equal(json.symbols['var.region']!.span.file, 'variables.tf');
  assert.equal(json.blocks.length, 2);
});

test('iacjudge parse: a missing path is a usage error (exit 2)', async () => {
  const r = await run(['parse', join(fixture, 'does-not-exist.tf')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /path not found/);
});
