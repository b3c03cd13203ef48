/**
 * Aggregates corpus results (one results.jsonl, or the files of a sharded run) into counts, score agreement,
 * knowledge gaps, triage lists and a bounded per-task view of iacjudge's own analysis. The output does not
 * depend on the order of lines or files: rows, errors and score pairs are ordered by task key, so shards merged
 * give the same bytes as one run.
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CorpusLine, TimingLine } from './types.js';
import { agreement, type Agreement } from './stats.js';
import { occurrenceCount, type Finding } from '../findings/types.js';
import type { ScoreStep } from '../contracts/pipeline.js';
import { appendAll } from '../io/arrays.js';

export interface TaskRow {
  task: string;
  platform: string;
  status: string;
  findings: number;
  /** Findings of the failure tier (what a reviewer would list). */
  failures: number;
  critical: number;
  high: number;
  score: number | null;
  recorded: number | null;
  /** |score - recorded| when both are known. */
  disagreement: number | null;
  /** The score's blocker (e.g. a syntax error), null when none. */
  blocker: string | null;
  /** Worst severity among the failure tier ('' when none). */
  worst: string;
  /** Every category of the task's findings, most frequent first. */
  categories: string[];
  topCategories: string[];
  warnings: number;
}

/** One finding as the dashboard's detail view shows it (message bounded). */
export interface DetailFinding {
  rank: number | null;
  ruleId: string;
  title: string;
  category: string;
  severity: string;
  message: string;
  where: string;
  occurrences: number;
}

/** iacjudge's analysis of one task, bounded: the first failures and observations, the score steps, the warnings. */
export interface TaskDetail {
  task: string;
  failures: DetailFinding[];
  failuresOmitted: number;
  observations: DetailFinding[];
  observationsOmitted: number;
  steps: ScoreStep[];
  warnings: string[];
  error: string | null;
}

export interface TriageEntry {
  task: string;
  reason: string;
}

export interface Triage {
  blockers: TriageEntry[];
  lowest: TriageEntry[];
  disagreement: TriageEntry[];
  sendBack: TriageEntry[];
  errors: TriageEntry[];
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
  recordedHistogram: Record<string, number>;
  agreement: Agreement;
  knowledgeGaps: { gap: string; tasks: number }[];
  /** Failure-tier findings over the corpus, by knowledge gap (or rule when it has none): tasks per kind. */
  failureKinds: { kind: string; tasks: number }[];
  triage: Triage;
  slowest: TimingLine[];
  rows: TaskRow[];
  /** Per-task analysis for the dashboard's detail view, in row order (left out of the JSON summary). */
  details: TaskDetail[];
}

/** Bounds of the per-task detail: the dashboard stays proportionate for thousands of tasks. */
export const DETAIL_LIMITS = { failures: 25, observations: 40, message: 400, warnings: 10, steps: 30 } as const;
/** Entries per triage list. */
export const TRIAGE_LIMIT = 15;

function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

function sortedRecord(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

async function* readLines(path: string): AsyncGenerator<string> {
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) yield line;
}

/** Results files named on the command line: a folder stands for its `*.jsonl` files (sidecars excluded), sorted. */
export function resultFiles(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      const names = readdirSync(input)
        .filter((n) => n.endsWith('.jsonl') && !n.endsWith('.timings.jsonl'))
        .sort(byKey);
      appendAll(out, names.map((n) => join(input, n)));
    } else out.push(input);
  }
  return out;
}

/** A task that appears in more than one line (or file): the merged set is not one run. */
export class DuplicateTaskError extends Error {}

function detailFinding(f: Finding): DetailFinding {
  return {
    rank: typeof f.rank === 'number' ? f.rank : null,
    ruleId: f.ruleId,
    title: clip(String(f.title ?? ''), 200),
    category: f.category,
    severity: f.severity,
    message: clip(String(f.message ?? ''), DETAIL_LIMITS.message),
    where: `${f.location?.file ?? '?'}:${f.location?.line ?? '?'}`,
    occurrences: occurrenceCount(f),
  };
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];

