/**
 * The corpus dashboard: one self-contained HTML file (Chart.js inlined, no network at view time).
 * All data is embedded as JSON inside a non-executable script tag with `<` escaped, and every text
 * that reaches the DOM goes through textContent, so hostile task names or messages cannot inject markup.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CorpusSummary } from './summarize.js';

function chartJsSource(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('chart.js');
  return readFileSync(join(dirname(entry), 'chart.umd.min.js'), 'utf8');
}

/** JSON safe to embed in a <script type="application/json">: no `</script>`, no HTML comment openers. */
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export interface DashboardOptions {
  /** Link target for a task's failure analysis; `{task}` is replaced by the task key. */
  reportLink?: string;
}

/**
 * A row's link: the pattern with {task} replaced by the task key, each path segment percent-encoded. encodeURI left
 * `:` alone, so a corpus folder named `javascript:alert(1)` became a live script link; encoded, `javascript%3A...`
 * is a relative path.
 */
export function taskHref(pattern: string, task: string): string {
  const encoded = task.split('/').map((seg) => encodeURIComponent(seg)).join('/');
  return pattern.split('{task}').join(encoded);
}

export function renderDashboard(s: CorpusSummary, opts: DashboardOptions = {}): string {
  const data = {
    summary: {
      tasks: s.tasks,
      ok: s.ok,
      errors: s.errors.length,
      agreement: s.agreement,
    },
    byCategory: s.byCategory,
    severityByPlatform: s.severityByPlatform,
    scoreHistogram: s.scoreHistogram,
    knowledgeGaps: s.knowledgeGaps,
    // Links computed here, not in the page, so the encoding is tested: see taskHref.
    rows: s.rows.map((r) => ({ ...r, href: taskHref(opts.reportLink ?? '{task}/lib/MODEL_FAILURES.md', r.task) })),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>iacjudge corpus dashboard</title>
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f5f6f8; }
  header { background: #1d2330; color: #fff; padding: 16px 24px; }
  header h1 { margin: 0; font-size: 20px; }
  #kpis { display: flex; gap: 24px; margin-top: 8px; flex-wrap: wrap; }
  .kpi b { font-size: 18px; display: block; }
  main { padding: 16px 24px; display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
  section { background: #fff; border-radius: 8px; padding: 12px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
  section.wide { grid-column: 1 / -1; }
  h2 { font-size: 15px; margin: 4px 0 12px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e6e8ec; }
  th { cursor: pointer; user-select: none; background: #fafbfc; position: sticky; top: 0; }
  th[aria-sort="ascending"]::after { content: " ▲"; }
  th[aria-sort="descending"]::after { content: " ▼"; }
  td.num, th.num { text-align: right; }
  .tablewrap { max-height: 520px; overflow: auto; }
  canvas { max-height: 360px; }
</style>
</head>
<body>
<header><h1>iacjudge corpus dashboard</h1><div id="kpis"></div></header>
<main>
  <section><h2>Findings by category</h2><canvas id="categoryChart"></canvas></section>
  <section><h2>Severity by platform</h2><canvas id="severityChart"></canvas></section>
  <section><h2>Training-quality scores</h2><canvas id="scoreChart"></canvas></section>
  <section><h2>Top knowledge gaps</h2><ol id="gaps"></ol></section>
  <section class="wide"><h2>Tasks</h2><div class="tablewrap"><table id="tasks">
    <thead><tr>
      <th data-key="task">task</th><th data-key="platform">platform</th><th data-key="status">status</th>
      <th data-key="findings" class="num">findings</th><th data-key="critical" class="num">critical</th>
      <th data-key="high" class="num">high</th><th data-key="score" class="num">score</th>
      <th data-key="recorded" class="num">recorded</th><th data-key="topCategories">top categories</th>
    </tr></thead><tbody></tbody></table></div></section>
</main>
<script type="application/json" id="data">${embedJson(data)}</script>
<script>${chartJsSource()}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('data').textContent);
  var el = function (tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = String(text); return e; };
  var a = data.summary.agreement;
  var kpis = [['tasks', data.summary.tasks], ['analyzed', data.summary.ok], ['errors', data.summary.errors],
    ['within ±1 of recorded', a.n ? (a.withinOne * 100).toFixed(1) + ' %' : 'n/a'],
    ['MAE (constant guess)', a.n ? a.mae.toFixed(2) + ' (' + a.constantMae.toFixed(2) + ')' : 'n/a'],
    ['Spearman', a.spearman === null ? 'n/a' : a.spearman.toFixed(3)]];
  kpis.forEach(function (k) { var d = el('div'); d.className = 'kpi'; d.appendChild(el('b', k[1])); d.appendChild(el('span', k[0])); document.getElementById('kpis').appendChild(d); });
  var gaps = document.getElementById('gaps');
  data.knowledgeGaps.forEach(function (g) { gaps.appendChild(el('li', g.gap + ' (' + g.tasks + ' tasks)')); });
  if (!data.knowledgeGaps.length) gaps.appendChild(el('li', 'none recorded'));
  Chart.defaults.animation = false;
  window.__charts = [];
  window.__charts.push(new Chart(document.getElementById('categoryChart'), { type: 'bar',
    data: { labels: Object.keys(data.byCategory), datasets: [{ label: 'findings', data: Object.values(data.byCategory), backgroundColor: '#4063d8' }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } } } }));
  var sevs = ['critical', 'high', 'medium', 'low'], colors = { critical: '#b3261e', high: '#e8710a', medium: '#f9ab00', low: '#5f6368' };
  var platforms = Object.keys(data.severityByPlatform);
  window.__charts.push(new Chart(document.getElementById('severityChart'), { type: 'bar',
    data: { labels: platforms, datasets: sevs.map(function (s) { return { label: s, backgroundColor: colors[s], data: platforms.map(function (p) { return data.severityByPlatform[p][s] || 0; }) }; }) },
    options: { scales: { x: { stacked: true }, y: { stacked: true } } } }));
  var scoreLabels = []; for (var i = 0; i <= 10; i++) scoreLabels.push(String(i));
  var recordedCounts = scoreLabels.map(function (l) { return data.rows.filter(function (r) { return r.recorded !== null && String(r.recorded) === l; }).length; });
  window.__charts.push(new Chart(document.getElementById('scoreChart'), { type: 'bar',
    data: { labels: scoreLabels, datasets: [
      { label: 'iacjudge', backgroundColor: '#4063d8', data: scoreLabels.map(function (l) { return data.scoreHistogram[l] || 0; }) },
      { label: 'recorded', backgroundColor: '#9aa0a6', data: recordedCounts }] } }));
  var tbody = document.querySelector('#tasks tbody');
  function render(rows) {
    tbody.textContent = '';
    rows.forEach(function (r) {
      var tr = el('tr');
      var td = el('td'); var link = el('a', r.task); link.href = r.href; td.appendChild(link); tr.appendChild(td);
      [r.platform, r.status].forEach(function (v) { tr.appendChild(el('td', v)); });
      [r.findings, r.critical, r.high, r.score === null ? '' : r.score, r.recorded === null ? '' : r.recorded].forEach(function (v) { var c = el('td', v); c.className = 'num'; tr.appendChild(c); });
      tr.appendChild(el('td', r.topCategories.join(', ')));
      tbody.appendChild(tr);
    });
  }
  var sortKey = null, dir = 1;
  document.querySelectorAll('#tasks th').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-key');
      dir = sortKey === key ? -dir : 1; sortKey = key;
      document.querySelectorAll('#tasks th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      var rows = data.rows.slice().sort(function (x, y) {
        var a = x[key], b = y[key];
        if (Array.isArray(a)) { a = a.join(','); b = b.join(','); }
        if (a === null || a === '') return 1; if (b === null || b === '') return -1;
        return (typeof a === 'number' ? a - b : String(a).localeCompare(String(b))) * dir;
      });
      render(rows);
    });
  });
  render(data.rows);
})();
</script>
</body>
</html>
`;
}
