/**
 * eval:tf-json — does a configuration in Terraform's JSON syntax get the same findings as the same configuration
 * in native syntax? For each tf-hcl task of the dev corpus, the model response's .tf files are written to a scratch
 * folder as they are, and to another converted to .tf.json by @cdktf/hcl2json (a dev dependency: HCL's own parser
 * compiled to WASM, run on the corpus only, never by the judge); both folders are analyzed as plain folders and
 * their findings compared by rule, resource and tier (`hcl-not-formatted` reads native layout only and is left
 * out). Prints the tasks compared, those that match, and every difference.
 *
 * Usage: npx tsx scripts/eval/tf-json.ts [--limit N] [--verbose]
 * Reads ../shared/corpus/dev; exits 0 with a message when it is absent. Nothing is written into the repository.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as hclToJson } from '@cdktf/hcl2json';
import { analyzeTask } from '../../src/index.js';
import { parseHclSource, parseTerraformJsonSource } from '../../src/hcl/index.js';
import { loadTask } from '../../src/ingest/index.js';
import type { Block, Expr } from '../../src/model/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/dev/tf-hcl');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const limitAt = args.indexOf('--limit');
const limit = limitAt === -1 ? Infinity : Number(args[limitAt + 1]);

/** Rules that read the native syntax's layout, which a JSON file does not have. */
const NATIVE_ONLY = new Set(['hcl-not-formatted']);

if (!existsSync(corpus)) {
  console.log(`eval:tf-json: corpus not found at ${corpus}; nothing to evaluate.`);
  process.exit(0);
}

function write(root: string, rel: string, text: string): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * Findings as comparable lines: rule, tier and the resources of all its places. Locations differ by design (JSON
 * lines are not HCL lines), and so does the order of blocks (hcl2json sorts them by name), which decides which
 * place of a grouped finding is its lead; file names in resources are read without `.json`.
 */
