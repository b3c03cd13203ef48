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
  idealCoverage?: { partial: boolean; renames: Record<string, string> };
  /** Set by the judge stage once `findings` are merged, grouped, tiered and ranked. */
  judged?: boolean;
  /** Findings removed by inline suppression comments (set by the suppress stage, before the judge). */
  suppressed?: SuppressedFinding[];
  score: ScoreResult | null;
}

export interface Stage {
  name: string;
  run(ctx: PipelineContext): void;
}
