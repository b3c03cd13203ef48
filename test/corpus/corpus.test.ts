import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverTasks, inShard, parseShard, type CorpusTask } from '../../src/corpus/discover.js';
import { runPool } from '../../src/corpus/pool.js';
import { agreement, spearman } from '../../src/corpus/stats.js';

const FAKE_WORKER = new URL('../fixtures/corpus/fake-worker.ts', import.meta.url);

function tasks(keys: string[]): CorpusTask[] {
  return keys.map((key) => ({ key, path: `/nowhere/${key}`, platformHint: 'tf-hcl' }));
}

function outLines(path: string): { task: string; status: string }[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

const tmp = () => mkdtempSync(join(tmpdir(), 'iacjudge-corpus-'));

test('discovers task folders in sorted order and filters by platform', () => {
  const root = tmp();
  for (const t of ['tf-hcl/Pr2', 'tf-hcl/Pr10', 'cdktf-ts/Pr1']) {
    mkdirSync(join(root, t, 'lib'), { recursive: true });
    writeFileSync(join(root, t, 'metadata.json'), '{}');
  }
  mkdirSync(join(root, 'not-a-task'));
  const all = discoverTasks(root);
  assert.deepEqual(all.map((t) => t.key), ['cdktf-ts/Pr1', 'tf-hcl/Pr10', 'tf-hcl/Pr2']);
  assert.deepEqual(all.map((t) => t.platformHint), ['cdktf-ts', 'tf-hcl', 'tf-hcl']);
  assert.deepEqual(discoverTasks(root, ['cdktf-ts']).map((t) => t.key), ['cdktf-ts/Pr1']);
});

test('shards partition the corpus: union is everything, no overlap', () => {
  const keys = Array.from({ length: 500 }, (_, i) => `tf-hcl/Pr${i}`);
  const n = 7;
  const seen = new Map<string, number>();
  for (let i = 1; i <= n; i++) for (const k of keys.filter((key) => inShard(key, parseShard(`${i}/${n}`)))) seen.set(k, (seen.get(k) ?? 0) + 1);
  assert.equal(seen.size, keys.length);
  assert.ok([...seen.values()].every((c) => c === 1));
  assert.throws(() => parseShard('0/3'));
  assert.throws(() => parseShard('4/3'));
  assert.throws(() => parseShard('x'));
});

test('output order is identical for 1 and 3 jobs', async () => {
  const keys = Array.from({ length: 12 }, (_, i) => `t/${String.fromCharCode(97 + i)}${'x'.repeat(i % 5)}`);
  const dir = tmp();
  await runPool(tasks(keys), { out: join(dir, 'a.jsonl'), jobs: 1, timeoutMs: 10000, resume: false, workerUrl: FAKE_WORKER });
  await runPool(tasks(keys), { out: join(dir, 'b.jsonl'), jobs: 3, timeoutMs: 10000, resume: false, workerUrl: FAKE_WORKER });
  const a = readFileSync(join(dir, 'a.jsonl'), 'utf8');
  assert.equal(a, readFileSync(join(dir, 'b.jsonl'), 'utf8'));
  assert.deepEqual(outLines(join(dir, 'a.jsonl')).map((l) => l.task), keys);
  assert.ok(outLines(join(dir, 'a.jsonl')).every((l) => l.status === 'ok'));
});

test('a poisoned task becomes an error line and the run continues', async () => {
  const dir = tmp();
  const keys = ['t/a', 't/poison-exit', 't/b', 't/poison-throw', 't/c'];
  const res = await runPool(tasks(keys), { out: join(dir, 'r.jsonl'), jobs: 2, timeoutMs: 10000, resume: false, workerUrl: FAKE_WORKER });
  const lines = outLines(join(dir, 'r.jsonl'));
  assert.deepEqual(lines.map((l) => l.task), keys);
  assert.deepEqual(lines.map((l) => l.status), ['ok', 'error', 'ok', 'error', 'ok']);
  assert.equal(res.errors, 2);
});

test('a hanging task hits the time limit and the others finish', async () => {
  const dir = tmp();
  const keys = ['t/a', 't/hang', 't/b'];
  const res = await runPool(tasks(keys), { out: join(dir, 'r.jsonl'), jobs: 2, timeoutMs: 500, resume: false, workerUrl: FAKE_WORKER });
  const lines = outLines(join(dir, 'r.jsonl'));
  assert.deepEqual(lines.map((l) => l.status), ['ok', 'timeout', 'ok']);
  assert.equal(res.timeouts, 1);
});

test('resume after an interrupted run: nothing lost, nothing duplicated, same bytes as a clean run', async () => {
  const dir = tmp();
  const keys = ['t/a', 't/b', 't/c', 't/d', 't/e'];
  const clean = join(dir, 'clean.jsonl');
  await runPool(tasks(keys), { out: clean, jobs: 2, timeoutMs: 10000, resume: false, workerUrl: FAKE_WORKER });
  // Simulate an interruption: two complete lines and a torn third one.
  const cleanText = readFileSync(clean, 'utf8');
  const [l1, l2, l3] = cleanText.split('\n');
  const partial = join(dir, 'partial.jsonl');
  writeFileSync(partial, `${l3}\n${l1}\n${l2!.slice(0, 10)}`);
  const res = await runPool(tasks(keys), { out: partial, jobs: 2, timeoutMs: 10000, resume: true, workerUrl: FAKE_WORKER });
  assert.ok(outLines(clean).every((l) => l.status === 'ok'));
  assert.equal(res.skipped, 2);
  assert.equal(res.done, 3);
  assert.equal(readFileSync(partial, 'utf8'), cleanText);
});

test('a worker module that cannot load fails the tasks instead of respawning forever', async () => {
  const dir = tmp();
  const res = await runPool(tasks(['t/a', 't/b']), {
    out: join(dir, 'r.jsonl'),
    jobs: 2,
    timeoutMs: 10000,
    resume: false,
    workerUrl: new URL('../fixtures/corpus/does-not-exist.ts', import.meta.url),
  });
  assert.equal(res.errors, 2);
  assert.deepEqual(outLines(join(dir, 'r.jsonl')).map((l) => l.status), ['error', 'error']);
});

test('agreement statistics: within one, MAE, constant guess, Spearman', () => {
  const a = agreement([
    { computed: 8, recorded: 8 },
    { computed: 9, recorded: 10 },
    { computed: 5, recorded: 8 },
    { computed: 10, recorded: 9 },
  ]);
  assert.equal(a.n, 4);
  assert.equal(a.withinOne, 0.75);
  assert.equal(a.mae, 1.25);
  assert.equal(a.constant, 8.5);
  assert.equal(a.constantMae, 0.75);
  assert.equal(spearman([1, 2, 3, 4], [10, 20, 30, 40]), 1);
  assert.equal(spearman([1, 2, 3, 4], [4, 3, 2, 1]), -1);
  assert.equal(spearman([1, 1, 1], [1, 2, 3]), null);
});
