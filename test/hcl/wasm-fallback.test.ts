/**
 * The WASM parser (web-tree-sitter with the grammar package's tree-sitter-hcl.wasm), used when the native binding
 * cannot load (src/hcl/parser.ts), run explicitly: it must give the front-end exactly what the native one gives,
 * node for node and diagnostic for diagnostic, syntax errors included. Where the native binding does not load (an
 * `npm ci --ignore-scripts` install on an older libstdc++), the comparison is skipped and the WASM results are still
 * held to the diagnostics the native parser reports for the same texts (recorded below).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHclSource } from '../../src/hcl/index.js';
import { hclParserBackend, loadNativeBackend, loadWasmBackend, parseHclTree, setHclParserBackend, type HclParserBackend } from '../../src/hcl/parser.js';
import { LineIndex, normalizeSource } from '../../src/hcl/source.js';
import type { TNode } from '../../src/hcl/tree.js';

const repo = resolve(import.meta.dirname, '../..');
const initial = hclParserBackend();
after(() => setHclParserBackend(initial));

const wasm = await loadWasmBackend();
const nativeOrError = loadNativeBackend();
const native = nativeOrError instanceof Error ? undefined : nativeOrError;
const noNative = native ? false : `native binding did not load: ${(nativeOrError as Error).message.split('\n')[0]}`;

/** Texts with syntax errors, and the diagnostics (line, column, end line, end column, message) native reports. */
const BROKEN: Record<string, { text: string; native: [number, number, number, number, string][] }> = {
  'cut mid-block': {
    text: 'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags = {\n    Name = "b"\n',
    native: [[5, 1, 9, 1, 'missing `}}` to close resource "aws_s3_bucket" "b" (opened on line 5)']],
  },
  'stray brace': {
    text: 'resource "a_b" "x" {\n  v = 1\n}\n}\nvariable "v" {\n  default = "d"\n}\n',
    native: [[4, 1, 4, 2, 'unexpected `}`']],
  },
  'attribute without value': {
    text: 'resource "a_b" "x" {\n  name =\n  size = 3\n}\nlocals {\n  k = 1\n}\n',
    native: [[2, 8, 3, 7, 'missing value for attribute `name` in block resource "a_b" "x"']],
  },
  // Astral and accented characters before the error: columns are UTF-16 code units in both back-ends.
  'non-ASCII before an error': {
    text: 'locals {\n  greeting = "héllo 😀 wörld"\n  bad = [1, 2,, 3]\n}\n',
    native: [[3, 15, 3, 15, 'missing `name` in block locals']],
  },
  'unclosed string': {
    text: 'variable "a" {\n  default = "x\n}\nvariable "b" {}\n',
    native: [
      [3, 2, 3, 2, 'missing `"` in block variable "a"'],
      [3, 2, 3, 2, 'missing closing brace for block variable "a"'],
    ],
  },
  'unclosed heredoc': {
    text: 'locals {\n  policy = <<EOF\n{"a": 1}\n',
    native: [[1, 1, 4, 1, 'missing heredoc end marker EOF (and closing brace for block locals) (opened on line 1)']],
  },
  'operator soup': {
    text: 'resource "a" "b" {\n  x = 1 +* 2\n  y = var.\n  z = [for i in : i]\n}\n',
    native: [
      [3, 10, 3, 11, 'value of `y` continues on the next line after `.`: HCL ends it at the line break (wrap it in parentheses or keep it on one line)'],
      [2, 9, 2, 10, 'unexpected `+` in block resource "a" "b"'],
      [4, 5, 5, 2, 'unexpected `=` in block resource "a" "b"'],
      [5, 2, 5, 2, 'missing closing brace for block resource "a" "b"'],
    ],
  },
};

const FIXTURES = ['test/fixtures/hcl/multi/main.tf', 'test/fixtures/hcl/multi/variables.tf', 'test/fixtures/hcl/multi/outputs.tf', 'test/fixtures/diff/partial/model/main.tf'];

function using<T>(b: HclParserBackend, f: () => T): T {
  const previous = setHclParserBackend(b);
  try {
    return f();
  } finally {
    setHclParserBackend(previous);
  }
}

/** Every node of the mirrored tree as one line: what conversion reads of it. */
function dump(text: string): string[] {
  const out: string[] = [];
  const stack: [TNode, number][] = [[parseHclTree(text, { text, lines: new LineIndex(text) }), 0]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    out.push(`${depth} ${n.type} ${n.isNamed} ${n.isMissing} ${n.startIndex}-${n.endIndex} ${n.field} ${n.hasError}`);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i]!, depth + 1]);
  }
  return out;
}

test('the WASM back-end loads from the installed packages', () => {
  assert.equal(wasm.name, 'wasm');
  const r = using(wasm, () => parseHclSource('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n', 'main.tf'));
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.blocks.map((b) => [b.type, ...b.labels]), [['resource', 'aws_s3_bucket', 'b']]);
});

test('WASM reports the same syntax errors, at the same positions, as native', () => {
  for (const [name, { text, native: expected }] of Object.entries(BROKEN)) {
    const r = using(wasm, () => parseHclSource(text, 'main.tf'));
    const got = r.diagnostics.map((d) => [d.span.line, d.span.column, d.span.endLine, d.span.endColumn, d.message]);
    assert.deepEqual(got, expected, name);
  }
});

test('WASM and native give identical trees and front-end results (fixtures and broken texts)', { skip: noNative }, () => {
  const texts: [string, string][] = [
    ...FIXTURES.map((f): [string, string] => [f, normalizeSource(readFileSync(join(repo, f), 'utf8'))]),
    ...Object.entries(BROKEN).map(([name, b]): [string, string] => [name, b.text]),
  ];
  for (const [name, text] of texts) {
    assert.deepEqual(using(wasm, () => dump(text)), using(native!, () => dump(text)), `${name}: tree`);
    assert.deepEqual(using(wasm, () => parseHclSource(text, 'main.tf')), using(native!, () => parseHclSource(text, 'main.tf')), `${name}: result`);
  }
});

test('IACJUDGE_HCL_PARSER=wasm: the CLI parse of the bundled example is byte-identical to the default', () => {
  const script = `import(${JSON.stringify(join(repo, 'src/cli/main.ts'))}).then((m) => m.main(['parse', ${JSON.stringify(join(repo, 'examples/serverless-api/lib/MODEL_RESPONSE.md'))}, '--json'])).then((c) => { process.exitCode = c; })`;
  const run = (env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
  const forced = run({ IACJUDGE_HCL_PARSER: 'wasm' });
  const { IACJUDGE_HCL_PARSER: _, ...rest } = process.env;
  const plain = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', env: rest });
  assert.equal(forced.status, plain.status, forced.stderr);
  assert.ok(forced.stdout.includes('"blocks"'), forced.stderr);
  assert.equal(forced.stdout, plain.stdout);
});
