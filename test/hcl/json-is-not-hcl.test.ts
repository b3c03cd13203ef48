// `{}` or a JSON document in a .tf file: tree-sitter-hcl accepts a lone object as a file, HashiCorp's parser does
// not, so it is a syntax error here too (it used to pass as a valid, empty configuration).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHclFiles } from '../../src/hcl/index.js';

const parse = (content: string) => parseHclFiles([{ path: 'main.tf', language: 'hcl', content }]);

test('an object at the top level of a .tf file is a syntax error', () => {
  for (const text of ['{}', '{}\n', JSON.stringify({ resource: { aws_s3_bucket: { b: { bucket: 'x' } } } }, null, 2)]) {
    const errors = parse(text).diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1, text);
    assert.match(errors[0]!.message, /not HCL/);
    assert.equal(errors[0]!.span.line, 1);
  }
});

test('objects as values and ordinary bodies are still valid', () => {
  for (const text of ['a = {}\n', 'resource "aws_s3_bucket" "b" {\n  tags = {}\n}\n', 'locals {\n  m = { a = 1 }\n}\n', '']) {
    assert.deepEqual(parse(text).diagnostics.filter((d) => d.severity === 'error'), [], text);
  }
});
