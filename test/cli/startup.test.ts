/**
 * The bundled CLI (scripts/build-cli.mjs) loads only what a command needs: the TypeScript compiler only for CDKTF
 * input, ajv only when a config file is present. Checked by what is in node's module cache after a run, not by
 * timing (no timed tests). The bundle is built into node_modules/.cache so its externals resolve from the repo.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = resolve(import.meta.dirname, '../..');
const outdir = join(repo, 'node_modules/.cache', `iacjudge-bundle-test-${process.pid}`);
let bundle = '';
let work = '';

before(async () => {
  const { buildCli } = (await import(pathToFileURL(join(repo, 'scripts/build-cli.mjs')).href)) as { buildCli: (o: { outdir: string; moduleRoot: string }) => Promise<string> };
  // The unbundled modules the bundle's import.meta.url stand for are the sources themselves: data files beside them.
  bundle = await buildCli({ outdir, moduleRoot: repo });
  work = mkdtempSync(join(tmpdir(), 'iacjudge-startup-'));
});

after(() => {
  rmSync(outdir, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

interface BundleRun {
  code: number;
  /** Paths of the CommonJS modules node loaded (where the compiler, ajv and the native parser end up). */
  loaded: string[];
  stderr: string;
}

function runBundle(args: string[]): BundleRun {
  const script = `
    import { createRequire } from 'node:module';
    const { main } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    const code = await main(JSON.parse(process.argv[1]));
    process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(createRequire(import.meta.url).cache)) + '\\n');
    process.exitCode = code;`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(args)], { encoding: 'utf8', cwd: work });
  const line = res.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  assert.ok(line, `no module list; stderr: ${res.stderr}`);
  return { code: res.status ?? -1, loaded: JSON.parse(line.slice('LOADED '.length)) as string[], stderr: res.stderr };
}

const has = (loaded: string[], pkg: string): boolean => loaded.some((p) => p.includes(`/node_modules/${pkg}/`));

test('analyze of a Terraform folder loads neither the TypeScript compiler nor ajv', () => {
  const dir = join(work, 'tf');
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n');
  const out = join(work, 'tf.json');
  const run = runBundle(['analyze', dir, '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(readFileSync(out, 'utf8')) as { task: { platform: string }; findings: { ruleId: string }[] };
  assert.equal(result.task.platform, 'tf-hcl');
  assert.ok(result.findings.length > 0, 'the bundled analysis ran its rules');
  // The native parser, or its WASM fallback where the binding cannot load (src/hcl/parser.ts).
  assert.ok(has(run.loaded, 'tree-sitter') || has(run.loaded, 'web-tree-sitter'), 'the HCL parser is loaded (the module list is real)');
  assert.ok(!has(run.loaded, 'typescript'), 'TypeScript compiler loaded for HCL input');
  assert.ok(!has(run.loaded, 'ajv'), 'ajv loaded without a config file');
});

test('CDKTF input loads the compiler on demand and analyzes as unbundled', () => {
  const dir = join(work, 'cdktf');
  mkdirSync(join(dir, 'lib'), { recursive: true });
  writeFileSync(join(dir, 'lib/tap-stack.ts'), readFileSync(join(repo, 'test/fixtures/cdktf/tap-stack.ts.txt'), 'utf8'));
  const out = join(work, 'cdktf.json');
  const run = runBundle(['analyze', dir, '--platform', 'cdktf-ts', '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  assert.ok(has(run.loaded, 'typescript'));
  const result = JSON.parse(readFileSync(out, 'utf8')) as { task: { platform: string }; warnings: string[] };
  assert.equal(result.task.platform, 'cdktf-ts');
  assert.ok(!result.warnings.some((w) => /stage .* failed/.test(w)), result.warnings.join('\n'));
});

test('a config file loads ajv and is validated', () => {
  const dir = join(work, 'cfg');
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n');
  writeFileSync(join(dir, '.iacjudge.json'), '{"rules": {"no-such-rule": "off"}}');
  const run = runBundle(['analyze', dir]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /unknown rule id/);
  assert.ok(has(run.loaded, 'ajv'));
});

test('--version loads no command and no parser', () => {
  const run = runBundle(['--version']);
  assert.equal(run.code, 0);
  assert.ok(!has(run.loaded, 'tree-sitter') && !has(run.loaded, 'typescript') && !has(run.loaded, 'ajv'), run.loaded.join('\n'));
});

test('the lazy entry knows the module of every command the full entry registers', async () => {
  const { Command } = await import('commander');
  const { COMMANDS } = await import('../../src/cli/commands/index.js');
  const { COMMAND_MODULES } = await import('../../src/cli/lazy-main.js');
  const program = new Command();
  for (const register of COMMANDS) register(program, () => {});
  const names = program.commands.map((c) => c.name()).sort();
  assert.deepEqual(Object.keys(COMMAND_MODULES).sort(), names);
  for (const name of names) {
    const sub = new Command();
    (await COMMAND_MODULES[name]!()).register(sub, () => {});
    assert.ok(sub.commands.some((c) => c.name() === name), `${name}'s module registers it`);
  }
});
