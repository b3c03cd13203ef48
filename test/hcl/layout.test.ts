import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHclSource } from '../../src/hcl/index.js';

const diags = (src: string) => parseHclSource(src, 'main.tf').diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.message}`);

test('a value broken across lines outside brackets is an error, as in HCL', () => {
  const d = diags('locals {\n  a = var.n > 0 ?\n      "y" : "z"\n  b = "x" +\n    "y"\n}\n');
  assert.equal(d.length, 2);
  assert.match(d[0]!, /^2:17 value of `a` continues on the next line after `\?`/);
  assert.match(d[1]!, /^4:11 value of `b` continues on the next line after `\+`/);
  assert.match(diags('locals {\n  a = {\n    k = x ?\n      1 : 2\n  }\n}\n')[0]!, /^3:11 object element value continues/);
});

test('line breaks inside parentheses, brackets, calls, for-expressions, interpolations and heredocs are fine', () => {
  const ok = [
    'locals {\n  a = (var.n > 0 ?\n      "y" : "z")\n}\n',
    'locals {\n  a = [\n    var.x ? 1\n    : 2,\n  ]\n}\n',
    'locals {\n  a = {\n    for k, v in var.m :\n    k => v\n    if v != null\n  }\n}\n',
    'locals {\n  a = merge(\n    var.a,\n    var.b\n  )\n}\n',
    'locals {\n  a = var.x ? {\n    b = 1\n  } : {}\n}\n',
    'locals {\n  a = "${\n  var.x\n}"\n}\n',
    'locals {\n  a = <<EOT\nx\nEOT\n  b = 1\n}\n',
  ];
  for (const src of ok) assert.deepEqual(diags(src), [], src);
});

test('object elements need a comma or a newline between them', () => {
  assert.deepEqual(diags('locals {\n  a = { b = 1 c = 2 }\n}\n'), ['2:15 missing comma or newline between object elements']);
  assert.deepEqual(diags('locals {\n  a = { b = 1, c = 2 }\n}\n'), []);
});

test('an argument set twice in one body is an error; the same name in different blocks is not', () => {
  assert.deepEqual(diags('locals {\n  a = 1\n  a = 2\n}\n'), ['3:3 attribute `a` is set twice (first on line 2); each argument may be set only once']);
  assert.deepEqual(diags('env = "a"\nenv = "b"\n').length, 1);
  assert.deepEqual(diags('locals {\n  a = 1\n}\nlocals {\n  a = 2\n}\n'), []);
});

test('a block must end with a newline before the next block', () => {
  assert.deepEqual(diags('variable "a" {\n}  output "b" {\n  value = 1\n}\n'), [
    '2:4 `output` must start on a new line: each argument and block needs its own line',
  ]);
});

test('parenthesized operands may span lines', () => {
  assert.deepEqual(diags('variable "p" {\n  validation {\n    condition = var.p == null || (\n      length(var.p) >= 8 &&\n      length(var.p) <= 64\n    )\n  }\n}\n'), []);
  assert.deepEqual(diags('locals {\n  a = !(\n    var.x != "" &&\n    var.y\n  )\n}\n'), []);
  assert.equal(diags('locals {\n  a = (var.x\n  ) +\n  1\n}\n').length, 1);
});
