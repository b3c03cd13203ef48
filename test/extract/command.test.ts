import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register, writeInside } from '../../src/cli/commands/extract.js';
import { UsageError } from '../../src/contracts/errors.js';

const FIXTURE = 'test/fixtures/extract/response.md';

/** Runs `extract` in-process, capturing stdout/stderr and the exit code it sets. */
async function run(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const program = new Command().exitOverride();
  let code = 0;
  register(program, (c) => {
    code = Math.max(code, c);
  });
  let out = '';
  let err = '';
  const origOut = process.stdout.write.bind(process.stdout);
  const origErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    await program.parseAsync(['extract', ...args], { from: 'user' });
  } finally {
    process.stdout.write = origOut;
    process.stderr.write = origErr;
  }
  return { out, err, code };
}

function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const st = lstatSync(join(dir, name));
    if (st.isDirectory()) out.push(...filesUnder(join(dir, name), rel));
    else out.push(rel);
  }
  return out;
}

test('extract writes the files under --out only, one line per file, warnings on stderr', async () => {
  const base = mkdtempSync(join(tmpdir(), 'iacjudge-extract-'));
  try {
    const out = join(base, 'a', 'out');
    const r = await run([FIXTURE, '--out', out]);
    assert.equal(r.code, 0);
    // The escaping name is rejected; its HCL block is kept under an unnamed name, inside the folder.
    assert.deepEqual(filesUnder(out), ['lib/lambda/index.py', 'lib/main.tf', 'lib/unnamed-1.tf']);
    assert.deepEqual(readdirSync(base), ['a']);
    assert.equal(existsSync(join(base, 'escape.tf')), false);
    assert.match(readFileSync(join(out, 'lib/main.tf'), 'utf8'), /aws_s3_bucket/);
    assert.equal(r.out.trim().split('\n').length, 3);
    assert.match(r.out, /lib\/main\.tf \(hcl, from line 6\)/);
    assert.match(r.err, /warning: .*response\.md:\d+: file name `\.\.\/\.\.\/escape\.tf`.*rejected/);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('extract --json prints a summary', async () => {
  const base = mkdtempSync(join(tmpdir(), 'iacjudge-extract-'));
  try {
    const r = await run([FIXTURE, '--out', base, '--json']);
    const summary = JSON.parse(r.out) as { files: { path: string; language: string }[]; warnings: { kind: string }[] };
    assert.deepEqual(summary.files.map((f) => [f.path, f.language]), [
      ['lib/main.tf', 'hcl'],
      ['lib/lambda/index.py', 'py'],
      ['lib/unnamed-1.tf', 'hcl'],
    ]);
    assert.deepEqual(summary.warnings.map((w) => w.kind), ['rejected-path']);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('extract refuses to write through a symlinked subfolder inside --out', async () => {
  const base = mkdtempSync(join(tmpdir(), 'iacjudge-extract-'));
  try {
    const out = join(base, 'out');
    const elsewhere = join(base, 'elsewhere');
    mkdirSync(out);
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(out, 'lib'));
    const r = await run([FIXTURE, '--out', out]);
    assert.equal(r.code, 2);
    assert.deepEqual(readdirSync(elsewhere), []);
    assert.match(r.err, /not written: lib\/main\.tf: `lib` is a symlink/);
    assert.equal(r.out, '');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('writeInside refuses a symlinked file and paths that leave the folder', () => {
  const base = mkdtempSync(join(tmpdir(), 'iacjudge-extract-'));
  try {
    const out = join(base, 'out');
    mkdirSync(join(out, 'lib'), { recursive: true });
    const target = join(base, 'target.tf');
    symlinkSync(target, join(out, 'lib', 'main.tf'));
    assert.equal(writeInside(out, 'lib/main.tf', 'x').ok, false);
    assert.equal(existsSync(target), false);
    assert.equal(writeInside(out, '../x.tf', 'x').ok, false);
    assert.equal(existsSync(join(base, 'x.tf')), false);
    assert.deepEqual(writeInside(out, 'lib/new/file.tf', 'ok'), { ok: true });
    assert.equal(readFileSync(join(out, 'lib/new/file.tf'), 'utf8'), 'ok');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test('extract on a missing markdown file is a usage error', async () => {
  await assert.rejects(run(['test/fixtures/extract/missing.md', '--out', tmpdir()]), (e: unknown) => e instanceof UsageError && /markdown file not found/.test((e as Error).message));
});
