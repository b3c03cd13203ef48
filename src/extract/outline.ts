/**
 * Flattens a markdown tree into the sequence of blocks that matter for naming code: headings, paragraphs and
 * code, in document order (list items and block quotes are walked into, so a fence inside a list item follows
 * the label paragraph of that item).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parents } from 'mdast';

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

/** Visible text of inline content: text, inline code, emphasis, links; line breaks become spaces. */
export function inlineText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node as Parents).children.map((c) => inlineText(c as Nodes)).join('');
  return '';
}

export function outline(markdown: string): OutlineItem[] {
  const hollow = hollowFences(markdown);
  if (hollow) {
    const items = restoreFences(outlineOf(hollow.text), hollow, markdown);
    if (items) return items;
  }
  return outlineOf(markdown);
}

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

/** The outline from a full parse of the document (what `outline` must always equal). */
export function outlineOf(markdown: string): OutlineItem[] {
  const tree = fromMarkdown(clampContainers(markdown));
  const out: OutlineItem[] = [];
  // Iterative walk: deeply nested lists must not overflow the stack.
  const stack: Nodes[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const line = node.position?.start.line ?? 0;
    switch (node.type) {
      case 'heading':
        out.push({ kind: 'heading', text: inlineText(node).trim(), line, depth: node.depth });
        break;
      case 'paragraph':
        out.push({ kind: 'paragraph', text: inlineText(node).trim(), line });
        break;
      case 'code':
        out.push({
          kind: 'code',
          lang: node.lang ?? null,
          value: node.value,
          line,
          endLine: node.position?.end.line ?? line,
          startOffset: node.position?.start.offset ?? 0,
          endOffset: node.position?.end.offset ?? 0,
        });
        break;
      case 'list':
      case 'listItem':
      case 'blockquote':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
        break;
      default:
        out.push({ kind: 'other', line });
    }
  }
  return out;
}

/**
 * Speed: micromark tokenizes code character by character, and responses are mostly code. Fenced blocks that
 * open at column 0 of the top level and close cleanly are parsed with their content lines removed, then their
 * text, and every item's lines and offsets, are put back from the original.
 * Markdown before such a fence is unchanged, so the parser reaches it in the same state; its content lines
 * can only be code (no container can hold a column-0 fence), and after the closing fence the state is the
 * same again. `restoreFences` checks that every emptied fence came out as one code block spanning exactly the
 * expected lines and otherwise gives up, so the full parse decides.
 */
interface HollowFence {
  /** Lines (1-based) of the opening and closing fence in the original, and of the opening fence in the hollow text. */
  open: number;
  close: number;
  hollowOpen: number;
  /** Original offsets of the content: start of the first content line, end of the last one (before its line ending). */
  contentStart: number;
  contentEnd: number;
  /** Offset in the hollow text where the content was cut out, and how many characters and lines were removed. */
  hollowAt: number;
  removed: number;
  removedLines: number;
}