function findingsOf(dir: string): { lines: string[]; places: string } {
  const findings = analyzeTask(dir, { score: false }).findings.filter((f) => !NATIVE_ONLY.has(f.ruleId));
  const all = new Set<string>();
  const lines = findings
    .map((f) => {
      const places = [f.resource, ...(f.occurrences ?? []).map((o) => o.resource)].filter((r): r is string => !!r);
      const resources = [...new Set(places.map((r) => r.replace(/\.tf\.json#/, '.tf#')))].sort();
      for (const r of resources) all.add(`${f.tier ?? '-'} ${r}`);
      return `${f.ruleId} ${f.tier ?? '-'} ${resources.join(',') || '-'}`;
    })
    .sort();
  return { lines, places: [...all].sort().join('\n') };
}

/**
 * A block as text that ignores what differs by design between the two syntaxes: spans, the order of blocks and
 * arguments (hcl2json orders them by name), heredoc flags, and `"${x}"` (a one-interpolation template in native
 * syntax, the expression itself in JSON syntax, as Terraform evaluates both).
 */
function canonicalBlock(b: Block): string {
  const attributes = b.attributes.map((a) => `${a.name}=${canonicalExpr(a.expr)}`).sort();
  const blocks = b.blocks.map(canonicalBlock).sort();
  return `${b.type}${b.labels.map((l) => ` "${l}"`).join('')} {${[...attributes, ...blocks].join('; ')}}`;
}

function canonicalExpr(e: Expr): string {
  if (e.kind === 'literal' && typeof e.value === 'string') return JSON.stringify(e.value);
  if (e.kind === 'template' && e.parts.length === 1 && e.parts[0]!.kind !== 'literal') return canonicalExpr(e.parts[0]!);
  if (e.kind === 'template' && e.parts.every((p) => p.kind === 'literal')) return JSON.stringify(e.parts.map((p) => (p.kind === 'literal' ? String(p.value) : '')).join(''));
  if (e.kind === 'object') {
    // hcl2json orders an object's keys by name.
    const entries = e.entries.map((x) => `${x.key !== undefined ? JSON.stringify(x.key) : canonicalExpr(x.keyExpr!)}:${canonicalExpr(x.value)}`).sort();
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(e, (k, v: unknown) => {
    if (k === 'span' || k === 'heredoc') return undefined;
    if (v && typeof v === 'object' && !Array.isArray(v) && (v as { kind?: string }).kind && v !== e) return JSON.parse(canonicalExpr(v as Expr)) as unknown;
    return v;
  });
}

/** Lines of `a` not in `b`, counting repeats. */
function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'iacjudge-tf-json-'));
let compared = 0;
let same = 0;
let skipped = 0;
let findings = 0;
let leadsMoved = 0;
const regrouped: string[] = [];
let blocksCompared = 0;
let blocksDiffering = 0;
const blockDifferences: string[] = [];
const jsonErrors: string[] = [];
const differences: string[] = [];
const started = performance.now();
try {
  for (const name of readdirSync(corpus).sort()) {
    if (compared >= limit) break;
    const taskDir = path.join(corpus, name);
    let files;
    try {
      files = loadTask(taskDir).model?.files.filter((f) => f.path.endsWith('.tf')) ?? [];
    } catch {
      continue;
    }
    if (!files.length) continue;
    const native = path.join(scratch, `${name}-native`);
    const json = path.join(scratch, `${name}-json`);
    let converted = true;
    const nativeBlocks: string[] = [];
    const jsonBlocks: string[] = [];
    for (const f of files) {
      const rel = f.path.replace(/^lib\//, '');
      write(native, rel, f.content);
      try {
        const text = JSON.stringify(await hclToJson(rel, f.content), null, 2);
        write(json, `${rel}.json`, text);
        nativeBlocks.push(...parseHclSource(f.content, rel).blocks.map(canonicalBlock));
        const fromJson = parseTerraformJsonSource(text, `${rel}.json`);
        jsonBlocks.push(...fromJson.blocks.map(canonicalBlock));
        for (const d of fromJson.diagnostics) jsonErrors.push(`${name}/${rel}.json:${d.span.line}: ${d.message}`);
      } catch {
        // Not valid HCL to HashiCorp's parser: there is no JSON form to compare.
        converted = false;
        break;
      }
    }
    if (!converted) {
      skipped++;
      continue;
    }
    compared++;
    blocksCompared += nativeBlocks.length;
    const blocksOnlyNative = minus(nativeBlocks.sort(), jsonBlocks.slice().sort());
    const blocksOnlyJson = minus(jsonBlocks.sort(), nativeBlocks.slice().sort());
    blocksDiffering += blocksOnlyNative.length;
    for (const x of blocksOnlyNative.slice(0, verbose ? Infinity : 2)) blockDifferences.push(`${name}: .tf      ${x.slice(0, 400)}`);
    for (const x of blocksOnlyJson.slice(0, verbose ? Infinity : 2)) blockDifferences.push(`${name}: .tf.json ${x.slice(0, 400)}`);
    const native_ = findingsOf(native);
    const json_ = findingsOf(json);
    const a = native_.lines;
    const b = json_.lines;
    findings += a.length;
    let onlyNative = minus(a, b);
    let onlyJson = minus(b, a);
    // A check that reports once per configuration names its first block as the place: hcl2json orders blocks by
    // name, so the same finding may lead with another block. Same rule and tier on both sides is the same finding.
    const ruleTier = (x: string): string => x.split(' ').slice(0, 2).join(' ');
    const relead = minus(onlyNative.map(ruleTier), minus(onlyNative.map(ruleTier), onlyJson.map(ruleTier)));
    leadsMoved += relead.length;
    onlyNative = onlyNative.filter((x) => !relead.includes(ruleTier(x)));
    onlyJson = onlyJson.filter((x) => !relead.includes(ruleTier(x)));
    if (!onlyNative.length && !onlyJson.length) same++;
    else if (native_.places === json_.places) {
      // The same resources at the same tiers, grouped under other rules: the judge's root-cause grouping takes the
      // first finding of a resource as the host, and hcl2json's block order changes which one that is.
      regrouped.push(name);
      continue;
    }
    for (const x of onlyNative) differences.push(`${name}: only .tf:      ${x}`);
    for (const x of onlyJson) differences.push(`${name}: only .tf.json: ${x}`);
    if (verbose) console.log(`${name}: ${a.length} findings, ${onlyNative.length + onlyJson.length} differences`);
    rmSync(native, { recursive: true, force: true });
    rmSync(json, { recursive: true, force: true });
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log(`blocks compared: ${blocksCompared}; the same model from both syntaxes: ${blocksCompared - blocksDiffering}; differing: ${blocksDiffering}`);
for (const d of blockDifferences) console.log(`  ${d}`);
console.log(`errors reading the converted .tf.json files: ${jsonErrors.length}`);
for (const d of jsonErrors.slice(0, verbose ? Infinity : 20)) console.log(`  ${d}`);
console.log(`tasks compared: ${compared} (${findings} findings on the .tf side); skipped (HCL that HashiCorp's parser rejects): ${skipped}`);
console.log(`same findings (rule, tier, resources): ${same}/${compared}; same findings led by another block: ${leadsMoved}`);
console.log(`same resources at the same tiers, grouped under other rules (block order): ${regrouped.length}${regrouped.length ? ` (${regrouped.join(', ')})` : ''}`);
console.log(`differences: ${differences.length}`);
for (const d of differences) console.log(`  ${d}`);
console.log(`time ${((performance.now() - started) / 1000).toFixed(1)} s`);
