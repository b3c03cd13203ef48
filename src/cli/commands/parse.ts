/**
 * `iacjudge parse <path> [--json] [--platform]`: a front-end on its own. <path> is a .tf/.tfvars/.hcl (or .tf.json)
 * or CDKTF .ts file, a folder (searched recursively, files in sorted order) or a markdown response whose code blocks
 * are extracted first. The platform is detected from the files (HCL, or TypeScript importing cdktf) unless given.
 * Exit 1 when the files have syntax errors.
 */
import { readdirSync, statSync } from 'node:fs';
import { readBounded } from '../../io/read.js';
import { stripControls } from '../../io/text.js';
import { basename, join, relative, sep } from 'node:path';
import type { RegisterCommand } from './index.js';
import { UsageError } from '../../contracts/errors.js';
import { detectPlatform, parseResponse } from '../../pipeline/parse.js';
import { extractResponse } from '../../extract/index.js';
import { blockAddress } from '../../model/query.js';
import type { Configuration, SourceFile } from '../../model/types.js';

/** Terraform files in native syntax, and in JSON syntax (`.tf.json`, `.tfvars.json`). */
const HCL_FILE = /\.(tf|tfvars|hcl)$|\.(tf|tfvars)\.json$/i;
/** CDKTF sources (TypeScript, not declaration files). */
const TS_FILE = /(?<!\.d)\.ts$/i;
const PLATFORMS = ['tf-hcl', 'cdktf-ts'];
/** Folders that hold downloaded providers and modules, not the configuration. */
const SKIPPED_DIRS = new Set(['.terraform', '.git', 'node_modules']);

function hclFilesUnder(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) stack.push(p);
      } else if (entry.isFile() && (HCL_FILE.test(entry.name) || TS_FILE.test(entry.name))) out.push(p);
    }
  }
  return out.map((p) => relative(root, p).split(sep).join('/')).sort();
}

export function loadParseInput(path: string, warn: (message: string) => void = (m) => process.stderr.write(`iacjudge parse: ${stripControls(m)}\n`)): SourceFile[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`path not found: ${path}`);
  }
  // Bounded reads: a 52 MB file took 10.6 GB to parse; FIFOs and devices must not hang or abort the command.
  if (st.isDirectory()) {
    const files: SourceFile[] = [];
    for (const rel of hclFilesUnder(path)) {
      const got = readBounded(join(path, rel), { label: rel, within: path });
      if (got.ok) files.push({ path: rel, language: TS_FILE.test(rel) ? 'ts' : 'hcl', content: got.bytes.toString('utf8') });
      else warn(`${got.message}; skipped`);
    }
    return files;
  }
  const got = readBounded(path, { label: basename(path) });
  if (!got.ok) throw new UsageError(got.message);
  const content = got.bytes.toString('utf8');
  if (/\.(md|markdown)$/i.test(path)) return extractResponse(content, basename(path)).files;
  return [{ path: basename(path), language: TS_FILE.test(path) ? 'ts' : 'hcl', content }];
}

/** The platform to parse with: the one given, else what the files are (HCL first, then CDKTF TypeScript). */
export function parsePlatform(files: SourceFile[], given?: string): string {
  if (given !== undefined) {
    if (!PLATFORMS.includes(given)) throw new UsageError(`unknown platform "${given}" (expected ${PLATFORMS.join(' or ')})`);
    return given;
  }
  const detected = detectPlatform(files);
  return PLATFORMS.includes(detected) ? detected : 'tf-hcl';
}

/** The configuration as plain JSON: symbols as a sorted object (without their blocks), files without content. */
export function configurationJson(config: Configuration): unknown {
  const symbols: Record<string, unknown> = {};
  for (const key of [...config.symbols.keys()].sort()) {
    const { block: _block, ...rest } = config.symbols.get(key)!;
    symbols[key] = rest;
  }
  return {
    platform: config.platform,
    files: config.files.map(({ content: _content, ...meta }) => meta),
    blocks: config.blocks,
    diagnostics: config.diagnostics,
    symbols,
    references: config.references,
  };
}

export function renderSummary(config: Configuration): string {
  const hclFiles = new Set(config.blocks.map((b) => b.span.file));
  const byKind = new Map<string, number>();
  for (const b of config.blocks) byKind.set(b.kind, (byKind.get(b.kind) ?? 0) + 1);
  const lines = [`platform ${config.platform}`, `${config.files.length} files (${hclFiles.size} with blocks), ${config.blocks.length} blocks, ${config.references.length} references`];
  if (byKind.size) lines.push('  ' + [...byKind.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', '));
  for (const b of config.blocks) lines.push(`  ${b.span.file}:${b.span.line}  ${b.kind === 'nested' || b.kind === 'unknown' ? [b.type, ...b.labels].join('.') : blockAddress(b)}`);
  lines.push(config.diagnostics.length ? `diagnostics (${config.diagnostics.length}):` : 'no diagnostics');
  for (const d of config.diagnostics) lines.push(`  ${d.span.file}:${d.span.line}:${d.span.column}  ${d.severity}  ${d.message}`);
  return lines.join('\n') + '\n';
}

export const register: RegisterCommand = (program, setExit) => {
  program
    .command('parse')
    .description('parse Terraform HCL or CDKTF TypeScript (a file, a folder, or a markdown response) and print the normalized model')
    .argument('<path>', '.tf/.tfvars/.hcl/.tf.json/.ts file, folder (recursive), or .md response')
    .option('--json', 'print the configuration as JSON (file contents omitted)', false)
    .option('--platform <platform>', 'tf-hcl or cdktf-ts (default: detected from the files)')
    .action((path: string, opts: { json: boolean; platform?: string }) => {
      const files = loadParseInput(path);
      // Nothing to parse is an input error, not an empty success.
      if (files.length === 0) throw new UsageError(`no Terraform or CDKTF files in ${path} (expected .tf, .tf.json, .tfvars, .hcl, .ts or a markdown response with code)`);
      const config = parseResponse(files, parsePlatform(files, opts.platform));
      process.stdout.write(opts.json ? JSON.stringify(configurationJson(config), null, 2) + '\n' : renderSummary(config));
      if (config.diagnostics.some((d) => d.severity === 'error')) setExit(1);
    });
};
