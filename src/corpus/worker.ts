/** Worker thread: analyzes one task per request. Analysis errors become error lines, never crashes. */
import { parentPort } from 'node:worker_threads';
import { analyzeTask } from '../pipeline/run.js';
import { preferWasmBackend } from '../hcl/parser.js';
import { recordedQuality, serializeLine, withoutTaskPath } from './task-files.js';
import type { CorpusLine, WorkerReply, WorkerRequest } from './types.js';

// A worker parses a whole corpus' HCL: WASM keeps its memory flat and is faster there (src/hcl/parser.ts).
await preferWasmBackend();

// Tell the pool the worker has loaded, so task time limits do not count module loading.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (req: WorkerRequest) => {
  const started = performance.now();
  let line: CorpusLine;
  try {
    // Past its limit the analysis stops starting stages and returns what it has (a `timeout:` warning says so).
    const result = analyzeTask(req.path, req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {});
    // The task key, not the local path: output must not depend on where the corpus lives.
    result.task.path = req.key;
    const recorded = recordedQuality(req.path);
    line = {
      task: req.key,
      status: 'ok',
      platform: result.task.platform,
      ...(recorded !== undefined ? { recordedQuality: recorded } : {}),
      result,
    };
  } catch (err) {
    line = { task: req.key, status: 'error', error: withoutTaskPath((err as Error)?.message ?? String(err), req) };
  }
  const { head, text } = serializeLine(line);
  const reply: WorkerReply = { id: req.id, line: head, ms: Math.round(performance.now() - started), ...(text !== undefined ? { text } : {}) };
  parentPort!.postMessage(reply);
});
