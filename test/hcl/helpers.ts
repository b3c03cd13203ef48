/** Shared helpers for the HCL front-end tests. */
import assert from 'node:assert/strict';
import type { Block, Expr } from '../../src/model/types.js';
import { parseHclSource } from '../../src/hcl/index.js';

export function parseOk(content: string, path = 'main.tf'): Block[] {
  const r = parseHclSource(content, path);
  assert.deepEqual(r.diagnostics, [], `unexpected diagnostics: ${JSON.stringify(r.diagnostics)}`);
  return r.blocks;
}

/** The expression of `x = <expr>` in a `locals` block. */
export function exprOf(source: string): Expr {
  const [block] = parseOk(`locals {\n  x = ${source}\n}\n`);
  assert.ok(block, 'no block');
  const a = block.attributes.find((at) => at.name === 'x');
  assert.ok(a, 'no attribute x');
  return a.expr;
}

/** Drops spans so expression trees compare by shape. */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'span') out[k] = shape(v);
    return out;
  }
  return value;
}
