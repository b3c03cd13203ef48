/** Hand-built model blocks for diff unit tests (no parser needed): tiny constructors over src/model/types. */
import type { Attribute, Block, BlockKind, Configuration, Expr, SourceFile, SourceSpan } from '../../src/model/types.js';
import { buildConfiguration } from '../../src/model/index-builder.js';

let line = 1;
export function resetLines(): void {
  line = 1;
}

export function sp(file: string, l: number, endLine = l): SourceSpan {
  return { file, line: l, column: 1, endLine, endColumn: 1 };
}

export const lit = (value: string | number | boolean | null): Expr => ({ kind: 'literal', value });
export const ref = (text: string): Expr => ({ kind: 'reference', parts: text.split('.') });
export const tpl = (...parts: (string | Expr)[]): Expr => ({
  kind: 'template',
  parts: parts.map((p) => (typeof p === 'string' ? lit(p) : p)),
});
export const heredoc = (text: string): Expr => ({ kind: 'template', parts: [lit(text)], heredoc: true });
export const call = (name: string, ...args: Expr[]): Expr => ({ kind: 'call', name, args });
export const tup = (...items: Expr[]): Expr => ({ kind: 'tuple', items });
export const obj = (entries: Record<string, Expr>): Expr => ({
  kind: 'object',
  entries: Object.entries(entries).map(([key, value]) => ({ key, value })),
});
export const cond = (c: Expr, t: Expr, e: Expr): Expr => ({ kind: 'conditional', condition: c, then: t, else: e });

export interface BodySpec {
  [name: string]: Expr | BlockSpec | BlockSpec[];
}
export interface BlockSpec {
  __block: true;
  labels: string[];
  body: BodySpec;
  form?: Block['form'];
}
/** A nested block in a body spec: `{ rule: nb({ filter: nb({}) }) }`. */
export const nb = (body: BodySpec, labels: string[] = [], form?: Block['form']): BlockSpec => ({ __block: true, labels, body, ...(form ? { form } : {}) });

function isBlockSpec(v: unknown): v is BlockSpec {
  return typeof v === 'object' && v !== null && (v as BlockSpec).__block === true;
}

function body(file: string, spec: BodySpec, kind: BlockKind): { attributes: Attribute[]; blocks: Block[] } {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  for (const [name, v] of Object.entries(spec)) {
    const items = Array.isArray(v) ? v : [v];
    for (const item of items) {
      if (isBlockSpec(item)) {
        const start = line++;
        const inner = body(file, item.body, 'nested');
        blocks.push({ kind: 'nested', type: name, labels: item.labels, ...inner, span: sp(file, start, line++), ...(item.form ? { form: item.form } : {}) });
      } else {
        const l = line++;
        attributes.push({ name, expr: item as Expr, span: sp(file, l) });
      }
    }
  }
  void kind;
  return { attributes, blocks };
}

export function blk(file: string, kind: BlockKind, labels: string[], spec: BodySpec = {}): Block {
  const start = line++;
  const inner = body(file, spec, kind);
  return { kind, type: kind, labels, ...inner, span: sp(file, start, line++) };
}

export const res = (file: string, type: string, name: string, spec: BodySpec = {}) => blk(file, 'resource', [type, name], spec);
export const data = (file: string, type: string, name: string, spec: BodySpec = {}) => blk(file, 'data', [type, name], spec);
export const variable = (file: string, name: string, spec: BodySpec = {}) => blk(file, 'variable', [name], spec);
export const output = (file: string, name: string, spec: BodySpec = {}) => blk(file, 'output', [name], spec);
export const provider = (file: string, name: string, spec: BodySpec = {}) => blk(file, 'provider', [name], spec);
export const terraform = (file: string, spec: BodySpec = {}) => blk(file, 'terraform', [], spec);
export const locals = (file: string, spec: BodySpec = {}) => blk(file, 'locals', [], spec);

/** A configuration whose files hold numbered placeholder lines, so snippets resolve. */
export function cfg(blocks: Block[], platform = 'tf-hcl'): Configuration {
  const paths = [...new Set(blocks.map((b) => b.span.file))];
  const files: SourceFile[] = paths.map((path) => ({
    path,
    language: 'hcl',
    content: Array.from({ length: line + 2 }, (_, i) => `line ${i + 1}`).join('\n'),
  }));
  return buildConfiguration(platform, files, blocks, []);
}
