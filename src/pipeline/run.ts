/**
 * The whole analysis of one task folder: ingest → parse (per platform) → stages → AnalysisResult.
 * `analyzeTaskDetailed` also hands back the task and both configurations (for `verify` and evaluations).
 */
import type { Task } from '../contracts/task.js';
import type { Configuration } from '../model/types.js';
import type { AnalysisResult, AnalyzeOptions } from '../contracts/pipeline.js';
import type { Conventions } from '../contracts/conventions.js';
import type { RuleSettings } from '../rules/config.js';
import { loadTask } from '../ingest/index.js';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, ConfigRefusedError, findConfigFile, loadConfigFile, resolveConventions } from '../rules/config.js';
import { isHclFile, newParseCache, parseResponse } from './parse.js';
import { preferWasmBackend } from '../hcl/parser.js';
import { runStagesOutcome } from './analyze.js';
import { timed } from './profile.js';
import { decideLayout, isPipelineTask } from './layout.js';
import { knownFindingIds } from './suppress.js';

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
  /**
   * Time limit in milliseconds (`--timeout`), from the start of this call (reading and parsing count), checked
   * before each stage: past it, the remaining stages are skipped (see runStageList in analyze.ts).
   */
  timeoutMs?: number;
  /** The clock the limit is read on, in milliseconds (default `performance.now`): tests inject a fake one. */
  clock?: () => number;
}

export interface DetailedAnalysis {
  task: Task;
  model: Configuration | null;
  ideal: Configuration | null;
  result: AnalysisResult;
  /** The stage the time limit cut the analysis before; absent when every stage ran. */
  cutBefore?: string;
}

export function analyzeTaskDetailed(path: string, options: AnalyzeTaskOptions = {}): DetailedAnalysis {
  const clock = options.clock ?? (() => performance.now());
  const started = options.timeoutMs !== undefined ? clock() : 0;
  return analyzeIngested(path, ingestTask(path, options), options, started);
}

/**
 * HCL text from which the parser's WASM back-end is the cheaper one (see hcl/parser.ts): the native binding's trees
 * are freed only when the garbage collector finalizes them, which it does not hurry for memory it cannot see, so a
 * large configuration kept every file's tree alive at once (200,000 resources: about 5 GB resident against 2.4 GB
 * with WASM, in the same time). Below this, WASM's compile cost (~0.1 s) is the larger part of a run.
 */
export const LARGE_HCL_INPUT_CHARS = 1024 * 1024;

/** HCL characters of a task's two responses. */
export function hclInputChars(task: Task): number {
  let n = 0;
  for (const f of [...(task.model?.files ?? []), ...(task.ideal?.files ?? [])]) if (isHclFile(f)) n += f.content.length;
  return n;
}

/**
 * `analyzeTaskDetailed` for a caller that can wait (the CLI): on a large HCL input it first switches the parser to
 * its WASM back-end, for the process. Same result as the synchronous call.
 */
export async function analyzeTaskDetailedAsync(path: string, options: AnalyzeTaskOptions = {}): Promise<DetailedAnalysis> {
  const clock = options.clock ?? (() => performance.now());
  const started = options.timeoutMs !== undefined ? clock() : 0;
  const task = ingestTask(path, options);
  if (hclInputChars(task) >= LARGE_HCL_INPUT_CHARS) await preferWasmBackend();
  return analyzeIngested(path, task, options, started);
}

function ingestTask(path: string, options: AnalyzeTaskOptions): Task {
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
  return task;
}

function analyzeIngested(path: string, task: Task, options: AnalyzeTaskOptions, started: number): DetailedAnalysis {
  const clock = options.clock ?? (() => performance.now());
  const configPath = findConfigFile({ ...(options.configFile ? { explicit: options.configFile } : {}), taskDir: path });
  // The task folder's own config is task content: it must stay inside the folder, and a refused one is a warning.
  const fromTask = !options.configFile && configPath === join(path, CONFIG_FILE_NAME);
  let fileConfig;
  try {
    // Every id a finding can carry is addressable, not only the rule catalog's (built only when there is a file).
    const knownIds = configPath ? knownFindingIds() : new Set<string>();
    fileConfig = configPath ? loadConfigFile(configPath, fromTask ? CONFIG_FILE_NAME : configPath, fromTask ? { within: path, knownIds } : { knownIds }) : undefined;
  } catch (err) {
    if (!(fromTask && err instanceof ConfigRefusedError)) throw err;
    // The folder walk has usually said it already (a FIFO, a link out of the folder); once is enough.
    if (!task.warnings.some((w) => w.file === CONFIG_FILE_NAME)) task.warnings.push({ kind: 'config', file: CONFIG_FILE_NAME, message: `${err.message}; no configuration used` });
  }
  const conventions = { ...resolveConventions(fileConfig), ...(options.conventions ?? {}) };
  // The pipeline's conventions and score only where they apply (a task layout, or the config asks): see layout.ts.
  const asked = options.conventions ? { ...fileConfig, conventions: options.conventions } : fileConfig;
  const layout = decideLayout(task, asked, { ...(fileConfig?.rules ?? {}), ...(options.ruleSettings ?? {}) });
  const ruleSettings = layout.ruleSettings;
  // metadata.json belongs to the task layout: its absence is worth a warning there, not in a plain folder of code.
  if (!isPipelineTask(task)) task.warnings = task.warnings.filter((w) => !(w.kind === 'metadata' && /^no metadata\.json\b/.test(w.message)));
  const analyzeOptions: AnalyzeOptions = {
    conventions,
    ...(options.logs?.length ? { logs: options.logs } : {}),
    ...(options.score === false || !layout.score ? { score: false } : {}),
    ...(options.claims === false ? { claims: false } : {}),
    ...(Object.keys(ruleSettings).length ? { ruleSettings } : {}),
    ...(options.timeoutMs !== undefined ? { deadline: { started, at: started + options.timeoutMs, now: clock } } : {}),
  };
  // Files the ideal keeps unchanged from the model are parsed once.
  const parseCache = newParseCache([task.model?.files ?? [], task.ideal?.files ?? []]);
  const model = task.model ? timed('parse:model', () => parseResponse(task.model!.files, task.platform, parseCache)) : null;
  const ideal = task.ideal ? timed('parse:ideal', () => parseResponse(task.ideal!.files, task.platform, parseCache)) : null;
  const { result, cutBefore } = runStagesOutcome(task, model, ideal, analyzeOptions);
  return { task, model, ideal, result, ...(cutBefore !== undefined ? { cutBefore } : {}) };
}

/** Library entry: analyze one task folder and return the JSON contract. */
export function analyzeTask(path: string, options: AnalyzeTaskOptions = {}): AnalysisResult {
  return analyzeTaskDetailed(path, options).result;
}
