// Corpus runs never lose a result: unserializable lines, resumes, two runs on one --out, absolute paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CorpusTask } from '../../src/corpus/discover.js';
import { discoverTasks } from '../../src/corpus/discover.js';
import { lockOutput, OutputLockedError, readDoneKeys, runPool, STAGE_LIMIT_SHARE } from '../../src/corpus/pool.js';
import { lineText, recordedQuality, serializeLine, withoutTaskPath } from '../../src/corpus/task-files.js';
import { makeFifo } from '../io/hostile-files.js';

const FAKE_WORKER = new URL('../fixtures/corpus/fake-worker.ts', import.meta.url);
const tmp = () => mkdtempSync(join(tmpdir(), 'iacjudge-corpus-rel-'));
const tasks = (keys: string[]): CorpusTask[] => keys.map((key) => ({ key, path: `/nowhere/${key}`, platformHint: 'tf-hcl' }));
const outLines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { task: string; status: string; error?: string });

test('a line that cannot be serialized becomes that task\'s error line and the run goes on', async () => {
  const dir = tmp();
  const keys = ['t/a', 't/poison-unserializable', 't/b'];
  const res = await runPool(tasks(keys), { out: join(dir, 'r.jsonl'), jobs: 2, timeoutMs: 10000, resume: false, workerUrl: FAKE_WORKER });
  const lines = outLines(join(dir, 'r.jsonl'));
  assert.deepEqual(lines.map((l) => [l.task, l.status]), [['t/a', 'ok'], ['t/poison-unserializable', 'error'], ['t/b', 'ok']]);
  assert.match(lines[1]!.error ?? '', /cannot be serialized/);
  assert.equal(res.errors, 1);
  // A resume over that file neither crashes nor analyzes anything again.
  const again = await runPool(tasks(keys), { out: join(dir, 'r.jsonl'), jobs: 1, timeoutMs: 10000, resume: true, workerUrl: FAKE_WORKER });
  assert.equal(again.skipped, 3);
});

test('an over-long line is an error line that still says which task it was', () => {
  const { line, text } = lineText({ task: 'tf-hcl/x', status: 'ok', platform: 'tf-hcl', error: 'y'.repeat(500) }, 100);
  assert.equal(line.status, 'error');
  assert.match(line.error ?? '', /over the 100-character limit/);
  assert.deepEqual(JSON.parse(text), line);
  const { head, text: full } = serializeLine({ task: 'a', status: 'ok', result: { x: 1 } as never });
  assert.equal(head.result, undefined);
  assert.deepEqual(JSON.parse(full).result, { x: 1 });
});

test('resume replaces the results file by rename, never truncating it in place', async () => {
  const dir = tmp();
  const out = join(dir, 'r.jsonl');
  const keys = ['t/a', 't/b', 't/c'];
  await runPool(tasks(keys), { out, jobs: 1, timeoutMs: 10000, resume: false, workerUrl: FAKE_WORKER });
  const clean = readFileSync(out, 'utf8');
  const [l1, l2] = clean.split('\n');
  writeFileSync(out, `${l2}\n${l1}\n${l1}\n{"task":"t/c","sta`);
  const before = statSync(out).ino;
  assert.deepEqual([...readDoneKeys(out)].sort(), ['t/a', 't/b']);
  // A new inode: the kept lines went to a temporary file renamed over the old one.
  assert.notEqual(statSync(out).ino, before);
  assert.equal(readFileSync(out, 'utf8'), `${l2}\n${l1}\n`);
  await runPool(tasks(keys), { out, jobs: 2, timeoutMs: 10000, resume: true, workerUrl: FAKE_WORKER });
  assert.equal(readFileSync(out, 'utf8'), clean);
  // Nothing to drop: the file is left alone.
  const ino = statSync(out).ino;
  readDoneKeys(out);
  assert.equal(statSync(out).ino, ino);
});

