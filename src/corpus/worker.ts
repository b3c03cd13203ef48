/** Worker thread: analyzes one task per request. Analysis errors become error lines, never crashes. */
import { parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTask } from '../index.js';
import type { CorpusLine, WorkerReply, WorkerRequest } from './types.js';

function recordedQuality(taskPath: string): number | null | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(taskPath, 'metadata.json'), 'utf8')) as { training_quality?: unknown };
    return typeof meta.training_quality === 'number' ? meta.training_quality : null;
  } catch {
    return undefined;
  }
}

// Tell the pool the worker has loaded, so task time limits do not count module loading.
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (req: WorkerRequest) => {
  const started = performance.now();
  let line: CorpusLine;
  try {
    const result = analyzeTask(req.path);
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
    line = { task: req.key, status: 'error', error: (err as Error)?.message ?? String(err) };
  }
  const reply: WorkerReply = { id: req.id, line, ms: Math.round(performance.now() - started) };
  parentPort!.postMessage(reply);
});
