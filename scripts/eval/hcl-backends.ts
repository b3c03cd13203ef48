/**
 * eval:hcl-backends — the WASM fallback parser (web-tree-sitter) against the native binding, on the dev corpus.
 *
 * Every HCL file of every tf-hcl task's MODEL_RESPONSE.md and IDEAL_RESPONSE.md, and each file cut short at two
 * points (so error recovery is exercised, not only clean parses), is parsed by both back-ends. Compared: the
 * mirrored tree node by node (type, namedness, MISSING, span, field, error flag) and the front-end's whole result
 * (blocks, expressions, diagnostics with positions). Prints counts, parse time per back-end and the first
 * differences. Needs the native binding to load. Reads ../shared/corpus/dev; exits 0 with a message when absent.
 *
 * The texts are compared in shards, each in a child process: the native binding (tree-sitter 0.25.1) does not give
 * back a tree's memory (about 100x the text per parse, even after GC), and one process over the whole corpus grew
 * past 16 GB.
 *
 * Usage: npx tsx scripts/eval/hcl-backends.ts [--verbose]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractResponse } from '../../src/extract/index.js';
import { isHclSource, parseHclSource } from '../../src/hcl/index.js';
import { hclParserBackend, loadWasmBackend, parseHclTree, setHclParserBackend } from '../../src/hcl/parser.js';
import { LineIndex, normalizeSource } from '../../src/hcl/source.js';
import type { TNode } from '../../src/hcl/tree.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/dev/tf-hcl');
const verbose = process.argv.includes('--verbose');

const SHARDS = 16;
const shardArg = process.argv.find((a) => a.startsWith('--shard='));

if (!existsSync(corpus)) {
  console.log(`eval:hcl-backends: corpus not found at ${corpus}; nothing to evaluate.`);
  process.exit(0);
}
if (!shardArg) {
  const total = { texts: 0, withErrors: 0, sameTree: 0, sameResult: 0, native: 0, wasm: 0, diffs: [] as string[] };
  for (let i = 0; i < SHARDS; i++) {
    const res = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--shard=${i}`], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (res.status !== 0 && res.status !== 1) throw new Error(`shard ${i} failed: ${res.stderr}`);
    const r = JSON.parse(res.stdout) as typeof total;
    for (const k of ['texts', 'withErrors', 'sameTree', 'sameResult', 'native', 'wasm'] as const) total[k] += r[k];
    total.diffs.push(...r.diffs);
  }
  console.log(`texts ${total.texts} (files and cuts), with syntax errors ${total.withErrors}`);
  console.log(`identical trees ${total.sameTree}/${total.texts}, identical front-end results ${total.sameResult}/${total.texts}`);
  console.log(`whole-text parse+mirror: native ${total.native.toFixed(0)} ms, wasm ${total.wasm.toFixed(0)} ms`);
  for (const d of verbose ? total.diffs : total.diffs.slice(0, 10)) console.log(`  ${d}`);
  if (!verbose && total.diffs.length > 10) console.log(`  ... ${total.diffs.length - 10} more (--verbose)`);
  process.exit(total.diffs.length ? 1 : 0);
}
const shard = Number(shardArg.slice('--shard='.length));

const native = hclParserBackend();
if (native.name !== 'native') {
  console.log('eval:hcl-backends: the native binding did not load; nothing to compare against.');
  process.exit(1);
}
const wasm = await loadWasmBackend();

/** Every node as one line, depth-first (iterative: trees can be thousands of levels deep). */
function dump(root: TNode): string[] {
  const out: string[] = [];
  const stack: [TNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    out.push(`${depth} ${n.type} ${n.isNamed ? 'n' : 'a'}${n.isMissing ? ' MISSING' : ''} ${n.startIndex}-${n.endIndex} ${n.field ?? ''} ${n.hasError ? 'E' : ''}`);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i]!, depth + 1]);
  }
  return out;
}

const texts: { label: string; text: string }[] = [];
for (const [i, task] of readdirSync(corpus).sort().entries()) {
  if (i % SHARDS !== shard) continue;
  for (const name of ['MODEL_RESPONSE.md', 'IDEAL_RESPONSE.md']) {
    const md = path.join(corpus, task, 'lib', name);
    if (!existsSync(md)) continue;
    for (const file of extractResponse(readFileSync(md, 'utf8'), `lib/${name}`).files.filter(isHclSource)) {
      const text = normalizeSource(file.content);
      texts.push({ label: `${task}/${name}:${file.path}`, text });
      // Cut at fixed fractions: mid-block, mid-string, mid-expression cuts make unclosed-everything inputs.
      for (const f of [0.3, 0.7]) texts.push({ label: `${task}/${name}:${file.path}@${f}`, text: text.slice(0, Math.floor(text.length * f)) });
    }
  }
}

let sameTree = 0;
let sameResult = 0;
let withErrors = 0;
const ms = { native: 0, wasm: 0 };
const diffs: string[] = [];
for (const { label, text } of texts) {
  const doc = { text, lines: new LineIndex(text) };
  const trees: Record<string, string[]> = {};
  const results: Record<string, string> = {};
  for (const b of [native, wasm]) {
    setHclParserBackend(b);
    const t0 = performance.now();
    const root = parseHclTree(text, doc);
    ms[b.name] += performance.now() - t0;
    trees[b.name] = dump(root);
    if (b === native && root.hasError) withErrors++;
    results[b.name] = JSON.stringify(parseHclSource(text, 'main.tf'));
  }
  setHclParserBackend(native);
  const a = trees['native']!;
  const w = trees['wasm']!;
  const treeSame = a.length === w.length && a.every((l, i) => l === w[i]);
  if (treeSame) sameTree++;
  if (results['native'] === results['wasm']) sameResult++;
  if (!treeSame || results['native'] !== results['wasm']) {
    const at = a.findIndex((l, i) => l !== w[i]);
    diffs.push(`${label}: ${treeSame ? 'result differs' : `tree differs at node ${at}: native "${a[at]}" wasm "${w[at]}"`}`);
  }
}

console.log(JSON.stringify({ texts: texts.length, withErrors, sameTree, sameResult, native: ms.native, wasm: ms.wasm, diffs }));
// Exit now: freeing the native trees left behind takes longer than the comparison.
process.exit(diffs.length ? 1 : 0);
