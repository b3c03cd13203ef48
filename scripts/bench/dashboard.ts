/**
 * Dashboard figures for `npm run bench`: a synthetic results file of 5,000 tasks (and one of 500, for
 * proportionality) is summarized and rendered; prints the HTML size, its size per 1,000 tasks beyond the fixed
 * part (Chart.js and the page), the time to summarize and render, and, where Debian's Chromium is installed, the
 * time the page takes to load and draw its charts and first rows, to filter and to sort, as ratios 5,000 : 500.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderDashboard } from '../../src/corpus/html.js';
import { summarizeResults } from '../../src/corpus/summarize.js';
import type { CorpusLine } from '../../src/corpus/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { CategoryId, Severity } from '../../src/taxonomy/categories.js';

const CHROMIUM = process.env.IACJUDGE_CHROMIUM ?? '/usr/bin/chromium';
const CATEGORIES = ['naming', 'encryption', 'logging', 'schema', 'tests', 'iam', 'networking', 'tagging', 'syntax', 'backup', 'monitoring', 'cost'] as CategoryId[];
const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];

/** A deterministic pseudo-random stream (mulberry32), so every bench run renders the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tasks shaped like the dev corpus: about 8 findings each (a third observations), score steps, a few warnings. */
export function syntheticResults(tasks: number, seed = 1): string {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const lines: string[] = [];
  for (let i = 0; i < tasks; i++) {
    const key = `${i % 4 ? 'tf-hcl' : 'cdktf-ts'}/Pr${String(i).padStart(5, '0')}`;
    if (i % 97 === 0) {
      lines.push(JSON.stringify({ task: key, status: 'timeout', error: 'exceeded the per-task limit of 60000 ms' } satisfies CorpusLine));
      continue;
    }
    const findings: Finding[] = Array.from({ length: 2 + Math.floor(rnd() * 13) }, (_, n) => {
      const category = pick(CATEGORIES);
      const rule = `${category}-rule-${Math.floor(rnd() * 6)}`;
      return {
        ruleId: rule,
        category,
        severity: pick(SEVERITIES),
        evidence: ['static'],
        fixClass: pick(['A', 'B', 'C'] as const),
        title: `${category} check ${rule} found a problem`,
        message: `resource aws_s3_bucket.bucket_${n} ${'does not set the argument the prompt asked for; '.repeat(1 + Math.floor(rnd() * 3))}`,
        location: { file: 'lib/main.tf', line: 1 + Math.floor(rnd() * 400) },
        resource: `aws_s3_bucket.bucket_${n}`,
        tier: n % 3 === 2 ? 'observation' : 'failure',
        rank: n + 1,
      };
    });
    const blocked = i % 41 === 0;
    const score = blocked ? 2 : 3 + Math.floor(rnd() * 8);
    const line: CorpusLine = {
      task: key,
      status: 'ok',
      platform: key.split('/')[0]!,
      recordedQuality: i % 5 ? Math.min(10, Math.max(0, score + Math.floor(rnd() * 5) - 2)) : null,
      result: {
        tool: { name: 'iacjudge', version: '0.0.0' },
        task: { path: key, platform: key.split('/')[0]!, language: i % 4 ? 'hcl' : 'ts' },
        findings,
        score: {
          trainingQuality: score,
          breakdown: {
            base: 8,
            blocker: blocked ? 'the model code does not parse' : null,
            fixAdjustment: 0,
            complexityAdjustment: 0,
            counts: { A: 1, B: 2, C: 3 },
            steps: [
              { step: 'base', detail: 'every task starts here', value: 8 },
              { step: 'fix class A', detail: 'one significant fix: encryption at rest', delta: -1 },
              { step: 'fix class B', detail: 'two moderate fixes', delta: -1 },
              { step: 'complexity', detail: 'medium complexity, 6 services', delta: 1 },
              { step: 'final', detail: 'clamped to 0..10', value: score },
            ],
          },
        },
        notes: [],
        warnings: i % 13 === 0 ? ['code fence opened at line 40 never closes; taken to the end of the document'] : [],
      },
    };
    lines.push(JSON.stringify(line));
  }
  return lines.join('\n') + '\n';
}

interface Measured {
  tasks: number;
  bytes: number;
  summarizeMs: number;
  renderMs: number;
  file: string;
}

async function measure(tasks: number): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-bench-dash-'));
  const results = join(dir, 'results.jsonl');
  writeFileSync(results, syntheticResults(tasks));
  const t0 = performance.now();
  const summary = await summarizeResults(results);
  const t1 = performance.now();
  const html = renderDashboard(summary);
  const t2 = performance.now();
  const file = join(dir, 'dashboard.html');
  writeFileSync(file, html);
  return { tasks, bytes: Buffer.byteLength(html), summarizeMs: t1 - t0, renderMs: t2 - t1, file };
}

interface BrowserFigures {
  loadMs: number;
  filterMs: number;
  sortMs: number;
  rowsDrawn: number;
}

async function inBrowser(files: string[]): Promise<BrowserFigures[] | string> {
  if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM}: browser render time not measured (apt-get install chromium)`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const out: BrowserFigures[] = [];
    for (const file of files) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const t0 = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as any).__charts?.length === 4 && document.querySelector('#shown')?.textContent);
      const loadMs = performance.now() - t0;
      const timed = async (action: () => Promise<unknown>) => {
        const s = performance.now();
        await action();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
        return performance.now() - s;
      };
      const filterMs = await timed(() => page.selectOption('#f-platform', 'cdktf-ts'));
      const sortMs = await timed(() => page.click('th[data-key="score"]'));
      const rowsDrawn = await page.$$eval('#tasks tbody td.task', (tds) => tds.length);
      out.push({ loadMs, filterMs, sortMs, rowsDrawn });
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

export async function benchDashboard(): Promise<void> {
  const small = await measure(500);
  const large = await measure(5000);
  const perThousand = ((large.bytes - small.bytes) / (large.tasks - small.tasks)) * 1000;
  const fixed = large.bytes - (perThousand * large.tasks) / 1000;
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;
  console.log(
    `(f) dashboard, synthetic ${large.tasks.toLocaleString('en')} tasks: ${mb(large.bytes)} HTML (${mb(perThousand)} per 1,000 tasks + ${mb(fixed)} fixed: Chart.js and the page); summarize ${large.summarizeMs.toFixed(0)} ms, render ${large.renderMs.toFixed(0)} ms`,
  );
  const browser = await inBrowser([small.file, large.file]);
  if (typeof browser === 'string') {
    console.log(`    ${browser}`);
    return;
  }
  const [b500, b5000] = browser as [BrowserFigures, BrowserFigures];
  console.log(
    `    Chromium: load + charts + first rows ${b5000.loadMs.toFixed(0)} ms (500 tasks: ${b500.loadMs.toFixed(0)} ms, ratio ${(b5000.loadMs / b500.loadMs).toFixed(2)}x for 10x the tasks); filter ${b5000.filterMs.toFixed(0)} ms, sort ${b5000.sortMs.toFixed(0)} ms; rows drawn ${b5000.rowsDrawn} (lazy)`,
  );
}
