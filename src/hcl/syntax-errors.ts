/** ERROR and MISSING nodes of a tree-sitter parse → error diagnostics with a readable message. */
import type { ConvertContext, Node } from './context.js';
import { blockHeader } from './blocks.js';

const TOKEN_NAMES: Record<string, string> = {
  block_end: '}',
  object_end: '}',
  tuple_end: ']',
  quoted_template_end: '"',
  template_interpolation_end: '}',
  template_directive_end: '}',
  heredoc_identifier: 'heredoc end marker',
  identifier: 'name',
  expression: 'expression',
};

/** `resource "aws_s3_bucket" "b"` for the nearest enclosing block, if any. */
function enclosingBlock(ctx: ConvertContext, node: Node): string | undefined {
  for (let p: Node | null = node.parent; p; p = p.parent) {
    if (p.type === 'block') {
      const { type, labels } = blockHeader(ctx, p);
      return [type, ...labels.map((l) => JSON.stringify(l))].join(' ');
    }
  }
  return undefined;
}

/** First token of a subtree (iterative: ERROR subtrees can be deep). */
function firstLeaf(node: Node): Node {
  let n = node;
  while (n.childCount > 0) n = n.child(0)!;
  return n;
}

function describeToken(ctx: ConvertContext, tok: Node): string {
  if (tok.endIndex === tok.startIndex) return 'end of input';
  const raw = printable(ctx.slice(tok.startIndex, Math.min(tok.endIndex, tok.startIndex + 40)).split('\n')[0]!);
  const text = raw.length < tok.endIndex - tok.startIndex ? `${raw}…` : raw;
  return `\`${text}\``;
}

/** Control characters shown as `\u00XX`, so a message about binary input stays one readable line. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code < 0x20 || (code >= 0x7f && code < 0xa0) ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}

export function collectSyntaxErrors(ctx: ConvertContext, root: Node): void {
  if (!root.hasError) return;
  const stack: Node[] = [root];
  const found: Node[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.isError || n.isMissing) {
      found.push(n);
      continue;
    }
    if (!n.hasError) continue;
    for (let i = n.childCount - 1; i >= 0; i--) stack.push(n.child(i)!);
  }
  for (const n of found) {
    const where = enclosingBlock(ctx, n);
    const inBlock = where ? ` in block ${where}` : '';
    if (n.isMissing) {
      const name = TOKEN_NAMES[n.type] ?? n.type;
      const message =
        name === '}' && (n.type === 'block_end' || n.parent?.type === 'block_end') && where
          ? `missing closing brace for block ${where}`
          : `missing \`${name}\`${inBlock}`;
      ctx.error(message, ctx.span(n));
    } else {
      const tok = firstLeaf(n);
      const short = n.endIndex - n.startIndex < 200 ? ctx.slice(n.startIndex, n.endIndex) : '';
      const dangling = /^([A-Za-z_][\w-]*)[ \t]*=[ \t]*$/.exec(short);
      if (dangling) {
        ctx.error(`missing value for attribute \`${dangling[1]}\`${inBlock}`, ctx.span(n));
      } else if (tok.type === '=' && /^[ \t]*(?:\n|$)/.test(ctx.slice(tok.endIndex, tok.endIndex + 80))) {
        const name = n.parent?.type === 'attribute' ? n.parent.namedChildren.find((c) => c.type === 'identifier')?.text : undefined;
        ctx.error(`missing value for attribute${name ? ` \`${name}\`` : ''}${inBlock}`, ctx.span(n));
      } else {
        ctx.error(`unexpected ${describeToken(ctx, tok)}${inBlock}`, ctx.span(n));
      }
    }
  }
}