function taskDetail(line: CorpusLine): TaskDetail {
  const r = line.result;
  if (line.status !== 'ok' || !r) {
    return { task: line.task, failures: [], failuresOmitted: 0, observations: [], observationsOmitted: 0, steps: [], warnings: [], error: clip(line.error ?? line.status, DETAIL_LIMITS.message) };
  }
  const ranked = (fs: Finding[]) => [...fs].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  // Results without a judged tier count every finding as a failure.
  const failures = ranked(r.findings.filter((f) => f.tier !== 'observation'));
  const observations = ranked(r.findings.filter((f) => f.tier === 'observation'));
  return {
    task: line.task,
    failures: failures.slice(0, DETAIL_LIMITS.failures).map(detailFinding),
    failuresOmitted: Math.max(0, failures.length - DETAIL_LIMITS.failures),
    observations: observations.slice(0, DETAIL_LIMITS.observations).map(detailFinding),
    observationsOmitted: Math.max(0, observations.length - DETAIL_LIMITS.observations),
    steps: (r.score?.breakdown.steps ?? []).slice(0, DETAIL_LIMITS.steps).map((s) => ({ ...s, step: clip(s.step, 200), detail: clip(s.detail, DETAIL_LIMITS.message) })),
    warnings: r.warnings.slice(0, DETAIL_LIMITS.warnings).map((w) => clip(String(w), DETAIL_LIMITS.message)),
    error: null,
  };
}

/** Extraction warnings that mean there was nothing (or only part of a response) to judge: send the task back. */
const SEND_BACK = /nothing to analyze|truncat|never closes/i;

/**
 * `gapOf(ruleId)` gives a rule's knowledge-gap line, when the catalog has one. Throws DuplicateTaskError when a task
 * appears twice across the files.
 */
