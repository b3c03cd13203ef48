/**
 * Newline rules HCL enforces and tree-sitter-hcl does not (its grammar treats every newline as whitespace):
 * an argument's value ends at the end of its line unless the line break is inside brackets, parentheses, a
 * for-expression, an interpolation or a heredoc; object elements are separated by a comma or a newline.
 */
import type { ConvertContext, Node } from './context.js';
import { kids } from './context.js';

/** Nodes inside which HCL ignores line breaks (objects are handled element by element). */
const BREAK_TOLERANT = new Set([
  'tuple',
  'object',
  'collection_value',
  'for_expr',
  'function_call',
  'template_expr',
  'new_index',
]);

function spansLines(ctx: ConvertContext, node: Node): boolean {
  const nl = ctx.text.indexOf('\n', node.startIndex);
  return nl !== -1 && nl < node.endIndex;
}

function lastLeaf(node: Node): Node {
  let n = node;
  while (n.childCount > 0) n = n.lastChild!;
  return n;
}

/** The token after which `node` (an argument or element value) is broken across lines illegally, if any. */
export function illegalLineBreak(ctx: ConvertContext, node: Node): Node | undefined {
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (!spansLines(ctx, n) || BREAK_TOLERANT.has(n.type)) continue;
    // Parenthesized operands appear as `(` expr `)` tokens among the children: breaks between them are fine.
    let parens = 0;
    const children = kids(n);
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      if (c.type === '(') parens++;
      else if (c.type === ')') parens = Math.max(0, parens - 1);
      else if (parens === 0) stack.push(c);
      const next = children[i + 1];
      if (!next || parens > 0 || next.type === ')') continue;
      const gap = ctx.text.indexOf('\n', c.endIndex);
      if (gap !== -1 && gap < next.startIndex) return lastLeaf(c);
    }
  }
  return undefined;
}

export function checkLineBreaks(ctx: ConvertContext, value: Node, what: string): void {
  const at = illegalLineBreak(ctx, value);
  if (!at) return;
  const tok = ctx.slice(at.startIndex, Math.min(at.endIndex, at.startIndex + 30));
  ctx.error(
    `${what} continues on the next line after \`${tok}\`: HCL ends it at the line break (wrap it in parentheses or keep it on one line)`,
    ctx.span(at),
  );
}

/** Object elements written on one line without a comma between them. */
export function checkObjectSeparators(ctx: ConvertContext, object: Node): void {
  let previous: Node | undefined;
  for (const c of kids(object)) {
    if (c.type === 'object_elem') {
      if (previous) {
        const gap = ctx.text.indexOf('\n', previous.endIndex);
        if (gap === -1 || gap > c.startIndex) {
          ctx.error('missing comma or newline between object elements', ctx.span(c));
        }
      }
      previous = c;
    } else if (c.type === ',') previous = undefined;
  }
}
