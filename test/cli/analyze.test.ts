import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';
import { resolveFormat, parseFailOn } from '../../src/cli/commands/analyze.js';

const TASK = 'test/fixtures/tasks/tf-basic';

test('analyze: JSON on stdout by default, exit 0', () => {
  const r = runCli(['analyze', TASK]);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.tool.name, 'iacjudge');
  assert.equal(json.task.path, TASK);
  assert.ok(Array.isArray(json.findings));
  assert.equal(typeof json.score.trainingQuality, 'number');
  assert.ok(r.stdout.endsWith('}\n'));
});

test('analyze: --fail-on exits 1 when a finding is at or above the level', () => {
  const r = runCli(['analyze', TASK, '--fail-on', 'low']);
  assert.equal(r.code, 1, r.stderr);
  const none = runCli(['analyze', TASK, '--fail-on', 'none', '--no-score']);
  assert.equal(none.code, 0);
  assert.equal(JSON.parse(none.stdout).score, null);
});

test('analyze: missing folder, unknown format and bad --fail-on are usage errors (exit 2)', () => {
  const missing = runCli(['analyze', 'test/fixtures/tasks/does-not-exist']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /task folder not found/);
  const fmt = runCli(['analyze', TASK, '--format', 'xml']);
  assert.equal(fmt.code, 2);
  assert.match(fmt.stderr, /unknown format "xml"/);
  assert.equal(runCli(['analyze', TASK, '--fail-on', 'sometimes']).code, 2);
});

test('analyze: --out with .md writes the markdown document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-cli-'));
  try {
    const out = join(dir, 'MODEL_FAILURES.md');
    const r = runCli(['analyze', TASK, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(readFileSync(out, 'utf8'), /^# Model Response Failures Analysis/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('analyze: SARIF format', () => {
  const r = runCli(['analyze', TASK, '--format', 'sarif']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).version, '2.1.0');
});

test('format and fail-on resolution', () => {
  assert.equal(resolveFormat(undefined, 'x/MODEL_FAILURES.md'), 'md');
  assert.equal(resolveFormat(undefined, 'report.sarif'), 'sarif');
  assert.equal(resolveFormat(undefined, undefined), 'json');
  assert.equal(resolveFormat('json', 'a.md'), 'json');
  assert.equal(parseFailOn(undefined), 'none');
  assert.equal(parseFailOn('HIGH'), 'high');
});

test('verify: text and JSON over the fixture analysis', () => {
  const r = runCli(['verify', TASK, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.equal(json.claims.length, 5);
  assert.equal(json.claims[4].status, 'not-checkable');
  assert.equal(json.claims[4].category, 'tests');
  const text = runCli(['verify', TASK]);
  assert.match(text.stdout, /5 claimed failures/);
  assert.equal(runCli(['verify', 'test/fixtures/tasks/does-not-exist']).code, 2);
});

test('analyze: --timeout must be a positive whole number of milliseconds (else exit 2, nothing analyzed)', () => {
  // Each run is a child process: a few values, not every kind.
  for (const bad of ['0', '1.5']) {
    const r = runCli(['analyze', TASK, '--format', 'json', '--timeout', bad]);
    assert.equal(r.code, 2, `--timeout ${JSON.stringify(bad)}: ${r.stderr}`);
    assert.match(r.stderr, /--timeout takes a positive whole number/);
    assert.equal(r.stdout, '');
  }
  // A generous limit: the ordinary result and exit code (tf-basic has failures: --fail-on low exits 1).
  const ok = runCli(['analyze', TASK, '--format', 'json', '--timeout', '600000', '--fail-on', 'low']);
  assert.equal(ok.code, 1, ok.stderr);
  const json = JSON.parse(ok.stdout);
  assert.ok(!json.warnings.some((w: string) => w.startsWith('timeout')));
  assert.equal(typeof json.score.trainingQuality, 'number');
});

test('analyze: a cut analysis still prints valid JSON, and exits 2', () => {
  // 1 ms cannot cover reading, parsing and the first stages of a task: the cut comes before some stage (the
  // stage loop itself: test/pipeline/timeout.test.ts).
  const r = runCli(['analyze', TASK, '--format', 'json', '--timeout', '1']);
  assert.equal(r.code, 2, r.stderr);
  const json = JSON.parse(r.stdout);
  assert.match(json.warnings[0], /^timeout: analysis cut before stage \S+ after \d+\.\d s \(limit 0\.001 s\); skipped: .*score/);
  assert.equal(json.score, null);
  assert.ok(Array.isArray(json.findings));
});
