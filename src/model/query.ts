/** Small read helpers over the normalized model, shared by rules, schema checks and the diff. */
import type { Attribute, Block, Configuration, Expr, LiteralValue, SourceFile } from './types.js';
import { appendAll } from '../io/arrays.js';
import { camelToSnake } from './names.js';

export function attr(block: Block, name: string): Attribute | undefined {
  return block.attributes.find((a) => a.name === name);
}

export function attrExpr(block: Block, name: string): Expr | undefined {
  return attr(block, name)?.expr;
}

export function childBlocks(block: Block, type: string): Block[] {
  return block.blocks.filter((b) => b.type === type);
}

/** Nested block by type, also looking through `dynamic "type" { content { } }`. */
export function nestedBlocks(block: Block, type: string, includeDynamic = true): Block[] {
  const direct = childBlocks(block, type);
  if (!includeDynamic) return direct;
  const dyn = block.blocks
    .filter((b) => b.type === 'dynamic' && b.labels[0] === type)
    .flatMap((d) => childBlocks(d, 'content'));
  return [...direct, ...dyn];
}

/**
 * Top-level blocks by kind and by kind + first label, built once per block list. Rules ask "the resources of type
 * T" once per resource: a scan of every block per question made 8,000 buckets quadratic. Rebuilt when the list
 * is replaced or changes length (nothing edits blocks in place once parsed).
 */
interface BlockIndex {
  size: number;
  byKind: Map<string, Block[]>;
  byKindType: Map<string, Block[]>;
}

const BLOCK_INDEX = new WeakMap<Block[], BlockIndex>();

function blockIndex(config: Configuration): BlockIndex {
  const cached = BLOCK_INDEX.get(config.blocks);
  if (cached && cached.size === config.blocks.length) return cached;
  const index: BlockIndex = { size: config.blocks.length, byKind: new Map(), byKindType: new Map() };
  const add = (map: Map<string, Block[]>, key: string, b: Block): void => {
    const list = map.get(key);
    if (list) list.push(b);
    else map.set(key, [b]);
  };
  for (const b of config.blocks) {
    add(index.byKind, b.kind, b);
    if (b.labels[0] !== undefined) add(index.byKindType, `${b.kind}\u0000${b.labels[0]}`, b);
  }
  BLOCK_INDEX.set(config.blocks, index);
  return index;
}

/** Blocks of one kind (and first label): a fresh array callers may change. */
function indexedBlocks(config: Configuration, kind: Block['kind'], type?: string): Block[] {
  const index = blockIndex(config);
  const list = type === undefined ? index.byKind.get(kind) : index.byKindType.get(`${kind}\u0000${type}`);
  return list ? list.slice() : [];
}

export function resources(config: Configuration, type?: string): Block[] {
  return indexedBlocks(config, 'resource', type);
}

export function dataSources(config: Configuration, type?: string): Block[] {
  return indexedBlocks(config, 'data', type);
}

export function blocksOfKind(config: Configuration, kind: Block['kind']): Block[] {
  return indexedBlocks(config, kind);
}

/**
 * Files by path, built once per file list: snippets and reference checks look up a block's file once per finding,
 * and a scan of every file per lookup made a response of 16,000 unnamed fences (one file each) quadratic. The
 * first file of a path wins, as `files.find` did. Rebuilt when the list is replaced or changes length.
 */
const FILE_INDEX = new WeakMap<SourceFile[], { size: number; byPath: Map<string, SourceFile> }>();

export function fileByPath(files: SourceFile[], path: string): SourceFile | undefined {
  let index = FILE_INDEX.get(files);
  if (!index || index.size !== files.length) {
    index = { size: files.length, byPath: new Map() };
    for (const f of files) if (!index.byPath.has(f.path)) index.byPath.set(f.path, f);
    FILE_INDEX.set(files, index);
  }
  return index.byPath.get(path);
}

