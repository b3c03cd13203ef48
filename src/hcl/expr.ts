/**
 * tree-sitter-hcl expression nodes → normalized `Expr` trees.
 *
 * Grammar shape (see node-types.json): an `expression` node holds either one compound child (`conditional`,
 * `operation`) or a primary (`literal_value`, `variable_expr`, `function_call`, `collection_value`,
 * `template_expr`, `for_expr`, or `( expression )`) followed by postfix steps (`get_attr`, `index`, `splat`).
 * Operands of `binary_operation`/`unary_operation` are the same primary + postfix sequences, flattened.
 */
import type { Expr, ObjectEntry } from '../model/types.js';
import { ConvertContext, kids, MAX_DEPTH, type Node } from './context.js';
import { checkLineBreaks, checkObjectSeparators } from './layout.js';
import { convertTemplate, stringLitValue } from './template.js';

const BINARY_OPERATORS = new Set(['||', '&&', '==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%']);
const POSTFIX = new Set(['get_attr', 'index', 'splat']);

export function convertExpr(ctx: ConvertContext, node: Node, depth = 0): Expr {
  if (depth > MAX_DEPTH) {
    ctx.tooDeep(node);
    return opaque(ctx, node);
  }
  if (node.type === 'expression') return convertSequence(ctx, kids(node), node, depth);
  return convertSequence(ctx, [node], node, depth);
}

function opaque(ctx: ConvertContext, node: Node): Expr {
  return { kind: 'opaque', text: ctx.textOf(node), span: ctx.span(node) };
}

/** A primary followed by postfix steps; `whole` is the node spanning them (for spans and opaque text). */
function convertSequence(ctx: ConvertContext, seq: Node[], whole: Node, depth: number): Expr {
  const first = seq[0];
  if (!first) return { kind: 'opaque', text: '', span: ctx.span(whole) };
  if (seq.some((n) => n.type === 'ERROR' || n.isMissing)) return opaque(ctx, whole);
  let rest = seq.slice(1);
  let primary: Expr;
  if (first.type === '(') {
    // Parenthesized: `( expression )`, then postfix steps.
    const inner = seq[1];
    primary = inner ? convertExpr(ctx, inner, depth + 1) : opaque(ctx, whole);
    rest = seq.slice(3);
    if (!rest.length) return primary;
    return withAccess(ctx, primary, rest, first, whole);
  }
  if (first.type === 'variable_expr' && rest.every((n) => POSTFIX.has(n.type))) {
    const parts = [first.text];
    for (const step of rest) appendSteps(ctx, step, parts);
    return { kind: 'reference', parts, span: spanFromTo(ctx, first, seq[seq.length - 1]!) };
  }
  primary = convertPrimary(ctx, first, depth);
  if (!rest.length) return primary;
  return withAccess(ctx, primary, rest, first, whole);
}

function withAccess(ctx: ConvertContext, target: Expr, steps: Node[], start: Node, whole: Node): Expr {
  const out: string[] = [];
  for (const s of steps) {
    if (!POSTFIX.has(s.type)) return opaque(ctx, whole);
    appendSteps(ctx, s, out);
  }
  return { kind: 'access', target, steps: out, span: spanFromTo(ctx, start, steps[steps.length - 1]!) };
}

/** From the start of `a` to the end of `b`, placed by the context (an embedded string maps positions itself). */
function spanFromTo(ctx: ConvertContext, a: Node, b: Node) {
  return ctx.spanBetween(a.startIndex, b.endIndex);
}

/** Renders postfix steps as traversal parts: `.x` → `x`, `[0]`, `["k"]`, `[*]` (both splats), `[?]`. */
function appendSteps(ctx: ConvertContext, step: Node, out: string[]): void {
  switch (step.type) {
    case 'get_attr': {
      const id = step.namedChildren.find((c) => c.type === 'identifier');
      out.push(id ? id.text : '?');
      return;
    }
    case 'index': {
      const inner = step.namedChildren[0];
      if (inner?.type === 'legacy_index') {
        out.push(`[${inner.text.replace(/^\./, '')}]`);
        return;
      }
      const e = inner?.namedChildren.find((c) => c.type === 'expression');
      out.push(indexStep(ctx, e));
      return;
    }
    case 'splat': {
      const inner = step.namedChildren[0];
      out.push('[*]');
      if (inner) for (const s of inner.namedChildren) if (POSTFIX.has(s.type)) appendSteps(ctx, s, out);
      return;
    }
    default:
      out.push('[?]');
  }
}

