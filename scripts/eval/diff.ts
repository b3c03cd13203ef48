/**
 * eval:diff — how much of what the ideal responses changed the diff attributes to a specific category.
 *
 * Over ../shared/corpus/dev (tf-hcl, and cdktf-ts): per task, changes found / attributed / unattributed
 * (unattributed = the `fallback` heuristic; ignored = provider defaults written out and protections the ideal
 * removed, which never become findings); overall share attributed (goal ≥ 85%); the 20 most common
 * unattributed change shapes (kind + resource type + attribute). Second measure: the categories the diff
 * findings cover vs keywords in the headings of the reviewers' lib/MODEL_FAILURES.md (rough).
 *
 * Usage: npx tsx scripts/eval/diff.ts [--platform tf-hcl|cdktf-ts] [--limit N] [--task NAME] [--verbose]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration, SourceFile } from '../../src/model/types.js';
import type { CategoryId } from '../../src/taxonomy/categories.js';
import { extractResponse } from '../../src/extract/index.js';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { attributedDiff, FALLBACK_HEURISTIC } from '../../src/diff/index.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/dev');

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const verbose = args.includes('--verbose');
const limit = Number(opt('--limit') ?? Infinity);
const onlyTask = opt('--task');
const onlyPlatform = opt('--platform');

if (!existsSync(corpus)) {
  console.log(`eval:diff: corpus not found at ${path.relative(repoRoot, corpus)}; nothing to evaluate.`);
  process.exit(0);
}

function read(p: string): string | null {
  return existsSync(p) ? readFileSync(p, 'utf8') : null;
}

// The platform dispatch (and with it the HCL front-end) is loaded lazily, so the CDKTF half of the evaluation
// runs even while src/hcl is absent.
type ParseResponse = (files: SourceFile[], platform: string) => Configuration;
const dispatch = (await import('../../src/pipeline/parse.js').catch(() => null)) as { parseResponse: ParseResponse } | null;

function parse(files: SourceFile[], platform: string): Configuration {
  if (dispatch) return dispatch.parseResponse(files, platform);
  if (platform.startsWith('cdktf')) return parseCdktfFiles(files, platform);
  throw new Error('HCL front-end (src/hcl) not available');
}

/** Reviewer headings → taxonomy categories, by keywords (rough on purpose: a second, independent measure). */
const HEADING_KEYWORDS: [RegExp, CategoryId][] = [
  [/provider.*(file|main\.tf|location|placement|wrong)|file (structure|organi[sz]ation|layout)|lambda code|code location|directory|single.file/, 'file-layout'],
  [/environment.?suffix|naming|resource name|name conflict|unique name/, 'naming'],
  [/public access|publicly|public exposure|open (ingress|security)|0\.0\.0\.0/, 'public-exposure'],
  [/without defaults?|required variable|default value|required input/, 'required-input'],
  [/key policy/, 'key-policy'],
  [/missing.*permission|permissions? missing|lacks? .*permission|insufficient permission/, 'iam-missing-permission'],
  [/wildcard|least.privilege|overly permissive|over.?permissive|broad (iam|permission)/, 'iam-least-privilege'],
  [/route ?53|optional|conditional|https|certificate|custom domain|enable_/, 'optional-feature'],
  [/retention|logging|log group|access log/, 'logging'],
  [/x-?ray|alarm|monitoring|dashboard|observability|tracing/, 'monitoring'],
  [/backend|state (management|locking)|remote state/, 'backend'],
  [/provider version|version constraint|lock file|required_version/, 'provider-version'],
  [/encrypt|kms/, 'encryption'],
  [/\btag/, 'tagging'],
  [/self.sufficien|existing (vpc|resource)|pre-existing|data source|vpc creation|missing vpc|ecr repository/, 'external-dependency'],
  [/snapshot|deletion protection|destroy|force_destroy|cleanup/, 'destroyability'],
  [/lifecycle|filter block|billing|cost|capacity/, 'lifecycle-cost'],
  [/deprecat/, 'deprecated'],
  [/backup|recovery|versioning|point.in.time|pitr|replication/, 'backup-recovery'],
  [/scaling|concurrency|throttl/, 'scaling'],
  [/multi.az|high availability|availability zone|replica|failover|global table/, 'high-availability'],
  [/secret|password|credential/, 'secrets'],
  [/\boutputs?\b/, 'outputs'],
  [/depends_on|dependenc|race|ordering/, 'dependency'],
  [/reference|undefined|undeclared|missing variable|does not exist|not declared/, 'reference'],
  [/schema|invalid|array|unsupported argument|type error|compil|enum/, 'schema'],
  [/hard.?coded|region/, 'hardcoded-value'],
  [/endpoint|nat gateway|egress|network|security group|subnet/, 'network'],
  [/engine version|instance class|performance insights|outdated|not supported/, 'service-constraint'],
  [/missing (resource|service)|not created|missing .* (resource|queue|table|bucket|function)/, 'missing-resource'],
  [/cors|architecture|runtime|misconfig|memory|timeout/, 'misconfiguration'],
];

