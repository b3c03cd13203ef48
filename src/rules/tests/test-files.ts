/** Where a response's tests are: its own files, or (for the ideal / a code folder) the task folder. */
import type { RuleContext } from '../types.js';
import type { SourceFile } from '../../model/types.js';
import { isTestPath, judgingModel as judgingModelConfig } from '../util/b-code.js';

const TEST_FILE = /\.(py|js|mjs|cjs|ts|go|java)$/;

export function isTestFile(path: string): boolean {
  return TEST_FILE.test(path) && isTestPath(path);
}

/** True when the configuration was extracted from the model's markdown (the task folder's tests are not the model's). */
export function judgingModel(ctx: RuleContext): boolean {
  return judgingModelConfig(ctx.config, ctx.task);
}

export function responseTestFiles(ctx: RuleContext): SourceFile[] {
  const own = ctx.config.files.filter((f) => isTestFile(f.path));
  if (own.length || judgingModel(ctx)) return own;
  return ctx.task.extraFiles.filter((f) => isTestFile(f.path));
}

export function listingHasTests(ctx: RuleContext): boolean {
  return ctx.task.listing.some(isTestFile);
}

export function isPipelineTask(ctx: RuleContext): boolean {
  return ctx.task.listing.includes('lib/PROMPT.md');
}
