import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exprOf, parseOk, shape } from './helpers.js';
import { exprToText, literalValue, referencesIn } from '../../src/model/query.js';

const lit = (value: string | number | boolean | null) => ({ kind: 'literal', value });
const ref = (...parts: string[]) => ({ kind: 'reference', parts });

test('literals fold to typed values', () => {
  assert.deepEqual(shape(exprOf('42')), lit(42));
  assert.deepEqual(shape(exprOf('1.5e3')), lit(1500));
  assert.deepEqual(shape(exprOf('-3')), lit(-3));
  assert.deepEqual(shape(exprOf('true')), lit(true));
  assert.deepEqual(shape(exprOf('false')), lit(false));
  assert.deepEqual(shape(exprOf('null')), lit(null));
  assert.deepEqual(shape(exprOf('"plain"')), lit('plain'));
  assert.deepEqual(shape(exprOf('""')), lit(''));
});

test('quoted string escapes are decoded', () => {
  assert.equal(literalValue(exprOf(String.raw`"a\"b\n\t\\c\u00e9"`)), 'a"b\n\t\\cé');
  assert.equal(literalValue(exprOf('"cost $${x} and %%{y}"')), 'cost ${x} and %{y}');
});

test('templates keep literal and expression parts in order', () => {
  assert.deepEqual(shape(exprOf('"app-${var.env}-${local.n}!"')), {
    kind: 'template',
    parts: [lit('app-'), ref('var', 'env'), lit('-'), ref('local', 'n'), lit('!')],
  });
  const directive = exprOf('"%{ if var.on }yes%{ else }no%{ endif }"');
  assert.equal(directive.kind, 'template');
  assert.equal(directive.kind === 'template' ? directive.parts[0]!.kind : '', 'opaque');
  // Strip markers remove the whitespace next to them.
  assert.deepEqual(shape(exprOf('"a  ${~ var.x ~}  b"')), { kind: 'template', parts: [lit('a'), ref('var', 'x'), lit('b')] });
});

test('heredocs are templates; <<- strips the common indentation', () => {
  const src = `locals {
  x = <<EOT
line one
  \${var.name} two
EOT
  y = <<-EOT
    {
      "k": "\${var.v}"
    }
    EOT
}
`;
  const [block] = parseOk(src);
  assert.ok(block);
  const x = block.attributes[0]!.expr;
  assert.deepEqual(shape(x), { kind: 'template', heredoc: true, parts: [lit('line one\n  '), ref('var', 'name'), lit(' two\n')] });
  const y = block.attributes[1]!.expr;
  assert.deepEqual(shape(y), { kind: 'template', heredoc: true, parts: [lit('{\n  "k": "'), ref('var', 'v'), lit('"\n}\n')] });
  assert.equal(y.span?.line, 6);
});

test('references: resources, data, each, count, indexes and splats', () => {
  assert.deepEqual(shape(exprOf('aws_s3_bucket.b.id')), ref('aws_s3_bucket', 'b', 'id'));
  assert.deepEqual(shape(exprOf('data.aws_vpc.v.id')), ref('data', 'aws_vpc', 'v', 'id'));
  assert.deepEqual(shape(exprOf('each.key')), ref('each', 'key'));
  assert.deepEqual(shape(exprOf('count.index')), ref('count', 'index'));
  assert.deepEqual(shape(exprOf('aws_subnet.a[0].id')), ref('aws_subnet', 'a', '[0]', 'id'));
  assert.deepEqual(shape(exprOf('aws_subnet.a["k"].id')), ref('aws_subnet', 'a', '["k"]', 'id'));
  assert.deepEqual(shape(exprOf('aws_subnet.a[*].id')), ref('aws_subnet', 'a', '[*]', 'id'));
  assert.deepEqual(shape(exprOf('aws_subnet.a.*.id')), ref('aws_subnet', 'a', '[*]', 'id'));
  assert.deepEqual(shape(exprOf('aws_subnet.a.0.id')), ref('aws_subnet', 'a', '[0]', 'id'));
  assert.deepEqual(shape(exprOf('aws_subnet.a[var.i].id')), ref('aws_subnet', 'a', '[?]', 'id'));
  assert.equal(exprToText(exprOf('aws_subnet.a[0].id')), 'aws_subnet.a[0].id');
});

test('function calls, provider functions and argument expansion', () => {
  assert.deepEqual(shape(exprOf('merge(local.a, { b = 1 })')), {
    kind: 'call',
    name: 'merge',
    args: [ref('local', 'a'), { kind: 'object', entries: [{ key: 'b', value: lit(1) }] }],
  });
  assert.deepEqual(shape(exprOf('provider::aws::arn_parse(var.arn)')), { kind: 'call', name: 'provider::aws::arn_parse', args: [ref('var', 'arn')] });
  assert.deepEqual(shape(exprOf('concat(var.a...)')), { kind: 'call', name: 'concat', args: [ref('var', 'a')], expandFinal: true });
  assert.deepEqual(shape(exprOf('timestamp()')), { kind: 'call', name: 'timestamp', args: [] });
});

