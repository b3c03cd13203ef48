/**
 * Runs a corpus on a worker_threads pool. Lines are written in task order through a reorder buffer,
 * so the output is identical for any --jobs; a task that throws or exceeds the time limit becomes an
 * error line and the run goes on (one past half its limit stops starting stages: STAGE_LIMIT_SHARE);
 * --resume skips tasks already in the output.
 */
import { Worker } from 'node:worker_threads';
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { lineText } from './task-files.js';
import type { CorpusTask } from './discover.js';
import { MAX_LINE_CHARS, type CorpusLine, type TimingLine, type WorkerReady, type WorkerReply, type WorkerRequest } from './types.js';

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

/**
 * Share of the per-task limit after which the analysis starts no further stage (an in-process deadline, `analyze
 * --timeout`): a slow task then ends `ok` with the findings of the stages it finished and a `timeout:` warning,
 * instead of a `timeout` line without any result. The rest of the limit is left to the stage that is running; a
 * stage that never ends is still killed with its worker at the full limit.
 */
export const STAGE_LIMIT_SHARE = 0.5;

const DEFAULT_WORKER = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

const TSX_BOOTSTRAP = new URL('./tsx-worker-bootstrap.mjs', import.meta.url);

/**
 * Young generation of a worker's heap, larger than V8's default: an analysis allocates short-lived objects at a high
 * rate (markdown events, mirrored trees, expression copies). Over a third of the dev tf-hcl corpus on one worker, the
 * garbage collector's share of the worker's CPU profile went from 9.7 % to 8.9 % (48 MB: 10.5 %, 192 MB: 8.3 % for
 * ~100 MB more peak RSS); 96 MB costs ~30 MB of peak RSS per worker.
 */
const WORKER_YOUNG_GENERATION_MB = 96;

function spawnWorker(url: URL): Worker {
  const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
  // Under tsx (tests, eval scripts) the worker is TypeScript: load it through the tsx bootstrap.
  if (url.pathname.endsWith('.ts')) return new Worker(TSX_BOOTSTRAP, { workerData: { tsxWorkerEntry: url.href }, resourceLimits });
  return new Worker(url, { resourceLimits });
}

/** Each line of a file with its byte offset, read in chunks: a results file can be larger than one string. */
function* fileLines(path: string): Generator<{ text: string | null; start: number; end: number }> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let parts: Buffer[] = [];
    let partsLen = 0;
    let lineStart = 0;
    let pos = 0;
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      if (n === 0) break;
      let from = 0;
      for (let nl = chunk.indexOf(0x0a, 0); nl !== -1 && nl < n; nl = chunk.indexOf(0x0a, from)) {
        const piece = chunk.subarray(from, nl);
        const end = pos + nl;
        yield { text: decodeLine(parts, partsLen, piece), start: lineStart, end };
        parts = [];
        partsLen = 0;
        from = nl + 1;
        lineStart = end + 1;
      }
      if (from < n) {
        parts.push(Buffer.from(chunk.subarray(from, n)));
        partsLen += n - from;
      }
      pos += n;
    }
    // A last line without its newline is an interrupted write: reported with `end` past the data so callers drop it.
    if (partsLen > 0) yield { text: null, start: lineStart, end: pos };
  } finally {
    closeSync(fd);
  }
}

/** A line's text, or null when it is too long to be one string (such a line cannot be parsed anyway). */
function decodeLine(parts: Buffer[], partsLen: number, piece: Buffer): string | null {
  if (partsLen + piece.length > MAX_LINE_CHARS * 4) return null;
  return (parts.length ? Buffer.concat([...parts, piece]) : piece).toString('utf8');
}

/**
 * Replaces `out` with the given byte ranges of it, in order, through a temporary file renamed over it: a kill at any
 * moment leaves either the old file or the new one, never a truncated one (a kill used to leave 0 bytes of 91 MB).
 */
function rewriteAtomically(out: string, ranges: { start: number; end: number }[]): void {
  const tmp = `${out}.${process.pid}.tmp`;
  const src = openSync(out, 'r');
  const dst = openSync(tmp, 'w');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    const nl = Buffer.from('\n');
    for (const r of ranges) {
      for (let at = r.start; at < r.end; ) {
        const n = readSync(src, buf, 0, Math.min(buf.length, r.end - at), at);
        if (n === 0) break;
        writeSync(dst, buf, 0, n);
        at += n;
      }
      writeSync(dst, nl);
    }
    fsyncSync(dst);
  } finally {
    closeSync(src);
    closeSync(dst);
  }
  renameSync(tmp, out);
}

