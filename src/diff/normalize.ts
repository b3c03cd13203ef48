/**
 * Canonical form of expressions, so the diff reports what changed in meaning and not in spelling.
 * Ignored: spans (so whitespace, comments, layout), object key order (also inside jsonencode), quoting style
 * (`"443"` vs `443`, `"true"` vs `true`, which Terraform converts), heredoc vs quoted string of the same text,
 * and a JSON document written as a string vs the same document built with `jsonencode`. In code the front
 * end could not model (CDKTF opaque text), `'-'`, `"-"` and a backtick string without placeholders are one
 * string, and trailing commas or semicolons do not count.
 */
import type { Expr } from '../model/types.js';
import { referenceTarget } from '../model/query.js';

/** Model address → ideal address, for blocks the ideal renamed: references follow the rename. */
export type RenameMap = ReadonlyMap<string, string>;

type Canon = null | boolean | number | string | Canon[] | { [k: string]: Canon };

const JSON_CALLS = new Set(['jsonencode', 'JSON.stringify', 'Fn.jsonencode']);

export function canonical(expr: Expr | undefined, renames?: RenameMap): Canon {
  if (!expr) return null;
  switch (expr.kind) {
    case 'literal':
      return canonScalar(expr.value);
    case 'template':
      return canonTemplate(expr, renames);
    case 'reference':
      return ['ref', renameParts(expr.parts, renames).join('.')];
    case 'call':
      if (JSON_CALLS.has(expr.name) && expr.args.length === 1) return ['json', canonical(expr.args[0], renames)];
      return ['call', expr.name, ...expr.args.map((a) => canonical(a, renames)), expr.expandFinal ? '...' : ''];
    case 'conditional':
      return ['?', canonical(expr.condition, renames), canonical(expr.then, renames), canonical(expr.else, renames)];
    case 'tuple':
      return expr.items.map((i) => canonical(i, renames));
    case 'object': {
      const out: { [k: string]: Canon } = {};
      const keys: [string, Canon][] = expr.entries.map((en) => [
        en.key ?? `(${JSON.stringify(canonical(en.keyExpr, renames))})`,
        canonical(en.value, renames),
      ]);
      keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [k, v] of keys) out[k] = v;
      return { $obj: out };
    }
    case 'operation':
      return ['op', expr.operator, ...expr.operands.map((o) => canonical(o, renames))];
    case 'for':
      return [
        'for',
        expr.object,
        expr.keyVar ?? '',
        expr.valueVar,
        canonical(expr.collection, renames),
        canonical(expr.key, renames),
        canonical(expr.value, renames),
        canonical(expr.condition, renames),
        !!expr.grouping,
      ];
    case 'access':
      return ['access', canonical(expr.target, renames), ...expr.steps];
    case 'opaque':
      return ['opaque', opaqueCanon(expr.text)];
  }
}

/**
 * Keys per expression and rename map: similarity features and change detection key the same expressions
 * again and again. Expressions and rename maps do not change during a diff (the map's size guards against
 * one that grew since).
 */
const keyCache = new WeakMap<object, WeakMap<Expr, { key: string; renames: number }>>();
const NO_RENAMES = {};

/** Stable text of the canonical form: equal keys ⇔ same meaning (as far as the diff can tell). */
export function exprKey(expr: Expr | undefined, renames?: RenameMap): string {
  if (!expr) return JSON.stringify(canonical(expr, renames));
  const scope = renames ?? NO_RENAMES;
  let byExpr = keyCache.get(scope);
  if (!byExpr) keyCache.set(scope, (byExpr = new WeakMap()));
  const size = renames?.size ?? 0;
  const hit = byExpr.get(expr);
  if (hit && hit.renames === size) return hit.key;
  const key = JSON.stringify(canonical(expr, renames));
  byExpr.set(expr, { key, renames: size });
  return key;
}

export function sameExpr(a: Expr | undefined, b: Expr | undefined, renames?: RenameMap): boolean {
  return exprKey(a, renames) === exprKey(b, undefined);
}

function canonScalar(v: string | number | boolean | null): Canon {
  if (typeof v !== 'string') return v;
  return canonString(v);
}

function canonString(s: string): Canon {
  if (/^-?\d+(\.\d+)?$/.test(s) && s.length < 16) return Number(s);
  if (s === 'true') return true;
  if (s === 'false') return false;
  const t = s.trim();
  // A JSON document in a string (heredoc policies) compares equal to the same document in jsonencode().
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
    try {
      return ['json', fromJson(JSON.parse(t))];
    } catch {
      /* not JSON: keep as text */
    }
  }
  return s;
}

/** JSON value → canonical form built the same way as `jsonencode(<hcl value>)` is. */
function fromJson(v: unknown): Canon {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === 'object') {
    const out: { [k: string]: Canon } = {};
    for (const k of Object.keys(v as object).sort()) out[k] = fromJson((v as Record<string, unknown>)[k]);
    return { $obj: out };
  }
  if (typeof v === 'string') return canonString(v);
  return v as number | boolean;
}

function canonTemplate(expr: Extract<Expr, { kind: 'template' }>, renames?: RenameMap): Canon {
  // Merge adjacent literal chunks: "a" "b" and "ab" are the same text.
  const parts: (string | Expr)[] = [];
  for (const p of expr.parts) {
    if (p.kind === 'literal') {
      const s = String(p.value ?? '');
      const last = parts[parts.length - 1];
      if (typeof last === 'string') parts[parts.length - 1] = last + s;
      else parts.push(s);
    } else parts.push(p);
  }
  if (expr.heredoc) {
    // A heredoc ends with a newline a quoted string does not have; indentation is the front-end's concern.
    const last = parts[parts.length - 1];
    if (typeof last === 'string') parts[parts.length - 1] = last.trimEnd();
  }
  const nonEmpty = parts.filter((p) => p !== '');
  if (nonEmpty.length === 0) return '';
  if (nonEmpty.every((p) => typeof p === 'string')) return canonString(nonEmpty.join(''));
  // "${x}" alone is x.
  if (nonEmpty.length === 1 && typeof nonEmpty[0] !== 'string') return canonical(nonEmpty[0], renames);
  return ['tpl', ...nonEmpty.map((p) => (typeof p === 'string' ? p : canonical(p, renames)))];
}

function renameParts(parts: string[], renames?: RenameMap): string[] {
  if (!renames || renames.size === 0) return parts;
  const target = referenceTarget(parts);
  if (!target) return parts;
  const to = renames.get(target);
  if (!to) return parts;
  const consumed = target.split('.').length;
  return [...to.split('.'), ...parts.slice(consumed)];
}

/** Opaque code with one quoting style and no layout: `${id}-${'x'}` and `${id}-${"x"}` read the same. */
function opaqueCanon(text: string): string {
  return text
    .replace(/'((?:[^'\\\n]|\\.)*)'/g, (_m, body: string) => `"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`)
    .replace(/`((?:[^`\\$\n]|\\.)*)`/g, (_m, body: string) => `"${body.replace(/"/g, '\\"')}"`)
    .replace(/\s+/g, ' ')
    .replace(/\s*([,;])\s*(?=[)\]}]|$)/g, '')
    .trim();
}