/** `aws_s3_bucket.b`, `data.aws_vpc.v`, `var.x`, `module.m`, `output.o`, `provider.aws`, `provider.aws.west`. */
export function blockAddress(block: Block): string {
  switch (block.kind) {
    case 'resource':
      return `${block.labels[0] ?? '?'}.${block.labels[1] ?? '?'}`;
    case 'data':
      return `data.${block.labels[0] ?? '?'}.${block.labels[1] ?? '?'}`;
    case 'variable':
      return `var.${block.labels[0] ?? '?'}`;
    case 'module':
      return `module.${block.labels[0] ?? '?'}`;
    case 'output':
      return `output.${block.labels[0] ?? '?'}`;
    case 'provider': {
      const alias = staticString(attrExpr(block, 'alias'));
      return alias ? `provider.${block.labels[0]}.${alias}` : `provider.${block.labels[0] ?? '?'}`;
    }
    default:
      return [block.type, ...block.labels].join('.');
  }
}

/** The literal value of an expression when it is a plain literal (or a template of literal parts). */
export function literalValue(expr: Expr | undefined): LiteralValue | undefined {
  if (!expr) return undefined;
  if (expr.kind === 'literal') return expr.value;
  if (expr.kind === 'template') {
    let out = '';
    for (const p of expr.parts) {
      if (p.kind !== 'literal') return undefined;
      out += String(p.value ?? '');
    }
    return out;
  }
  return undefined;
}

export function staticString(expr: Expr | undefined): string | undefined {
  const v = literalValue(expr);
  return typeof v === 'string' ? v : undefined;
}

