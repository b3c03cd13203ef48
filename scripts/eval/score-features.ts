/**
 * `npm run eval:score-features`: analyzes every dev task with a recorded training_quality once, with the written
 * analysis removed (as eval:score does), and writes one JSON line of score features per task (recorded score,
 * metadata, judged findings with tier and fix class, code gap, complexity factors of the ideal, blockers,
 * truncation, prompt words, the score result) to /tmp/iacjudge-score-features.jsonl (or --out FILE). Tasks
 * already in the file are skipped, so an interrupted run resumes; `--shard i/n` splits the work between
 * processes. The rows feed calibration studies without re-running the analysis.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { complexityFactors, type ComplexityFactors } from '../../src/score/complexity.js';
import { servicesBlocker } from '../../src/score/blockers.js';
import { resources } from '../../src/model/query.js';
import { responseTruncation } from '../../src/score/truncation.js';
import { corpusTasks, parseFlags, recordedQuality, requireCorpus } from './corpus-tasks.js';
import { analyzeWithoutWrittenAnalysis } from './score-corpus.js';

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

function factors(f: ComplexityFactors | null) {
  if (!f) return null;
  return {
    services: f.services,
    multipleServices: f.multipleServices.applies,
    security: f.security.applies,
    ha: f.highAvailability.applies,
    advanced: f.advancedPatterns.applies,
    single: f.singleService.applies,
  };
}

let n = 0;
const tasks = corpusTasks(flags).filter((_, i) => i % shardCount === shardIndex);
const started = Date.now();
for (const t of tasks) {
  if (done.has(t.key)) continue;
  const recorded = recordedQuality(t.path);
  if (recorded === null) continue;
  try {
    const d = analyzeWithoutWrittenAnalysis(t.path);
    const meta = d.task.metadata ?? {};
    const facts = d.facts;
    const code = d.ideal ?? d.model;
    const row = {
      task: t.key,
      platform: d.task.platform,
      recorded,
      complexity: meta.complexity ?? null,
      subtask: meta.subtask ?? null,
      awsServices: Array.isArray(meta.aws_services) ? meta.aws_services.length : null,
      modelErrors: d.model?.diagnostics.filter((x) => x.severity === 'error').length ?? null,
      idealErrors: d.ideal?.diagnostics.filter((x) => x.severity === 'error').length ?? null,
      findings: d.result.findings.map((f) => ({
        rule: f.ruleId,
        cat: f.category,
        sev: f.severity,
        ev: f.evidence.join('+'),
        cls: f.fixClass,
        tier: f.tier ?? null,
        rank: f.rank ?? null,
        occ: f.occurrences?.length ?? 1,
      })),
      idealFactors: factors(d.ideal ? complexityFactors(d.ideal) : null),
      modelFactors: factors(d.model ? complexityFactors(d.model) : null),
      modelTypes: d.model ? [...new Set(resources(d.model).map((b) => b.labels[0] ?? ''))].sort() : null,
      idealTypes: d.ideal ? [...new Set(resources(d.ideal).map((b) => b.labels[0] ?? ''))].sort() : null,
      modelAddresses: d.model ? resources(d.model).map((b) => `${b.labels[0]}.${b.labels[1]}`) : null,
      idealAddresses: d.ideal ? resources(d.ideal).map((b) => `${b.labels[0]}.${b.labels[1]}`) : null,
      idealTruncation: responseTruncation(d.task.ideal),
      modelTruncation: responseTruncation(d.task.model),
      servicesUnion: code ? servicesBlocker(d.task, code, d.model && d.model !== code ? [d.model] : [], 'union')?.detail ?? null : null,
      servicesMetadata: code ? servicesBlocker(d.task, code, d.model && d.model !== code ? [d.model] : [], 'never')?.detail ?? null : null,
      modelFiles: d.model?.files.length ?? null,
      idealFiles: d.ideal?.files.length ?? null,
      facts,
      score: d.result.score ? { value: d.result.score.trainingQuality, fix: d.result.score.breakdown.fixAdjustment, cx: d.result.score.breakdown.complexityAdjustment, counts: d.result.score.breakdown.counts, blocker: d.result.score.breakdown.blocker } : null,
    };
    appendFileSync(out, JSON.stringify(row) + '\n');
    n += 1;
    if (n % 50 === 0) console.error(`${n} tasks in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  } catch (err) {
    console.error(`${t.key}: ${(err as Error).message}`);
  }
}
console.log(`eval:score-features: ${n} new rows in ${out} (${done.size} already there) in ${((Date.now() - started) / 1000).toFixed(1)}s`);
