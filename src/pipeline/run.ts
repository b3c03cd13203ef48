/**
 * The whole analysis of one task folder: ingest → parse (per platform) → stages → AnalysisResult.
 * `analyzeTaskDetailed` also hands back the task and both configurations (for `verify` and evaluations).
 */
import type { Task } from '../ingest/types.js';
import type { Configuration } from '../model/types.js';
import type { AnalysisResult, AnalyzeOptions } from './types.js';
import type { Conventions } from '../rules/conventions.js';
import type { RuleSettings } from '../rules/config.js';
import { loadTask } from '../ingest/index.js';
import { findConfigFile, loadConfigFile, resolveConventions } from '../rules/config.js';
import { parseResponse } from './parse.js';
import { runStages } from './analyze.js';
import { timed } from './profile.js';

export interface AnalyzeTaskOptions {
  /** Convention overrides (merged over `.iacjudge.json` and the defaults). */
  conventions?: Partial<Conventions>;
  /** Explicit `.iacjudge.json`; otherwise one in the task folder is used when present. */
  configFile?: string;
  ruleSettings?: RuleSettings;
  /** Extra log files (`--log`). */
  logs?: string[];
  /** Platform override (`--platform`). */
  platform?: string;
  /** Model / ideal response overrides: a markdown file or a code folder. */
  model?: string;
  ideal?: string;
  /** False skips the score (`--no-score`). */
  score?: boolean;
  /** False ignores lib/MODEL_FAILURES.md (`--no-claims`). */
  claims?: boolean;
}

export interface DetailedAnalysis {
  task: Task;
  model: Configuration | null;
  ideal: Configuration | null;
  result: AnalysisResult;
}

export function analyzeTaskDetailed(path: string, options: AnalyzeTaskOptions = {}): DetailedAnalysis {
  const task = timed('ingest', () =>
    loadTask(path, {
      ...(options.platform ? { platform: options.platform } : {}),
      ...(options.model ? { model: options.model } : {}),
      ...(options.ideal ? { ideal: options.ideal } : {}),
    }),
  );
  // --platform is an override; ingest alone uses it only when metadata.json is silent.
  if (options.platform && task.platform !== options.platform) {
    task.platform = options.platform;
    task.platformSource = 'flag';
  }
  const configPath = findConfigFile({ ...(options.configFile ? { explicit: options.configFile } : {}), taskDir: path });
  const fileConfig = configPath ? loadConfigFile(configPath) : undefined;
  const conventions = { ...resolveConventions(fileConfig), ...(options.conventions ?? {}) };
  const ruleSettings = { ...(fileConfig?.rules ?? {}), ...(options.ruleSettings ?? {}) };
  const analyzeOptions: AnalyzeOptions = {
    conventions,
    ...(options.logs?.length ? { logs: options.logs } : {}),
    ...(options.score === false ? { score: false } : {}),
    ...(options.claims === false ? { claims: false } : {}),
    ...(Object.keys(ruleSettings).length ? { ruleSettings } : {}),
  };
  const model = task.model ? timed('parse:model', () => parseResponse(task.model!.files, task.platform)) : null;
  const ideal = task.ideal ? timed('parse:ideal', () => parseResponse(task.ideal!.files, task.platform)) : null;
  const result = runStages(task, model, ideal, analyzeOptions);
  return { task, model, ideal, result };
}

/** Library entry: analyze one task folder and return the JSON contract. */
export function analyzeTask(path: string, options: AnalyzeTaskOptions = {}): AnalysisResult {
  return analyzeTaskDetailed(path, options).result;
}
