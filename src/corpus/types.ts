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

/** Message from a worker. */
export type WorkerReply = { id: number; line: CorpusLine; ms: number };
/** Message to a worker. */
export type WorkerRequest = { id: number; key: string; path: string; platformHint: string | null; reportPath?: string };
