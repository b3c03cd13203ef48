/** tree-sitter-hcl `body`/`block`/`attribute` nodes → normalized `Block`s and `Attribute`s. */
import { TOP_LEVEL_ATTRIBUTES, type Attribute, type Block, type BlockKind } from '../model/types.js';
import { ConvertContext, MAX_DEPTH, type Node } from './context.js';
import { convertExpr } from './expr.js';
import { checkLineBreaks } from './layout.js';
import { stringLitValue } from './template.js';
import { appendAll } from '../io/arrays.js';

const TOP_LEVEL_KINDS: ReadonlySet<string> = new Set<BlockKind>([
  'terraform',
  'provider',
  'variable',
  'locals',
  'resource',
  'data',
  'module',
  'output',
  'moved',
  'import',
  'check',
  'removed',
]);

export { TOP_LEVEL_ATTRIBUTES } from '../model/types.js';

export interface BodyContent {
  attributes: Attribute[];
  blocks: Block[];
}

/**
 * Converts the children of a `body` node; attributes and blocks inside ERROR children are salvaged. Reports what
 * HCL rejects and the grammar accepts: two items on one line, an attribute set twice.
 */
export function convertBody(ctx: ConvertContext, body: Node | undefined, depth: number): BodyContent {
  const out: BodyContent = { attributes: [], blocks: [] };
  if (!body) return out;
  let previousEnd = -1;
  const seen = new Map<string, number>();
  for (const c of body.namedChildren) {
    if (c.type === 'attribute' || c.type === 'block') {
      const name = c.namedChildren[0]?.text ?? c.type;
      if (c.startPosition.row === previousEnd) {
        ctx.error(`\`${name}\` must start on a new line: each argument and block needs its own line`, ctx.span(c));
      }
      previousEnd = c.endPosition.row;
      if (c.type === 'attribute') {
        const first = seen.get(name);
        if (first !== undefined) ctx.error(`attribute \`${name}\` is set twice (first on line ${first}); each argument may be set only once`, ctx.span(c));
        else seen.set(name, c.startPosition.row + 1);
      }
    }
    collectItem(ctx, c, depth, out, true);
  }
  return out;
}

function collectItem(ctx: ConvertContext, node: Node, depth: number, out: BodyContent, salvage: boolean): void {
  switch (node.type) {
    case 'attribute': {
      const a = convertAttribute(ctx, node);
      if (a) out.attributes.push(a);
      return;
    }
    case 'block': {
      const b = convertBlock(ctx, node, depth, depth === 0);
      if (b) out.blocks.push(b);
      return;
    }
    case 'body': {
      const inner = convertBody(ctx, node, depth);
      appendAll(out.attributes, inner.attributes);
      appendAll(out.blocks, inner.blocks);
      return;
    }
    case 'ERROR':
      if (salvage) for (const c of node.namedChildren) collectItem(ctx, c, depth, out, false);
      return;
    default:
      return;
  }
}

export function convertAttribute(ctx: ConvertContext, node: Node): Attribute | undefined {
  const name = node.namedChildren.find((c) => c.type === 'identifier');
  const value = node.namedChildren.find((c) => c.type === 'expression');
  if (!name || name.isMissing) return undefined;
  if (value && !value.isMissing) checkLineBreaks(ctx, value, `value of \`${name.text}\``);
  const expr = value && !value.isMissing ? convertExpr(ctx, value) : { kind: 'opaque' as const, text: '', span: ctx.span(node) };
  return { name: name.text, expr, span: ctx.span(node) };
}

/** Label of a block: a quoted string or a bare identifier. */
function labelOf(ctx: ConvertContext, node: Node): string | undefined {
  if (node.type === 'string_lit') return stringLitValue(ctx, node);
  if (node.type === 'identifier') return node.text;
  return undefined;
}

export function blockHeader(ctx: ConvertContext, node: Node): { type: string; labels: string[] } {
  let type = '';
  const labels: string[] = [];
  for (const c of node.namedChildren) {
    if (c.type === 'block_start' || c.type === 'body' || c.type === 'block_end') break;
    if (!type && c.type === 'identifier') {
      type = c.text;
      continue;
    }
    const label = labelOf(ctx, c);
    if (label !== undefined) labels.push(label);
  }
  return { type, labels };
}

export function convertBlock(ctx: ConvertContext, node: Node, depth: number, topLevel: boolean): Block | undefined {
  const { type, labels } = blockHeader(ctx, node);
  if (!type) return undefined;
  const body = node.namedChildren.find((c) => c.type === 'body');
  let content: BodyContent = { attributes: [], blocks: [] };
  if (depth >= MAX_DEPTH) ctx.tooDeep(node, 'block');
  else content = convertBody(ctx, body, depth + 1);
  const kind: BlockKind = topLevel ? (TOP_LEVEL_KINDS.has(type) ? (type as BlockKind) : 'unknown') : 'nested';
  return {
    kind,
    type,
    labels,
    attributes: content.attributes,
    blocks: content.blocks,
    span: ctx.span(node),
    ...(topLevel ? {} : { form: 'block' as const }),
  };
}

/** Top-level blocks of a parsed file; top-level attributes go into one synthetic `tfvars` block. */
export function convertFile(ctx: ConvertContext, root: Node): Block[] {
  const out: BodyContent = { attributes: [], blocks: [] };
  for (const c of root.namedChildren) {
    // tree-sitter-hcl also accepts a lone object (`{}`, a JSON document) as a whole file; HashiCorp's parser does
    // not: a .tf file is a body of arguments and blocks (JSON syntax goes in .tf.json files).
    if (c.type === 'object') ctx.error('not HCL: a .tf file holds arguments and blocks, not an object at the top level (JSON configuration goes in a .tf.json file)', ctx.span(c));
    else collectItem(ctx, c, 0, out, true);
  }
  if (out.attributes.length) {
    const first = out.attributes[0]!.span;
    const last = out.attributes[out.attributes.length - 1]!.span;
    out.blocks.push({
      kind: 'unknown',
      type: TOP_LEVEL_ATTRIBUTES,
      labels: [],
      attributes: out.attributes,
      blocks: [],
      span: { ...first, endLine: last.endLine, endColumn: last.endColumn },
    });
  }
  return out.blocks;
}
