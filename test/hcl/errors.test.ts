import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHclSource } from '../../src/hcl/index.js';
import { attrExpr, literalValue } from '../../src/model/query.js';
import { parseOk } from './helpers.js';

const names = (r: ReturnType<typeof parseHclSource>) => r.blocks.map((b) => [b.type, ...b.labels].join('.'));

test('a file cut mid-block keeps the earlier blocks, the partial block and a diagnostic with its line', () => {
  const r = parseHclSource(
    'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags = {\n    Name = "b"\n',
    'main.tf',
  );
  assert.deepEqual(names(r), ['resource.aws_s3_bucket.a', 'resource.aws_s3_bucket.b']);
  assert.equal(literalValue(attrExpr(r.blocks[1]!, 'bucket')), 'b');
  assert.equal(r.diagnostics.length, 1);
  const d = r.diagnostics[0]!;
  assert.equal(d.severity, 'error');
  assert.equal(d.source, 'hcl');
  assert.equal(d.span.file, 'main.tf');
  assert.equal(d.span.line, 5);
  assert.match(d.message, /missing .* to close resource "aws_s3_bucket" "b"/);
});

test('a block missing only its closing brace is named in the message', () => {
  const r = parseHclSource('variable "a" {}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n', 'main.tf');
  assert.deepEqual(names(r), ['variable.a', 'resource.aws_s3_bucket.b']);
  assert.equal(r.diagnostics.length, 1);
  assert.equal(r.diagnostics[0]!.message, 'missing closing brace for block resource "aws_s3_bucket" "b" (opened on line 2)');
});

test('an unclosed block followed by another top-level block does not swallow it', () => {
  const r = parseHclSource('resource "a_b" "x" {\n  v = 1\n\nresource "a_b" "y" {\n  v = 2\n}\n', 'main.tf');
  assert.deepEqual(names(r), ['resource.a_b.x', 'resource.a_b.y']);
  assert.equal(r.diagnostics.length, 1);
  assert.equal(r.diagnostics[0]!.span.line, 1);
});

test('a stray closing brace is reported and the blocks after it are still modeled', () => {
  const r = parseHclSource('resource "a_b" "x" {\n  v = 1\n}\n}\nvariable "v" {\n  default = "d"\n}\n', 'main.tf');
  assert.deepEqual(names(r), ['resource.a_b.x', 'variable.v']);
  assert.equal(literalValue(attrExpr(r.blocks[1]!, 'default')), 'd');
  assert.equal(r.diagnostics.length, 1);
  assert.equal(r.diagnostics[0]!.message, 'unexpected `}`');
  assert.deepEqual([r.diagnostics[0]!.span.line, r.diagnostics[0]!.span.column], [4, 1]);
});

test('an attribute without a value is reported inside its block; later attributes survive', () => {
  const r = parseHclSource('resource "a_b" "x" {\n  name =\n  size = 3\n}\nlocals {\n  k = 1\n}\n', 'main.tf');
  assert.deepEqual(names(r), ['resource.a_b.x', 'locals']);
  assert.equal(r.diagnostics.length, 1);
  assert.match(r.diagnostics[0]!.message, /missing value for attribute `name` in block resource "a_b" "x"/);
  assert.equal(r.diagnostics[0]!.span.line, 2);
});

test('two arguments on one line are a syntax error', () => {
  const r = parseHclSource('locals {\n  a = 1 b = 2\n}\n', 'main.tf');
  assert.equal(r.diagnostics.length, 1);
  assert.deepEqual([r.diagnostics[0]!.span.line, r.diagnostics[0]!.span.column], [2, 9]);
});

test('BOM and CRLF: same model, same lines and columns as LF', () => {
  const lf = 'resource "a_b" "x" {\n  name = "n"\n  text = <<EOT\nline\nEOT\n}\n';
  const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
  const a = parseOk(lf);
  const b = parseOk(crlf);
  assert.deepEqual(b, a);
  assert.deepEqual(b[0]!.attributes[0]!.span, { file: 'main.tf', line: 2, column: 3, endLine: 2, endColumn: 13 });
  assert.deepEqual(b[0]!.span, { file: 'main.tf', line: 1, column: 1, endLine: 6, endColumn: 2 });
  assert.equal(literalValue(attrExpr(b[0]!, 'text')), 'line\n');
});

test('columns count UTF-16 units after non-ASCII text', () => {
  const [b] = parseOk('locals {\n  a = "café" b = 1\n}\n'.replace(' b = 1', ''));
  assert.deepEqual(b!.attributes[0]!.expr.span, { file: 'main.tf', line: 2, column: 7, endLine: 2, endColumn: 13 });
  const [c] = parseOk('locals {\n  a = "é${var.x}"\n}\n');
  const t = c!.attributes[0]!.expr;
  assert.equal(t.kind, 'template');
  assert.deepEqual(t.kind === 'template' ? t.parts[1]!.span : undefined, { file: 'main.tf', line: 2, column: 11, endLine: 2, endColumn: 16 });
});

test('nesting deeper than the bound becomes opaque with a diagnostic, without overflowing the stack', () => {
  const depth = 5000;
  const cases = [
    'locals {\n  x = ' + '['.repeat(depth) + ']'.repeat(depth) + '\n}\n',
    'locals {\n  x = ' + '('.repeat(depth) + '1' + ')'.repeat(depth) + '\n}\n',
    'locals {\n  x = ' + '{a = '.repeat(depth) + '1' + '}'.repeat(depth) + '\n}\n',
    'locals {\n  x = ' + Array(depth).fill('1').join(' + ') + '\n}\n',
    'a {\n'.repeat(depth) + '}\n'.repeat(depth),
  ];
  for (const src of cases) {
    const r = parseHclSource(src, 'deep.tf');
    assert.equal(r.blocks.length, 1);
    assert.equal(r.diagnostics.length, 1, JSON.stringify(r.diagnostics));
    assert.match(r.diagnostics[0]!.message, /nested deeper than 200 levels/);
  }
  const [x] = parseHclSource(cases[1]!, 'deep.tf').blocks[0]!.attributes;
  assert.equal(x!.expr.kind, 'opaque');
});

test('binary or garbage content gives diagnostics, never a throw', () => {
  const nul = parseHclSource('\u0000\u0001\u0002garbage', 'bin.tf');
  assert.deepEqual(nul.blocks, []);
  assert.equal(nul.diagnostics.length, 1);
  let seed = 7;
  let junk = '';
  for (let i = 0; i < 20000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    junk += String.fromCharCode(1 + (seed % 0x2ff));
  }
  const r = parseHclSource(junk, 'junk.tf');
  assert.ok(r.diagnostics.length >= 1 && r.diagnostics.length <= 26);
  assert.ok(r.diagnostics.every((d) => d.severity === 'error' && d.span.line >= 1));
});

test('an unterminated heredoc is named in the diagnostic', () => {
  const r = parseHclSource('variable "a" {}\nlocals {\n  policy = <<EOT\n{}\n', 'main.tf');
  assert.deepEqual(names(r), ['variable.a', 'locals']);
  assert.equal(r.diagnostics.length, 1);
  assert.match(r.diagnostics[0]!.message, /^missing heredoc end marker EOT/);
  assert.equal(r.diagnostics[0]!.span.line, 2);
});
