/**
 * Splits HCL text into top-level items (one block or attribute each) by bracket matching that knows strings,
 * interpolations, comments and heredocs. Used only when tree-sitter reports errors: each item is re-parsed on
 * its own so one broken block does not swallow the blocks after it (tree-sitter's recovery often does).
 * Linear time, no regular expressions over the whole text.
 */

export interface Chunk {
  start: number;
  end: number;
  /** Closing characters the item lacks (it ran to end of input or into the next top-level keyword). */
  missing: string;
  /** Marker of a heredoc left open at end of input. */
  openHeredoc?: string;
}

type Frame = '{' | '[' | '(' | 'interp' | 'str';

const CLOSER: Record<string, string> = { '{': '}', '[': ']', '(': ')', interp: '}', str: '"' };
const TOP_KEYWORDS = /^(?:resource|data|module|variable|output|provider|locals|terraform|moved|import|check|removed)[ \t]*["{]/;

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

/** The heredoc marker starting at `i` (`<<EOT`, `<<-EOT`), with the index after it, or undefined. */
function heredocAt(text: string, i: number): { marker: string; after: number } | undefined {
  if (text[i] !== '<' || text[i + 1] !== '<') return undefined;
  let j = i + 2;
  if (text[j] === '-') j++;
  const from = j;
  while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
  if (j === from || !/[A-Za-z_]/.test(text[from]!)) return undefined;
  return { marker: text.slice(from, j), after: j };
}

/** Index just past the heredoc body's closing marker line, or -1 when the heredoc is never closed. */
function skipHeredoc(text: string, marker: string, after: number): number {
  let lineStart = text.indexOf('\n', after);
  if (lineStart === -1) return -1;
  lineStart++;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (text.slice(lineStart, lineEnd).trim() === marker) return lineEnd;
    lineStart = lineEnd + 1;
  }
  return -1;
}

export function splitTopLevel(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const stack: Frame[] = [];
  let chunkStart = -1;
  let openHeredoc: string | undefined;
  const close = (end: number): void => {
    if (chunkStart === -1) return;
    const missing = stack
      .slice()
      .reverse()
      .map((f) => CLOSER[f])
      .join('');
    chunks.push({ start: chunkStart, end, missing, ...(openHeredoc ? { openHeredoc } : {}) });
    stack.length = 0;
    chunkStart = -1;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const top = stack[stack.length - 1];
    if (top === 'str') {
      if (ch === '\\') i += 2;
      else if (ch === '"' || ch === '\n') {
        stack.pop();
        i++;
      } else if ((ch === '$' || ch === '%') && text[i + 1] === '{') {
        if (text[i - 1] === ch) i += 2;
        else {
          stack.push('interp');
          i += 2;
        }
      } else i++;
      continue;
    }
    // Code context.
    if (ch === '#' || (ch === '/' && text[i + 1] === '/')) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? text.length : nl;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const endComment = text.indexOf('*/', i + 2);
      i = endComment === -1 ? text.length : endComment + 2;
      continue;
    }
    if (ch === '\n') {
      if (chunkStart !== -1 && stack.length === 0) close(i);
      // An unclosed item ends where the next line starts a top-level block at column 0.
      else if (chunkStart !== -1 && TOP_KEYWORDS.test(text.slice(i + 1, i + 40))) close(i);
      i++;
      continue;
    }
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (chunkStart === -1) chunkStart = i;
    if (ch === '"') {
      stack.push('str');
      i++;
      continue;
    }
    const heredoc = heredocAt(text, i);
    if (heredoc) {
      const after = skipHeredoc(text, heredoc.marker, heredoc.after);
      if (after === -1) {
        openHeredoc = heredoc.marker;
        i = text.length;
      } else i = after;
      continue;
    }
    if (ch === '{' || ch === '[' || ch === '(') stack.push(ch);
    else if (ch === '}' || ch === ']' || ch === ')') {
      if (stack.length) stack.pop();
      // A stray closer at top level is its own item; its parse reports it.
      else {
        if (chunkStart !== i) close(i);
        chunkStart = -1;
        chunks.push({ start: i, end: i + 1, missing: '' });
      }
    }
    i++;
  }
  close(text.length);
  return chunks;
}