function indexStep(ctx: ConvertContext, e: Node | undefined): string {
  if (!e) return '[?]';
  const lit = e.namedChildCount === 1 ? e.namedChildren[0] : undefined;
  if (lit?.type === 'literal_value') {
    const v = literalOf(ctx, lit);
    if (typeof v === 'number') return `[${v}]`;
    if (typeof v === 'string') return `[${JSON.stringify(v)}]`;
  }
  return '[?]';
}

function literalOf(ctx: ConvertContext, node: Node): string | number | boolean | null | undefined {
  const lit = node.namedChildren[0];
  if (!lit) return undefined;
  switch (lit.type) {
    case 'numeric_lit':
      return Number(lit.text);
    case 'bool_lit':
      return lit.text === 'true';
    case 'null_lit':
      return null;
    case 'string_lit':
      return stringLitValue(ctx, lit);
    default:
      return undefined;
  }
}

function convertPrimary(ctx: ConvertContext, node: Node, depth: number): Expr {
  switch (node.type) {
    case 'expression':
      return convertExpr(ctx, node, depth + 1);
    case 'literal_value': {
      const v = literalOf(ctx, node);
      return v === undefined ? opaque(ctx, node) : { kind: 'literal', value: v, span: ctx.span(node) };
    }
    case 'variable_expr':
      return { kind: 'reference', parts: [node.text], span: ctx.span(node) };
    case 'function_call':
      return convertCall(ctx, node, depth);
    case 'collection_value': {
      const inner = node.namedChildren[0];
      if (inner?.type === 'tuple') return convertTuple(ctx, inner, depth);
      if (inner?.type === 'object') return convertObject(ctx, inner, depth);
      return opaque(ctx, node);
    }
    case 'template_expr':
      return convertTemplate(ctx, node, (n) => convertExpr(ctx, n, depth + 1));
    case 'for_expr':
      return convertFor(ctx, node, depth);
    case 'conditional': {
      const [c, t, e] = node.namedChildren.filter((n) => n.type === 'expression');
      if (!c || !t || !e) return opaque(ctx, node);
      return {
        kind: 'conditional',
        condition: convertExpr(ctx, c, depth + 1),
        then: convertExpr(ctx, t, depth + 1),
        else: convertExpr(ctx, e, depth + 1),
        span: ctx.span(node),
      };
    }
    case 'operation': {
      const inner = node.namedChildren[0];
      return inner ? convertPrimary(ctx, inner, depth) : opaque(ctx, node);
    }
    case 'binary_operation':
      return convertBinary(ctx, node, depth + 1);
    case 'unary_operation':
      return convertUnary(ctx, node, depth + 1);
    default:
      return opaque(ctx, node);
  }
}

function convertBinary(ctx: ConvertContext, node: Node, depth: number): Expr {
  if (depth > MAX_DEPTH) {
    ctx.tooDeep(node);
    return opaque(ctx, node);
  }
  const children = kids(node);
  const at = children.findIndex((c) => !c.isNamed && BINARY_OPERATORS.has(c.type));
  if (at <= 0 || at === children.length - 1) return opaque(ctx, node);
  const left = convertSequence(ctx, children.slice(0, at), node, depth);
  const right = convertSequence(ctx, children.slice(at + 1), node, depth);
  return { kind: 'operation', operator: children[at]!.type, operands: [left, right], span: ctx.span(node) };
}

function convertUnary(ctx: ConvertContext, node: Node, depth: number): Expr {
  if (depth > MAX_DEPTH) {
    ctx.tooDeep(node);
    return opaque(ctx, node);
  }
  const children = kids(node);
  const op = children[0];
  if (!op || op.isNamed) return opaque(ctx, node);
  const operand = convertSequence(ctx, children.slice(1), node, depth);
  // `-1` is a number to every reader; keep the operation only when the operand is not a numeric literal.
  if (op.type === '-' && operand.kind === 'literal' && typeof operand.value === 'number') {
    return { kind: 'literal', value: -operand.value, span: ctx.span(node) };
  }
  return { kind: 'operation', operator: op.type, operands: [operand], span: ctx.span(node) };
}

