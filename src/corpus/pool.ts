/**
 * Runs a corpus on a worker_threads pool. Lines are written in task order through a reorder buffer,
 * so the output is identical for any --jobs; a task that throws or exceeds the time limit becomes an
 * error line and the run goes on; --resume skips tasks already in the output.
 */
import { Worker } from 'node:worker_threads';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CorpusTask } from './discover.js';
import type { CorpusLine, TimingLine, WorkerReady, WorkerReply, WorkerRequest } from './types.js';

export interface PoolOptions {
  out: string;
  jobs: number;
  timeoutMs: number;
  resume: boolean;
  /** Worker module; tests inject a fake one. */
  workerUrl?: URL;
  onProgress?: (p: Progress) => void;
}

export interface Progress {
  done: number;
  total: number;
  errors: number;
  skipped: number;
}

export interface PoolResult extends Progress {
  timeouts: number;
  wallMs: number;
}

const DEFAULT_WORKER = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

const TSX_BOOTSTRAP = new URL('./tsx-worker-bootstrap.mjs', import.meta.url);

function spawnWorker(url: URL): Worker {
  // Under tsx (tests, eval scripts) the worker is TypeScript: load it through the tsx bootstrap.
  if (url.pathname.endsWith('.ts')) return new Worker(TSX_BOOTSTRAP, { workerData: { tsxWorkerEntry: url.href } });
  return new Worker(url);
}

/** Reads the keys of complete lines already in `out`; drops a trailing partial line from an interrupted run. */
export function readDoneKeys(out: string): Set<string> {
  const done = new Set<string>();
  if (!existsSync(out)) return done;
  const text = readFileSync(out, 'utf8');
  const lines = text.split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    try {
      const parsed = JSON.parse(line) as CorpusLine;
      if (typeof parsed.task === 'string' && !done.has(parsed.task)) {
        done.add(parsed.task);
        kept.push(line);
      }
    } catch {
      // an interrupted write: the task will be analyzed again
    }
  }
  writeFileSync(out, kept.length ? kept.join('\n') + '\n' : '');
  return done;
}

/** Rewrites `out` sorted by task key (after a resumed run appended to an earlier one). */
function sortOutput(out: string, order: Map<string, number>): void {
  const lines = readFileSync(out, 'utf8').split('\n').filter((l) => l.trim());
  const keyed = lines.map((l) => ({ l, k: (JSON.parse(l) as CorpusLine).task }));
  keyed.sort((a, b) => (order.get(a.k) ?? Infinity) - (order.get(b.k) ?? Infinity) || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  writeFileSync(out, keyed.map((x) => x.l).join('\n') + (keyed.length ? '\n' : ''));
}

export async function runPool(tasks: CorpusTask[], opts: PoolOptions): Promise<PoolResult> {
  const started = performance.now();
  const timingsPath = `${opts.out}.timings.jsonl`;
  const done = opts.resume ? readDoneKeys(opts.out) : new Set<string>();
  if (!opts.resume) {
    writeFileSync(opts.out, '');
    writeFileSync(timingsPath, '');
  }
  const resumedFromEarlier = done.size > 0;
  const todo = tasks.filter((t) => !done.has(t.key));
  const progress: Progress = { done: 0, total: todo.length, errors: 0, skipped: tasks.length - todo.length };
  let timeouts = 0;

  // Reorder buffer: line k is written once lines 0..k-1 are.
  const pending = new Map<number, { line: CorpusLine; ms: number }>();
  let nextToWrite = 0;
  const flush = () => {
    while (pending.has(nextToWrite)) {
      const { line, ms } = pending.get(nextToWrite)!;
      pending.delete(nextToWrite);
      appendFileSync(opts.out, JSON.stringify(line) + '\n');
      const timing: TimingLine = { task: line.task, ms };
      appendFileSync(timingsPath, JSON.stringify(timing) + '\n');
      nextToWrite++;
    }
  };

  const record = (id: number, line: CorpusLine, ms: number) => {
    if (line.status !== 'ok') progress.errors++;
    if (line.status === 'timeout') timeouts++;
    progress.done++;
    pending.set(id, { line, ms });
    flush();
    opts.onProgress?.({ ...progress });
  };

  const url = opts.workerUrl ?? DEFAULT_WORKER;
  let nextTask = 0;
  const jobs = Math.max(1, Math.min(opts.jobs, todo.length || 1));

  await new Promise<void>((resolve) => {
    let active = 0;
    if (todo.length === 0) return resolve();

    const startSlot = () => {
      const worker = spawnWorker(url);
      let current: { id: number; timer: NodeJS.Timeout; started: number } | null = null;
      let retired = false;

      const retire = () => {
        retired = true;
        void worker.terminate();
        active--;
      };
      const next = () => {
        if (nextTask >= todo.length) {
          retire();
          if (active === 0) resolve();
          return;
        }
        const id = nextTask++;
        const task = todo[id]!;
        const timer = setTimeout(() => {
          // Hung task: kill this worker, record a timeout, continue on a fresh one.
          if (!current || current.id !== id) return;
          current = null;
          record(id, { task: task.key, status: 'timeout', ...(task.platformHint ? { platform: task.platformHint } : {}), error: `exceeded the per-task limit of ${opts.timeoutMs} ms` }, opts.timeoutMs);
          retire();
          active++;
          startSlot();
        }, opts.timeoutMs);
        current = { id, timer, started: performance.now() };
        const req: WorkerRequest = { id, key: task.key, path: task.path, platformHint: task.platformHint };
        worker.postMessage(req);
      };

      worker.on('message', (reply: WorkerReply | WorkerReady) => {
        if ('ready' in reply) return next();
        if (!current || current.id !== reply.id) return;
        clearTimeout(current.timer);
        current = null;
        record(reply.id, reply.line, reply.ms);
        next();
      });
      const onDeath = (why: string) => {
        if (retired) return;
        retired = true;
        active--;
        if (current) {
          // The task killed its worker: record it and carry on with a fresh worker.
          clearTimeout(current.timer);
          const id = current.id;
          current = null;
          record(id, { task: todo[id]!.key, status: 'error', ...(todo[id]!.platformHint ? { platform: todo[id]!.platformHint! } : {}), error: `worker died: ${why}` }, Math.round(performance.now() - started));
          active++;
          startSlot();
        } else if (active === 0) {
          // No worker can start (e.g. the worker module fails to load): fail the rest instead of respawning forever.
          while (nextTask < todo.length) {
            const id = nextTask++;
            record(id, { task: todo[id]!.key, status: 'error', error: `worker failed: ${why}` }, 0);
          }
          resolve();
        }
      };
      worker.on('error', (err) => onDeath(err?.message ?? String(err)));
      worker.on('exit', (code) => onDeath(`exit code ${code}`));
    };

    for (let i = 0; i < jobs; i++) {
      active++;
      startSlot();
    }
  });

  if (resumedFromEarlier) sortOutput(opts.out, new Map(tasks.map((t, i) => [t.key, i])));
  return { ...progress, timeouts, wallMs: Math.round(performance.now() - started) };
}
