import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { summarizeResults, renderSummaryMarkdown, summaryJson, DETAIL_LIMITS } from '../../src/corpus/summarize.js';
import { renderDashboard } from '../../src/corpus/html.js';
import type { CorpusLine } from '../../src/corpus/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { ScoreStep } from '../../src/contracts/pipeline.js';

const CHROMIUM = process.env.IACJUDGE_CHROMIUM ?? '/usr/bin/chromium';
/** Screenshots land here (gitignored) so CI can keep them as artifacts. */
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

function finding(category: Finding['category'], severity: Finding['severity'], ruleId = `r-${category}`, extra: Partial<Finding> = {}): Finding {
  return { ruleId, category, severity, evidence: ['static'], fixClass: 'B', title: `title of ${ruleId}`, message: `message of ${ruleId}`, location: { file: 'lib/main.tf', line: 1 }, ...extra };
}

function line(task: string, platform: string, findings: Finding[], score: number | null, recorded: number | null, more: { blocker?: string; steps?: ScoreStep[]; warnings?: string[] } = {}): CorpusLine {
  return {
    task,
    status: 'ok',
    platform,
    recordedQuality: recorded,
    result: {
      tool: { name: 'iacjudge', version: '0' },
      task: { path: task, platform, language: 'hcl' },
      findings,
      score:
        score === null
          ? null
          : { trainingQuality: score, breakdown: { base: 8, blocker: more.blocker ?? null, fixAdjustment: 0, complexityAdjustment: 0, counts: { A: 0, B: 0, C: 0 }, steps: more.steps ?? [] } },
      notes: [],
      warnings: more.warnings ?? [],
    },
  };
}

const HOSTILE = 'cdktf-ts/<img src=x onerror=alert(1)>';
const JS_NAME = 'tf-hcl/javascript:alert(document.cookie)';

function fixtureLines(): CorpusLine[] {
  return [
    line('tf-hcl/Pr1', 'tf-hcl', [finding('naming', 'critical', 'r-naming', { tier: 'failure', rank: 2 }), finding('logging', 'medium', 'r-logging', { tier: 'failure', rank: 1 }), finding('naming', 'high', 'other', { tier: 'observation', rank: 3 })], 9, 9, {
      steps: [
        { step: 'base', detail: 'starting score', value: 8 },
        { step: 'fix class A', detail: 'one significant fix', delta: 1 },
      ],
    }),
    line('tf-hcl/Pr2', 'tf-hcl', [finding('encryption', 'high', 'r-encryption', { tier: 'failure', rank: 1 })], 8, 10),
    line(HOSTILE, 'cdktf-ts', [finding('schema', 'critical', 'r-schema', { tier: 'failure', rank: 1 }), finding('schema', 'low', 'x'), finding('tests', 'low'), finding('naming', 'low', 'y')], 10, 8),
    line(JS_NAME, 'tf-hcl', [finding('syntax' as Finding['category'], 'critical', 'hcl-syntax', { tier: 'failure', rank: 1, message: '<script>alert(1)</script>' })], 1, 6, {
      blocker: 'the model code does not parse',
      warnings: ['code fence opened at line 3 never closes; taken to the end of the document'],
    }),
    { task: 'tf-hcl/Pr4', status: 'timeout', error: 'exceeded the per-task limit' },
  ];
}

function writeResults(lines: CorpusLine[] = fixtureLines()): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-dash-'));
  const path = join(dir, 'results.jsonl');
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return path;
}

test('summary counts categories, severities, platforms, agreement, errors and failure kinds', async () => {
  const s = await summarizeResults(writeResults(), (id) => (id === 'r-naming' ? 'suffix conventions' : undefined));
  assert.equal(s.tasks, 5);
  assert.equal(s.ok, 4);
  assert.deepEqual(s.byCategory, { naming: 3, schema: 2, encryption: 1, logging: 1, syntax: 1, tests: 1 });
  assert.deepEqual(s.severityByPlatform['tf-hcl'], { critical: 2, high: 2, medium: 1 });
  assert.equal(s.agreement.n, 4);
  assert.equal(s.errors.length, 1);
  assert.deepEqual(s.knowledgeGaps, [{ gap: 'suffix conventions', tasks: 1 }]);
  // Failure tier only: `other` and `y` are observations or untiered... `x`, `y`, r-tests carry no tier and count as failures.
  assert.ok(s.failureKinds.some((k) => k.kind === 'suffix conventions'));
  assert.ok(!s.failureKinds.some((k) => k.kind === 'other'), 'an observation is not a failure kind');
  assert.deepEqual(s.recordedHistogram, { '6': 1, '8': 1, '9': 1, '10': 1 });
  assert.match(renderSummaryMarkdown(s), /4 tasks with a recorded score/);
});

