/**
 * Responses that wrap the whole answer (prose, headings and their own ``` blocks) in one outer ```` fence: read as
 * written, the answer is one code block whose prose lines are parsed as code. The wrapper's opening and closing
 * lines are blanked (line numbers stay) so that the inner blocks are read as the response's blocks. A wrapper
 * whose info string says markdown is a document shown as such (a README) and is left alone.
 */

const OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;

/** A line inside a block that opens a fence with a language (` ```bash`, `~~~hcl`), by fence character. */
const INNER_FENCE_OF: Readonly<Record<string, RegExp>> = { '`': /^ {0,3}```[A-Za-z]/m, '~': /^ {0,3}~~~[A-Za-z]/m };
/** The same, of either character: a block's content that holds fences of its own. */
export const INNER_FENCE = /^ {0,3}(?:```|~~~)[A-Za-z]/m;

/** The text with outer fences of four or more markers that hold inner fences blanked out; linear in the text. */
export function unwrapOuterFences(text: string): string {
  if (!text.includes('````') && !text.includes('~~~~')) return text;
  const lines = text.split('\n');
  let i = 0;
  let changed = false;
  while (i < lines.length) {
    const open = OPEN.exec(lines[i]!);
    if (!open) {
      i++;
      continue;
    }
    const marker = open[1]!;
    const closeAt = closingLine(lines, i + 1, marker);
    const end = closeAt ?? lines.length;
    const wrapper = marker.length >= 4 && !/^(?:markdown|md)$/i.test(open[2] ?? '') && holdsInnerFence(lines, i + 1, end, marker[0]!);
    if (wrapper) {
      lines[i] = '';
      if (closeAt !== undefined) lines[closeAt] = '';
      changed = true;
      // The inner blocks are read from the line after the wrapper's opening.
      i++;
      continue;
    }
    i = end + 1;
  }
  return changed ? lines.join('\n') : text;
}

/** The line that closes a fence opened with `marker`: the same character, at least as many, nothing after. */
function closingLine(lines: readonly string[], from: number, marker: string): number | undefined {
  const ch = marker[0]!;
  for (let j = from; j < lines.length; j++) {
    const t = lines[j]!.trim();
    if (t.length >= marker.length && t.length <= marker.length + 16 && [...t].every((c) => c === ch) && lines[j]!.length - lines[j]!.trimStart().length <= 3) return j;
  }
  return undefined;
}

/** Whether a line between `from` and `to` opens a shorter fence of the same character with a language. */
function holdsInnerFence(lines: readonly string[], from: number, to: number, ch: string): boolean {
  const inner = INNER_FENCE_OF[ch]!;
  for (let j = from; j < to; j++) if (inner.test(lines[j]!)) return true;
  return false;
}
