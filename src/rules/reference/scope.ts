/**
 * Names bound locally inside a block: `dynamic` iterators (the block label, or `iterator = name`) within their
 * `content`, and `for` expression variables within the expression's key, value and condition. A traversal rooted at
 * such a name (`local_secondary_index.value`, `aws_az.name` in `[for aws_az in ... : aws_az.name]`) is a local value,
 * never a resource, however much its name looks like a resource type.
 */
import type { Block, Expr, SourceSpan } from '../../model/types.js';
import { exprChildren } from '../../model/query.js';

export function spanKey(span: SourceSpan): string {
  return `${span.file}:${span.line}:${span.column}:${span.endLine}:${span.endColumn}`;
}

/** Span keys of every reference whose root is a locally bound name (see spanKey). */
export function locallyBoundReferences(blocks: Block[]): Set<string> {
  const out = new Set<string>();
  for (const b of blocks) walkBlock(b, new Set(), out);
  return out;
}

/**
 * Span keys of references that name something which must NOT be declared any more: the `from` of `moved` and
 * `removed` blocks (the old address of a renamed or forgotten resource or module).
 */
export function formerAddressReferences(blocks: Block[]): Set<string> {
  const out = new Set<string>();
  for (const b of blocks) {
    if (b.kind !== 'moved' && b.kind !== 'removed') continue;
    for (const a of b.attributes) {
      if (a.name !== 'from') continue;
      walkExprAll(a.expr, out);
    }
  }
  return out;
}

function walkExprAll(expr: Expr, out: Set<string>): void {
  if (expr.kind === 'reference') {
    if (expr.span) out.add(spanKey(expr.span));
    return;
  }
  for (const c of exprChildren(expr)) walkExprAll(c, out);
}

function walkBlock(block: Block, scope: Set<string>, out: Set<string>): void {
  for (const a of block.attributes) walkExpr(a.expr, scope, out);
  for (const child of block.blocks) {
    if (child.type !== 'dynamic') {
      walkBlock(child, scope, out);
      continue;
    }
    // for_each, labels and iterator belong to the enclosing scope; the iterator is visible in `content` only.
    for (const a of child.attributes) walkExpr(a.expr, scope, out);
    const name = iteratorName(child);
    const inner = name ? new Set([...scope, name]) : scope;
    for (const c of child.blocks) walkBlock(c, c.type === 'content' ? inner : scope, out);
  }
}

function iteratorName(dynamic: Block): string | undefined {
  const it = dynamic.attributes.find((a) => a.name === 'iterator')?.expr;
  if (it?.kind === 'reference' && it.parts.length === 1) return it.parts[0];
  if (it?.kind === 'literal' && typeof it.value === 'string') return it.value;
  return dynamic.labels[0];
}

function walkExpr(expr: Expr, scope: Set<string>, out: Set<string>): void {
  if (expr.kind === 'reference') {
    if (expr.span && scope.has(expr.parts[0] ?? '')) out.add(spanKey(expr.span));
    return;
  }
  if (expr.kind === 'for') {
    walkExpr(expr.collection, scope, out);
    const inner = new Set(scope);
    inner.add(expr.valueVar);
    if (expr.keyVar) inner.add(expr.keyVar);
    for (const e of [expr.key, expr.value, expr.condition]) if (e) walkExpr(e, inner, out);
    return;
  }
  for (const c of exprChildren(expr)) walkExpr(c, scope, out);
}
