/** Runs the stages over an ingested and parsed task and assembles the JSON contract. */
import type { Task } from '../contracts/task.js';
import type { Configuration } from '../model/types.js';
import type { AnalysisResult, AnalyzeOptions, MarkdownOrigin, PipelineContext, Stage } from '../contracts/pipeline.js';
import { STAGES } from './stages.js';
import { judgeFindings } from '../judge/judge.js';
import { judgeInputOf } from '../judge/stage.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { timed } from './profile.js';
import { boundResult } from './bounds.js';

/**
 * Runs the stages in order. Past the deadline (`--timeout`), the stages not yet started are skipped, except the
 * bookkeeping ones (`Stage.always`): what the finished stages found is kept, and a warning names the stage the
 * analysis was cut before. The check comes before each stage: a stage that has started runs to its end.
 * Returns that stage's name, or undefined when every stage ran.
 */
function runStageList(ctx: PipelineContext, stages: readonly Stage[]): string | undefined {
  const deadline = ctx.options.deadline;
  let cutBefore: string | undefined;
  let cutAfterS = 0;
  const skipped: string[] = [];
  for (const stage of stages) {
    if (stage.always) {
      // bookkeeping: runs whether or not the analysis was cut
    } else if (cutBefore !== undefined) {
      skipped.push(stage.name);
      continue;
    } else if (deadline) {
      const now = deadline.now();
      if (now > deadline.at) {
        cutBefore = stage.name;
        cutAfterS = (now - deadline.started) / 1000;
        skipped.push(stage.name);
        continue;
      }
    }
    try {
      timed(`stage:${stage.name}`, () => stage.run(ctx));
    } catch (err) {
      // One failing stage must not lose the others' findings: report it and continue.
      ctx.warnings.push(`stage ${stage.name} failed: ${(err as Error)?.message ?? String(err)}`);
    }
  }
  if (deadline && cutBefore !== undefined) {
    // A score over some of the findings would rate the response too well: none is given.
    ctx.score = null;
    const limitS = (deadline.at - deadline.started) / 1000;
    // First: the result bounds its warnings (bounds.ts), and this one says what the whole result is worth.
    ctx.warnings.unshift(`timeout: analysis cut before stage ${cutBefore} after ${cutAfterS.toFixed(1)} s (limit ${limitS} s); skipped: ${skipped.join(', ')}; findings are those of the stages before`);
  }
  return cutBefore;
}

function newContext(task: Task, model: Configuration | null, ideal: Configuration | null, options: AnalyzeOptions): PipelineContext {
  return {
    task,
    options,
    model,
    ideal,
    findings: [],
    notes: [...(task.notes ?? [])],
    warnings: task.warnings.map((w) => (w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}` : w.message)),
    score: null,
  };
}

/**
 * The finding producers only (every stage before the judge): the raw findings and what the judge reads. For the
 * generator of the judge's precision table, which must not depend on the table itself.
 */
export function runProducers(task: Task, model: Configuration | null, ideal: Configuration | null, options: AnalyzeOptions): PipelineContext {
  const ctx = newContext(task, model, ideal, options);
  const judgeAt = STAGES.findIndex((s) => s.name === 'judge');
  runStageList(ctx, STAGES.slice(0, judgeAt));
  return ctx;
}

export function runStages(
  task: Task,
  model: Configuration | null,
  ideal: Configuration | null,
  options: AnalyzeOptions,
  stages: Stage[] = STAGES,
): AnalysisResult {
  return runStagesOutcome(task, model, ideal, options, stages).result;
}

/** The result, and the stage the deadline cut the analysis before (undefined when every stage ran). */
export interface StagesOutcome {
  result: AnalysisResult;
  cutBefore?: string;
}

export function runStagesOutcome(
  task: Task,
  model: Configuration | null,
  ideal: Configuration | null,
  options: AnalyzeOptions,
  stages: Stage[] = STAGES,
): StagesOutcome {
  const ctx = newContext(task, model, ideal, options);
  const cutBefore = runStageList(ctx, stages);
  const result = boundResult({
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    task: {
      path: task.path,
      platform: task.platform,
      language: task.language,
      ...(ctx.provider ? { provider: ctx.provider } : {}),
    },
    // A custom stage list without the judge still yields merged, tiered and ranked findings.
    findings: toUserPaths(ctx.judged ? ctx.findings : judgeFindings(ctx.findings, judgeInputOf(ctx)), task.model?.userPaths),
    score: ctx.score,
    notes: [...new Set(ctx.notes)],
    warnings: [...new Set(ctx.warnings)],
    ...(ctx.suppressed?.length ? { suppressed: toUserPaths(ctx.suppressed, task.model?.userPaths) } : {}),
    ...originsOf(model),
  });
  return cutBefore !== undefined ? { result, cutBefore } : { result };
}

/** Where the model's files extracted from markdown stand in it (AnalysisResult.origins). */
function originsOf(model: Configuration | null): { origins?: Record<string, MarkdownOrigin> } {
  const origins: Record<string, MarkdownOrigin> = {};
  for (const f of model?.files ?? []) {
    if (f.markdownPath === undefined || f.markdownLine === undefined) continue;
    origins[f.path] = { file: f.markdownPath, segments: f.segments ?? [{ line: 1, markdownLine: f.markdownLine }] };
  }
  return Object.keys(origins).length > 0 ? { origins } : {};
}

/** A plain folder's findings point at its own files (`main.tf`), not at the layout's name for them (`lib/main.tf`). */
function toUserPaths<T extends { location: { file: string }; occurrences?: { location: { file: string } }[] }>(items: T[], userPaths: Record<string, string> | undefined): T[] {
  if (!userPaths) return items;
  const map = <L extends { file: string }>(loc: L): L => (userPaths[loc.file] !== undefined ? { ...loc, file: userPaths[loc.file]! } : loc);
  return items.map((f) => ({
    ...f,
    location: map(f.location),
    ...(f.occurrences ? { occurrences: f.occurrences.map((o) => ({ ...o, location: map(o.location) })) } : {}),
  }));
}