test('triage lists: blockers, lowest scores, largest disagreement, send back, errors', async () => {
  const s = await summarizeResults(writeResults());
  assert.deepEqual(s.triage.blockers.map((e) => e.task), [JS_NAME]);
  assert.deepEqual(s.triage.lowest.map((e) => e.task), [JS_NAME, 'tf-hcl/Pr2', 'tf-hcl/Pr1', HOSTILE]);
  assert.deepEqual(s.triage.disagreement.map((e) => e.task), [JS_NAME, HOSTILE, 'tf-hcl/Pr2']);
  assert.deepEqual(s.triage.sendBack.map((e) => e.task), [JS_NAME]);
  assert.deepEqual(s.triage.errors.map((e) => e.task), ['tf-hcl/Pr4']);
  const md = renderSummaryMarkdown(s);
  assert.match(md, /## Review first/);
  assert.match(md, /### Largest disagreement with the recorded score\n\n- tf-hcl\/javascript:alert\(document.cookie\): score 1 vs recorded 6 \(off by 5\)/);
  // Markdown escapes task-derived markup.
  assert.ok(!/(^|[^\\])<img/m.test(md), 'no raw HTML from task names in markdown');
  assert.ok(md.includes('\\<img src=x onerror=alert(1)\\>'));
});

test('detail: failures in rank order, observations apart, steps and warnings; bounded', async () => {
  const many = Array.from({ length: 60 }, (_, i) => finding('naming', 'low', `r${i}`, { tier: i % 2 ? 'observation' : 'failure', rank: 60 - i, message: 'm'.repeat(5000) }));
  const s = await summarizeResults(writeResults([...fixtureLines(), line('tf-hcl/Big', 'tf-hcl', many, 5, null)]));
  const pr1 = s.details[s.rows.findIndex((r) => r.task === 'tf-hcl/Pr1')]!;
  assert.deepEqual(pr1.failures.map((f) => f.ruleId), ['r-logging', 'r-naming']);
  assert.deepEqual(pr1.observations.map((f) => f.ruleId), ['other']);
  assert.equal(pr1.steps.length, 2);
  const big = s.details[s.rows.findIndex((r) => r.task === 'tf-hcl/Big')]!;
  assert.equal(big.failures.length, DETAIL_LIMITS.failures);
  assert.equal(big.failuresOmitted, 30 - DETAIL_LIMITS.failures);
  assert.ok(big.failures.every((f) => f.message.length <= DETAIL_LIMITS.message));
  assert.deepEqual(
    big.failures.map((f) => f.rank),
    [...big.failures.map((f) => f.rank)].sort((a, b) => a! - b!),
  );
  assert.ok(!summaryJson(s).includes('"details"'), 'the JSON summary stays an aggregate');
});

test('summary does not depend on line order', async () => {
  const lines = fixtureLines();
  const a = await summarizeResults(writeResults(lines));
  const b = await summarizeResults(writeResults([...lines].reverse()));
  assert.equal(summaryJson(a), summaryJson(b));
  assert.equal(renderDashboard(a), renderDashboard(b));
});

test('dashboard HTML is self-contained, sets no links and escapes hostile task names', async () => {
  const html = renderDashboard(await summarizeResults(writeResults()));
  assert.ok(!/<script[^>]+src=/i.test(html), 'no external scripts');
  assert.ok(!/https?:\/\/[^"'\s]*\.(js|css)/i.test(html.replace(/<script>[\s\S]*?<\/script>/g, '')), 'no external assets');
  assert.ok(!html.includes('<img src=x'), 'task names never appear as markup');
  assert.ok(!html.includes('<script>alert(1)'), 'messages never appear as markup');
  assert.ok(!/MODEL_FAILURES/.test(html), 'no links to the task\'s own write-up');
  assert.ok(!/\.href\s*=|<a\s/i.test(html.replace(/<script>[\s\S]*?<\/script>\n<script>/, '')), 'the page sets no link');
  assert.match(html, /Content-Security-Policy/);
});

/** Launches Debian's Chromium through playwright-core, or skips the test saying why. */
async function withPage(t: { skip(msg: string): void }, fn: (page: import('playwright-core').Page, errors: string[]) => Promise<void>): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    t.skip(`Chromium not found at ${CHROMIUM}: the dashboard browser test did NOT run (.ci/run installs Debian's chromium; set IACJUDGE_CHROMIUM to override)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // No network at view time: any request other than the file itself fails the test.
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) errors.push(`network request: ${r.url()}`);
    });
    await fn(page, errors);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
}

test('dashboard in headless Chromium: charts, filters change the rows, sorting, detail view, screenshot', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-dash-'));
  const file = join(dir, 'dashboard.html');
  writeFileSync(file, renderDashboard(await summarizeResults(writeResults(), (id) => (id === 'r-naming' ? 'suffix conventions' : undefined))));
  await withPage(t, async (page) => {
    await page.goto(pathToFileURL(file).href);
    const charts = await page.evaluate(() => (window as any).__charts.map((c: any) => c.data.datasets.reduce((n: number, d: any) => n + d.data.length, 0)));
    assert.equal(charts.length, 4);
    assert.ok(charts.every((n: number) => n > 0));
    const painted = await page.evaluate(() => {
      const c = document.getElementById('categoryChart') as HTMLCanvasElement;
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n++;
      return n;
    });
    assert.ok(painted > 500, `category chart painted ${painted} pixels`);
    const tasks = () => page.$$eval('#tasks tbody tr td.task', (tds) => tds.map((td) => td.textContent));
    // Rows in task-key order (code-unit order: `P` sorts before `j`).
    assert.deepEqual(await tasks(), [HOSTILE, 'tf-hcl/Pr1', 'tf-hcl/Pr2', 'tf-hcl/Pr4', JS_NAME]);
    await page.selectOption('#f-platform', 'cdktf-ts');
    assert.deepEqual(await tasks(), [HOSTILE]);
    await page.selectOption('#f-platform', '');
    await page.selectOption('#f-blocker', 'yes');
    assert.deepEqual(await tasks(), [JS_NAME]);
    await page.selectOption('#f-blocker', '');
    await page.selectOption('#f-band', 'high');
    assert.deepEqual(await tasks(), [HOSTILE, 'tf-hcl/Pr1', 'tf-hcl/Pr2']);
    await page.selectOption('#f-band', 'none');
    assert.deepEqual(await tasks(), ['tf-hcl/Pr4']);
    await page.selectOption('#f-band', '');
    await page.selectOption('#f-category', { label: 'encryption' });
    assert.deepEqual(await tasks(), ['tf-hcl/Pr2']);
    await page.selectOption('#f-category', '');
    await page.selectOption('#f-severity', 'medium');
    assert.deepEqual(await tasks(), []);
    await page.selectOption('#f-severity', 'critical');
    assert.deepEqual(await tasks(), [HOSTILE, 'tf-hcl/Pr1', JS_NAME]);
    await page.selectOption('#f-severity', '');
    await page.fill('#f-q', 'r-logging');
    assert.deepEqual(await tasks(), ['tf-hcl/Pr1']);
    await page.fill('#f-q', '');
    assert.match(await page.textContent('#shown') ?? '', /^5 of 5 tasks/);
    // Sort by score, descending on the second click; tasks without a score stay last.
    await page.click('th[data-key="score"]');
    assert.deepEqual(await tasks(), [JS_NAME, 'tf-hcl/Pr2', 'tf-hcl/Pr1', HOSTILE, 'tf-hcl/Pr4']);
    await page.click('th[data-key="score"]');
    assert.deepEqual(await tasks(), [HOSTILE, 'tf-hcl/Pr1', 'tf-hcl/Pr2', JS_NAME, 'tf-hcl/Pr4']);
    // Clicking a bar of the category chart filters the table by that category.
    // The chart is scrolled into view and laid out at its final size before the bar's position is read:
    // on a loaded machine the canvas's resize observer can fire after the read, moving the bar.
    const bar = await page.evaluate(async () => {
      const chart = (window as any).__charts[0];
      chart.canvas.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      chart.resize();
      const i = chart.data.labels.indexOf('encryption');
      const el = chart.getDatasetMeta(0).data[i];
      const box = chart.canvas.getBoundingClientRect();
      return { x: box.left + (el.x + el.base) / 2, y: box.top + el.y };
    });
    await page.mouse.click(bar.x, bar.y);
    await page.waitForFunction(() => document.querySelectorAll('#tasks tbody tr td.task').length === 1, undefined, { timeout: 5000 }).catch(() => undefined);
    assert.deepEqual(await tasks(), ['tf-hcl/Pr2']);
    assert.equal(await page.$eval('#f-category', (s) => (s as HTMLSelectElement).selectedOptions[0]!.textContent), 'encryption');
    await page.selectOption('#f-category', '');
    // Hostile names and messages: text only, no element, no link.
    assert.equal(await page.$$eval('img', (imgs) => imgs.length), 0);
    assert.equal(await page.$$eval('a', (as) => as.length), 0);
    // Detail view from the table.
    assert.equal(await page.isVisible('#detail'), false);
    await page.click('#tasks [role=button].task >> text=tf-hcl/Pr1');
    assert.equal(await page.isVisible('#detail'), true);
    assert.equal(await page.textContent('#detail h2'), 'tf-hcl/Pr1');
    const failures = await page.$$eval('#detail-failures > li', (lis) => lis.map((li) => li.textContent));
    assert.equal(failures.length, 2);
    assert.match(failures[0]!, /title of r-logging/);
    assert.match(failures[1]!, /title of r-naming/);
    assert.equal(await page.$eval('#detail-observations', (d) => (d as HTMLDetailsElement).open), false, 'observations start collapsed');
    assert.match(await page.textContent('#detail-observations summary') ?? '', /Observations \(1\)/);
    assert.equal(await page.$$eval('#detail-steps tr', (trs) => trs.length), 2);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-detail.png') });
    await page.click('#detail-close');
    assert.equal(await page.isVisible('#detail'), false);
    // Detail view from the review-first list: the blocker with its warning and a hostile message shown as text.
    await page.click('[data-list="blockers"] [role=button].task');
    assert.equal(await page.textContent('#detail h2'), JS_NAME);
    assert.match(await page.textContent('#detail') ?? '', /never closes/);
    assert.match(await page.textContent('#detail-failures') ?? '', /<script>alert\(1\)<\/script>/);
    assert.equal(await page.$$eval('#detail script', (s) => s.length), 0);
    await page.click('#detail-close');
    // Keyboard: a task name takes focus and Enter opens it.
    await page.focus('#tasks [role=button].task >> text=tf-hcl/Pr2');
    await page.keyboard.press('Enter');
    assert.equal(await page.textContent('#detail h2'), 'tf-hcl/Pr2');
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('#detail'), false);
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'dashboard.png');
    await page.screenshot({ path: shot, fullPage: true });
    assert.ok(statSync(shot).size > 10_000);
    t.diagnostic(`screenshot: ${shot}`);
  });
});

test('dashboard in headless Chromium: 5,000 tasks render lazily and filter', async (t) => {
  const lines: CorpusLine[] = Array.from({ length: 5000 }, (_, i) =>
    line(`tf-hcl/Pr${String(i).padStart(5, '0')}`, i % 3 ? 'tf-hcl' : 'cdktf-ts', [finding('naming', 'high', 'r-naming', { tier: 'failure', rank: 1 })], i % 11, (i * 7) % 11),
  );
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-dash-'));
  const file = join(dir, 'dashboard.html');
  writeFileSync(file, renderDashboard(await summarizeResults(writeResults(lines))));
  await withPage(t, async (page) => {
    await page.goto(pathToFileURL(file).href);
    const drawn = () => page.$$eval('#tasks tbody tr td.task', (tds) => tds.length);
    assert.equal(await drawn(), 100, 'only the first page of rows is drawn');
    assert.match(await page.textContent('#shown') ?? '', /^5000 of 5000 tasks \(100 drawn/);
    await page.$eval('.tablewrap', (w) => (w.scrollTop = w.scrollHeight));
    await page.waitForFunction(() => document.querySelectorAll('#tasks tbody td.task').length > 100);
    assert.equal(await drawn(), 200);
    await page.selectOption('#f-platform', 'cdktf-ts');
    assert.match(await page.textContent('#shown') ?? '', /^1667 of 5000 tasks/);
    await page.fill('#f-q', 'pr04997');
    assert.equal(await drawn(), 0, 'a tf-hcl task is filtered out');
    await page.fill('#f-q', 'pr04998');
    assert.equal(await drawn(), 1);
  });
});
