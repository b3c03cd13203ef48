/**
 * A plain-JavaScript copy of a tree-sitter tree, built in one TreeCursor pass.
 *
 * Why: every property of the binding's SyntaxNode (`children`, `type`, `startPosition`...) is a native call that
 * marshals nodes; converting through them cost ~10x the parse itself. The cursor reads each node once, and
 * positions come from a JS line index instead of native Point objects.
 */
import type { LineIndex, Point } from './source.js';

/**
 * The part of a tree-sitter TreeCursor the mirror reads: the native binding's and web-tree-sitter's both have it
 * (see parser.ts for the two back-ends).
 */
export interface HclCursor {
  readonly nodeTypeId: number;
  readonly nodeType: string;
  readonly nodeIsNamed: boolean;
  readonly nodeIsMissing: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly currentFieldName: string | null | undefined;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  /** web-tree-sitter only: its cursors live in WASM memory and are freed explicitly. */
  delete?(): void;
}

export interface HclTree {
  readonly rootNode: { readonly hasError: boolean };
  walk(): HclCursor;
}

/**
 * Type name and namedness by grammar symbol id: both are fixed per symbol, so one read of the id replaces two (and
 * the type string is not created again for every node). One memo per back-end: the native and the WASM grammar are
 * separate builds and need not number symbols alike.
 */
export interface SymbolMemo {
  readonly types: string[];
  readonly named: boolean[];
}

export class TNode {
  readonly children: TNode[] = [];
  parent: TNode | null = null;
  /** The field this node fills in its parent (only recorded under `object_elem`: `key`, `val`). */
  field: string | null = null;
  /** This node or a descendant is ERROR or MISSING. */
  hasError = false;
  private named?: TNode[];

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    private readonly doc: { text: string; lines: LineIndex },
  ) {}

  get isError(): boolean {
    return this.type === 'ERROR';
  }

  get text(): string {
    return this.doc.text.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): Point {
    return this.doc.lines.point(this.startIndex);
  }

  get endPosition(): Point {
    return this.doc.lines.point(this.endIndex);
  }

  get namedChildren(): TNode[] {
    if (!this.named) this.named = this.children.filter((c) => c.isNamed && c.type !== 'comment');
    return this.named;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  get childCount(): number {
    return this.children.length;
  }

  child(i: number): TNode | null {
    return this.children[i] ?? null;
  }

  get firstChild(): TNode | null {
    return this.children[0] ?? null;
  }

  get lastChild(): TNode | null {
    return this.children[this.children.length - 1] ?? null;
  }

  childForFieldName(name: string): TNode | undefined {
    return this.children.find((c) => c.field === name);
  }
}

/** Ids above this (ERROR is 65535) are read natively each time: a far index would make the arrays sparse. */
const MAX_MEMO_ID = 1024;

/** Copies the tree under the cursor (iteratively: trees can be thousands of levels deep). */
export function mirror(tree: HclTree, doc: { text: string; lines: LineIndex }, symbols: SymbolMemo): TNode {
  const c = tree.walk();
  try {
    return copy(tree.rootNode.hasError, c, doc, symbols);
  } finally {
    c.delete?.();
  }
}

function copy(hasError: boolean, c: HclCursor, doc: { text: string; lines: LineIndex }, symbols: SymbolMemo): TNode {
  const { types: SYMBOL_TYPES, named: SYMBOL_NAMED } = symbols;
  const make = (): TNode => {
    const id = c.nodeTypeId;
    if (id >= MAX_MEMO_ID) return new TNode(c.nodeType, c.nodeIsNamed, hasError ? c.nodeIsMissing : false, c.startIndex, c.endIndex, doc);
    let type = SYMBOL_TYPES[id];
    if (type === undefined) {
      type = c.nodeType;
      SYMBOL_TYPES[id] = type;
      SYMBOL_NAMED[id] = c.nodeIsNamed;
    }
    return new TNode(type, SYMBOL_NAMED[id]!, hasError ? c.nodeIsMissing : false, c.startIndex, c.endIndex, doc);
  };
  const root = make();
  let current = root;
  for (;;) {
    // A plain string's tokens (quotes, literal) are never needed: its text is its value.
    if (!(current.type === 'string_lit' && !hasError) && c.gotoFirstChild()) {
      const child = make();
      if (current.type === 'object_elem') child.field = c.currentFieldName || null;
      child.parent = current;
      current.children.push(child);
      current = child;
      continue;
    }
    // Leaf: climb until a next sibling exists, settling error flags on the way up.
    for (;;) {
      if (hasError && (current.isMissing || current.type === 'ERROR')) current.hasError = true;
      const parent = current.parent;
      if (parent && current.hasError) parent.hasError = true;
      if (c.gotoNextSibling()) {
        const sib = make();
        if (parent?.type === 'object_elem') sib.field = c.currentFieldName || null;
        sib.parent = parent;
        parent!.children.push(sib);
        current = sib;
        break;
      }
      if (!c.gotoParent() || !parent) return root;
      current = parent;
    }
  }
}