export async function summarizeResults(paths: string | string[], gapOf: (ruleId: string) => string | undefined = () => undefined): Promise<CorpusSummary> {
  const files = typeof paths === 'string' ? [paths] : paths;
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
    recordedHistogram: {},
    agreement: agreement([]),
    knowledgeGaps: [],
    failureKinds: [],
    triage: { blockers: [], lowest: [], disagreement: [], sendBack: [], errors: [] },
    slowest: [],
    rows: [],
    details: [],
  };
  const pairs: { task: string; computed: number; recorded: number }[] = [];
  const gaps: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  const seen = new Map<string, string>();
  const sendBack: TriageEntry[] = [];
  for (const path of files) {
    for await (const raw of readLines(path)) {
      let line: CorpusLine;
      try {
        line = JSON.parse(raw) as CorpusLine;
      } catch {
        s.errors.push({ task: '?', status: 'error', error: `unparsable line in ${basename(path)}: ${raw.slice(0, 80)}` });
        continue;
      }
      const first = seen.get(line.task);
      if (first !== undefined) throw new DuplicateTaskError(`task ${JSON.stringify(clip(String(line.task), 200))} appears twice (${basename(first)}, ${basename(path)}): the results are not one run`);
      seen.set(line.task, path);
      s.tasks++;
      const platform = line.result?.task.platform ?? line.platform ?? 'unknown';
      bump(s.byPlatform, platform);
      const recorded = typeof line.recordedQuality === 'number' ? line.recordedQuality : null;
      if (recorded !== null) bump(s.recordedHistogram, String(recorded));
      s.details.push(taskDetail(line));
      if (line.status !== 'ok' || !line.result) {
        s.errors.push({ task: line.task, status: line.status, error: line.error ?? '' });
        s.rows.push({ task: line.task, platform, status: line.status, findings: 0, failures: 0, critical: 0, high: 0, score: null, recorded, disagreement: null, blocker: null, worst: '', categories: [], topCategories: [], warnings: 0 });
        continue;
      }
      s.ok++;
      const findings = line.result.findings;
      const taskGaps = new Set<string>();
      const taskKinds = new Set<string>();
      const cats: Record<string, number> = {};
      s.severityByPlatform[platform] ??= {};
      let worst = 4;
      let failures = 0;
      for (const f of findings) {
        bump(s.byCategory, f.category);
        bump(s.bySeverity, f.severity);
        bump(s.byRule, f.ruleId);
        bump(s.severityByPlatform[platform]!, f.severity);
        bump(cats, f.category);
        const gap = gapOf(f.ruleId);
        if (gap) taskGaps.add(gap);
        if (f.tier !== 'observation') {
          failures++;
          taskKinds.add(gap ?? f.ruleId);
          worst = Math.min(worst, SEVERITY_ORDER.indexOf(f.severity) === -1 ? 4 : SEVERITY_ORDER.indexOf(f.severity));
        }
      }
      for (const g of taskGaps) bump(gaps, g);
      for (const k of taskKinds) bump(kinds, k);
      const score = line.result.score?.trainingQuality ?? null;
      if (score !== null) bump(s.scoreHistogram, String(score));
      if (score !== null && recorded !== null) pairs.push({ task: line.task, computed: score, recorded });
      const warnings = line.result.warnings ?? [];
      const sendBackWarning = warnings.find((w) => SEND_BACK.test(String(w)));
      if (sendBackWarning) sendBack.push({ task: line.task, reason: clip(String(sendBackWarning), 200) });
      const categories = Object.entries(cats)
        .sort((a, b) => b[1] - a[1] || byKey(a[0], b[0]))
        .map(([c]) => c);
      s.rows.push({
        task: line.task,
        platform,
        status: 'ok',
        findings: findings.length,
        failures,
        critical: findings.filter((f) => f.severity === 'critical').length,
        high: findings.filter((f) => f.severity === 'high').length,
        score,
        recorded,
        disagreement: score !== null && recorded !== null ? Math.abs(score - recorded) : null,
        blocker: line.result.score?.breakdown.blocker ? clip(line.result.score.breakdown.blocker, 200) : null,
        worst: SEVERITY_ORDER[worst] ?? '',
        categories,
        topCategories: categories.slice(0, 3),
        warnings: warnings.length,
      });
    }
  }
  const timings: TimingLine[] = [];
  for (const path of files) {
    const timingsPath = `${path}.timings.jsonl`;
    if (!existsSync(timingsPath)) continue;
    for await (const raw of readLines(timingsPath)) {
      try {
        timings.push(JSON.parse(raw) as TimingLine);
      } catch {
        // ignore a torn line
      }
    }
  }
  s.slowest = timings.sort((a, b) => b.ms - a.ms || byKey(a.task, b.task)).slice(0, 10);
  // Order by task key (a stable sort keeps unparsable lines in file order): the same bytes however the lines were split.
  const order = s.rows.map((_, i) => i).sort((a, b) => byKey(s.rows[a]!.task, s.rows[b]!.task));
  s.rows = order.map((i) => s.rows[i]!);
  s.details = order.map((i) => s.details[i]!);
  s.errors.sort((a, b) => byKey(a.task, b.task));
  pairs.sort((a, b) => byKey(a.task, b.task));
  s.byCategory = sortedRecord(s.byCategory);
  s.bySeverity = sortedRecord(s.bySeverity);
  s.byRule = sortedRecord(s.byRule);
  s.byPlatform = sortedRecord(s.byPlatform);
  const numeric = (rec: Record<string, number>) => Object.fromEntries(Object.entries(rec).sort((a, b) => Number(a[0]) - Number(b[0])));
  s.scoreHistogram = numeric(s.scoreHistogram);
  s.recordedHistogram = numeric(s.recordedHistogram);
  s.severityByPlatform = Object.fromEntries(Object.entries(s.severityByPlatform).sort((a, b) => byKey(a[0], b[0])).map(([p, rec]) => [p, sortedRecord(rec)]));
  s.agreement = agreement(pairs);
  const top = (rec: Record<string, number>, n: number) => Object.entries(rec).sort((a, b) => b[1] - a[1] || byKey(a[0], b[0])).slice(0, n);
  s.knowledgeGaps = top(gaps, 15).map(([gap, tasks]) => ({ gap, tasks }));
  s.failureKinds = top(kinds, 30).map(([kind, tasks]) => ({ kind, tasks }));
  s.triage = triageLists(s.rows, sendBack);
  return s;
}

