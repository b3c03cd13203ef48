/** Shapes of the model-vs-ideal diff: matched blocks, changes, attributed changes, the diff result. */
import type { Attribute, Block, Expr, SourceSpan } from '../model/types.js';
import type { CategoryId, FixClass, Severity } from '../taxonomy/categories.js';

export type ChangeKind =
  /** A top-level block only the ideal has. */
  | 'block-added'
  /** A top-level block only the model has (in a file the ideal covers). */
  | 'block-removed'
  /** Same block under another name (matched by type and content). */
  | 'block-renamed'
  /** Same block in another file than its file's counterpart. */
  | 'moved-file'
  | 'attribute-added'
  | 'attribute-removed'
  | 'attribute-changed'
  | 'nested-block-added'
  | 'nested-block-removed'
  /** A nested block whose labels changed (e.g. `backend "local"` → `backend "s3"`). */
  | 'nested-block-changed'
  /** `count`, `for_each`, `depends_on`, `provider`, `lifecycle` appeared, disappeared or changed. */
  | 'meta-argument-added'
  | 'meta-argument-removed'
  | 'meta-argument-changed'
  | 'variable-default-added'
  | 'variable-default-removed';

/** One side of a change: where it is and what it says. */
export interface ChangeSide {
  /** Top-level block the change belongs to. */
  block: Block;
  address: string;
  /** Span of the changed element (attribute, nested block) or of the block itself. */
  span: SourceSpan;
  /** Source text of the changed element, trimmed to a few lines. */
  snippet: string;
  attribute?: Attribute;
  nested?: Block;
  expr?: Expr;
}

export interface DiffChange {
  kind: ChangeKind;
  /** Kind of the top-level block (`resource`, `variable`, `terraform`, `locals`, ...). */
  blockKind: Block['kind'];
  /** Resource or data type (`aws_s3_bucket`), provider name, or the block keyword. */
  blockType: string;
  /** Address of the block on the model side when it exists, else the ideal's. */
  address: string;
  /** Path inside the block: nested block types then the attribute name (`rule.filter`, `tags`). Empty for block-level changes. */
  path: string[];
  model?: ChangeSide;
  ideal?: ChangeSide;
}

export interface AttributedChange extends DiffChange {
  category: CategoryId;
  severity: Severity;
  fixClass: FixClass;
  /** Id of the heuristic that decided; `fallback` when none did. */
  heuristic: string;
  /** Short human description of the change. */
  summary: string;
}

export interface BlockMatch {
  model: Block;
  ideal: Block;
  /** How the pair was found. */
  by: 'address' | 'similarity';
}

export interface DiffResult {
  changes: DiffChange[];
  matches: BlockMatch[];
  /** True when the ideal shows only part of the configuration (files or blocks left out). */
  partialIdeal: boolean;
  /** Model files the ideal does not cover; their blocks count as unchanged. */
  unchangedFiles: string[];
  /** Share of model top-level blocks the ideal covers (0..1). 1 when the model has no blocks. */
  coverage: number;
  /** Model files mapped to the ideal file that holds most of their blocks. */
  fileMap: Record<string, string>;
  /** Model address → ideal address of blocks matched under another name. */
  renames: Record<string, string>;
}