function convertCall(ctx: ConvertContext, node: Node, depth: number): Expr {
  const name = node.namedChildren.find((c) => c.type === 'identifier')?.text ?? '?';
  const argsNode = node.namedChildren.find((c) => c.type === 'function_arguments');
  const args: Expr[] = [];
  let expandFinal = false;
  if (argsNode) {
    for (const a of argsNode.namedChildren) {
      if (a.type === 'expression') args.push(convertExpr(ctx, a, depth + 1));
      else if (a.type === 'ellipsis') expandFinal = true;
    }
  }
  return { kind: 'call', name, args, ...(expandFinal ? { expandFinal } : {}), span: ctx.span(node) };
}

function convertTuple(ctx: ConvertContext, node: Node, depth: number): Expr {
  const items: Expr[] = [];
  for (const c of node.namedChildren) if (c.type === 'expression') items.push(convertExpr(ctx, c, depth + 1));
  return { kind: 'tuple', items, span: ctx.span(node) };
}

function convertObject(ctx: ConvertContext, node: Node, depth: number): Expr {
  const entries: ObjectEntry[] = [];
  checkObjectSeparators(ctx, node);
  for (const el of node.namedChildren) {
    if (el.type !== 'object_elem') continue;
    const k = el.childForFieldName('key');
    const v = el.childForFieldName('val');
    if (!k || !v) continue;
    checkLineBreaks(ctx, v, 'object element value');
    const value = convertExpr(ctx, v, depth + 1);
    const key = staticKey(ctx, k);
    if (key !== undefined) entries.push({ key, value });
    else {
      const ks = kids(k);
      const keyNode = ks[0]?.type === '(' && ks[1] ? ks[1] : k;
      entries.push({ keyExpr: convertExpr(ctx, keyNode, depth + 1), value });
    }
  }
  return { kind: 'object', entries, span: ctx.span(node) };
}

/** An object key written as a bare identifier or a literal (HCL reads both as the literal name). */
function staticKey(ctx: ConvertContext, keyNode: Node): string | undefined {
  const ks = kids(keyNode);
  if (ks.length !== 1) return undefined;
  const only = ks[0]!;
  if (only.type === 'variable_expr') return only.text;
  if (only.type === 'literal_value') {
    const v = literalOf(ctx, only);
    return v === undefined ? undefined : String(v);
  }
  return undefined;
}

function convertFor(ctx: ConvertContext, node: Node, depth: number): Expr {
  const inner = node.namedChildren[0];
  if (!inner) return opaque(ctx, node);
  const object = inner.type === 'for_object_expr';
  const intro = inner.namedChildren.find((c) => c.type === 'for_intro');
  if (!intro) return opaque(ctx, node);
  const vars = intro.namedChildren.filter((c) => c.type === 'identifier').map((c) => c.text);
  const collectionNode = intro.namedChildren.find((c) => c.type === 'expression');
  const bodies = inner.namedChildren.filter((c) => c.type === 'expression');
  const condNode = inner.namedChildren.find((c) => c.type === 'for_cond')?.namedChildren.find((c) => c.type === 'expression');
  const valueVar = vars.length > 1 ? vars[1]! : vars[0];
  if (!valueVar || !collectionNode) return opaque(ctx, node);
  const valueNode = object ? bodies[1] : bodies[0];
  if (!valueNode || (object && !bodies[0])) return opaque(ctx, node);
  const grouping = object && inner.namedChildren.some((c) => c.type === 'ellipsis');
  return {
    kind: 'for',
    ...(vars.length > 1 ? { keyVar: vars[0]! } : {}),
    valueVar,
    collection: convertExpr(ctx, collectionNode, depth + 1),
    ...(object ? { key: convertExpr(ctx, bodies[0]!, depth + 1) } : {}),
    value: convertExpr(ctx, valueNode, depth + 1),
    ...(condNode ? { condition: convertExpr(ctx, condNode, depth + 1) } : {}),
    ...(grouping ? { grouping } : {}),
    object,
    span: ctx.span(node),
  };
}
