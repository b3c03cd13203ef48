/** What the corpus worker reads or says about a task besides the analysis itself. */
import { join, resolve } from 'node:path';
import { readBounded } from '../io/read.js';
import { stripControls, truncateText } from '../io/text.js';
import { MAX_LINE_CHARS, type CorpusLine, type WorkerRequest } from './types.js';

/** The training_quality recorded in metadata.json: a number, null when absent or not a number, undefined when unreadable. */
export function recordedQuality(taskPath: string): number | null | undefined {
  // Same bounds as ingest: a FIFO here hung the whole corpus (the summary printed, the process never exited).
  const got = readBounded(join(taskPath, 'metadata.json'), { label: 'metadata.json', within: taskPath });
  if (!got.ok) return undefined;
  try {
    const meta = JSON.parse(got.bytes.toString('utf8')) as { training_quality?: unknown } | null;
    if (meta === null || typeof meta !== 'object') return null;
    return typeof meta.training_quality === 'number' ? meta.training_quality : null;
  } catch {
    return undefined;
  }
}

/** An error message with the task's local path replaced by its key: output must not show where the corpus lives. */
export function withoutTaskPath(message: string, req: Pick<WorkerRequest, 'path' | 'key'>): string {
  // Bounded and inert like every other echoed text: an error can quote the input.
  let out = truncateText(stripControls(message));
  // Longest first, so the absolute form is replaced before a relative suffix of it.
  const forms = [...new Set([resolve(req.path), req.path])].sort((a, b) => b.length - a.length);
  for (const p of forms) if (p.length > 1) out = out.split(p).join(req.key);
  return out;
}

/**
 * A line as JSON, or the task's error line when it cannot be written: `RangeError: Invalid string length` from a
 * result too big for one string killed the whole run (and every --resume after it), so this never throws.
 */
export function lineText(line: CorpusLine, maxChars = MAX_LINE_CHARS): { line: CorpusLine; text: string } {
  let why: string;
  try {
    const text = JSON.stringify(line);
    if (text.length <= maxChars) return { line, text };
    why = `result line of ${text.length} characters is over the ${maxChars}-character limit`;
  } catch (err) {
    why = `result cannot be serialized (${err instanceof Error ? err.name : 'error'}${err instanceof RangeError ? ': too large' : ''})`;
  }
  const error: CorpusLine = { task: line.task, status: 'error', ...(line.platform !== undefined ? { platform: line.platform } : {}), error: why };
  return { line: error, text: JSON.stringify(error) };
}

/** For the worker reply: the head of the line for the pool's counters, and the full text. */
export function serializeLine(line: CorpusLine): { head: CorpusLine; text: string } {
  const out = lineText(line);
  const { result: _result, ...head } = out.line;
  return { head, text: out.text };
}
