/**
 * A fence the response forgot to close swallows everything up to the next bare fence line, so two files (and the
 * prose that names the second) would become one block. A line inside a fence that opens another fence with an
 * info string (```` ```hcl ````) can never close it: when it shows up at column 0 with a marker at least as long
 * as the opening one, the outer fence ran away. It is ended before the prose right above that line, and the rest
 * is outlined again, so the second file keeps its own name and lines.
 *
 * Speed (issue 20): outlining the whole rest again at every split was quadratic (1,000 unclosed fences: 64 splits,
 * each parsing the rest of the document, took seconds per thousand lines). The rest after a split is, in block
 * structure, the prose above the new opener, then one fence from that opener to the end of the outer one: no line
 * in between can close it, since any line that would also closes the outer fence, and markdown blocks are decided
 * line by line, never by what follows. So only the prose and the opener line are parsed; the new fence takes the
 * outer one's end and is split in turn, its own lines read only up to its next opener. A fence left unsplit is
 * parsed once, from its opener to its end. When the short parse does not end in a fence at the opener (an HTML
 * block swallowed it), the rest is parsed whole as before, at most MAX_REPARSES times.
 */
import { outlineOf, type OutlineItem } from './outline.js';
import { appendAll } from '../io/arrays.js';

type CodeItem = Extract<OutlineItem, { kind: 'code' }>;

/** An opening fence with an info string: never a closing fence. */
const OPENER = /^(`{3,}|~{3,})[ \t]*([A-Za-z][\w+#.-]*)[^`]*$/;
/** Outer fences whose content legitimately shows other fences (a README inside a fence). */
const DOCUMENT_LANGS = /^(markdown|md|mdx|text|txt)$/i;
const MAX_PROSE_LINES = 6;
/** Full parses of the rest (see the file comment), each linear in the document: a bound keeps hostile ones linear. */
const MAX_REPARSES = 64;
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

/** The lines from `from` to `to`, read one at a time (a split reads only up to its opener). */
function* linesBetween(text: string, from: number, to: number): Generator<Line> {
  let start = from;
  while (start < to) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > to) end = to;
    yield { start, end, text: text.slice(start, end).replace(/\r$/, '') };
    start = end + 1;
  }
}

interface Budget {
  reparses: number;
}

const shifted = (items: OutlineItem[], at: number, shiftLines: number): OutlineItem[] =>
  items.map((r): OutlineItem => {
    if (r.kind !== 'code') return { ...r, line: r.line + shiftLines };
    return { ...r, line: r.line + shiftLines, endLine: r.endLine + shiftLines, startOffset: r.startOffset + at, endOffset: r.endOffset + at };
  });

/**
 * The runaway split of one top-level fence, or null when it is a proper fence. The last part of a split is
 * provisional when the short parse was enough (see the file comment).
 */
function split(item: CodeItem, text: string, provisional: Set<CodeItem>, budget: Budget): OutlineItem[] | null {
  if (item.startOffset > 0 && text[item.startOffset - 1] !== '\n') return null;
  const marker = /^(`{3,}|~{3,})/.exec(text.slice(item.startOffset, item.startOffset + 64))?.[1];
  if (!marker || (item.lang && DOCUMENT_LANGS.test(item.lang))) return null;
  const contentStart = text.indexOf('\n', item.startOffset);
  if (contentStart === -1 || contentStart >= item.endOffset) return null;
  const lines: Line[] = [];
  let at = -1;
  for (const l of linesBetween(text, contentStart + 1, item.endOffset)) {
    lines.push(l);
    const m = OPENER.exec(l.text);
    if (m !== null && m[1]![0] === marker[0] && m[1]!.length >= marker.length) {
      at = lines.length - 1;
      break;
    }
  }
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
  const restStart = lines[cut]!.start;
  const shiftLines = lineOf(cut) - 1;
  // The prose and the opener line alone: they must end in a fence at the opener (else the rest is parsed whole).
  const openerAt = lines[at]!.start;
  let rest = shifted(outlineOf(text.slice(restStart, lines[at]!.end)), restStart, shiftLines);
  const next = rest[rest.length - 1];
  if (next?.kind === 'code' && next.startOffset === openerAt) {
    const fence: CodeItem = { ...next, endOffset: item.endOffset };
    provisional.add(fence);
    rest[rest.length - 1] = fence;
  } else {
    if (budget.reparses >= MAX_REPARSES) return null;
    budget.reparses++;
    rest = shifted(outlineOf(text.slice(restStart, item.endOffset)), restStart, shiftLines);
  }
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
  return [head, ...rest];
}

/**
 * A provisional fence that is not split again, as the full parse of the rest would give it: parsed from its
 * opener, where the markdown is at the top level with nothing open, to its end.
 */
function settle(item: CodeItem, text: string): OutlineItem[] {
  return shifted(outlineOf(text.slice(item.startOffset, item.endOffset)), item.startOffset, item.line - 1);
}

/** Splits every runaway fence of an outline (see the file comment); other items are returned unchanged. */
export function splitRunawayFences(items: OutlineItem[], text: string): OutlineItem[] {
  const out: OutlineItem[] = [];
  const queue = [...items].reverse();
  // Fences a split opened: their extent is the outer fence's end; `value` and `endLine` are not read yet.
  const provisional = new Set<CodeItem>();
  const budget: Budget = { reparses: 0 };
  while (queue.length > 0) {
    const item = queue.pop()!;
    const parts = item.kind === 'code' ? split(item, text, provisional, budget) : null;
    if (!parts) {
      if (item.kind === 'code' && provisional.has(item)) appendAll(out, settle(item, text));
      else out.push(item);
      continue;
    }
    out.push(parts[0]!);
    for (let i = parts.length - 1; i >= 1; i--) queue.push(parts[i]!);
  }
  return out;
}
