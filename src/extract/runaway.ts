/**
 * A fence the response forgot to close swallows everything up to the next bare fence line, so two files (and the
 * prose that names the second) would become one block. A line inside a fence that opens another fence with an
 * info string (```` ```hcl ````) can never close it: when it shows up at column 0 with a marker at least as long
 * as the opening one, the outer fence ran away. It is ended before the prose right above that line, and the rest
 * is outlined again, so the second file keeps its own name and lines.
 */
import { outlineOf, type OutlineItem } from './outline.js';

type CodeItem = Extract<OutlineItem, { kind: 'code' }>;

/** An opening fence with an info string: never a closing fence. */
const OPENER = /^(`{3,}|~{3,})[ \t]*([A-Za-z][\w+#.-]*)[^`]*$/;
/** Outer fences whose content legitimately shows other fences (a README inside a fence). */
const DOCUMENT_LANGS = /^(markdown|md|mdx|text|txt)$/i;
const MAX_PROSE_LINES = 6;
/** Each split outlines the rest of the fence again: a bound keeps hostile documents linear. */
const MAX_SPLITS = 64;

/** A line of markdown prose that introduces the next block: a heading, a label, a sentence. */
function isProseLine(line: string): boolean {
  const t = line.trim();
  if (t === '' || /[{}=;]/.test(t)) return false;
  if (/^#{1,6}\s+\S/.test(t)) return true;
  if (/^\*\*.+\*\*:?$/.test(t) || /:$/.test(t)) return true;
  return /^[A-Z][\w'’]*(?:\s+\S+){2,}/.test(t);
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesBetween(text: string, from: number, to: number): Line[] {
  const out: Line[] = [];
  let start = from;
  while (start < to) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > to) end = to;
    out.push({ start, end, text: text.slice(start, end).replace(/\r$/, '') });
    start = end + 1;
  }
  return out;
}

/** The runaway split of one top-level fence, or null when it is a proper fence. */
function split(item: CodeItem, text: string): OutlineItem[] | null {
  if (item.startOffset > 0 && text[item.startOffset - 1] !== '\n') return null;
  const marker = /^(`{3,}|~{3,})/.exec(text.slice(item.startOffset, item.startOffset + 64))?.[1];
  if (!marker || (item.lang && DOCUMENT_LANGS.test(item.lang))) return null;
  const contentStart = text.indexOf('\n', item.startOffset);
  if (contentStart === -1 || contentStart >= item.endOffset) return null;
  const lines = linesBetween(text, contentStart + 1, item.endOffset);
  const at = lines.findIndex((l) => {
    const m = OPENER.exec(l.text);
    return m !== null && m[1]![0] === marker[0] && m[1]!.length >= marker.length;
  });
  if (at <= 0) return null;
  // Walk back over blank lines and the short prose (headings, labels, sentences) that names the next block.
  let cut = at;
  let prose = 0;
  let k = at - 1;
  while (k >= 0) {
    const t = lines[k]!.text;
    if (t.trim() === '') k--;
    else if (prose < MAX_PROSE_LINES && isProseLine(t)) {
      prose++;
      cut = k--;
    } else break;
  }
  // Prose glued to the code above it is a comment of that code, not an introduction.
  if (prose > 0 && cut > 0 && lines[cut - 1]!.text.trim() !== '') cut = at;
  let last = cut - 1;
  while (last >= 0 && lines[last]!.text.trim() === '') last--;
  if (last < 0) return null;
  const lineOf = (index: number) => item.line + 1 + index;
  // A closing marker glued to the last code line (`}```) is what the response meant as the fence's end.
  const value = text.slice(lines[0]!.start, lines[last]!.end).replace(/\r$/, '');
  const glued = value.endsWith(marker) ? value.slice(0, value.length - marker.length).trimEnd() : value;
  const head: CodeItem = {
    ...item,
    value: glued,
    endLine: lineOf(last),
    endOffset: lines[last]!.end,
    endedBefore: lineOf(at),
  };
  const restStart = lines[cut]!.start;
  const shiftLines = lineOf(cut) - 1;
  const rest = outlineOf(text.slice(restStart, item.endOffset)).map((r): OutlineItem => {
    if (r.kind !== 'code') return { ...r, line: r.line + shiftLines };
    return { ...r, line: r.line + shiftLines, endLine: r.endLine + shiftLines, startOffset: r.startOffset + restStart, endOffset: r.endOffset + restStart };
  });
  return [head, ...rest];
}

/** Splits every runaway fence of an outline (see the file comment); other items are returned unchanged. */
export function splitRunawayFences(items: OutlineItem[], text: string): OutlineItem[] {
  const out: OutlineItem[] = [];
  const queue = [...items].reverse();
  let splits = 0;
  while (queue.length > 0) {
    const item = queue.pop()!;
    const parts = item.kind === 'code' && splits < MAX_SPLITS ? split(item, text) : null;
    if (parts) splits++;
    if (!parts) {
      out.push(item);
      continue;
    }
    out.push(parts[0]!);
    for (let i = parts.length - 1; i >= 1; i--) queue.push(parts[i]!);
  }
  return out;
}
