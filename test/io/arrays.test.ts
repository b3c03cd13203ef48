// appendAll: `push(...items)` passes every item as an argument and overflows the call stack on input-sized arrays
// (the rules stage lost every finding of a 200,000-resource folder: "Maximum call stack size exceeded").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendAll } from '../../src/io/arrays.js';

test('appendAll appends 500,000 items where push(...items) overflows the stack', () => {
  const items = Array.from({ length: 500_000 }, (_, i) => i);
  assert.throws(() => [0].push(...items), RangeError);
  const target = [-1];
  appendAll(target, items);
  assert.equal(target.length, 500_001);
  assert.equal(target[0], -1);
  assert.equal(target.at(-1), 499_999);
});
