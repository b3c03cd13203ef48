/**
 * eval:parse — the HCL front-end over the dev corpus, checked against HashiCorp's own parser.
 *
 * For every tf-hcl task, extracts MODEL_RESPONSE.md and IDEAL_RESPONSE.md, parses every HCL file and prints:
 * tasks, responses, files, blocks, files with parse errors, crashes (must be 0) and time. Then runs
 * @cdktf/hcl2json (hashicorp/hcl compiled to wasm) on the same files and lists each file where exactly one of
 * the two reports a syntax error. Reads ../shared/corpus/dev; exits 0 with a message when it is absent.
 *
 * Usage: npx tsx scripts/eval/parse.ts [--verbose] [--no-oracle]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as hcl2json } from '@cdktf/hcl2json';
import { extractResponse } from '../../src/extract/index.js';
import { isHclSource, parseHclFiles, parseHclSource } from '../../src/hcl/index.js';
import type { SourceFile } from '../../src/model/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/dev/tf-hcl');
const verbose = process.argv.includes('--verbose');
const withOracle = !process.argv.includes('--no-oracle');

if (!existsSync(corpus)) {
  console.log(`eval:parse: corpus not found at ${corpus}; nothing to evaluate.`);
  process.exit(0);
}

interface ParsedFile {
  task: string;
  file: SourceFile;
  ourError?: string;
}

const RESPONSES = ['MODEL_RESPONSE.md', 'IDEAL_RESPONSE.md'];
let tasks = 0;
let responses = 0;
let blocks = 0;
let crashes = 0;
let diagnosticsTotal = 0;
let parseMs = 0;
let configMs = 0;
const files: ParsedFile[] = [];
const crashList: string[] = [];

for (const task of readdirSync(corpus).sort()) {
  const lib = path.join(corpus, task, 'lib');
  if (!existsSync(lib)) continue;
  tasks++;
  for (const name of RESPONSES) {
    const mdPath = path.join(lib, name);
    if (!existsSync(mdPath)) continue;
    responses++;
    const extracted = extractResponse(readFileSync(mdPath, 'utf8'), `lib/${name}`);
    const hcl = extracted.files.filter(isHclSource);
    for (const file of hcl) {
      const label = `${task}/${name}:${file.path}`;
      try {
        const t0 = performance.now();
        const r = parseHclSource(file.content, file.path);
        parseMs += performance.now() - t0;
        blocks += r.blocks.length;
        diagnosticsTotal += r.diagnostics.length;
        const first = r.diagnostics.find((d) => d.severity === 'error');
        files.push({ task: `${task}/${name}`, file, ...(first ? { ourError: `${first.span.line}:${first.span.column} ${first.message}` } : {}) });
      } catch (err) {
        crashes++;
        crashList.push(`${label}: ${(err as Error).message}`);
      }
    }
    try {
      const t0 = performance.now();
      parseHclFiles(extracted.files);
      configMs += performance.now() - t0;
    } catch (err) {
      crashes++;
      crashList.push(`${task}/${name} (configuration): ${(err as Error).message}`);
    }
  }
}

const errorFiles = files.filter((f) => f.ourError);
console.log(`eval:parse over ${corpus.replace(repoRoot + path.sep, '')}`);
console.log(`  tasks ${tasks}, responses ${responses}, HCL files ${files.length + crashList.length}, blocks ${blocks}`);
console.log(`  files with parse errors ${errorFiles.length}, diagnostics ${diagnosticsTotal}, crashes ${crashes}`);
console.log(`  time: parse+convert ${parseMs.toFixed(0)} ms for ${files.length} files (${(parseMs / Math.max(1, files.length)).toFixed(2)} ms/file); with configuration building ${configMs.toFixed(0)} ms`);
for (const c of crashList) console.log(`  CRASH ${c}`);
if (verbose) for (const f of errorFiles) console.log(`  error ${f.task}:${f.file.path} ${f.ourError}`);

if (withOracle) {
  let oracleErrors = 0;
  const disagreements: string[] = [];
  const t0 = performance.now();
  for (const f of files) {
    let theirs: string | undefined;
    try {
      await hcl2json(f.file.path, f.file.content);
    } catch (err) {
      theirs = String((err as Error)?.message ?? err).replace(/\s+/g, ' ').trim();
    }
    if (theirs) oracleErrors++;
    if (Boolean(theirs) !== Boolean(f.ourError)) {
      disagreements.push(`${f.task} ${f.file.path}\n      ours:     ${f.ourError ?? 'ok'}\n      hcl2json: ${theirs?.slice(0, 300) ?? 'ok'}`);
    }
  }
  console.log(`  oracle (@cdktf/hcl2json): files with errors ${oracleErrors}; disagreements ${disagreements.length} (${(performance.now() - t0).toFixed(0)} ms)`);
  for (const d of disagreements) console.log(`    ${d}`);
}
process.exit(crashes > 0 ? 1 : 0);