function triageLists(rows: TaskRow[], sendBack: TriageEntry[]): Triage {
  const scored = rows.filter((r) => r.score !== null);
  return {
    blockers: rows.filter((r) => r.blocker !== null).slice(0, TRIAGE_LIMIT).map((r) => ({ task: r.task, reason: `score ${r.score}: ${r.blocker}` })),
    lowest: [...scored]
      .sort((a, b) => a.score! - b.score! || byKey(a.task, b.task))
      .slice(0, TRIAGE_LIMIT)
      .map((r) => ({ task: r.task, reason: `score ${r.score}${r.recorded !== null ? ` (recorded ${r.recorded})` : ''}, ${r.failures} failures` })),
    disagreement: rows
      .filter((r) => r.disagreement !== null && r.disagreement > 0)
      .sort((a, b) => b.disagreement! - a.disagreement! || byKey(a.task, b.task))
      .slice(0, TRIAGE_LIMIT)
      .map((r) => ({ task: r.task, reason: `score ${r.score} vs recorded ${r.recorded} (off by ${r.disagreement})` })),
    sendBack: [...sendBack].sort((a, b) => byKey(a.task, b.task)).slice(0, TRIAGE_LIMIT),
    errors: rows
      .filter((r) => r.status !== 'ok')
      .slice(0, TRIAGE_LIMIT)
      .map((r) => ({ task: r.task, reason: r.status })),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Task-derived text in markdown: inline markup, HTML and table pipes escaped, one line. */
function mdText(text: string): string {
  return String(text)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\\`*_[\]<>|#!&]/g, (c) => `\\${c}`);
}

/** The "review first" lists, as markdown sections. */
export function renderTriageMarkdown(t: Triage): string[] {
  const list = (title: string, entries: TriageEntry[]) => [`### ${title}`, '', ...(entries.length ? entries.map((e) => `- ${mdText(e.task)}: ${mdText(e.reason)}`) : ['- none']), ''];
  return [
    '## Review first',
    '',
    ...list('Blockers', t.blockers),
    ...list('Lowest scores', t.lowest),
    ...list('Largest disagreement with the recorded score', t.disagreement),
    ...list('Send back (empty, refused or truncated responses)', t.sendBack),
    ...list('Errors and timeouts', t.errors),
  ];
}

export function renderSummaryMarkdown(s: CorpusSummary): string {
  const table = (title: string, rec: Record<string, number>) =>
    [`### ${title}`, '', '| | count |', '|---|---:|', ...Object.entries(rec).map(([k, v]) => `| ${mdText(k)} | ${v} |`), ''].join('\n');
  const a = s.agreement;
  return [
    '# Corpus summary',
    '',
    `${s.tasks} tasks, ${s.ok} analyzed, ${s.errors.length} errors or timeouts.`,
    '',
    ...renderTriageMarkdown(s.triage),
    '## Overview',
    '',
    table('Findings by category', s.byCategory),
    table('Findings by severity', s.bySeverity),
    table('Tasks by platform', s.byPlatform),
    table('Training-quality score distribution', s.scoreHistogram),
    table('Recorded training_quality distribution', s.recordedHistogram),
    '### Agreement with recorded training_quality',
    '',
    a.n
      ? `${a.n} tasks with a recorded score: ${pct(a.withinOne)} within ±1, MAE ${a.mae.toFixed(2)} (best constant guess ${a.constant}: MAE ${a.constantMae.toFixed(2)}), Spearman ${a.spearman === null ? 'n/a' : a.spearman.toFixed(3)}.`
      : 'No task has both a computed and a recorded score.',
    '',
    '### Failure kinds (failure tier, tasks per kind)',
    '',
    ...(s.failureKinds.length ? s.failureKinds.slice(0, 15).map((k) => `- ${mdText(k.kind)} (${k.tasks} tasks)`) : ['- none']),
    '',
    '### Top knowledge gaps',
    '',
    ...(s.knowledgeGaps.length ? s.knowledgeGaps.map((g) => `- ${mdText(g.gap)} (${g.tasks} tasks)`) : ['- none']),
    '',
    table('Top rules', Object.fromEntries(Object.entries(s.byRule).slice(0, 20))),
    '### Slowest tasks',
    '',
    ...(s.slowest.length ? s.slowest.map((t) => `- ${mdText(t.task)}: ${t.ms} ms`) : ['- no timings recorded']),
    '',
    '### Errors',
    '',
    ...(s.errors.length ? s.errors.map((e) => `- ${mdText(e.task)} (${e.status}): ${mdText(e.error)}`) : ['- none']),
    '',
  ].join('\n');
}

/**
 * The summary as JSON, without the per-task detail (that is results.jsonl's business); slowest-task timings are
 * the only run-dependent part.
 */
export function summaryJson(s: CorpusSummary): string {
  const { details: _details, ...aggregate } = s;
  return JSON.stringify(aggregate, null, 2) + '\n';
}
