/**
 * The normalized configuration model: the single representation every later stage reads.
 * Both front-ends (HCL via tree-sitter, CDKTF TypeScript via the TS compiler API) produce this shape,
 * so every rule and schema check works on both.
 */

export interface SourceSpan {
  /** Path as extracted (normalized, under lib/ for markdown responses). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine: number;
  endColumn: number;
}

export type LiteralValue = string | number | boolean | null;

/** Expression trees. `span` is optional only for synthesized nodes. */
export type Expr =
  | { kind: 'literal'; value: LiteralValue; span?: SourceSpan }
  /** A string with interpolations. Literal chunks are `literal` string parts. Heredocs are templates with `heredoc: true`. */
  | { kind: 'template'; parts: Expr[]; heredoc?: boolean; span?: SourceSpan }
  /**
   * A traversal rooted at a name: var.x, local.y, aws_s3_bucket.b.id, data.aws_vpc.v.id, each.key, count.index,
   * module.m.out, path.module. Index steps appear as `[0]`, `["k"]`, `[*]` (splat) or `[?]` (dynamic index).
   */
  | { kind: 'reference'; parts: string[]; span?: SourceSpan }
  | { kind: 'call'; name: string; args: Expr[]; expandFinal?: boolean; span?: SourceSpan }
  | { kind: 'conditional'; condition: Expr; then: Expr; else: Expr; span?: SourceSpan }
  | { kind: 'tuple'; items: Expr[]; span?: SourceSpan }
  | { kind: 'object'; entries: ObjectEntry[]; span?: SourceSpan }
  | { kind: 'operation'; operator: string; operands: Expr[]; span?: SourceSpan }
  /** A for-expression: `[for k, v in coll : value if cond]` or `{for k, v in coll : key => value}`. */
  | {
      kind: 'for';
      keyVar?: string;
      valueVar: string;
      collection: Expr;
      key?: Expr;
      value: Expr;
      condition?: Expr;
      grouping?: boolean;
      object: boolean;
      span?: SourceSpan;
    }
  /** Attribute/index access or splat on a non-reference expression, e.g. `func(x)[0].id`, `(local.l)[*].id`. */
  | { kind: 'access'; target: Expr; steps: string[]; span?: SourceSpan }
  /** Something the front-end could not resolve statically. `text` is the source text. */
  | { kind: 'opaque'; text: string; span?: SourceSpan };

export interface ObjectEntry {
  /** Static key when known (identifier or string literal), else undefined and `keyExpr` is set. */
  key?: string;
  keyExpr?: Expr;
  value: Expr;
}

export interface Attribute {
  name: string;
  expr: Expr;
  span: SourceSpan;
}

/** The top-level block kinds Terraform defines; `nested` for blocks inside blocks. */
export type BlockKind =
  | 'terraform'
  | 'provider'
  | 'variable'
  | 'locals'
  | 'resource'
  | 'data'
  | 'module'
  | 'output'
  | 'moved'
  | 'import'
  | 'check'
  | 'removed'
  | 'nested'
  | 'unknown';

/**
 * How a nested block was written. HCL writes `rule { }` (`block`); CDKTF writes `serverSideEncryption: {...}`
 * (`object`) or `[{...}]` (`array-item`). Schema checks use this to report array-for-object and the reverse.
 */
export type BlockForm = 'block' | 'object' | 'array-item';

/** Type of the synthetic block (kind `unknown`) holding a file's top-level attributes: a `.tfvars` file's values. */
export const TOP_LEVEL_ATTRIBUTES = 'tfvars';

export interface Block {
  kind: BlockKind;
  /** The keyword: `resource`, `provider`, ... for top level; the block name (`rule`, `filter`, `dynamic`) for nested. */
  type: string;
  /** `resource "aws_s3_bucket" "b"` → ["aws_s3_bucket", "b"]; `dynamic "ingress"` → ["ingress"]. */
  labels: string[];
  attributes: Attribute[];
  blocks: Block[];
  span: SourceSpan;
  form?: BlockForm;
  /**
   * For CDKTF: the construct class name (`S3Bucket`) and its construct id; `open` when its config object is not
   * wholly visible (a spread of something unresolved, a variable, a type assertion), so absent arguments may be set.
   */
  construct?: {
    className: string;
    id: string;
    open?: boolean;
    /** Created only under a condition of the program (`if (props.domain) { new ... }`, `cond ? new ... : undefined`, `a && new ...`): the HCL `count` of a guarded resource. */
    conditional?: boolean;
    /**
     * The class does not exist (the export check reports it) and the block is read as the resource it plainly means
     * (`CloudtrailTrail` → aws_cloudtrail): its arguments follow the invented class, so the schema does not judge them.
     */
    invented?: boolean;
  };
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  span: SourceSpan;
  /** Which stage produced it (`hcl`, `cdktf`, `extract`, ...). */
  source: string;
  /** Stable machine-readable kind, when a rule reads the diagnostic (e.g. `cdktf-unknown-export`). */
  code?: string;
}

export interface SourceFile {
  path: string;
  /** `hcl`, `ts`, `json`, `py`, `js`, `yaml`, `text`, ... */
  language: string;
  content: string;
  /** Line in the markdown document where this file's content starts (1-based), when extracted from markdown. */
  markdownLine?: number;
  /** Markdown document the file came from, when extracted. */
  markdownPath?: string;
  /**
   * When the content joins several markdown blocks (a file given in parts under the same name): where each part
   * starts in `content` (1-based line) and the markdown line it came from. The first part matches markdownLine.
   */
  segments?: { line: number; markdownLine: number }[];
}

export type SymbolKind = 'variable' | 'local' | 'resource' | 'data' | 'module' | 'output' | 'provider';

export interface SymbolEntry {
  kind: SymbolKind;
  /** `var.x` → `x`; resource → `aws_s3_bucket.b`; data → `data.aws_vpc.v`; module → `module.m`; local → `local.y`. */
  address: string;
  name: string;
  /** Resource/data type, provider name. */
  type?: string;
  span: SourceSpan;
  block?: Block;
}

export interface Reference {
  /** Canonical address of the target: `var.x`, `local.y`, `aws_s3_bucket.b`, `data.aws_vpc.v`, `module.m`. */
  target: string;
  /** Address of the block holding the reference (`aws_lambda_function.f`, `output.o`, `provider.aws`, `locals`). */
  from: string;
  /** Full traversal text, e.g. `aws_s3_bucket.b.arn`. */
  text: string;
  span?: SourceSpan;
}

export interface Configuration {
  platform: string;
  files: SourceFile[];
  /** All top-level blocks, in file then source order. */
  blocks: Block[];
  diagnostics: Diagnostic[];
  /** Declared symbols by address (see SymbolEntry.address). */
  symbols: Map<string, SymbolEntry>;
  references: Reference[];
}
