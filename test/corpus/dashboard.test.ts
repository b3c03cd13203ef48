import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarizeResults, renderSummaryMarkdown } from '../../src/corpus/summarize.js';
import { renderDashboard } from '../../src/corpus/html.js';
import type { CorpusLine } from '../../src/corpus/types.js';
import type { Finding } from '../../src/findings/types.js';

const CHROMIUM = process.env.IACJUDGE_CHROMIUM ?? '/usr/bin/chromium';

function finding(category: Finding['category'], severity: Finding['severity'], ruleId = `r-${category}`): Finding {
  return { ruleId, category, severity, evidence: ['static'], fixClass: 'B', title: 't', message: 'm', location: { file: 'lib/main.tf', line: 1 } };
}

function line(task: string, platform: string, findings: Finding[], score: number | null, recorded: number | null): CorpusLine {
  return {
    task,
    status: 'ok',
    platform,
    recordedQuality: recorded,
    result: {
      tool: { name: 'iacjudge', version: '0' },
      task: { path: task, platform, language: 'hcl' },
      findings,
      score: score === null ? null : { trainingQuality: score, breakdown: { base: 8, blocker: null, fixAdjustment: 0, complexityAdjustment: 0, counts: { A: 0, B: 0, C: 0 }, steps: [] } },
      notes: [],
      warnings: [],
    },
  };
}

function writeResults(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-dash-'));
  const path = join(dir, 'results.jsonl');
  const lines: CorpusLine[] = [
    line('tf-hcl/Pr1', 'tf-hcl', [finding('naming', 'critical'), finding('logging', 'medium'), finding('naming', 'high', 'other')], 9, 9),
    line('tf-hcl/Pr2', 'tf-hcl', [finding('encryption', 'high')], 8, 10),
    line('cdktf-ts/<img src=x onerror=alert(1)>', 'cdktf-ts', [finding('schema', 'critical'), finding('schema', 'low', 'x'), finding('tests', 'low'), finding('naming', 'low', 'y')], 10, 8),
    { task: 'tf-hcl/Pr4', status: 'timeout', error: 'exceeded the per-task limit' },
  ];
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return path;
}

test('summary counts categories, severities, platforms, agreement and errors', async () => {
  const s = await summarizeResults(writeResults(), (id) => (id === 'r-naming' ? 'suffix conventions' : undefined));
  assert.equal(s.tasks, 4);
  assert.equal(s.ok, 3);
  assert.deepEqual(s.byCategory, { naming: 3, schema: 2, encryption: 1, logging: 1, tests: 1 });
  assert.deepEqual(s.severityByPlatform['tf-hcl'], { critical: 1, medium: 1, high: 2 });
  assert.equal(s.agreement.n, 3);
  assert.equal(s.errors.length, 1);
  assert.deepEqual(s.knowledgeGaps, [{ gap: 'suffix conventions', tasks: 1 }]);
  assert.match(renderSummaryMarkdown(s), /3 tasks with a recorded score/);
});

test('dashboard HTML is self-contained and escapes hostile task names', async () => {
  const html = renderDashboard(await summarizeResults(writeResults()));
  assert.ok(!/<script[^>]+src=/i.test(html), 'no external scripts');
  assert.ok(!/https?:\/\/[^"'\s]*\.(js|css)/i.test(html.replace(/<script>[\s\S]*?<\/script>/g, '')), 'no external assets');
  assert.ok(!html.includes('<img src=x'), 'task names never appear as markup');
});

test('dashboard renders charts and sorts its table in headless Chromium', async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`Chromium not found at ${CHROMIUM} (.ci/run installs Debian's chromium; set IACJUDGE_CHROMIUM to override)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-dash-'));
  const file = join(dir, 'dashboard.html');
  writeFileSync(file, renderDashboard(await summarizeResults(writeResults())));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    const charts = await page.evaluate(() => (window as any).__charts.map((c: any) => c.data.datasets.reduce((n: number, d: any) => n + d.data.length, 0)));
    assert.equal(charts.length, 3);
    assert.ok(charts.every((n: number) => n > 0));
    // A chart drew pixels: the category canvas is not blank.
    const painted = await page.evaluate(() => {
      const c = document.getElementById('categoryChart') as HTMLCanvasElement;
      const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n++;
      return n;
    });
    assert.ok(painted > 500, `category chart painted ${painted} pixels`);
    const firstColumn = () => page.$$eval('#tasks tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
    assert.equal((await firstColumn())[0], 'tf-hcl/Pr1');
    await page.click('th[data-key="findings"]');
    await page.click('th[data-key="findings"]');
    assert.equal((await firstColumn())[0], 'cdktf-ts/<img src=x onerror=alert(1)>');
    assert.equal(await page.$$eval('img', (imgs) => imgs.length), 0);
    await page.screenshot({ path: join(dir, 'dashboard.png'), fullPage: true });
    assert.ok(existsSync(join(dir, 'dashboard.png')));
    assert.deepEqual(errors, []);
    t.diagnostic(`screenshot: ${join(dir, 'dashboard.png')}`);
  } finally {
    await browser.close();
  }
});

test('a task folder named javascript:... is a relative link, never a script URL', async () => {
  const { taskHref } = await import('../../src/corpus/html.js');
  for (const task of ['javascript:alert(1)', 'tf-hcl/javascript:alert(document.cookie)', 'JaVaScRiPt:x', 'data:text/html,<b>x', 'vbscript:msgbox']) {
    const href = taskHref('{task}/lib/MODEL_FAILURES.md', task);
    assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(href), href);
    assert.ok(!href.includes('<'), href);
    const bare = taskHref('{task}', task);
    assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(bare), bare);
  }
  assert.equal(taskHref('{task}/x', 'tf-hcl/Pr 1'), 'tf-hcl/Pr%201/x');
  // The page takes each row's link from the data, not from its own encoding.
  const html = renderDashboard({ ...(await summarizeResults(writeResults())) }, { reportLink: '{task}' });
  assert.match(html, /link\.href = r\.href/);
  assert.doesNotMatch(html, /encodeURI\(/);
});
