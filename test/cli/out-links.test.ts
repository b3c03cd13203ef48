// --out that is a symlink (or a FIFO) is refused by every command that writes one: the write would otherwise land
// wherever the link points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { OutputRefusedError, outputProblem, writeOutputFile } from '../../src/io/write.js';
import { makeFifo } from '../io/hostile-files.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'iacjudge-out-links-'));

async function quietly(args: string[]): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write;
  const out = process.stdout.write;
  let stderr = '';
  process.stderr.write = ((s: string) => ((stderr += s), true)) as typeof process.stderr.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return { code: await main(args), stderr };
  } finally {
    process.stderr.write = write;
    process.stdout.write = out;
  }
}

function taskDir(): string {
  const dir = tmp();
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ platform: 'tf', language: 'hcl' }));
  writeFileSync(join(dir, 'lib', 'MODEL_RESPONSE.md'), '## main.tf\n\n```hcl\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n```\n');
  return dir;
}

test('extract --out <symlink to a folder>: refused, nothing written where the link points', async () => {
  const dir = tmp();
  const outside = tmp();
  symlinkSync(outside, join(dir, 'out'));
  writeFileSync(join(dir, 'r.md'), '## main.tf\n\n```hcl\nx = 1\n```\n');
  const res = await quietly(['extract', join(dir, 'r.md'), '--out', join(dir, 'out')]);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /is a symlink/);
  assert.deepEqual(readdirSync(outside), []);
});

test('analyze --out <symlink to a file>: refused, the target keeps its content', async () => {
  const dir = taskDir();
  const victim = join(tmp(), 'victim.txt');
  writeFileSync(victim, 'precious');
  symlinkSync(victim, join(dir, 'report.json'));
  const res = await quietly(['analyze', dir, '--out', join(dir, 'report.json')]);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /is a symlink/);
  assert.equal(readFileSync(victim, 'utf8'), 'precious');
});

test('writeOutputFile: links and FIFOs refused, regular files written', { skip: process.platform === 'win32' }, () => {
  const dir = tmp();
  assert.ok(makeFifo(join(dir, 'fifo')));
  assert.match(outputProblem(join(dir, 'fifo')) ?? '', /not a regular file/);
  assert.throws(() => writeOutputFile(join(dir, 'fifo'), 'x'), OutputRefusedError);
  symlinkSync(join(dir, 'elsewhere'), join(dir, 'dangling'));
  assert.throws(() => writeOutputFile(join(dir, 'dangling'), 'x'), OutputRefusedError);
  assert.deepEqual(readdirSync(dir).sort(), ['dangling', 'fifo'], 'the dangling link was not followed to create its target');
  writeOutputFile(join(dir, 'ok.txt'), 'hello');
  assert.equal(readFileSync(join(dir, 'ok.txt'), 'utf8'), 'hello');
});