test('conditionals, operations and parentheses', () => {
  assert.deepEqual(shape(exprOf('var.on ? 1 : 0')), { kind: 'conditional', condition: ref('var', 'on'), then: lit(1), else: lit(0) });
  assert.deepEqual(shape(exprOf('1 + 2 * 3')), {
    kind: 'operation',
    operator: '+',
    operands: [lit(1), { kind: 'operation', operator: '*', operands: [lit(2), lit(3)] }],
  });
  assert.deepEqual(shape(exprOf('(1 + 2) * 3')), {
    kind: 'operation',
    operator: '*',
    operands: [{ kind: 'operation', operator: '+', operands: [lit(1), lit(2)] }, lit(3)],
  });
  assert.deepEqual(shape(exprOf('!var.a && var.b.c != ""')), {
    kind: 'operation',
    operator: '&&',
    operands: [
      { kind: 'operation', operator: '!', operands: [ref('var', 'a')] },
      { kind: 'operation', operator: '!=', operands: [ref('var', 'b', 'c'), lit('')] },
    ],
  });
  assert.deepEqual(shape(exprOf('-var.n')), { kind: 'operation', operator: '-', operands: [ref('var', 'n')] });
  assert.deepEqual(shape(exprOf('((var.x))')), ref('var', 'x'));
});

test('for-expressions: tuple and object, with condition and grouping', () => {
  assert.deepEqual(shape(exprOf('[for s in var.list : upper(s) if s != ""]')), {
    kind: 'for',
    valueVar: 's',
    collection: ref('var', 'list'),
    value: { kind: 'call', name: 'upper', args: [ref('s')] },
    condition: { kind: 'operation', operator: '!=', operands: [ref('s'), lit('')] },
    object: false,
  });
  assert.deepEqual(shape(exprOf('{for k, v in var.map : v => k...}')), {
    kind: 'for',
    keyVar: 'k',
    valueVar: 'v',
    collection: ref('var', 'map'),
    key: ref('v'),
    value: ref('k'),
    grouping: true,
    object: true,
  });
});

test('tuples and objects with identifier, string and computed keys', () => {
  assert.deepEqual(shape(exprOf('[1, "a", var.x]')), { kind: 'tuple', items: [lit(1), lit('a'), ref('var', 'x')] });
  assert.deepEqual(shape(exprOf('{ a = 1, "b-c" = 2, (var.k) = 3, "${var.p}-x" = 4 }')), {
    kind: 'object',
    entries: [
      { key: 'a', value: lit(1) },
      { key: 'b-c', value: lit(2) },
      { keyExpr: ref('var', 'k'), value: lit(3) },
      { keyExpr: { kind: 'template', parts: [ref('var', 'p'), lit('-x')] }, value: lit(4) },
    ],
  });
  assert.deepEqual(shape(exprOf('{\n    a = 1\n    b = [\n      2,\n    ]\n  }')), {
    kind: 'object',
    entries: [
      { key: 'a', value: lit(1) },
      { key: 'b', value: { kind: 'tuple', items: [lit(2)] } },
    ],
  });
});

test('access and splat on non-reference expressions', () => {
  assert.deepEqual(shape(exprOf('element(var.l, 0).id')), {
    kind: 'access',
    target: { kind: 'call', name: 'element', args: [ref('var', 'l'), lit(0)] },
    steps: ['id'],
  });
  assert.deepEqual(shape(exprOf('(local.l)[*].id')), { kind: 'access', target: ref('local', 'l'), steps: ['[*]', 'id'] });
  assert.deepEqual(shape(exprOf('[1, 2][0]')), { kind: 'access', target: { kind: 'tuple', items: [lit(1), lit(2)] }, steps: ['[0]'] });
});

test('references inside every kind of expression are found', () => {
  const e = exprOf('{ a = [for x in var.l : "${x}-${local.s}"], b = f(data.aws_vpc.v.id) ? module.m.o : aws_s3_bucket.b.arn }');
  assert.deepEqual(
    referencesIn(e).map((r) => exprToText(r)),
    ['var.l', 'x', 'local.s', 'data.aws_vpc.v.id', 'module.m.o', 'aws_s3_bucket.b.arn'],
  );
});

test('expression spans point at the expression text', () => {
  const e = exprOf('merge(var.a, var.b)');
  assert.deepEqual(e.span, { file: 'main.tf', line: 2, column: 7, endLine: 2, endColumn: 26 });
  assert.equal(e.kind, 'call');
  const second = e.kind === 'call' ? e.args[1]! : e;
  assert.deepEqual(second.span, { file: 'main.tf', line: 2, column: 20, endLine: 2, endColumn: 25 });
});