export function staticBool(expr: Expr | undefined): boolean | undefined {
  const v = literalValue(expr);
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/**
 * Attribute names listed in `lifecycle { ignore_changes = [...] }` (CDKTF's camelCase names in snake case); `all`
 * when everything is ignored.
 */
export function ignoredAttributes(block: Block): Set<string> {
  const out = new Set<string>();
  const add = (e: Expr): void => {
    if (e.kind === 'reference' && e.parts[0]) out.add(e.parts[0]);
    else if (e.kind === 'literal' && typeof e.value === 'string') out.add(camelToSnake(e.value));
  };
  for (const lc of nestedBlocks(block, 'lifecycle', false)) {
    const e = attrExpr(lc, 'ignore_changes');
    if (!e) continue;
    if (e.kind === 'tuple') e.items.forEach(add);
    else add(e);
  }
  return out;
}

/** The block's `lifecycle { prevent_destroy = true }` (CDKTF's `lifecycle: { preventDestroy }` reads the same), if any. */
export function preventDestroyBlock(block: Block): Block | undefined {
  return childBlocks(block, 'lifecycle').find((lc) => staticBool(attrExpr(lc, 'prevent_destroy')) === true);
}

export function staticNumber(expr: Expr | undefined): number | undefined {
  const v = literalValue(expr);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return undefined;
}

/** Depth-first walk over an expression tree, children after parent. */
export function walkExpr(expr: Expr, visit: (e: Expr) => void): void {
  const stack: Expr[] = [expr];
  while (stack.length) {
    const e = stack.pop()!;
    visit(e);
    const kids = exprChildren(e);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

export function exprChildren(e: Expr): Expr[] {
  switch (e.kind) {
    case 'template':
      return e.parts;
    case 'call':
      return e.args;
    case 'conditional':
      return [e.condition, e.then, e.else];
    case 'tuple':
      return e.items;
    case 'object':
      return e.entries.flatMap((en) => (en.keyExpr ? [en.keyExpr, en.value] : [en.value]));
    case 'operation':
      return e.operands;
    case 'for':
      return [e.collection, ...(e.key ? [e.key] : []), e.value, ...(e.condition ? [e.condition] : [])];
    case 'access':
      return [e.target];
    default:
      return [];
  }
}

/** All reference expressions inside an expression. */
export function referencesIn(expr: Expr): Extract<Expr, { kind: 'reference' }>[] {
  const out: Extract<Expr, { kind: 'reference' }>[] = [];
  walkExpr(expr, (e) => {
    if (e.kind === 'reference') out.push(e);
  });
  return out;
}

/** Every attribute in a block, recursively through nested blocks, with the nested path. */
export function allAttributes(block: Block, path: string[] = []): { path: string[]; attribute: Attribute; owner: Block }[] {
  const out: { path: string[]; attribute: Attribute; owner: Block }[] = [];
  for (const a of block.attributes) out.push({ path: [...path, a.name], attribute: a, owner: block });
  for (const b of block.blocks) appendAll(out, allAttributes(b, [...path, b.type]));
  return out;
}

/**
 * Canonical target address of a traversal: `var.x`, `local.y`, `aws_s3_bucket.b`, `data.aws_vpc.v`, `module.m`;
 * undefined for `each.*`, `count.*`, `path.*`, `self.*`, `terraform.*` and iteration variables.
 */
export function referenceTarget(parts: string[]): string | undefined {
  const [head, second, third] = parts;
  if (!head || !second || second.startsWith('[')) return undefined;
  switch (head) {
    case 'var':
      return `var.${second}`;
    case 'local':
      return `local.${second}`;
    case 'module':
      return `module.${second}`;
    case 'data':
      return third && !third.startsWith('[') ? `data.${second}.${third}` : undefined;
    case 'each':
    case 'count':
    case 'path':
    case 'self':
    case 'terraform':
      return undefined;
    default:
      // A resource reference needs a provider-prefixed type: aws_s3_bucket.b
      return head.includes('_') ? `${head}.${second}` : undefined;
  }
}

/** Renders an expression back to HCL-like text, for messages, snippets and structural comparison. */
export function exprToText(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return typeof e.value === 'string' ? JSON.stringify(e.value) : String(e.value);
    case 'template':
      return (
        '"' +
        e.parts
          .map((p) => (p.kind === 'literal' ? String(p.value ?? '').replace(/"/g, '\\"') : '${' + exprToText(p) + '}'))
          .join('') +
        '"'
      );
    case 'reference':
      return e.parts.reduce((acc, p, i) => (i === 0 ? p : p.startsWith('[') ? acc + p : `${acc}.${p}`), '');
    case 'call':
      return `${e.name}(${e.args.map(exprToText).join(', ')}${e.expandFinal ? '...' : ''})`;
    case 'conditional':
      return `${exprToText(e.condition)} ? ${exprToText(e.then)} : ${exprToText(e.else)}`;
    case 'tuple':
      return `[${e.items.map(exprToText).join(', ')}]`;
    case 'object':
      return `{${e.entries.map((en) => `${en.key ?? (en.keyExpr ? `(${exprToText(en.keyExpr)})` : '?')} = ${exprToText(en.value)}`).join(', ')}}`;
    case 'operation':
      return e.operands.length === 1
        ? `${e.operator}${exprToText(e.operands[0]!)}`
        : e.operands.map(exprToText).join(` ${e.operator} `);
    case 'for': {
      const vars = e.keyVar ? `${e.keyVar}, ${e.valueVar}` : e.valueVar;
      const body = e.object ? `${e.key ? exprToText(e.key) : '?'} => ${exprToText(e.value)}` : exprToText(e.value);
      const cond = e.condition ? ` if ${exprToText(e.condition)}` : '';
      const [o, c] = e.object ? ['{', '}'] : ['[', ']'];
      return `${o}for ${vars} in ${exprToText(e.collection)} : ${body}${e.grouping ? '...' : ''}${cond}${c}`;
    }
    case 'access':
      return e.steps.reduce((acc, s) => (s.startsWith('[') ? acc + s : `${acc}.${s}`), exprToText(e.target));
    case 'opaque':
      return e.text;
  }
}
