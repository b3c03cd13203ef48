/**
 * Reads the static document an expression denotes: objects, tuples, literals, `jsonencode(x)` (the document x)
 * and JSON text in strings/heredocs. Parts that are not static become UNKNOWN, so callers can tell
 * "absent" from "not knowable" and stay silent on the latter.
 */
import type { Expr } from '../../model/types.js';

export const UNKNOWN: unique symbol = Symbol('unknown');
export type DocValue = string | number | boolean | null | DocValue[] | { [key: string]: DocValue } | typeof UNKNOWN;

/** Placeholder for an interpolation inside JSON text; never a valid key the rules look for. */
const HOLE = '\u0000expr\u0000';

export function docValue(expr: Expr | undefined): DocValue {
  if (!expr) return UNKNOWN;
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'string' ? parseJsonText(expr.value) : expr.value;
    case 'template': {
      let text = '';
      let holes = 0;
      for (const p of expr.parts) {
        if (p.kind === 'literal') text += String(p.value ?? '');
        else {
          text += HOLE;
          holes++;
        }
      }
      if (holes === 0) return parseJsonText(text);
      const parsed = tryJson(text);
      return parsed === UNKNOWN ? UNKNOWN : parsed;
    }
    case 'call':
      if (expr.name === 'jsonencode' || expr.name === 'tomap' || expr.name === 'tolist' || expr.name === 'toset') {
        return expr.args.length === 1 ? docValue(expr.args[0]) : UNKNOWN;
      }
      return UNKNOWN;
    case 'object': {
      const out: { [key: string]: DocValue } = {};
      for (const en of expr.entries) {
        if (en.key === undefined) continue;
        out[en.key] = docValue(en.value);
      }
      return out;
    }
    case 'tuple':
      return expr.items.map((i) => docValue(i));
    default:
      return UNKNOWN;
  }
}

/** A string that holds a JSON object or array is read as that document; any other string stays a string. */
function parseJsonText(text: string): DocValue {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return text;
  const parsed = tryJson(t);
  return parsed === UNKNOWN ? text : parsed;
}

function tryJson(text: string): DocValue {
  try {
    return fromJson(JSON.parse(text) as unknown);
  } catch {
    return UNKNOWN;
  }
}

function fromJson(v: unknown): DocValue {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    return typeof v === 'string' && v.includes(HOLE) ? UNKNOWN : v;
  }
  if (Array.isArray(v)) return v.map(fromJson);
  const out: { [key: string]: DocValue } = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) out[k] = fromJson(val);
  return out;
}

export function isRecord(v: DocValue): v is { [key: string]: DocValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value as a list: arrays as they are, a single value as a one-item list. */
export function asList(v: DocValue | undefined): DocValue[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}
