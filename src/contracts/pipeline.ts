/** The analysis result (the JSON contract) and the context stages share. */
import type { Finding } from '../findings/types.js';
import type { Configuration } from '../model/types.js';
import type { Task } from './task.js';
import type { Conventions } from './conventions.js';

export interface ProviderInfo {
  /** The `required_providers.aws.version` constraint, when given. */
  constraint: string | null;
  /** Version pinned in `.terraform.lock.hcl`, when present. */
  lockVersion: string | null;
  /** Provider version the bundled (or imported) schema describes. */
  schemaVersion: string | null;
}

export interface ScoreStep {
  step: string;
  detail: string;
  delta?: number;
  value?: number;
}

export interface ScoreResult {
  trainingQuality: number;
  breakdown: {
    base: number;
    blocker: string | null;
    fixAdjustment: number;
    complexityAdjustment: number;
    counts: { A: number; B: number; C: number };
    steps: ScoreStep[];
  };
}

export interface AnalysisResult {
  tool: { name: string; version: string };
  task: { path: string; platform: string; language: string; provider?: ProviderInfo };
  findings: Finding[];
  score: ScoreResult | null;
  /** Things the tool could not check, and why (e.g. arguments newer than the bundled schema). */
  notes: string[];
  /** Input problems (malformed metadata, rejected paths, ...) with locations when known. */
  warnings: string[];
  /** Findings an inline comment in the code suppressed (`# iacjudge-ignore <id>: <reason>`); present when any. */
  suppressed?: SuppressedFinding[];
  /**
   * Where the model's files extracted from markdown stand in it, by extracted path (present when any): line
   * `n` of the file is line `markdownLine + n - line` of `file`, for the last segment with `line <= n`.
   * SARIF points its results there, at a file that exists.
   */
  origins?: Record<string, MarkdownOrigin>;
}

export interface MarkdownOrigin {
  /** The markdown document (`lib/MODEL_RESPONSE.md`). */
  file: string;
  /** Where each part of the file starts: its line in the file and in the markdown. */
  segments: { line: number; markdownLine: number }[];
}

/** The markdown file and line where line `line` of an extracted file stands, or null when it was not extracted. */
export function markdownLocation(origins: Record<string, MarkdownOrigin> | undefined, file: string, line: number): { file: string; line: number } | null {
  const origin = origins?.[file];
  if (!origin || origin.segments.length === 0) return null;
  let seg = origin.segments[0]!;
  for (const s of origin.segments) if (s.line <= line) seg = s;
  return { file: origin.file, line: Math.max(1, seg.markdownLine + Math.max(0, line - seg.line)) };
}

export interface SuppressedFinding {
  ruleId: string;
  location: { file: string; line: number };
  /** The comment's reason, `''` when it gave none. */
  reason: string;
}

export interface AnalyzeOptions {
  conventions: Conventions;
  /** Extra log files given with --log. */
  logs?: string[];
  /** False skips the training-quality score (`--no-score`); the result's score is then null. */
  score?: boolean;
  /** False ignores the task's written analysis (lib/MODEL_FAILURES.md) instead of checking its claims. */
  claims?: boolean;
  /**
   * Per-rule settings from `.iacjudge.json` or `--rule`: `"off"`, `"warn"` (observation tier), `"error"` (failure
   * tier) or a severity override.
   */
  ruleSettings?: Record<string, 'off' | 'warn' | 'error' | { severity?: import('../taxonomy/categories.js').Severity }>;
  /** A time limit for the analysis (`--timeout`): checked before each stage. */
  deadline?: Deadline;
}

/**
 * When the analysis must stop starting stages. Times are milliseconds of `now`, a clock injected so that tests
 * need not wait (the CLI's is `performance.now`). Past `at`, the stage loop skips the remaining stages, except the
 * bookkeeping ones (`Stage.always`), and says so in a warning: what the finished stages found is kept.
 */
export interface Deadline {
  /** When the analysis started (reading and parsing the task count towards the limit). */
  started: number;
  /** `started` plus the limit. */
  at: number;
  now(): number;
}

/** What stages read and add to. Stages run in order; each may add findings, notes or warnings. */
export interface PipelineContext {
  task: Task;
  options: AnalyzeOptions;
  model: Configuration | null;
  ideal: Configuration | null;
  findings: Finding[];
  notes: string[];
  warnings: string[];
  provider?: ProviderInfo;
  /**
   * What the rules that fired on the model report on the ideal (set by the rules stage when there is an ideal):
   * a finding the reviewer's own ideal keeps is not a failure the reviewer would list.
   */
  idealFindings?: Finding[];
  /** How the ideal relates to the model (set by the diff stage): partial ideals show only some blocks. */
  idealCoverage?: { partial: boolean; renames: Record<string, string>; /** Model files a partial ideal does not show (their blocks count as unchanged). */ unshownFiles?: string[] };
  /** Set by the judge stage once `findings` are merged, grouped, tiered and ranked. */
  judged?: boolean;
  /** Findings removed by inline suppression comments (set by the suppress stage, before the judge). */
  suppressed?: SuppressedFinding[];
  score: ScoreResult | null;
}

export interface Stage {
  name: string;
  run(ctx: PipelineContext): void;
  /**
   * Runs even past the deadline: cheap bookkeeping without which the findings already kept would break the
   * user's settings (inline suppressions, `--rule` levels) or go unmerged.
   */
  always?: boolean;
}
