/**
 * The CLI behaves like ESLint and TFLint: exit 2 with one clear line for input it cannot judge, quiet EPIPE,
 * `--quiet`, `--rule`, and the stylish human format (JSON stays the default when piped).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';
import { resolveFormat } from '../../src/cli/commands/analyze.js';
import { renderStylish, useColor } from '../../src/cli/stylish.js';
import type { AnalysisResult } from '../../src/contracts/pipeline.js';

const root = mkdtempSync(join(tmpdir(), 'iacjudge-cli-conv-'));
after(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) writeFileSync(join(dir, rel), content);
  return dir;
}

const BUCKETS = 'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n';

test('parse reads CDKTF TypeScript as well as HCL: the platform is detected, or given with --platform', () => {
  const stack =
    "import { TerraformStack } from 'cdktf';\nimport { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';\nexport class S extends TerraformStack {\n  constructor(scope: any, id: string) {\n    super(scope, id);\n    new SqsQueue(this, 'q', { name: 'q' });\n  }\n}\n";
  const dir = folder('cdktf-parse', { 'tap-stack.ts': stack });
  const out = runCli(['parse', dir]);
  assert.equal(out.code, 0);
  assert.match(out.stdout, /^platform cdktf-ts\n/);
  assert.match(out.stdout, /tap-stack\.ts:6 {2}aws_sqs_queue\.q/);
  const json = JSON.parse(runCli(['parse', dir, '--json']).stdout) as { platform: string; blocks: { labels: string[] }[] };
  assert.equal(json.platform, 'cdktf-ts');
  assert.ok(json.blocks.some((b) => b.labels[0] === 'aws_sqs_queue'));
  // HCL folders stay HCL; an unknown platform is a usage error.
  assert.match(runCli(['parse', folder('hcl-parse', { 'main.tf': BUCKETS })]).stdout, /^platform tf-hcl\n/);
  const bad = runCli(['parse', dir, '--platform', 'pulumi']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown platform "pulumi"/);
});

test('an empty folder, a folder without Terraform or responses, and parse of an empty folder exit 2 with a message', () => {
  const empty = runCli(['analyze', folder('empty', {})]);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /no Terraform or markdown response/);
  assert.equal(empty.stdout, '');
  const readme = runCli(['analyze', folder('readme', { 'README.txt': 'hello\n' })]);
  assert.equal(readme.code, 2);
  assert.match(readme.stderr, /no Terraform or markdown response/);
  const parse = runCli(['parse', join(root, 'empty')]);
  assert.equal(parse.code, 2);
  assert.match(parse.stderr, /no Terraform or CDKTF files/);
});

test('--out into a missing folder exits 2 naming the folder, before any analysis', () => {
  const r = runCli(['analyze', folder('tf', { 'main.tf': BUCKETS }), '--out', join(root, 'missing', 'dir', 'x.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--out: folder not found: .*missing[\\/]dir/);
  assert.doesNotMatch(r.stderr, /ENOENT/);
});

test('a reader that closes early (| head) ends the run quietly with exit 0', () => {
  // Big enough to outgrow the pipe buffer: the writer is still writing when head exits.
  const many = Array.from({ length: 600 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-${i}"\n}\n`).join('\n');
  const dir = folder('big', { 'main.tf': many });
  const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
  const script = `import(${JSON.stringify(main)}).then((m) => m.main(['parse', ${JSON.stringify(dir)}, '--json'])).then((c) => { process.exitCode = c; })`;
  const cmd = `"${process.execPath}" --import tsx --input-type=module -e "$SCRIPT" | head -c 100 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`;
  const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8', env: { ...process.env, SCRIPT: script } });
  assert.match(r.stdout, /exit=0/, r.stderr);
  assert.doesNotMatch(r.stderr, /EPIPE|Error/);
});

test('--quiet keeps the failure tier only; --rule turns an id off and rejects unknown ids and levels', () => {
  const dir = folder('quiet', { 'main.tf': BUCKETS });
  const full = JSON.parse(runCli(['analyze', dir]).stdout) as AnalysisResult;
  assert.ok(full.findings.some((f) => f.tier === 'observation'), 'the fixture has observations');
  const quiet = runCli(['analyze', dir, '--quiet']);
  assert.equal(quiet.code, 0);
  const q = JSON.parse(quiet.stdout) as AnalysisResult;
  assert.ok(q.findings.every((f) => f.tier === 'failure'));
  assert.equal(q.findings.length, full.findings.filter((f) => f.tier === 'failure').length);

  const id = full.findings[0]!.ruleId;
  const off = JSON.parse(runCli(['analyze', dir, '--rule', `${id}=off`]).stdout) as AnalysisResult;
  assert.ok(!off.findings.some((f) => f.ruleId === id));
  const error = JSON.parse(runCli(['analyze', dir, '--rule', `${id}=error`]).stdout) as AnalysisResult;
  assert.ok(error.findings.filter((f) => f.ruleId === id).every((f) => f.tier === 'failure'));
  const unknown = runCli(['analyze', dir, '--rule', 'no-such-rule=off']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown rule id/);
  const level = runCli(['analyze', dir, '--rule', `${id}=loud`]);
  assert.equal(level.code, 2);
  assert.match(level.stderr, /unknown level/);
});

test('stylish: file:line severity message rule-id; JSON by default when piped', () => {
  const dir = folder('stylish', { 'main.tf': BUCKETS });
  const piped = runCli(['analyze', dir]);
  assert.doesNotThrow(() => JSON.parse(piped.stdout), 'JSON when stdout is not a terminal');
  const r = runCli(['analyze', dir, '--format', 'stylish']);
  assert.equal(r.code, 0);
  const lines = r.stdout.split('\n').filter((l) => /:\d+\s/.test(l));
  assert.ok(lines.length >= 2);
  for (const l of lines) assert.match(l, /^\S+\.tf:\d+\s+(critical|high|medium|low)\s+.+\s{2}[a-z0-9-]+(\s+\(observation\))?$/);
  assert.ok(!r.stdout.includes('\x1b'), 'no colour when not on a terminal');
  assert.match(r.stdout, /\d+ findings? \(\d+ failures?, \d+ observations?\)/);
  assert.equal(resolveFormat(undefined, undefined, true), 'stylish');
  assert.equal(resolveFormat(undefined, undefined, false), 'json');
  assert.equal(resolveFormat(undefined, 'out.json', true), 'json');
});

test('stylish colour: only on a terminal, never with NO_COLOR', () => {
  assert.equal(useColor({ isTTY: true }, {}), true);
  assert.equal(useColor({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(useColor({ isTTY: false }, {}), false);
  assert.equal(useColor({}, {}), false);
  const result: AnalysisResult = {
    tool: { name: 'iacjudge', version: '0' },
    task: { path: '.', platform: 'tf-hcl', language: 'hcl' },
    findings: [
      { ruleId: 'r-1', category: 'encryption', severity: 'high', evidence: ['static'], fixClass: 'A', title: 't', message: 'two\nlines \x1b[2J', location: { file: 'main.tf', line: 3 }, tier: 'failure', rank: 1 },
    ],
    score: null,
    notes: [],
    warnings: [],
  };
  assert.ok(renderStylish(result, true).includes('\x1b[31mhigh'));
  const plain = renderStylish(result, false);
  assert.ok(!plain.includes('\x1b'));
  assert.match(plain, /^main\.tf:3 {2}high {6}two lines {2}r-1\n/);
});
