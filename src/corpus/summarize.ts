/** Aggregates a results.jsonl into counts, score agreement, knowledge gaps, slowest tasks and errors. */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CorpusLine, TimingLine } from './types.js';
import { agreement, type Agreement } from './stats.js';

export interface TaskRow {
  task: string;
  platform: string;
  status: string;
  findings: number;
  critical: number;
  high: number;
  score: number | null;
  recorded: number | null;
  topCategories: string[];
}

export interface CorpusSummary {
  tasks: number;
  ok: number;
  errors: { task: string; status: string; error: string }[];
  byCategory: Record<string, number>;
  bySeverity: Record<string, number>;
  byRule: Record<string, number>;
  byPlatform: Record<string, number>;
  severityByPlatform: Record<string, Record<string, number>>;
  scoreHistogram: Record<string, number>;
  agreement: Agreement;
  knowledgeGaps: { gap: string; tasks: number }[];
  slowest: TimingLine[];
  rows: TaskRow[];
}

function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

function sortedRecord(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

async function* readLines(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield line;
}

/** `gapOf(ruleId)` gives a rule's knowledge-gap line, when the catalog has one. */
export async function summarizeResults(path: string, gapOf: (ruleId: string) => string | undefined = () => undefined): Promise<CorpusSummary> {
  const s: CorpusSummary = {
    tasks: 0,
    ok: 0,
    errors: [],
    byCategory: {},
    bySeverity: {},
    byRule: {},
    byPlatform: {},
    severityByPlatform: {},
    scoreHistogram: {},
    agreement: agreement([]),
    knowledgeGaps: [],
    slowest: [],
    rows: [],
  };
  const pairs: { computed: number; recorded: number }[] = [];
  const gaps: Record<string, number> = {};
  for await (const raw of readLines(path)) {
    let line: CorpusLine;
    try {
      line = JSON.parse(raw) as CorpusLine;
    } catch {
      s.errors.push({ task: '?', status: 'error', error: `unparsable line: ${raw.slice(0, 80)}` });
      continue;
    }
    s.tasks++;
    const platform = line.result?.task.platform ?? line.platform ?? 'unknown';
    bump(s.byPlatform, platform);
    if (line.status !== 'ok' || !line.result) {
      s.errors.push({ task: line.task, status: line.status, error: line.error ?? '' });
      s.rows.push({ task: line.task, platform, status: line.status, findings: 0, critical: 0, high: 0, score: null, recorded: line.recordedQuality ?? null, topCategories: [] });
      continue;
    }
    s.ok++;
    const findings = line.result.findings;
    const taskGaps = new Set<string>();
    const cats: Record<string, number> = {};
    s.severityByPlatform[platform] ??= {};
    for (const f of findings) {
      bump(s.byCategory, f.category);
      bump(s.bySeverity, f.severity);
      bump(s.byRule, f.ruleId);
      bump(s.severityByPlatform[platform]!, f.severity);
      bump(cats, f.category);
      const gap = gapOf(f.ruleId);
      if (gap) taskGaps.add(gap);
    }
    for (const g of taskGaps) bump(gaps, g);
    const score = line.result.score?.trainingQuality ?? null;
    if (score !== null) bump(s.scoreHistogram, String(score));
    const recorded = typeof line.recordedQuality === 'number' ? line.recordedQuality : null;
    if (score !== null && recorded !== null) pairs.push({ computed: score, recorded });
    s.rows.push({
      task: line.task,
      platform,
      status: 'ok',
      findings: findings.length,
      critical: findings.filter((f) => f.severity === 'critical').length,
      high: findings.filter((f) => f.severity === 'high').length,
      score,
      recorded,
      topCategories: Object.entries(cats)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 3)
        .map(([c]) => c),
    });
  }
  const timingsPath = `${path}.timings.jsonl`;
  if (existsSync(timingsPath)) {
    const timings: TimingLine[] = [];
    for await (const raw of readLines(timingsPath)) {
      try {
        timings.push(JSON.parse(raw) as TimingLine);
      } catch {
        // ignore a torn line
      }
    }
    s.slowest = timings.sort((a, b) => b.ms - a.ms || (a.task < b.task ? -1 : 1)).slice(0, 10);
  }
  s.byCategory = sortedRecord(s.byCategory);
  s.byRule = sortedRecord(s.byRule);
  s.byPlatform = sortedRecord(s.byPlatform);
  s.scoreHistogram = Object.fromEntries(Object.entries(s.scoreHistogram).sort((a, b) => Number(a[0]) - Number(b[0])));
  s.agreement = agreement(pairs);
  s.knowledgeGaps = Object.entries(gaps)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 15)
    .map(([gap, tasks]) => ({ gap, tasks }));
  return s;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function renderSummaryMarkdown(s: CorpusSummary): string {
  const table = (title: string, rec: Record<string, number>) =>
    [`### ${title}`, '', '| | count |', '|---|---:|', ...Object.entries(rec).map(([k, v]) => `| ${k} | ${v} |`), ''].join('\n');
  const a = s.agreement;
  return [
    '# Corpus summary',
    '',
    `${s.tasks} tasks, ${s.ok} analyzed, ${s.errors.length} errors or timeouts.`,
    '',
    table('Findings by category', s.byCategory),
    table('Findings by severity', s.bySeverity),
    table('Tasks by platform', s.byPlatform),
    table('Training-quality score distribution', s.scoreHistogram),
    '### Agreement with recorded training_quality',
    '',
    a.n
      ? `${a.n} tasks with a recorded score: ${pct(a.withinOne)} within ±1, MAE ${a.mae.toFixed(2)} (best constant guess ${a.constant}: MAE ${a.constantMae.toFixed(2)}), Spearman ${a.spearman === null ? 'n/a' : a.spearman.toFixed(3)}.`
      : 'No task has both a computed and a recorded score.',
    '',
    '### Top knowledge gaps',
    '',
    ...(s.knowledgeGaps.length ? s.knowledgeGaps.map((g) => `- ${g.gap} (${g.tasks} tasks)`) : ['- none']),
    '',
    table('Top rules', Object.fromEntries(Object.entries(s.byRule).slice(0, 20))),
    '### Slowest tasks',
    '',
    ...(s.slowest.length ? s.slowest.map((t) => `- ${t.task}: ${t.ms} ms`) : ['- no timings recorded']),
    '',
    '### Errors',
    '',
    ...(s.errors.length ? s.errors.map((e) => `- ${e.task} (${e.status}): ${e.error}`) : ['- none']),
    '',
  ].join('\n');
}

/** The whole summary as JSON (slowest-task timings are the only run-dependent part). */
export function summaryJson(s: CorpusSummary): string {
  return JSON.stringify(s, null, 2) + '\n';
}
