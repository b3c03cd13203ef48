/** What ingestion hands to the rest of the pipeline. */
import type { SourceFile } from '../model/types.js';

export interface TaskMetadata {
  platform?: string;
  language?: string;
  complexity?: string;
  aws_services?: string[];
  training_quality?: number | null;
  subtask?: string;
  subject_labels?: string[];
  background?: string;
  /** Everything else, untyped. */
  [key: string]: unknown;
}

export interface ExtractionWarning {
  message: string;
  /** Markdown file and line the warning refers to. */
  file?: string;
  line?: number;
  /** Short machine-readable kind (`duplicate-path`, `rejected-path`, `metadata`, `binary`, ...), for counting. */
  kind?: string;
}

/** One response (model or ideal): files pulled out of markdown, or read from a code folder. */
export interface ResponseFiles {
  /** Where it came from: `lib/MODEL_RESPONSE.md`, a folder, ... (relative to the task when possible). */
  origin: string;
  files: SourceFile[];
  warnings: ExtractionWarning[];
  /** Markdown text of the response, when it was a markdown document. */
  markdown?: string;
  /** Earlier blocks for a path given twice: the later block is in `files`, the earlier ones here, in order. */
  superseded?: SourceFile[];
}

export interface LogInput {
  path: string;
  content: string;
}

export interface Task {
  /** Task folder as given on the command line (never made absolute in output). */
  path: string;
  /** `tf-hcl`, `cdktf-ts`, ... */
  platform: string;
  language: string;
  /** How platform was decided: `metadata`, `detected`, `flag`. */
  platformSource: 'metadata' | 'detected' | 'flag';
  metadata: TaskMetadata | null;
  prompt: string | null;
  model: ResponseFiles | null;
  ideal: ResponseFiles | null;
  /** The reviewer's analysis (lib/MODEL_FAILURES.md), if present. */
  failures: string | null;
  logs: LogInput[];
  /** Other files found in the task folder (lib/*.tf, lib/lambda/*.py, .terraform.lock.hcl, test/...), relative paths. */
  extraFiles: SourceFile[];
  /** Relative paths of every file in the task folder (for layout rules: tests present, lambda folder). */
  listing: string[];
  warnings: ExtractionWarning[];
}
