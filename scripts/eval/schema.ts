/**
 * Schema checks over every IDEAL_RESPONSE of the dev corpus (tf-hcl, and cdktf-ts when the CDKTF front-end exists).
 * Ideals are reviewed code: every finding here is either a real bug in the ideal or a false positive to fix.
 *
 *   npm run eval:schema                       # summary: findings per rule, top 20 (rule, resource, argument)
 *   npm run eval:schema -- --show RULE        # every finding of RULE with its task and message
 *   npm run eval:schema -- --platform tf-hcl  # one platform only
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block, Configuration, Expr, SourceFile } from '../../src/model/types.js';
import { buildConfiguration } from '../../src/model/index-builder.js';
import type { Finding } from '../../src/findings/types.js';
import { checkConfiguration } from '../../src/schema/stage.js';
import { loadSchema } from '../../src/schema/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/dev');

type Parser = (files: SourceFile[]) => Configuration | Promise<Configuration>;

const SPAN = (file: string) => ({ file, line: 1, column: 1, endLine: 1, endColumn: 1 });

/** hcl2json value → model expression: `${...}` strings are opaque, the rest literal/tuple/object. */
function jsonExpr(v: unknown, file: string): Expr {
  if (typeof v === 'string') return v.includes('${') ? { kind: 'opaque', text: v, span: SPAN(file) } : { kind: 'literal', value: v, span: SPAN(file) };
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return { kind: 'literal', value: v, span: SPAN(file) };
  if (Array.isArray(v)) return { kind: 'tuple', items: v.map((x) => jsonExpr(x, file)), span: SPAN(file) };
  return { kind: 'object', entries: Object.entries(v as Record<string, unknown>).map(([key, val]) => ({ key, value: jsonExpr(val, file) })), span: SPAN(file) };
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** hcl2json body → attributes and nested blocks (arrays of objects are blocks; `dynamic` keeps its label). */
function jsonBody(kind: Block['kind'], type: string, labels: string[], body: Record<string, unknown>, file: string): Block {
  const block: Block = { kind, type, labels, attributes: [], blocks: [], span: SPAN(file), form: 'block' };
  for (const [k, v] of Object.entries(body)) {
    if (k === 'dynamic' && isObj(v)) {
      for (const [label, items] of Object.entries(v)) for (const it of items as Record<string, unknown>[]) block.blocks.push(jsonBody('nested', 'dynamic', [label], it, file));
    } else if (Array.isArray(v) && v.length && v.every(isObj) && k !== 'depends_on') {
      for (const it of v) block.blocks.push(jsonBody('nested', k, [], it, file));
    } else block.attributes.push({ name: k, expr: jsonExpr(v, file), span: SPAN(file) });
  }
  return block;
}

async function parseWithHcl2Json(files: SourceFile[]): Promise<Configuration> {
  const { parse } = (await import('@cdktf/hcl2json')) as { parse: (name: string, text: string) => Promise<Record<string, unknown>> };
  const blocks: Block[] = [];
  for (const f of files.filter((x) => /\.tf$/.test(x.path))) {
    let doc: Record<string, unknown>;
    try {
      doc = await parse(f.path, f.content);
    } catch {
      continue;
    }
    for (const [top, v] of Object.entries(doc)) {
      if ((top === 'resource' || top === 'data') && isObj(v)) {
        for (const [type, byName] of Object.entries(v)) for (const [name, items] of Object.entries(byName as Record<string, unknown[]>)) for (const it of items) blocks.push(jsonBody(top, top, [type, name], it as Record<string, unknown>, f.path));
      } else if (top === 'terraform' && Array.isArray(v)) {
        for (const it of v) blocks.push(jsonBody('terraform', 'terraform', [], it as Record<string, unknown>, f.path));
      } else if (top === 'output' && isObj(v)) {
        for (const [name, items] of Object.entries(v)) for (const it of items as Record<string, unknown>[]) blocks.push(jsonBody('output', 'output', [name], it, f.path));
      }
    }
  }
  return buildConfiguration('tf-hcl', files, blocks, []);
}

async function loadParsers(): Promise<Record<string, Parser | string>> {
  const out: Record<string, Parser | string> = {};
  try {
    // A variable specifier: the HCL front-end is written in parallel and may not exist yet.
    const hclModule = '../../src/hcl/index.js';
    const hcl = (await import(hclModule)) as { parseHclFiles?: (f: SourceFile[], platform?: string) => Configuration };
    out['tf-hcl'] = hcl.parseHclFiles ? (f) => hcl.parseHclFiles!(f, 'tf-hcl') : 'src/hcl has no parseHclFiles';
  } catch {
    // Until the tree-sitter front-end exists: @cdktf/hcl2json (dev dependency) gives the structure without lines.
    out['tf-hcl'] = 'hcl2json';
  }
  try {
    const cdktf = (await import('../../src/cdktf/index.js')) as { parseCdktfFiles?: (f: SourceFile[], platform?: string) => Configuration };
    out['cdktf-ts'] = cdktf.parseCdktfFiles ? (f) => cdktf.parseCdktfFiles!(f, 'cdktf-ts') : 'src/cdktf has no parseCdktfFiles';
  } catch (err) {
    out['cdktf-ts'] = `src/cdktf not available (${(err as Error).message.split('\n')[0]})`;
  }
  return out;
}

function argOf(f: Finding): string {
  const m = /"([\w.{} ]+)"/.exec(f.message);
  return m ? m[1]! : '';
}

function typeOf(f: Finding): string {
  const r = f.resource ?? '';
  const parts = r.split('.');
  return parts[0] === 'data' ? `data.${parts[1] ?? ''}` : (parts[0] ?? '');
}

async function main(): Promise<void> {
  if (!existsSync(corpusDir)) {
    process.stdout.write(`eval:schema: corpus not found at ${corpusDir}; nothing to evaluate.\n`);
    return;
  }
  const args = process.argv.slice(2);
  const show = args.includes('--show') ? args[args.indexOf('--show') + 1] : undefined;
  const onlyPlatform = args.includes('--platform') ? args[args.indexOf('--platform') + 1] : undefined;
  const { extractResponse } = await import('../../src/extract/index.js');
  const parsers = await loadParsers();
  const schema = loadSchema();
  process.stdout.write(`schema: AWS provider ${schema.providerVersion} (${schema.source})\n`);

  const byRule = new Map<string, number>();
  const byPair = new Map<string, number>();
  const tasksWithFindings = new Set<string>();
  const constraints = new Map<string, number>();
  let tasks = 0;
  let unverifiable = 0;
  let tasksWithNotes = 0;
  let failures = 0;
  const shown: string[] = [];

  for (const platform of ['tf-hcl', 'cdktf-ts']) {
    if (onlyPlatform && platform !== onlyPlatform) continue;
    const parse = parsers[platform];
    const dir = path.join(corpusDir, platform);
    if (!existsSync(dir)) continue;
    let parseFn: Parser;
    if (parse === 'hcl2json') {
      process.stdout.write(`${platform}: src/hcl not available yet; using @cdktf/hcl2json (no line numbers, references not indexed)\n`);
      parseFn = parseWithHcl2Json;
    } else if (typeof parse !== 'function') {
      process.stdout.write(`${platform}: skipped: ${parse ?? 'no front-end'}\n`);
      continue;
    } else parseFn = parse;
    for (const task of readdirSync(dir).sort()) {
      const ideal = path.join(dir, task, 'lib/IDEAL_RESPONSE.md');
      if (!existsSync(ideal)) continue;
      tasks++;
      let r;
      try {
        const response = extractResponse(readFileSync(ideal, 'utf8'), 'lib/IDEAL_RESPONSE.md');
        const config = await parseFn(response.files);
        r = checkConfiguration(config, [], schema);
      } catch (err) {
        failures++;
        process.stdout.write(`${platform}/${task}: failed: ${(err as Error).message}\n`);
        continue;
      }
      constraints.set(r.provider.constraint ?? '(none)', (constraints.get(r.provider.constraint ?? '(none)') ?? 0) + 1);
      if (r.unverifiable.length) {
        tasksWithNotes++;
        unverifiable += r.unverifiable.length;
      }
      for (const f of r.findings) {
        tasksWithFindings.add(`${platform}/${task}`);
        byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
        const pair = `${f.ruleId}  ${typeOf(f)}  ${argOf(f)}`;
        byPair.set(pair, (byPair.get(pair) ?? 0) + 1);
        if (show && (f.ruleId === show || show === 'all')) shown.push(`${platform}/${task} ${f.location.file}:${f.location.line} [${f.ruleId}] ${f.message}`);
      }
    }
  }

  const sorted = <T>(m: Map<T, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : 1));
  process.stdout.write(`\nideals checked: ${tasks} (${failures} failed to parse/check); with findings: ${tasksWithFindings.size}\n`);
  process.stdout.write(`unknowns turned into notes (targeted versions newer than the schema or another major): ${unverifiable} in ${tasksWithNotes} ideals\n`);
  process.stdout.write(`\nfindings per rule:\n`);
  for (const [k, v] of sorted(byRule)) process.stdout.write(`  ${String(v).padStart(5)}  ${k}\n`);
  process.stdout.write(`\ntop 20 (rule, type, argument):\n`);
  for (const [k, v] of sorted(byPair).slice(0, 20)) process.stdout.write(`  ${String(v).padStart(5)}  ${k}\n`);
  process.stdout.write(`\nAWS provider constraints seen (top 10):\n`);
  for (const [k, v] of sorted(constraints).slice(0, 10)) process.stdout.write(`  ${String(v).padStart(5)}  ${k}\n`);
  if (shown.length) process.stdout.write(`\n${shown.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`eval:schema: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
