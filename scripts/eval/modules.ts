/**
 * False-positive hunt on public Terraform modules: well-maintained modules must produce no `syntax`, `schema` or
 * `reference` finding (and no wrong `deprecated` / `provider-version` one).
 *
 *   npm run eval:modules                      # every module repository under $IACJUDGE_MODULES_DIR (default /work/modules-cache)
 *   npm run eval:modules -- DIR               # another folder holding module repositories
 *   npm run eval:modules -- DIR --whole       # also analyze each repository as one folder (root + modules/* + examples/*)
 *   npm run eval:modules -- DIR --quiet       # totals only
 *
 * Every folder holding .tf or .tf.json files (the root, modules/x, examples/y, wrappers/...) is its own Terraform module: it is
 * copied alone into a scratch folder and analyzed as a plain folder of configuration files (a model response with no ideal), so
 * references resolve within that folder only. Nothing from the analyzed modules is written into the repository.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeTask } from '../../src/index.js';
import type { Finding } from '../../src/findings/types.js';

const CATEGORIES = new Set(['syntax', 'schema', 'reference', 'deprecated', 'provider-version']);
const SKIPPED = new Set(['.git', '.terraform', 'node_modules', 'test', 'tests']);

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const DEFAULT_MODULES_DIR = '/work/modules-cache';
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? (process.env.IACJUDGE_MODULES_DIR || DEFAULT_MODULES_DIR));

if (!existsSync(root) || !statSync(root).isDirectory()) {
  console.log(
    `eval:modules: module cache ${root} is absent; put module repositories there (one folder each, e.g. owner__repo), ` +
      'set IACJUDGE_MODULES_DIR or give a folder. Nothing to do.',
  );
  process.exit(0);
}

/** Terraform configuration files in either syntax: native (.tf) and JSON (.tf.json). */
const CONFIG_FILE = /\.tf(?:\.json)?$/;

/** Folders under `dir` (itself included) that hold configuration files directly, sorted, relative to `dir`. */
function moduleFolders(dir: string, rel = ''): string[] {
  const here = path.join(dir, rel);
  const entries = readdirSync(here, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = entries.some((e) => e.isFile() && CONFIG_FILE.test(e.name)) ? [rel] : [];
  for (const e of entries) if (e.isDirectory() && !SKIPPED.has(e.name)) out.push(...moduleFolders(dir, rel ? `${rel}/${e.name}` : e.name));
  return out;
}

/** Copies the folder's own .tf and .tf.json (and .tftpl/.tpl) files, not its subfolders, into a fresh scratch folder. */
function stage(src: string, scratch: string): string {
  const dest = mkdtempSync(path.join(scratch, 'm-'));
  for (const e of readdirSync(src, { withFileTypes: true })) {
    if (e.isFile() && /\.(tf|tf\.json|tftpl|tpl)$/.test(e.name)) copyFileSync(path.join(src, e.name), path.join(dest, e.name));
  }
  return dest;
}

function relevant(findings: Finding[]): Finding[] {
  return findings.filter((f) => CATEGORIES.has(f.category));
}

/** Locations come back as `lib/<file>` (a plain folder is read as a response under lib/). */
function where(f: Finding, prefix: string): string {
  const file = f.location?.file?.replace(/^lib\//, '') ?? '?';
  return `${prefix}${file}:${f.location?.line ?? '?'}`;
}

/** Counts findings per category, every category, for the per-folder summary line. */
function countByCategory(findings: Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([c, n]) => `${c}=${n}`).join(' ') || 'no findings';
}

/** Lines of the configuration files directly in `dir` (not its subfolders). */
function tfStats(dir: string): { files: number; lines: number } {
  let files = 0;
  let lines = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isFile() || !CONFIG_FILE.test(e.name)) continue;
    files++;
    lines += readFileSync(path.join(dir, e.name), 'utf8').split('\n').length;
  }
  return { files, lines };
}

const totals = new Map<string, number>();
let tfFiles = 0;
let tfLines = 0;
const byRule = new Map<string, number>();
let folders = 0;
let clean = 0;
const scratch = mkdtempSync(path.join(tmpdir(), 'iacjudge-modules-'));
try {
  const repos = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const repo of repos) {
    const repoDir = path.join(root, repo);
    const units: { label: string; dir: string; prefix: string }[] = moduleFolders(repoDir).map((rel) => ({
      label: rel ? `${repo}/${rel}` : repo,
      dir: stage(path.join(repoDir, rel), scratch),
      prefix: rel ? `${rel}/` : '',
    }));
    if (flags.has('--whole')) units.push({ label: `${repo} (whole repository)`, dir: repoDir, prefix: '' });
    for (const unit of units) {
      folders++;
      if (!unit.label.endsWith('(whole repository)')) {
        const stats = tfStats(unit.dir);
        tfFiles += stats.files;
        tfLines += stats.lines;
      }
      const result = analyzeTask(unit.dir, { score: false });
      const found = relevant(result.findings);
      if (!found.length) clean++;
      for (const f of found) {
        totals.set(f.category, (totals.get(f.category) ?? 0) + 1);
        byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
      }
      if (flags.has('--quiet')) continue;
      const constraint = result.task.provider?.constraint ?? 'none';
      console.log(
        `${unit.label}  [aws ${constraint}]  ${found.length ? `${found.length} finding(s)` : 'clean'}  (${countByCategory(result.findings)})`,
      );
      for (const f of found) console.log(`  ${f.category.padEnd(16)} ${f.ruleId.padEnd(34)} ${where(f, unit.prefix)}  ${f.message}`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

console.log('');
console.log(`modules analyzed: ${folders} folder(s) under ${root} (${tfFiles} .tf/.tf.json files, ${tfLines} lines); clean: ${clean}`);
for (const c of CATEGORIES) console.log(`  ${c.padEnd(16)} ${totals.get(c) ?? 0}`);
if (byRule.size) {
  console.log('by rule:');
  for (const [r, n] of [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${r.padEnd(34)} ${n}`);
}