function reviewerCategories(failures: string): Set<CategoryId> {
  const out = new Set<CategoryId>();
  for (const line of failures.split(/\r?\n/)) {
    const m = /^#{2,4}\s+(.*)$/.exec(line);
    if (!m) continue;
    const heading = m[1]!.toLowerCase();
    if (/summary|training|strength|knowledge gap|overview|analysis|conclusion|impact|recommend/.test(heading) && !/\d/.test(heading)) continue;
    for (const [re, cat] of HEADING_KEYWORDS) {
      if (re.test(heading)) {
        out.add(cat);
        break;
      }
    }
  }
  return out;
}

interface TaskRow {
  task: string;
  platform: string;
  changes: number;
  attributed: number;
  unattributed: number;
  ignored: number;
  coverage: number;
  partial: boolean;
  reviewer: number;
  covered: number;
  error?: string;
}

const rows: TaskRow[] = [];
const shapes = new Map<string, number>();
const byCategory = new Map<string, number>();
const byHeuristic = new Map<string, number>();
const ignoredBy = new Map<string, number>();
const reviewerHit = new Map<string, { seen: number; covered: number }>();

const platforms = ['tf-hcl', 'cdktf-ts'].filter((p) => !onlyPlatform || p === onlyPlatform);
let count = 0;
for (const platform of platforms) {
  const dir = path.join(corpus, platform);
  if (!existsSync(dir)) continue;
  for (const task of readdirSync(dir).sort()) {
    if (onlyTask && task !== onlyTask) continue;
    if (count++ >= limit) break;
    const lib = path.join(dir, task, 'lib');
    const modelMd = read(path.join(lib, 'MODEL_RESPONSE.md'));
    const idealMd = read(path.join(lib, 'IDEAL_RESPONSE.md'));
    if (!modelMd || !idealMd) continue;
    const row: TaskRow = { task, platform, changes: 0, attributed: 0, unattributed: 0, ignored: 0, coverage: 0, partial: false, reviewer: 0, covered: 0 };
    try {
      const model = parse(extractResponse(modelMd, 'lib/MODEL_RESPONSE.md').files, platform);
      const ideal = parse(extractResponse(idealMd, 'lib/IDEAL_RESPONSE.md').files, platform);
      const { result, changes, ignored, findings } = attributedDiff({
        model,
        ideal,
        prompt: read(path.join(lib, 'PROMPT.md')),
        conventions: DEFAULT_CONVENTIONS,
        idealMarkdown: idealMd,
      });
      row.changes = changes.length;
      row.ignored = ignored.length;
      for (const g of ignored) ignoredBy.set(g.reason, (ignoredBy.get(g.reason) ?? 0) + 1);
      row.coverage = result.coverage;
      row.partial = result.partialIdeal;
      for (const c of changes) {
        byHeuristic.set(c.heuristic, (byHeuristic.get(c.heuristic) ?? 0) + 1);
        if (c.heuristic === FALLBACK_HEURISTIC) {
          row.unattributed++;
          const key = `${c.kind} ${c.blockKind === 'resource' ? c.blockType : `${c.blockKind}:${c.blockType}`} ${c.path.join('.') || '-'}`;
          shapes.set(key, (shapes.get(key) ?? 0) + 1);
          if (verbose) console.log(`  [${task}] ${c.summary}`);
        } else {
          row.attributed++;
          byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
        }
      }
      const failures = read(path.join(lib, 'MODEL_FAILURES.md'));
      if (failures) {
        const expected = reviewerCategories(failures);
        const got = new Set(findings.map((f) => f.category));
        row.reviewer = expected.size;
        for (const cat of expected) {
          const s = reviewerHit.get(cat) ?? { seen: 0, covered: 0 };
          s.seen++;
          if (got.has(cat)) {
            s.covered++;
            row.covered++;
          }
          reviewerHit.set(cat, s);
        }
      }
    } catch (err) {
      row.error = (err as Error).message;
    }
    rows.push(row);
  }
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const total = rows.reduce((s, r) => s + r.changes, 0);
const attributed = rows.reduce((s, r) => s + r.attributed, 0);

if (verbose || rows.length <= 40) {
  console.log(`${pad('task', 22)}${pad('platform', 10)}${pad('changes', 9)}${pad('attrib.', 9)}${pad('unattr.', 9)}${pad('coverage', 10)}reviewer cats covered`);
  for (const r of rows) {
    console.log(
      `${pad(r.task, 22)}${pad(r.platform, 10)}${pad(r.changes, 9)}${pad(r.attributed, 9)}${pad(r.unattributed, 9)}${pad(r.coverage.toFixed(2) + (r.partial ? '*' : ''), 10)}${r.covered}/${r.reviewer}${r.error ? `  ERROR ${r.error}` : ''}`,
    );
  }
  console.log('');
}

const errors = rows.filter((r) => r.error);
const noChanges = rows.filter((r) => !r.error && r.changes === 0).length;
const partial = rows.filter((r) => r.partial).length;
console.log(`tasks: ${rows.length} (${errors.length} errors, ${noChanges} without changes, ${partial} partial ideals)`);
const ignoredTotal = rows.reduce((s, r) => s + r.ignored, 0);
console.log(`changes: ${total}; attributed to a specific category: ${attributed} (${pct(attributed, total)}); unattributed: ${total - attributed}  [goal ≥ 85%]`);
console.log(`ignored (not the model's defect, no finding): ${ignoredTotal}${[...ignoredBy.entries()].sort().map(([k, n]) => `; ${k} ${n}`).join('')}`);
for (const p of platforms) {
  const rs = rows.filter((r) => r.platform === p);
  const t = rs.reduce((s, r) => s + r.changes, 0);
  const a = rs.reduce((s, r) => s + r.attributed, 0);
  if (rs.length) console.log(`  ${p}: ${rs.length} tasks, ${t} changes, ${pct(a, t)} attributed`);
}

console.log('\nattributed changes by category:');
for (const [cat, n] of [...byCategory.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) console.log(`  ${pad(cat, 24)}${n}`);

console.log('\n20 most common unattributed change shapes (kind, type, path):');
for (const [shape, n] of [...shapes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20)) console.log(`  ${pad(n, 6)}${shape}`);

if (verbose) {
  console.log('\nchanges by heuristic:');
  for (const [h, n] of [...byHeuristic.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${pad(h, 36)}${n}`);
}

const seen = [...reviewerHit.values()].reduce((s, v) => s + v.seen, 0);
const covered = [...reviewerHit.values()].reduce((s, v) => s + v.covered, 0);
console.log(`\nreviewer headings (MODEL_FAILURES.md, keyword-matched) vs diff finding categories: ${covered}/${seen} covered (${pct(covered, seen)})`);
for (const [cat, v] of [...reviewerHit.entries()].sort((a, b) => b[1].seen - a[1].seen || (a[0] < b[0] ? -1 : 1))) {
  console.log(`  ${pad(cat, 24)}${pad(`${v.covered}/${v.seen}`, 10)}${pct(v.covered, v.seen)}`);
}
if (errors.length) {
  console.log(`\nerrors (${errors.length}):`);
  for (const r of errors.slice(0, 10)) console.log(`  ${r.platform}/${r.task}: ${r.error}`);
}
