import type { AnalysisResult } from '../pipeline/types.js';

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
export type WorkerReply = { id: number; line: CorpusLine; ms: number };
export type WorkerReady = { ready: true };
/** Message to a worker. */
export type WorkerRequest = { id: number; key: string; path: string; platformHint: string | null; reportPath?: string };