interface Hollow {
  text: string;
  fences: HollowFence[];
}

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/y;
const OPEN_FENCE = /^(`{3,}|~{3,})/;
/** Fences worth emptying: a few lines are not worth the second pass. */
const MIN_CONTENT_CHARS = 256;

function hollowFences(markdown: string): Hollow | null {
  // micromark turns NUL into U+FFFD inside code values; leave such documents to the full parse.
  if (markdown.includes('\0')) return null;
  const lines: { start: number; end: number; next: number }[] = [];
  LINE.lastIndex = 0;
  while (LINE.lastIndex < markdown.length) {
    const start = LINE.lastIndex;
    const m = LINE.exec(markdown) as RegExpExecArray;
    const eol = /\r?\n$|\r$/.exec(m[0]);
    lines.push({ start, end: start + m[0].length - (eol ? eol[0].length : 0), next: LINE.lastIndex });
  }
  const fences: HollowFence[] = [];
  const parts: string[] = [];
  let copied = 0;
  let removedSoFar = 0;
  let removedLinesSoFar = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const first = markdown.charCodeAt(line.start);
    if (first !== 0x60 && first !== 0x7e) continue;
    const text = markdown.slice(line.start, line.end);
    const open = OPEN_FENCE.exec(text);
    if (!open) continue;
    const marker = open[1]!;
    if (marker[0] === '`' && text.includes('`', marker.length)) continue;
    const close = closingLine(markdown, lines, i + 1, marker);
    if (close === -1) break; // unclosed: runs to the end of the document
    if (close > i + 1) {
      const contentStart = lines[i + 1]!.start;
      const contentEnd = lines[close - 1]!.end;
      const removed = lines[close]!.start - contentStart;
      if (removed >= MIN_CONTENT_CHARS) {
        parts.push(markdown.slice(copied, contentStart));
        copied = lines[close]!.start;
        const removedLines = close - (i + 1);
        fences.push({
          open: i + 1,
          close: close + 1,
          hollowOpen: i + 1 - removedLinesSoFar,
          contentStart,
          contentEnd,
          hollowAt: contentStart - removedSoFar,
          removed,
          removedLines,
        });
        removedSoFar += removed;
        removedLinesSoFar += removedLines;
      }
    }
    i = close;
  }
  if (fences.length === 0) return null;
  parts.push(markdown.slice(copied));
  return { text: parts.join(''), fences };
}

/** Index of the line that closes a fence opened with `marker`, or -1. */
function closingLine(markdown: string, lines: { start: number; end: number }[], from: number, marker: string): number {
  const ch = marker.charCodeAt(0);
  for (let k = from; k < lines.length; k++) {
    const { start, end } = lines[k]!;
    let p = start;
    while (p < end && p - start < 3 && markdown.charCodeAt(p) === 0x20) p++;
    let n = 0;
    while (p < end && markdown.charCodeAt(p) === ch) {
      p++;
      n++;
    }
    if (n < marker.length) continue;
    while (p < end && (markdown.charCodeAt(p) === 0x20 || markdown.charCodeAt(p) === 0x09)) p++;
    if (p === end) return k;
  }
  return -1;
}

/** The outline of the original document from the hollow one's, or null when the hollow parse went otherwise. */
function restoreFences(items: OutlineItem[], hollow: Hollow, markdown: string): OutlineItem[] | null {
  const byOpen = new Map(hollow.fences.map((f) => [f.hollowOpen, f]));
  // Fences are in document order (hollowAt and hollowOpen grow): the shift of a position is a prefix sum, found
  // by binary search (a sum over every fence per item was quadratic in the number of fences).
  const removedBefore = [0];
  const linesBefore = [0];
  for (const f of hollow.fences) {
    removedBefore.push(removedBefore[removedBefore.length - 1]! + f.removed);
    linesBefore.push(linesBefore[linesBefore.length - 1]! + f.removedLines);
  }
  /** How many fences have key(f) < value. */
  const countBelow = (value: number, key: (f: HollowFence) => number): number => {
    let lo = 0;
    let hi = hollow.fences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(hollow.fences[mid]!) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const toOriginal = (offset: number): number => offset + removedBefore[countBelow(offset, (f) => f.hollowAt)]!;
  const originalLine = (line: number): number => line + linesBefore[countBelow(line, (f) => f.hollowOpen)]!;
  let found = 0;
  const out = items.map((item): OutlineItem => {
    if (item.kind !== 'code') return { ...item, line: originalLine(item.line) };
    const fence = byOpen.get(item.line);
    const restored = {
      ...item,
      line: originalLine(item.line),
      endLine: originalLine(item.endLine),
      startOffset: toOriginal(item.startOffset),
      endOffset: toOriginal(item.endOffset),
    };
    // A fence that did not come out as one code block from its opening to its closing line: `found` stays short.
    if (!fence || restored.endLine !== fence.close) return restored;
    found++;
    return { ...restored, value: markdown.slice(fence.contentStart, fence.contentEnd) };
  });
  return found === hollow.fences.length ? out : null;
}
