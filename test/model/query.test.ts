import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exprToText, literalValue, referenceTarget } from '../../src/model/query.js';
import { CATEGORIES, isCategoryId } from '../../src/taxonomy/categories.js';

test('referenceTarget canonicalizes traversals', () => {
  assert.equal(referenceTarget(['var', 'region']), 'var.region');
  assert.equal(referenceTarget(['aws_s3_bucket', 'b', 'arn']), 'aws_s3_bucket.b');
  assert.equal(referenceTarget(['data', 'aws_vpc', 'v', 'id']), 'data.aws_vpc.v');
  assert.equal(referenceTarget(['module', 'm', 'out']), 'module.m');
  assert.equal(referenceTarget(['each', 'key']), undefined);
  assert.equal(referenceTarget(['count', 'index']), undefined);
  assert.equal(referenceTarget(['item', 'name']), undefined);
});

test('literalValue folds templates of literal parts only', () => {
  assert.equal(literalValue({ kind: 'template', parts: [{ kind: 'literal', value: 'a' }, { kind: 'literal', value: 'b' }] }), 'ab');
  assert.equal(literalValue({ kind: 'template', parts: [{ kind: 'reference', parts: ['var', 'x'] }] }), undefined);
});

test('exprToText renders references, templates and calls', () => {
  assert.equal(
    exprToText({ kind: 'template', parts: [{ kind: 'literal', value: 'b-' }, { kind: 'reference', parts: ['var', 'environment_suffix'] }] }),
    '"b-${var.environment_suffix}"',
  );
  assert.equal(exprToText({ kind: 'reference', parts: ['aws_subnet', 'a', '[0]', 'id'] }), 'aws_subnet.a[0].id');
  assert.equal(exprToText({ kind: 'call', name: 'jsonencode', args: [{ kind: 'object', entries: [] }] }), 'jsonencode({})');
});

test('taxonomy ids are unique and well-formed', () => {
  const ids = CATEGORIES.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const c of CATEGORIES) assert.match(c.fixClass, /^[ABC]$/);
  assert.ok(isCategoryId('schema'));
  assert.ok(!isCategoryId('nonsense'));
});
