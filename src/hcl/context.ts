/** Per-file conversion state shared by the block and expression converters. */
import type { Diagnostic, SourceSpan } from '../model/types.js';
import { LineIndex, snippet, spanOf } from './source.js';

import type { TNode } from './tree.js';

export type Node = TNode;

/** Expressions (and blocks) nested deeper than this become `opaque`: the converter recurses, the stack must not. */
export const MAX_DEPTH = 200;

export class ConvertContext {
  readonly lines: LineIndex;
  /** Lines where the depth bound was already reported: one diagnostic per deep construct, not one per level. */
  private readonly depthReported = new Set<number>();

  constructor(
    readonly file: string,
    readonly text: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    this.lines = new LineIndex(text);
  }

  span(node: Node): SourceSpan {
    return spanOf(this.file, node.startPosition, node.endPosition);
  }

  spanBetween(start: number, end: number): SourceSpan {
    return spanOf(this.file, this.lines.point(start), this.lines.point(end));
  }

  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  /** Source text of a node, bounded so a huge subtree never yields a huge string. */
  textOf(node: Node, max?: number): string {
    const end = max === undefined ? node.endIndex : Math.min(node.endIndex, node.startIndex + max + 1);
    return snippet(this.text.slice(node.startIndex, end), max);
  }

  error(message: string, span: SourceSpan): void {
    this.diagnostics.push({ severity: 'error', message, span, source: 'hcl' });
  }

  tooDeep(node: Node, what: 'expression' | 'block' = 'expression'): void {
    const row = node.startPosition.row;
    if (this.depthReported.has(row)) return;
    this.depthReported.add(row);
    this.error(`${what} nested deeper than ${MAX_DEPTH} levels; not analyzed`, this.span(node));
  }
}

/** Children of a node without comments (extras can appear between any two tokens). */
export function kids(node: Node): Node[] {
  const out: Node[] = [];
  for (const c of node.children) if (c.type !== 'comment') out.push(c);
  return out;
}
