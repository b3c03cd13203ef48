/** Runs the stages over an ingested and parsed task and assembles the JSON contract. */
import type { Task } from '../ingest/types.js';
import type { Configuration } from '../model/types.js';
import type { AnalysisResult, AnalyzeOptions, PipelineContext, Stage } from './types.js';
import { STAGES } from './stages.js';
import { judgeFindings } from '../judge/judge.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { timed } from './profile.js';
import { boundResult } from './bounds.js';

export function runStages(
  task: Task,
  model: Configuration | null,
  ideal: Configuration | null,
  options: AnalyzeOptions,
  stages: Stage[] = STAGES,
): AnalysisResult {
  const ctx: PipelineContext = {
    task,
    options,
    model,
    ideal,
    findings: [],
    notes: [],
    warnings: task.warnings.map((w) => (w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}` : w.message)),
    score: null,
  };
  for (const stage of stages) {
    try {
      timed(`stage:${stage.name}`, () => stage.run(ctx));
    } catch (err) {
      // One failing stage must not lose the others' findings: report it and continue.
      ctx.warnings.push(`stage ${stage.name} failed: ${(err as Error)?.message ?? String(err)}`);
    }
  }
  return boundResult({
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    task: {
      path: task.path,
      platform: task.platform,
      language: task.language,
      ...(ctx.provider ? { provider: ctx.provider } : {}),
    },
    // A custom stage list without the judge still yields merged, tiered and ranked findings.
    findings: ctx.judged ? ctx.findings : judgeFindings(ctx.findings, { task, model, ideal }),
    score: ctx.score,
    notes: [...new Set(ctx.notes)],
    warnings: [...new Set(ctx.warnings)],
  });
}
