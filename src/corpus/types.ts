import type { AnalysisResult } from '../contracts/pipeline.js';

/** One line of results.jsonl. Deterministic: no timings (those go to the `.timings.jsonl` sidecar). */
export interface CorpusLine {
  task: string;
  status: 'ok' | 'error' | 'timeout';
  platform?: string;
  /** The recorded training_quality from metadata.json, when present. */
  recordedQuality?: number | null;
  result?: AnalysisResult;
  error?: string;
}

export interface TimingLine {
  task: string;
  ms: number;
}

/** Message from a worker: a task's line, or the one-time signal that the worker has loaded. */
export type WorkerReply = {
  id: number;
  /** The line, or only its head (task, status, platform) when `text` carries the whole line already serialized. */
  line: CorpusLine;
  ms: number;
  /** The line as JSON, serialized in the worker so a line that cannot be serialized fails there, as that task's error. */
  text?: string;
};

/** Longest result line written (characters): a longer one becomes an error line. V8 strings stop near 512 Mi. */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;
export type WorkerReady = { ready: true };
/** Message to a worker. */
export type WorkerRequest = {
  id: number;
  key: string;
  path: string;
  platformHint: string | null;
  reportPath?: string;
  /** The in-process time limit of the analysis (see STAGE_LIMIT_SHARE in pool.ts), in milliseconds. */
  timeoutMs?: number;
};
