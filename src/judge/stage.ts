/**
 * The judge stage: after every finding producer and before the score. It merges the findings, groups them by
 * root cause, and gives each a tier (`failure` | `observation`) and a rank (1 = most significant), so the
 * score and the reports read one short, ranked failure list.
 */
import type { PipelineContext, Stage } from '../contracts/pipeline.js';
import { judgeFindings, type JudgeInput } from './judge.js';

/** What the judge reads of the pipeline context. */
export function judgeInputOf(ctx: PipelineContext): JudgeInput {
  return {
    task: ctx.task,
    model: ctx.model,
    ideal: ctx.ideal,
    ...(ctx.idealFindings ? { idealFindings: ctx.idealFindings } : {}),
    ...(ctx.idealCoverage ? { idealCoverage: ctx.idealCoverage } : {}),
  };
}

export const judgeStage: Stage = {
  name: 'judge',
  always: true,
  run(ctx: PipelineContext): void {
    ctx.findings = judgeFindings(ctx.findings, judgeInputOf(ctx));
    ctx.judged = true;
  },
};
