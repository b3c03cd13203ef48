/**
 * Strings, quoted templates and heredocs → `literal` or `template` expressions.
 * Literal chunks are taken from the source between interpolations (the grammar's `template_literal` tokens skip
 * whitespace inside heredocs), then unescaped; `%{if}`/`%{for}` directives become `opaque` parts.
 */
import type { Expr } from '../model/types.js';
import type { ConvertContext, Node } from './context.js';
import { unescapeHeredoc, unescapeQuoted } from './source.js';

/** The value of a `string_lit` (a quoted string without interpolation). */
export function stringLitValue(ctx: ConvertContext, node: Node): string {
  const { start, end } = quotedContent(node);
  return unescapeQuoted(ctx.slice(start, end));
}

function quotedContent(node: Node): { start: number; end: number } {
  if (node.childCount === 0) {
    // Childless string_lit (see tree.ts): strip the quotes from its span.
    const closed = node.endIndex - node.startIndex >= 2 && node.text.endsWith('"');
    return { start: node.startIndex + 1, end: closed ? node.endIndex - 1 : node.endIndex };
  }
  const first = node.firstChild;
  const last = node.lastChild;
  const start = first?.type === 'quoted_template_start' ? first.endIndex : node.startIndex;
  const end = last?.type === 'quoted_template_end' && last !== first && !last.isMissing ? last.startIndex : node.endIndex;
  return { start, end: Math.max(start, end) };
}

type Segment = { kind: 'text'; start: number; end: number } | { kind: 'node'; node: Node };

/** Splits [start, end) into source text and interpolation/directive children, applying `~` strip markers. */
function segments(node: Node, start: number, end: number): Segment[] {
  const out: Segment[] = [];
  let pos = start;
  for (const c of node.namedChildren) {
    if (c.type !== 'template_interpolation' && c.type !== 'template_directive') continue;
    if (c.startIndex > pos) out.push({ kind: 'text', start: pos, end: c.startIndex });
    out.push({ kind: 'node', node: c });
    pos = c.endIndex;
  }
  if (end > pos) out.push({ kind: 'text', start: pos, end });
  return out;
}

function hasStrip(node: Node, side: 'start' | 'end'): boolean {
  // `${~ x ~}`: the marker is the child right after the opening (or before the closing) delimiter.
  const inner = node.type === 'template_directive' ? (side === 'start' ? node.firstChild?.firstChild : node.lastChild?.lastChild) : node;
  if (!inner) return false;
  const children = inner.children;
  const probe = side === 'start' ? children[1] : children[children.length - 2];
  return probe?.type === 'strip_marker';
}

export function convertTemplate(ctx: ConvertContext, node: Node, convert: (n: Node) => Expr): Expr {
  const inner = node.namedChildren[0];
  if (!inner) return { kind: 'opaque', text: ctx.textOf(node), span: ctx.span(node) };
  if (inner.type === 'heredoc_template') return convertHeredoc(ctx, inner, convert);
  const { start, end } = quotedContent(inner);
  const parts = buildParts(ctx, segments(inner, start, end), convert, unescapeQuoted, 0);
  if (parts.every((p) => p.kind === 'literal')) {
    return { kind: 'literal', value: parts.map((p) => (p.kind === 'literal' ? String(p.value) : '')).join(''), span: ctx.span(node) };
  }
  return { kind: 'template', parts, span: ctx.span(node) };
}

function buildParts(
  ctx: ConvertContext,
  segs: Segment[],
  convert: (n: Node) => Expr,
  unescape: (raw: string) => string,
  flushIndent: number,
): Expr[] {
  const parts: Expr[] = [];
  let atLineStart = true;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (seg.kind === 'node') {
      const n = seg.node;
      if (n.type === 'template_interpolation') {
        const e = n.namedChildren.find((c) => c.type === 'expression');
        parts.push(e ? convert(e) : { kind: 'opaque', text: ctx.textOf(n), span: ctx.span(n) });
      } else {
        parts.push({ kind: 'opaque', text: ctx.textOf(n), span: ctx.span(n) });
      }
      atLineStart = false;
      continue;
    }
    let raw = ctx.slice(seg.start, seg.end);
    if (flushIndent > 0) raw = stripIndent(raw, flushIndent, atLineStart);
    atLineStart = raw.endsWith('\n');
    const prev = segs[i - 1];
    const next = segs[i + 1];
    if (prev?.kind === 'node' && hasStrip(prev.node, 'end')) raw = raw.replace(/^\s+/, '');
    if (next?.kind === 'node' && hasStrip(next.node, 'start')) raw = raw.trimEnd();
    const value = unescape(raw);
    if (value) parts.push({ kind: 'literal', value, span: ctx.spanBetween(seg.start, seg.end) });
  }
  return parts;
}

/** Removes up to `n` leading spaces/tabs from every line that starts inside `raw`. */
function stripIndent(raw: string, n: number, startsLine: boolean): string {
  const lines = raw.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (i === 0 && !startsLine) continue;
    const line = lines[i]!;
    let k = 0;
    while (k < n && k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
    lines[i] = line.slice(k);
  }
  return lines.join('\n');
}

/** Smallest indentation over the non-blank lines of a `<<-` heredoc body. */
function minIndent(body: string): number {
  let min = Infinity;
  for (const line of body.split('\n')) {
    let k = 0;
    while (k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
    if (k < line.length) min = Math.min(min, k);
  }
  return Number.isFinite(min) ? min : 0;
}

function convertHeredoc(ctx: ConvertContext, node: Node, convert: (n: Node) => Expr): Expr {
  const idents = node.namedChildren.filter((c) => c.type === 'heredoc_identifier');
  const open = idents[0];
  const close = idents.length > 1 ? idents[idents.length - 1] : undefined;
  const flush = node.firstChild?.text === '<<-' || node.namedChildren[0]?.text === '<<-';
  const afterOpen = open ? open.endIndex : node.startIndex;
  const nl = ctx.text.indexOf('\n', afterOpen);
  const start = nl === -1 || nl >= node.endIndex ? node.endIndex : nl + 1;
  // The body ends where the closing marker's line begins; it keeps its final newline, as Terraform does.
  const end = close && !close.isMissing ? close.startIndex - close.startPosition.column : node.endIndex;
  const bodyEnd = Math.max(start, end);
  const indent = flush ? minIndent(ctx.slice(start, bodyEnd)) : 0;
  const parts = buildParts(ctx, segments(node, start, bodyEnd), convert, unescapeHeredoc, indent);
  return { kind: 'template', parts, heredoc: true, span: ctx.span(node) };
}
