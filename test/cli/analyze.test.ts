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
