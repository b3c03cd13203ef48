/**
 * The pre-commit hook (.pre-commit-hooks.yaml) and the composite GitHub Action (action.yml): parsed, and their
 * commands run for real against a fixture (the action's analyze script under bash with GitHub's environment
 * stood in for, the CLI from source), so a broken flag or exit-code path fails here rather than in a user's CI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../cli/run-cli.js';
import { sarifErrors } from '../report/sarif-schema.js';

const repo = resolve(import.meta.dirname, '../..');
// js-yaml is in the tree through eslint (dev); only this test reads YAML.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string> };

/** A folder with one Terraform file that has a high-severity finding (a public bucket without its block). */
function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-hooks-'));
  mkdirSync(join(dir, 'infra'));
  writeFileSync(join(dir, 'infra', 'main.tf'), 'resource "aws_s3_bucket" "site" {\n  bucket = "site"\n  acl    = "public-read"\n}\n');
  return dir;
}

test('.pre-commit-hooks.yaml: one node hook whose entry and args run iacjudge and fail on a high finding', () => {
  const hooks = yaml.load(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; args: string[]; pass_filenames: boolean; files: string }[];
  assert.equal(hooks.length, 1);
  const hook = hooks[0]!;
  assert.equal(hook.id, 'iacjudge');
  assert.equal(hook.language, 'node');
  assert.equal(hook.pass_filenames, false);
  assert.ok(new RegExp(hook.files).test('infra/main.tf') && !new RegExp(hook.files).test('README.md'));
  const [bin, ...words] = hook.entry.split(' ');
  assert.ok(Object.hasOwn(pkg.bin, bin!), `the entry's command ${bin} is the package's bin`);
  const dir = fixture();
  try {
    // pre-commit runs the entry with its args from the repository root: here the fixture's folder stands for it.
    const args = [...words, ...hook.args.map((a) => (a === '.' ? join(dir, 'infra') : a))];
    const r = runCli(args);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /main\.tf:\d+ +high .*s3-bucket/);
    // Below the level: the commit goes through.
    assert.equal(runCli(args.map((a) => (a === 'high' ? 'critical' : a))).code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  if?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

test('action.yml: a composite action whose analyze step writes SARIF, records the exit code, and uploads it', () => {
  const action = yaml.load(readFileSync(join(repo, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] }; inputs: Record<string, { default: string }> };
  assert.equal(action.runs.using, 'composite');
  const steps = action.runs.steps;
  const analyze = steps.find((s) => s.id === 'analyze')!;
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  assert.ok(analyze && upload);
  assert.equal(upload.with?.['sarif_file'], '${{ inputs.sarif-file }}');
  assert.match(upload.if ?? '', /always\(\)/);
  // No input is spliced into a script (injection): they come in through env.
  for (const s of steps) assert.ok(!(s.run ?? '').includes('${{'), `step ${s.name ?? s.id} splices an expression into its script`);

  const dir = fixture();
  // GITHUB_ACTION_PATH stands in for the action's checkout; its bin runs the CLI from source.
  const actionPath = join(dir, 'action');
  mkdirSync(join(actionPath, 'bin'), { recursive: true });
  writeFileSync(join(actionPath, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(actionPath, 'bin', 'iacjudge.js'),
    `import { main } from ${JSON.stringify(pathToFileURL(join(repo, 'src/cli/main.ts')).href)};\nprocess.exitCode = await main(process.argv.slice(2));\n`,
  );
  const run = (failOn: string, path = 'infra') => {
    const output = join(dir, `output-${failOn}-${path}`);
    writeFileSync(output, '');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: `--import ${pathToFileURL(createRequire(join(repo, 'package.json')).resolve('tsx')).href}`,
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_OUTPUT: output,
      IACJUDGE_PATH: path,
      IACJUDGE_FAIL_ON: failOn,
      IACJUDGE_SARIF: action.inputs['sarif-file']!.default,
    };
    for (const k of Object.keys(analyze.env ?? {})) assert.ok(k in env, `the test sets ${k}`);
    const res = spawnSync('bash', ['-c', analyze.run!], { cwd: dir, env, encoding: 'utf8' });
    return { code: res.status, stderr: res.stderr, output: readFileSync(output, 'utf8') };
  };
  try {
    const failing = run('high');
    assert.equal(failing.code, 0, failing.stderr);
    assert.equal(failing.output, 'exit-code=1\n');
    const doc = JSON.parse(readFileSync(join(dir, 'iacjudge.sarif'), 'utf8'));
    assert.deepEqual(sarifErrors(doc), []);
    assert.ok(doc.runs[0].results.some((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri === 'infra/main.tf'));
    assert.equal(run('none').output, 'exit-code=0\n');
    const missing = run('high', 'no-such-folder');
    assert.equal(missing.code, 2);
    assert.equal(missing.output, 'exit-code=2\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
