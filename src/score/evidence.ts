/**
 * The measurable evidence the rubric reads besides findings:
 * - the code gap: lines only one side has (model vs ideal, comments and blank lines left out), as a multiset
 *   so a line moved to another file is not a change;
 * - the size of each side's code (the same lines), so a gap can be read relative to the stack;
 * - the task's breadth: words of the prompt.
 * Plain counting, no regular expressions over analyzed text beyond whitespace splitting.
 */
import type { Configuration } from '../model/types.js';

export interface CodeGap {
  /** Lines only the ideal has. */
  added: number;
  /** Lines only the model has. */
  removed: number;
  /** added + removed. */
  changed: number;
}

function codeLines(config: Configuration): string[] {
  const out: string[] = [];
  for (const f of config.files) {
    for (const raw of f.content.split(/\r?\n/)) {
      const l = raw.trim();
      if (l && !l.startsWith('#') && !l.startsWith('//')) out.push(l);
    }
  }
  return out;
}

/** Code lines of a configuration (trimmed, blank and comment-only lines left out). */
export function codeLineCount(config: Configuration): number {
  return codeLines(config).length;
}

/** Lines only one side has (multiset difference over trimmed, non-comment lines). */
export function codeGap(model: Configuration, ideal: Configuration): CodeGap {
  const remaining = new Map<string, number>();
  for (const l of codeLines(model)) remaining.set(l, (remaining.get(l) ?? 0) + 1);
  let added = 0;
  for (const l of codeLines(ideal)) {
    const n = remaining.get(l) ?? 0;
    if (n > 0) remaining.set(l, n - 1);
    else added += 1;
  }
  let removed = 0;
  for (const n of remaining.values()) removed += n;
  return { added, removed, changed: added + removed };
}

function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (w) n += 1;
  return n;
}

/** Words of a plain text (the prompt). */
export function wordCount(text: string): number {
  return countWords(text);
}
