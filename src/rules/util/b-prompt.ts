/**
 * Prompt helpers. A prompt never fires a rule on its own: rules use it only to decide whether code evidence
 * (a resource present without a setting) is a failure for this task.
 */
import type { RuleContext } from '../types.js';

export function promptText(ctx: RuleContext): string {
  return (ctx.task.prompt ?? '').toLowerCase();
}

/** True when the prompt matches one of the patterns (patterns are written lower-case, without backtracking traps). */
export function promptMentions(ctx: RuleContext, ...patterns: RegExp[]): boolean {
  const text = promptText(ctx);
  return text.length > 0 && patterns.some((p) => p.test(text));
}

/**
 * True when the prompt has both patterns within one sentence and `window` characters of each other, in either
 * order. Patterns are regex sources without capturing groups; the bounded gap keeps matching linear.
 */
export function promptNear(ctx: RuleContext, a: string, b: string, window = 80): boolean {
  const text = promptText(ctx);
  if (!text) return false;
  const re = new RegExp(`(?:${a})[^.\\n]{0,${window}}(?:${b})|(?:${b})[^.\\n]{0,${window}}(?:${a})`);
  return re.test(text);
}

export const ENCRYPT_WORD = 'encrypt|kms|cmk|customer[- ]managed key';
