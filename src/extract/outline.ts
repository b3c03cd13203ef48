/**
 * Flattens a markdown document into the sequence of blocks that matter for naming code: headings, paragraphs and
 * code, in document order (list items and block quotes are read into, so a fence inside a list item follows the
 * label paragraph of that item). CommonMark, read by markdown-it: its token stream is flat and in document order,
 * and it reads a response about ten times faster than a syntax-tree parser (the corpus' largest cost after HCL).
 */
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';

export type OutlineItem =
  | { kind: 'heading'; text: string; line: number; depth: number }
  | { kind: 'paragraph'; text: string; line: number }
  | {
      kind: 'code';
      lang: string | null;
      value: string;
      /** Line of the opening fence (or first line of an indented block). */
      line: number;
      endLine: number;
      startOffset: number;
      endOffset: number;
      /** Set by `splitRunawayFences`: the fence never closed and was ended before the fence opened at this line. */
      endedBefore?: number;
    }
  | { kind: 'other'; line: number };

/** Deepest nesting of lists and block quotes the parser is given; deeper markers are read as text. */
export const MAX_CONTAINER_DEPTH = 32;

const NBSP = '\u00a0';
/** A container marker where the scan stands: `>`, or a list marker `-`, `*`, `+`, `1.`, `1)` followed by a space. */
const MARKER = />|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)/y;
const TOP_FENCE = /^(`{3,}|~{3,})/;

/**
 * Deeply nested lists and block quotes make the markdown parser superlinear (cubic in the depth for lists: 1,000
 * nested items took 137 s; 20,000 `>` took 17 s). Markers that would nest deeper than MAX_CONTAINER_DEPTH are
 * replaced by no-break spaces of the same length, which the parser reads as text: every offset stays the same,
 * and documents nesting less deeply are returned unchanged. Lists nest only with growing indentation, so the
 * chain of open items with growing indentation bounds the real depth from above. Lines of fences at column 0 are
 * code and never touched.
 */
export function clampContainers(markdown: string): string {
  const out: string[] = [];
  let copied = 0;
  let fence: string | null = null;
  const open: number[] = []; // indentation of open list items, growing
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end === -1) end = markdown.length;
    const line = markdown.slice(start, end);
    const f = TOP_FENCE.exec(line);
    if (fence !== null) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.slice(f[1]!.length).trim() === '') fence = null;
    } else if (f) {
      fence = f[1]!;
      open.length = 0;
    } else {
      // Markers on this line: each one opens a container.
      const cut: [number, number][] = [];
      let depth = 0;
      let listSeen = false;
      // Whitespace is skipped by hand: a regex with a leading `[ \t]*` is quadratic on a line of spaces.
      for (let pos = 0; ; ) {
        while (pos < line.length && (line.charCodeAt(pos) === 0x20 || line.charCodeAt(pos) === 0x09)) pos++;
        MARKER.lastIndex = pos;
        const m = MARKER.exec(line);
        if (!m) break;
        const markerAt = pos;
        pos += m[0].length;
        if (!listSeen && m[0] !== '>') {
          // The line's first list item closes open items indented no less (inside quotes too: the column counts
          // the quote markers, the same on every line of the quote); what stays open nests it.
          listSeen = true;
          while (open.length && open[open.length - 1]! >= markerAt) open.pop();
          depth += open.length;
          if (open.length < MAX_CONTAINER_DEPTH) open.push(markerAt);
        }
        depth++;
        if (depth > MAX_CONTAINER_DEPTH) cut.push([markerAt, m[0].length]);
      }
      if (cut.length) {
        for (const [at, len] of cut) {
          out.push(markdown.slice(copied, start + at), NBSP.repeat(len));
          copied = start + at + len;
        }
      }
    }
    start = end + 1;
  }
  if (copied === 0) return markdown;
  out.push(markdown.slice(copied));
  return out.join('');
}


let parser: MarkdownIt | null = null;
function md(): MarkdownIt {
  // CommonMark only (no tables, no linkify, no typographer). The nesting limit stays above what clampContainers
  // leaves (lists and quotes, plus inline nesting), so no content is dropped for depth.
  parser ??= markdownIt('commonmark', { maxNesting: 4 * MAX_CONTAINER_DEPTH });
  return parser;
}

/** Visible text of inline tokens: text, inline code, emphasis and link text; soft breaks as "\n", hard breaks as spaces. */
function inlineText(tokens: Token[] | null): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'softbreak') out += '\n';
    else if (t.type === 'hardbreak') out += ' ';
  }
  return out;
}

/** Whether `line` closes a fence opened with `markup` (same character, at least as many, nothing after but spaces). */
function closesFence(line: string, markup: string, isLaterLine: boolean, topLevel: boolean): boolean {
  if (!isLaterLine) return false;
  // At the top level up to three spaces may precede it (a tab or four spaces make it content); in a container
  // the container's own prefix comes first.
  const start = topLevel ? line.replace(/^ {0,3}/, '') : line.replace(/^[ \t>]*(?:[-*+]|\d+[.)])?[ \t]*/, '');
  // Trailing blanks cut by hand: `[ \t]+$` retries from every blank of a long blank run (quadratic).
  let end = start.length;
  while (end > 0 && (start.charCodeAt(end - 1) === 0x20 || start.charCodeAt(end - 1) === 0x09)) end--;
  const trimmed = start.slice(0, end);
  const run = /^(`+|~+)$/.exec(trimmed)?.[1];
  return !!run && run[0] === markup[0] && run.length >= markup.length;
}

