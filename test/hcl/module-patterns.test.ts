/** HCL written by well-maintained public modules that the front-end must read without diagnostics. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHclSource } from '../../src/hcl/index.js';
import { exprOf, shape } from './helpers.js';

test('numbers with an exponent and no fraction (1e3, 5E+2) are numbers, not syntax errors', () => {
  assert.deepEqual(shape(exprOf('1e3')), { kind: 'literal', value: 1000 });
  assert.deepEqual(shape(exprOf('5E+2')), { kind: 'literal', value: 500 });
  assert.deepEqual(shape(exprOf('2.5e-1')), { kind: 'literal', value: 0.25 });
  // An identifier may contain `-` and digits: it stays a reference; strings keep their text.
  assert.deepEqual(shape(exprOf('name-1e3')), { kind: 'reference', parts: ['name-1e3'] });
  assert.deepEqual(shape(exprOf('"size-1e3"')), { kind: 'literal', value: 'size-1e3' });
  // Spans are those of the original text.
  const r = parseHclSource('locals {\n  big = 1e3\n  next = 2\n}\n', 'm.tf');
  assert.deepEqual(r.diagnostics, []);
  const big = r.blocks[0]!.attributes[0]!;
  assert.deepEqual([big.expr.span?.line, big.expr.span?.column, big.expr.span?.endColumn], [2, 9, 12]);
  // A real error next to it is still reported.
  assert.ok(parseHclSource('locals {\n  big = 1e3 3\n}\n', 'm.tf').diagnostics.length > 0);
});
