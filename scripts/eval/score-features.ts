/**
 * `npm run eval:score-features`: analyzes every dev task with a recorded training_quality once and writes one
 * JSON line of score features per task (recorded score, metadata, finding counts with their fix status,
 * diff size, complexity factors of ideal and model, blockers, prompt and analysis words, the current rubric result) to
 * /tmp/iacjudge-score-features.jsonl (or --out FILE). Tasks already in the file are skipped, so an interrupted
 * run resumes; `--shard i/n` splits the work between processes. The rows feed score-model studies without
 * re-running the analysis.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { analyzeTaskDetailed } from '../../src/pipeline/run.js';
import { idealProbe } from '../../src/score/stage.js';
import { isFix } from '../../src/score/fixes.js';
import { complexityFactors, type ComplexityFactors } from '../../src/score/complexity.js';
import { platformBlocker, regionBlocker, servicesBlocker } from '../../src/score/blockers.js';
import { attributedDiff } from '../../src/diff/index.js';
import { proseWords, wordCount } from '../../src/score/evidence.js';
import { mergeFindings } from '../../src/findings/merge.js';
import { resources } from '../../src/model/query.js';
import { DEFAULT_CONVENTIONS } from '../../src/rules/conventions.js';
import type { Configuration } from '../../src/model/types.js';
import { corpusTasks, parseFlags, recordedQuality, requireCorpus } from './corpus-tasks.js';

requireCorpus('eval:score-features');
const flags = parseFlags();
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const out = arg('--out') ?? '/tmp/iacjudge-score-features.jsonl';
const [shardIndex, shardCount] = (arg('--shard') ?? '0/1').split('/').map(Number) as [number, number];

const done = new Set<string>();
if (existsSync(out)) {
  for (const line of readFileSync(out, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      done.add((JSON.parse(line) as { task: string }).task);
    } catch {
      // a line cut by an interrupted run is redone
    }
  }
}

function lines(c: Configuration | null): string[] {
  if (!c) return [];
  return c.files.flatMap((f) => f.content.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && !l.startsWith('//')));
}

/** Lines only one side has (multiset difference). */
function lineDelta(model: string[], ideal: string[]): { added: number; removed: number } {
  const m = new Map<string, number>();
  for (const l of model) m.set(l, (m.get(l) ?? 0) + 1);
  let added = 0;
  for (const l of ideal) {
    const n = m.get(l) ?? 0;
    if (n > 0) m.set(l, n - 1);
    else added += 1;
  }
  let removed = 0;
  for (const n of m.values()) removed += n;
  return { added, removed };
}

function factors(f: ComplexityFactors | null) {
  if (!f) return null;
  return {
    services: f.services,
    multipleServices: f.multipleServices.applies,
    multipleDetail: f.multipleServices.detail,
    security: f.security.applies,
    securityDetail: f.security.detail,
    ha: f.highAvailability.applies,
    haDetail: f.highAvailability.detail,
    advanced: f.advancedPatterns.applies,
    advancedDetail: f.advancedPatterns.detail,
    single: f.singleService.applies,
  };
}

function statedScore(text: string | null): number | null {
  if (!text) return null;
  const m = /training[ _]quality[^\n]{0,40}?(\d+(?:\.\d+)?)\s*\/\s*10/i.exec(text);
  return m ? Number(m[1]) : null;
}