/**
 * Every line of the document: where it starts, where its text ends and its line ending (`\n`, `\r\n` or a lone
 * `\r`, all three line endings as CommonMark reads them).
 */
function documentLines(text: string): { starts: number[]; ends: number[]; endings: string[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const endings: string[] = [];
  const eol = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = eol.exec(text); m; m = eol.exec(text)) {
    starts.push(start);
    ends.push(m.index);
    endings.push(m[0]);
    start = m.index + m[0].length;
  }
  starts.push(start);
  ends.push(text.length);
  endings.push('');
  return { starts, ends, endings };
}

/** The outline of a document (every item's lines and offsets are the original's). */
export function outline(markdown: string): OutlineItem[] {
  return outlineOf(markdown);
}

export function outlineOf(markdown: string): OutlineItem[] {
  // A byte-order mark is not text (micromark drops it); a space of the same length keeps every offset.
  const source = clampContainers(markdown);
  const tokens = md().parse(source.charCodeAt(0) === 0xfeff ? ' ' + source.slice(1) : source, {});
  const { starts, ends, endings } = documentLines(markdown);
  /** Offset of the end of 0-based line `l`, before its line ending. */
  const lineEnd = (l: number): number => ends[l] ?? markdown.length;
  // markdown-it reads CRLF and CR as LF; values keep the document's own line endings, line by line.
  const mixed = markdown.includes('\r');
  /** `text`'s k-th line break gets back the line ending of document line `from + k`. */
  const restoreEndings = (text: string, from: number): string => {
    if (!mixed) return text;
    let k = 0;
    return text.replace(/\n/g, () => endings[from + k++] || '\n');
  };
  const out: OutlineItem[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const line = (t.map?.[0] ?? 0) + 1;
    switch (t.type) {
      case 'heading_open':
        out.push({ kind: 'heading', text: restoreEndings(inlineText(tokens[i + 1]?.children ?? null), line - 1).trim(), line, depth: Number(t.tag.slice(1)) });
        break;
      case 'paragraph_open':
        out.push({ kind: 'paragraph', text: restoreEndings(inlineText(tokens[i + 1]?.children ?? null), line - 1).trim(), line });
        break;
      case 'fence':
      case 'code_block': {
        const [first, after] = t.map ?? [0, 0];
        const lastLine = Math.max(first, after - 1);
        const lang = t.type === 'fence' ? t.info.trim().split(/\s+/)[0] || null : null;
        let value = restoreEndings(t.content.replace(/\n$/, ''), t.type === 'fence' ? first + 1 : first);
        const unclosed = t.type === 'fence' && !closesFence(markdown.slice(starts[lastLine] ?? 0, lineEnd(lastLine)), t.markup, lastLine > first, t.level === 0);
        // Never closed, at the top level or in a container that lasts to the end: the block runs to the end of the
        // document, its last (even blank) line included.
        if (unclosed && (t.level === 0 || markdown.slice(lineEnd(lastLine)).trim() === '')) {
          const indent = markdown.slice(starts[first] ?? 0, lineEnd(first)).indexOf(t.markup);
          if (t.level === 0 && indent === 0) value = markdown.slice(starts[first + 1] ?? markdown.length, markdown.length).replace(/(?:\r\n|\r|\n)$/, '');
          out.push({ kind: 'code', lang, value, line, endLine: starts.length, startOffset: (starts[first] ?? 0) + Math.max(0, indent), endOffset: markdown.length });
          break;
        }
        out.push({
          kind: 'code',
          lang,
          value,
          line,
          endLine: lastLine + 1,
          // The fence's first marker (after list or quote prefixes); an indented block's first line.
          startOffset: (starts[first] ?? 0) + (t.type === 'fence' ? Math.max(0, markdown.slice(starts[first] ?? 0, lineEnd(first)).indexOf(t.markup)) : 0),
          endOffset: lineEnd(lastLine),
        });
        break;
      }
      case 'hr':
      case 'html_block':
        out.push({ kind: 'other', line });
        break;
      default:
        break;
    }
  }
  return out;
}
