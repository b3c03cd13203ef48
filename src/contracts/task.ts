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

/**
 * What extraction decided for one code fence of a response's markdown:
 * - `file`: the fence is (the latest version of) file `path` of the configuration;
 * - `part`: a further part of file `path`, joined to the earlier parts;
 * - `replaced`: an earlier version of `path` that a later, complete version replaced;
 * - `excerpt`: an excerpt of file `of` (far shorter, fewer blocks, declares nothing, elided): kept as a fix hint;
 * - `truncated-copy`: a copy of `of` cut off by the end of the response, while a complete copy exists;
 * - `duplicate`: the same content as file `of` again;
 * - `prose-example`: code shown in a prose section (usage, README, examples, commands) and not named as a file;
 * - `fragment`: unnamed HCL that declares no block (a setting to change, a tfvars example);
 * - `commands`, `tree`: shell commands or a directory listing;
 * - `other-language`: a block that is not a file of any language the stack uses (output, JSON, text);
 * - `empty`: no content.
 */
export type FenceDecisionKind =
  | 'file'
  | 'part'
  | 'replaced'
  | 'excerpt'
  | 'truncated-copy'
  | 'duplicate'
  | 'prose-example'
  | 'fragment'
  | 'commands'
  | 'tree'
  | 'other-language'
  | 'empty';

export interface FenceDecision {
  /** Line of the opening fence in the markdown (1-based), and of its last line. */
  line: number;
  endLine: number;
  /** The fence's info string (`hcl`, `typescript`), null when none. */
  lang: string | null;
  kind: FenceDecisionKind;
  /** The file this fence is, or is a part or earlier version of. */
  path?: string;
  /** The file this fence is an excerpt, copy or duplicate of. */
  of?: string;
  /** Why, in one sentence. */
  reason: string;
}

/**
 * A response cut off by the end of the generation: its last code block stops inside a heredoc or a block.
 * `recovered`: an earlier complete copy of the cut file was used instead of the cut copy.
 */
export interface ResponseTruncation {
  how: 'heredoc' | 'brackets';
  /** The cut file (extracted path) and the last line it has. */
  file: string;
  line: number;
  /** Markdown file and line where the response stops. */
  markdownPath: string;
  markdownLine: number;
  /** The heredoc marker left open, or how many brackets are open. */
  heredoc?: string;
  depth: number;
  /** Address of the top-level block the cut falls in (`resource.aws_lambda_function.api` → `aws_lambda_function.api`). */
  block?: string;
  recovered: boolean;
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
  /** Markdown responses: the decision taken for every code fence, in document order. */
  fences?: FenceDecision[];
  /** Excerpts of files (a later `## Fixes` snippet, a cut-off copy): never configuration, kept as fix hints. */
  hints?: SourceFile[];
  /** Set when the response is cut off (see ResponseTruncation). */
  truncation?: ResponseTruncation;
  /**
   * A plain folder of code: the path the user knows for a file whose path the layout rewrote
   * (`lib/main.tf` → `main.tf`), so that findings point at the folder's own files.
   */
  userPaths?: Record<string, string>;
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
  /** What the reader should know about how the folder was read (a subfolder left out as its own configuration). */
  notes?: string[];
}