let n = 0;
const tasks = corpusTasks(flags).filter((_, i) => i % shardCount === shardIndex);
const started = Date.now();
for (const t of tasks) {
  if (done.has(t.key)) continue;
  const recorded = recordedQuality(t.path);
  if (recorded === null) continue;
  try {
    const d = analyzeTaskDetailed(t.path);
    const warnings: string[] = [];
    const findings = mergeFindings(d.result.findings);
    const input = { task: d.task, model: d.model, ideal: d.ideal, findings, conventions: DEFAULT_CONVENTIONS };
    const probe = d.model ? idealProbe(input, warnings) : null;
    const diff = d.model && d.ideal ? attributedDiff({ model: d.model, ideal: d.ideal, prompt: d.task.prompt, conventions: DEFAULT_CONVENTIONS, idealMarkdown: d.task.ideal?.markdown ?? null }) : null;
    const changeKinds: Record<string, number> = {};
    for (const c of diff?.changes ?? []) changeKinds[c.kind] = (changeKinds[c.kind] ?? 0) + 1;
    const code = d.ideal ?? d.model;
    const ml = lines(d.model);
    const il = lines(d.ideal);
    const meta = d.task.metadata ?? {};
    const row = {
      task: t.key,
      platform: d.task.platform,
      recorded,
      complexity: meta.complexity ?? null,
      subtask: meta.subtask ?? null,
      awsServices: Array.isArray(meta.aws_services) ? meta.aws_services.length : null,
      model: d.model ? { blocks: d.model.blocks.length, resources: resources(d.model).length, lines: ml.length, files: d.model.files.length, errors: d.model.diagnostics.filter((x) => x.severity === 'error').length } : null,
      ideal: d.ideal ? { blocks: d.ideal.blocks.length, resources: resources(d.ideal).length, lines: il.length, files: d.ideal.files.length, errors: d.ideal.diagnostics.filter((x) => x.severity === 'error').length } : null,
      lineDelta: d.model && d.ideal ? lineDelta(ml, il) : null,
      diff: diff
        ? {
            changes: diff.changes.length,
            blocks: new Set(diff.changes.map((c) => c.address)).size,
            partial: diff.result.partialIdeal,
            coverage: diff.result.coverage,
            kinds: changeKinds,
            byCategory: diff.changes.reduce<Record<string, number>>((a, c) => ((a[c.category] = (a[c.category] ?? 0) + 1), a), {}),
            byClass: diff.changes.reduce<Record<string, number>>((a, c) => ((a[c.fixClass] = (a[c.fixClass] ?? 0) + 1), a), {}),
          }
        : null,
      idealFindings: probe?.idealFindings?.length ?? null,
      findings: findings.map((f) => ({
        rule: f.ruleId,
        cat: f.category,
        sev: f.severity,
        ev: f.evidence.join('+'),
        cls: f.fixClass,
        res: f.resource ?? null,
        fix: probe ? isFix(f, probe) : null,
      })),
      idealFactors: factors(d.ideal ? complexityFactors(d.ideal) : null),
      modelFactors: factors(d.model ? complexityFactors(d.model) : null),
      blockers: code
        ? {
            platform: platformBlocker(d.task, code.files)?.detail ?? null,
            region: regionBlocker(d.task, code)?.detail ?? null,
            services: servicesBlocker(d.task, code, ...(d.model && d.model !== code ? [d.model] : []))?.detail ?? null,
          }
        : null,
      score: d.result.score ? { value: d.result.score.trainingQuality, fix: d.result.score.breakdown.fixAdjustment, cx: d.result.score.breakdown.complexityAdjustment, counts: d.result.score.breakdown.counts, blocker: d.result.score.breakdown.blocker } : null,
      failures: d.task.failures ? { chars: d.task.failures.length, headings: (d.task.failures.match(/^#{2,4} /gm) ?? []).length, bullets: (d.task.failures.match(/^\s*(?:[-*]|\d+\.) /gm) ?? []).length, stated: statedScore(d.task.failures) } : null,
      promptChars: d.task.prompt?.length ?? 0,
      promptWords: d.task.prompt !== null ? wordCount(d.task.prompt) : null,
      analysisWords: d.task.failures !== null ? proseWords(d.task.failures) : null,
      steps: d.result.score?.breakdown.steps.map((s) => s.step) ?? [],
      idealMarkdownChars: d.task.ideal?.markdown?.length ?? 0,
    };
    appendFileSync(out, JSON.stringify(row) + '\n');
    n += 1;
    if (n % 20 === 0) console.error(`${n} tasks in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  } catch (err) {
    console.error(`${t.key}: ${(err as Error).message}`);
  }
}
console.log(`eval:score-features: ${n} new rows in ${out} (${done.size} already there) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
