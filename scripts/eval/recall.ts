/**
 * `npm run eval:recall`: the headline metric. For every documented failure (claim) in every dev task's
 * MODEL_FAILURES.md, classify its category and check whether iacjudge reports a finding of that category.
 * Prints overall recall, recall by category (with counts) and the 25 most-missed claim titles.
 * Flags: --limit N, --platform tf-hcl|cdktf-ts, --verbose.
 */
import { analyzeTaskDetailed } from '../../src/pipeline/run.js';
import { parseFailureAnalysis } from '../../src/verify/parse.js';
import { classifyClaim, NOT_CHECKABLE } from '../../src/verify/classify.js';
import { corpusTasks, parseFlags, pct, requireCorpus } from './corpus-tasks.js';

requireCorpus('eval:recall');
const flags = parseFlags();

interface ClaimRow {
  task: string;
  title: string;
  category: string | null;
  hit: boolean;
}

const rows: ClaimRow[] = [];
let tasks = 0;
let failed = 0;
const started = Date.now();
for (const t of corpusTasks(flags)) {
  try {
    const d = analyzeTaskDetailed(t.path, { score: false, claims: false });
    if (d.task.failures === null) continue;
    tasks += 1;
    const categories = new Set<string>(d.result.findings.map((f) => f.category));
    for (const claim of parseFailureAnalysis(d.task.failures)) {
      const { category } = classifyClaim(claim);
      rows.push({ task: t.key, title: claim.title, category, hit: category !== null && categories.has(category) });
    }
  } catch (err) {
    failed += 1;
    if (flags.verbose) console.error(`${t.key}: ${(err as Error).message}`);
  }
}

const classified = rows.filter((r) => r.category !== null);
const checkable = classified.filter((r) => !NOT_CHECKABLE.has(r.category as never));
console.log(`eval:recall: ${tasks} tasks (${failed} failed to analyze), ${rows.length} claims, ${classified.length} classified, in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
console.log(`recall (classified claims):          ${pct(classified.filter((r) => r.hit).length, classified.length)}  (${classified.filter((r) => r.hit).length}/${classified.length})`);
console.log(`recall (checkable: no tests/docs/style): ${pct(checkable.filter((r) => r.hit).length, checkable.length)}  (${checkable.filter((r) => r.hit).length}/${checkable.length})`);
console.log(`recall (all claims, unclassified = miss): ${pct(rows.filter((r) => r.hit).length, rows.length)}\n`);

console.log('by category:');
const byCat = new Map<string, ClaimRow[]>();
for (const r of classified) byCat.set(r.category!, [...(byCat.get(r.category!) ?? []), r]);
for (const [cat, of] of [...byCat.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
  const hits = of.filter((r) => r.hit).length;
  console.log(`  ${cat.padEnd(24)} ${String(of.length).padStart(5)} claims  recall ${pct(hits, of.length).padStart(6)}${NOT_CHECKABLE.has(cat as never) ? '  (not checkable in code)' : ''}`);
}
console.log(`  ${'(unclassified)'.padEnd(24)} ${String(rows.length - classified.length).padStart(5)} claims`);

// Most-missed titles: normalized so near-identical titles across tasks add up.
const norm = (s: string) => s.toLowerCase().replace(/`/g, '').replace(/\([^)]*\)/g, '').replace(/[^a-z0-9_ ]+/g, ' ').replace(/\s+/g, ' ').trim();
const missed = new Map<string, { title: string; category: string; n: number }>();
for (const r of checkable.filter((x) => !x.hit)) {
  const k = `${r.category}\u0000${norm(r.title)}`;
  const m = missed.get(k);
  if (m) m.n += 1;
  else missed.set(k, { title: r.title, category: r.category!, n: 1 });
}
console.log('\n25 most-missed claims (checkable categories):');
for (const m of [...missed.values()].sort((a, b) => b.n - a.n || (a.title < b.title ? -1 : 1)).slice(0, 25)) {
  console.log(`  ${String(m.n).padStart(3)}  ${m.category.padEnd(22)} ${m.title.slice(0, 100)}`);
}