/**
 * Reads the keys of complete lines already in `out`, keeping the first line of each task; drops a trailing partial
 * line from an interrupted run and duplicates. The file is replaced atomically, and only when something was dropped.
 */
export function readDoneKeys(out: string): Set<string> {
  const done = new Set<string>();
  if (!existsSync(out)) return done;
  const kept: { start: number; end: number }[] = [];
  let dropped = false;
  for (const line of fileLines(out)) {
    let key: unknown;
    try {
      key = line.text === null ? undefined : (JSON.parse(line.text) as CorpusLine).task;
    } catch {
      key = undefined; // an interrupted write: the task will be analyzed again
    }
    if (typeof key === 'string' && !done.has(key)) {
      done.add(key);
      kept.push(line);
    } else dropped = true;
  }
  if (dropped) rewriteAtomically(out, kept);
  return done;
}

/** Rewrites `out` sorted by task key (after a resumed run appended to an earlier one), atomically. */
function sortOutput(out: string, order: Map<string, number>): void {
  const keyed: { k: string; start: number; end: number }[] = [];
  for (const line of fileLines(out)) {
    if (line.text === null || !line.text.trim()) continue;
    keyed.push({ k: (JSON.parse(line.text) as CorpusLine).task, start: line.start, end: line.end });
  }
  keyed.sort((a, b) => (order.get(a.k) ?? Infinity) - (order.get(b.k) ?? Infinity) || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  rewriteAtomically(out, keyed);
}

/** Is the process that wrote a lock still running? EPERM means it runs under another user. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<out>.lock` (created exclusively, holding our pid), so two runs on one --out are refused instead of
 * interleaving their lines. A lock whose process is gone is stale and taken over. Returns the release function.
 */
export function lockOutput(out: string): () => void {
  const lock = `${out}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(lock, 'utf8').trim() === String(process.pid)) unlinkSync(lock);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder = NaN;
    try {
      holder = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    } catch {
      // unreadable or vanished: treated as stale
    }
    if (Number.isInteger(holder) && holder > 0 && alive(holder)) {
      throw new OutputLockedError(`${out} is in use by another iacjudge run (process ${holder}); remove ${lock} if that run is gone`);
    }
    try {
      unlinkSync(lock);
    } catch {
      // another run removed it first; the next exclusive create decides
    }
  }
  throw new OutputLockedError(`${out}: could not take ${lock}`);
}

export class OutputLockedError extends Error {}

export async function runPool(tasks: CorpusTask[], opts: PoolOptions): Promise<PoolResult> {
  const release = lockOutput(opts.out);
  try {
    return await runLocked(tasks, opts);
  } finally {
    release();
  }
}

async function runLocked(tasks: CorpusTask[], opts: PoolOptions): Promise<PoolResult> {
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
  const pending = new Map<number, { text: string; task: string; ms: number }>();
  let nextToWrite = 0;
  const flush = () => {
    while (pending.has(nextToWrite)) {
      const { text, task, ms } = pending.get(nextToWrite)!;
      pending.delete(nextToWrite);
      appendFileSync(opts.out, text + '\n');
      const timing: TimingLine = { task, ms };
      appendFileSync(timingsPath, JSON.stringify(timing) + '\n');
      nextToWrite++;
    }
  };

  const record = (id: number, given: CorpusLine, ms: number, serialized?: string) => {
    // Serialized here unless the worker did it; either way a line that cannot be written becomes an error line.
    const { line, text } = serialized !== undefined ? { line: given, text: serialized } : lineText(given);
    if (line.status !== 'ok') progress.errors++;
    if (line.status === 'timeout') timeouts++;
    progress.done++;
    pending.set(id, { text, task: line.task, ms });
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
        const req: WorkerRequest = { id, key: task.key, path: task.path, platformHint: task.platformHint, timeoutMs: Math.max(1, Math.floor(opts.timeoutMs * STAGE_LIMIT_SHARE)) };
        worker.postMessage(req);
      };

      worker.on('message', (reply: WorkerReply | WorkerReady) => {
        if ('ready' in reply) return next();
        if (!current || current.id !== reply.id) return;
        clearTimeout(current.timer);
        current = null;
        record(reply.id, reply.line, reply.ms, reply.text);
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