test('two runs on one --out: the second is refused while the first holds the lock; a stale lock is taken over', async () => {
  const dir = tmp();
  const out = join(dir, 'r.jsonl');
  const release = lockOutput(out);
  await assert.rejects(
    runPool(tasks(['t/a']), { out, jobs: 1, timeoutMs: 10000, resume: false, workerUrl: FAKE_WORKER }),
    (err: Error) => err instanceof OutputLockedError && /in use by another iacjudge run/.test(err.message),
  );
  release();
  assert.ok(!existsSync(`${out}.lock`));
  // A lock left by a process that has exited (a killed run).
  const gone = spawnSync(process.execPath, ['-e', '']).pid!;
  writeFileSync(`${out}.lock`, `${gone}\n`);
  const res = await runPool(tasks(['t/a']), { out, jobs: 1, timeoutMs: 10000, resume: false, workerUrl: FAKE_WORKER });
  assert.equal(res.done, 1);
  assert.ok(!existsSync(`${out}.lock`), 'released after the run');
  // A lock held by a live process (our parent).
  writeFileSync(`${out}.lock`, `${process.ppid}\n`);
  assert.throws(() => lockOutput(out), OutputLockedError);
});

test('error lines name the task by its key, never by the corpus\' absolute path', () => {
  const req = { key: 'tf-hcl/Pr1', path: join('corpus', 'tf-hcl', 'Pr1') };
  const msg = `task folder not found: ${resolve(req.path)}; also ${req.path}/lib`;
  const clean = withoutTaskPath(msg, req);
  assert.equal(clean, 'task folder not found: tf-hcl/Pr1; also tf-hcl/Pr1/lib');
  assert.ok(!clean.includes(resolve('.')));
});

test('metadata.json as a FIFO, a device or a link out of the task: no hang, no read', { skip: process.platform === 'win32' }, () => {
  const outside = tmp();
  writeFileSync(join(outside, 'm.json'), '{"training_quality": 3}');
  const fifo = tmp();
  assert.ok(makeFifo(join(fifo, 'metadata.json')));
  assert.equal(recordedQuality(fifo), undefined);
  const link = tmp();
  symlinkSync(join(outside, 'm.json'), join(link, 'metadata.json'));
  assert.equal(recordedQuality(link), undefined);
  if (existsSync('/dev/zero')) {
    const zero = tmp();
    symlinkSync('/dev/zero', join(zero, 'metadata.json'));
    assert.equal(recordedQuality(zero), undefined);
  }
  const ok = tmp();
  writeFileSync(join(ok, 'metadata.json'), '{"training_quality": 7}');
  assert.equal(recordedQuality(ok), 7);
});

test('discovery does not follow a linked folder out of the corpus', () => {
  const root = tmp();
  const outside = tmp();
  mkdirSync(join(outside, 'stolen'));
  writeFileSync(join(outside, 'stolen', 'metadata.json'), '{}');
  mkdirSync(join(root, 'tf-hcl', 'Pr1'), { recursive: true });
  writeFileSync(join(root, 'tf-hcl', 'Pr1', 'metadata.json'), '{}');
  symlinkSync(outside, join(root, 'tf-hcl', 'escape'));
  symlinkSync(join(root, 'tf-hcl', 'Pr1'), join(root, 'alias'));
  assert.deepEqual(discoverTasks(root).map((t) => t.key), ['alias', 'tf-hcl/Pr1']);
});

test('each task gets an in-process limit of half the per-task one: a slow task keeps a partial result', async () => {
  const dir = tmp();
  await runPool(tasks(['t/echo-limit']), { out: join(dir, 'r.jsonl'), jobs: 1, timeoutMs: 10000, resume: false, workerUrl: FAKE_WORKER });
  const line = JSON.parse(readFileSync(join(dir, 'r.jsonl'), 'utf8').trim()) as { recordedQuality: number };
  assert.equal(line.recordedQuality, 10000 * STAGE_LIMIT_SHARE);
  assert.equal(STAGE_LIMIT_SHARE, 0.5);
});
