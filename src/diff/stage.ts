/**
 * The diff stage: when both the model and the ideal response parsed, every change the ideal made becomes
 * evidence `diff` on a finding (merged with static findings on the same resource and category).
 */
import type { Stage } from '../contracts/pipeline.js';
import { attributedDiff } from './index.js';
import { appendAll } from '../io/arrays.js';

export { diffRuleMetas } from './findings.js';

export const diffStage: Stage = {
  name: 'diff',
  run(ctx) {
    if (!ctx.model || !ctx.ideal) return;
    const { result, findings } = attributedDiff({
      model: ctx.model,
      ideal: ctx.ideal,
      prompt: ctx.task.prompt,
      conventions: ctx.options.conventions,
      idealMarkdown: ctx.task.ideal?.markdown ?? null,
    });
    appendAll(ctx.findings, findings);
    ctx.idealCoverage = { partial: result.partialIdeal, renames: result.renames, unshownFiles: result.unchangedFiles };
    if (result.partialIdeal) {
      const pct = Math.round(result.coverage * 100);
      const files = result.unchangedFiles.length ? ` (not shown: ${result.unchangedFiles.join(', ')})` : '';
      ctx.notes.push(`diff: the ideal response is partial and covers ${pct}% of the model's blocks${files}; blocks it does not show are taken as unchanged.`);
    }
  },
};
