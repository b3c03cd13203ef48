/**
 * The corpus dashboard: one self-contained HTML file (Chart.js inlined, no network at view time) to triage a
 * corpus from: "review first" lists, charts, a filterable and sortable task table rendered lazily, and a detail
 * view of iacjudge's own analysis of each task. All data is embedded as JSON inside a non-executable script tag
 * with `<`, `>` and `&` escaped, every text reaches the DOM through textContent, and the page sets no link from
 * task data at all, so hostile task names or messages can neither inject markup nor become live links.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CorpusSummary, DetailFinding } from './summarize.js';

function chartJsSource(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('chart.js');
  return readFileSync(join(dirname(entry), 'chart.umd.min.js'), 'utf8');
}

/** JSON safe to embed in a <script type="application/json">: no `</script>`, no HTML comment openers. */
function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Categories shown by name in the category chart; the rest are one "other" bar. */
export const TOP_CATEGORIES = 10;
/** Failure kinds shown in their chart. */
export const TOP_FAILURE_KINDS = 12;

/**
 * The page's data, compact: rows and findings are arrays (column order in ROW_COLUMNS / the detail comments),
 * rule id + title + category interned once, so 5,000 tasks stay a few megabytes.
 */
export const ROW_COLUMNS = ['task', 'platform', 'status', 'score', 'recorded', 'disagreement', 'failures', 'findings', 'critical', 'high', 'worst', 'blocker', 'categories', 'warnings'] as const;

export function dashboardData(s: CorpusSummary): unknown {
  const rules: [string, string, string][] = [];
  const ruleIndex = new Map<string, number>();
  const cats: string[] = [];
  const catIndex = new Map<string, number>();
  const cat = (c: string) => {
    let i = catIndex.get(c);
    if (i === undefined) catIndex.set(c, (i = cats.push(c) - 1));
    return i;
  };
  const rule = (f: DetailFinding) => {
    const key = JSON.stringify([f.ruleId, f.title, f.category]);
    let i = ruleIndex.get(key);
    if (i === undefined) ruleIndex.set(key, (i = rules.push([f.ruleId, f.title, f.category]) - 1));
    return i;
  };
  // [rule, rank, severity, message, where, occurrences]
  const finding = (f: DetailFinding) => [rule(f), f.rank, f.severity, f.message, f.where, f.occurrences];
  const categoryEntries = Object.entries(s.byCategory);
  const rest = categoryEntries.slice(TOP_CATEGORIES);
  return {
    summary: { tasks: s.tasks, ok: s.ok, errors: s.errors.length, agreement: s.agreement },
    categories: [...categoryEntries.slice(0, TOP_CATEGORIES), ...(rest.length ? [[`other (${rest.length} categories)`, rest.reduce((n, [, v]) => n + v, 0)]] : [])],
    severityByPlatform: s.severityByPlatform,
    scoreHistogram: s.scoreHistogram,
    recordedHistogram: s.recordedHistogram,
    failureKinds: s.failureKinds.slice(0, TOP_FAILURE_KINDS).map((k) => [k.kind, k.tasks]),
    triage: s.triage,
    rules,
    cats,
    rows: s.rows.map((r) => [r.task, r.platform, r.status, r.score, r.recorded, r.disagreement, r.failures, r.findings, r.critical, r.high, r.worst, r.blocker, r.categories.map(cat), r.warnings]),
    // [failures, failuresOmitted, observations, observationsOmitted, steps [step, detail, delta, value], warnings, error]
    details: s.details.map((d) => [
      d.failures.map(finding),
      d.failuresOmitted,
      d.observations.map(finding),
      d.observationsOmitted,
      d.steps.map((st) => [st.step, st.detail, st.delta ?? null, st.value ?? null]),
      d.warnings,
      d.error,
    ]),
  };
}

const STYLE = `
  * { box-sizing: border-box; }
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f5f6f8; }
  header { background: #1d2330; color: #fff; padding: 14px 24px; }
  header h1 { margin: 0; font-size: 20px; }
  #kpis { display: flex; gap: 28px; margin-top: 8px; flex-wrap: wrap; }
  .kpi b { font-size: 18px; display: block; }
  main { padding: 16px 24px; display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
  section { background: #fff; border-radius: 8px; padding: 12px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.08); min-width: 0; }
  section.wide { grid-column: 1 / -1; }
  h2 { font-size: 15px; margin: 4px 0 10px; }
  h3 { font-size: 13px; margin: 0 0 6px; color: #444; }
  #triage { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 12px; }
  #triage ol { margin: 0; padding-left: 20px; font-size: 13px; }
  #triage li { margin-bottom: 3px; }
  .reason { color: #5f6368; display: block; font-size: 12px; overflow-wrap: anywhere; }
  .task[role="button"] { cursor: pointer; color: #1a56c4; overflow-wrap: anywhere; }
  .task[role="button"]:hover, .task[role="button"]:focus { text-decoration: underline; }
  .chart { position: relative; height: 320px; }
  #filters { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin-bottom: 8px; }
  #filters label { font-size: 12px; color: #444; display: flex; flex-direction: column; }
  #filters input, #filters select { font: inherit; padding: 2px 4px; }
  #shown { margin-left: auto; color: #5f6368; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e6e8ec; vertical-align: top; }
  #tasks th { cursor: pointer; user-select: none; background: #fafbfc; position: sticky; top: 0; white-space: nowrap; }
  th[aria-sort="ascending"]::after { content: " ▲"; }
  th[aria-sort="descending"]::after { content: " ▼"; }
  td.num, th.num { text-align: right; }
  td.task { overflow-wrap: anywhere; max-width: 360px; }
  .tablewrap { max-height: 620px; overflow: auto; }
  .sev-critical { color: #b3261e; font-weight: 600; } .sev-high { color: #c25a00; font-weight: 600; }
  .sev-medium { color: #8a6d00; } .sev-low { color: #5f6368; }
  #detail { position: fixed; top: 0; right: 0; bottom: 0; width: min(720px, 100%); background: #fff; box-shadow: -4px 0 16px rgba(0,0,0,.18);
    overflow: auto; padding: 16px 20px; z-index: 10; }
  #detail[hidden] { display: none; }
  #detail h2 { font-size: 17px; overflow-wrap: anywhere; padding-right: 60px; }
  #detail-close { position: absolute; top: 14px; right: 16px; font: inherit; }
  #detail ol { padding-left: 22px; } #detail li { margin-bottom: 8px; }
  #detail .msg { display: block; color: #333; overflow-wrap: anywhere; white-space: pre-wrap; }
  #detail .where { color: #5f6368; font-size: 12px; overflow-wrap: anywhere; }
  #detail summary { cursor: pointer; font-weight: 600; margin: 10px 0; }
  #detail table td { font-size: 13px; overflow-wrap: anywhere; }
  .meta { color: #444; margin-bottom: 8px; }
  @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
`;

/** The page's script: plain ES5 (no template literals, so it sits inside this module's template unchanged). */
const SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('data').textContent);
  var COLS = {}; data.columns.forEach(function (c, i) { COLS[c] = i; });
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; }
  function fmt(v) { return v === null || v === undefined ? '' : v; }
  var rows = data.rows;
  var byTask = {}; rows.forEach(function (r, i) { byTask[r[0]] = i; });

  // KPIs
  var a = data.summary.agreement;
  [['tasks', data.summary.tasks], ['analyzed', data.summary.ok], ['errors', data.summary.errors],
   ['within ±1 of recorded', a.n ? (a.withinOne * 100).toFixed(1) + ' %' : 'n/a'],
   ['MAE (constant guess)', a.n ? a.mae.toFixed(2) + ' (' + a.constantMae.toFixed(2) + ')' : 'n/a'],
   ['Spearman', a.spearman === null ? 'n/a' : a.spearman.toFixed(3)]].forEach(function (k) {
    var d = el('div', undefined, 'kpi'); d.appendChild(el('b', k[1])); d.appendChild(el('span', k[0])); document.getElementById('kpis').appendChild(d);
  });

  function taskButton(task) {
    // A span with a button's role, not a <button>: a button is an inline block, which puts list numbers beside
    // the last line of a long wrapped name.
    var b = el('span', task, 'task'); b.setAttribute('role', 'button'); b.tabIndex = 0;
    b.addEventListener('click', function () { openDetail(task); });
    b.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openDetail(task); } });
    return b;
  }

  // Review first
  var triage = document.getElementById('triage');
  [['Blockers', 'blockers'], ['Lowest scores', 'lowest'], ['Largest disagreement with recorded', 'disagreement'],
   ['Send back (empty, refused, truncated)', 'sendBack'], ['Errors and timeouts', 'errors']].forEach(function (t) {
    var box = el('div'); box.setAttribute('data-list', t[1]); box.appendChild(el('h3', t[0]));
    var list = data.triage[t[1]];
    if (!list.length) box.appendChild(el('div', 'none', 'reason'));
    else {
      var ol = el('ol');
      list.forEach(function (e) { var li = el('li'); li.appendChild(taskButton(e.task)); li.appendChild(el('span', e.reason, 'reason')); ol.appendChild(li); });
      box.appendChild(ol);
    }
    triage.appendChild(box);
  });

  // Filters
  var f = { q: '', platform: '', band: '', category: '', severity: '', blocker: '' };
  function fillSelect(id, values) {
    var s = document.getElementById(id);
    values.forEach(function (v) { var o = el('option', v[1]); o.value = v[0]; s.appendChild(o); });
    s.addEventListener('change', function () { f[s.getAttribute('data-filter')] = s.value; apply(); });
  }
  var platforms = {}; rows.forEach(function (r) { platforms[r[COLS.platform]] = 1; });
  fillSelect('f-platform', Object.keys(platforms).sort().map(function (p) { return [p, p]; }));
  fillSelect('f-band', [['low', '0–4'], ['mid', '5–7'], ['high', '8–10'], ['none', 'no score']]);
  fillSelect('f-category', data.cats.map(function (c, i) { return [String(i), c]; }).sort(function (x, y) { return x[1] < y[1] ? -1 : 1; }));
  fillSelect('f-severity', [['critical', 'critical'], ['high', 'high'], ['medium', 'medium'], ['low', 'low'], ['none', 'no failure']]);
  fillSelect('f-blocker', [['yes', 'with a blocker'], ['no', 'without']]);
  var q = document.getElementById('f-q');
  q.addEventListener('input', function () { f.q = q.value.trim().toLowerCase(); apply(); });
  var haystack = rows.map(function (r, i) {
    var d = data.details[i];
    return [r[0], r[COLS.blocker] || '', r[COLS.categories].map(function (c) { return data.cats[c]; }).join(' '),
      d[0].map(function (x) { return data.rules[x[0]][0] + ' ' + data.rules[x[0]][1]; }).join(' ')].join(' ').toLowerCase();
  });
  function band(score) { return score === null ? 'none' : score <= 4 ? 'low' : score <= 7 ? 'mid' : 'high'; }
  function keep(r, i) {
    if (f.platform && r[COLS.platform] !== f.platform) return false;
    if (f.band && band(r[COLS.score]) !== f.band) return false;
    if (f.category && r[COLS.categories].indexOf(Number(f.category)) < 0) return false;
    if (f.severity && (r[COLS.worst] || 'none') !== f.severity) return false;
    if (f.blocker && (r[COLS.blocker] !== null) !== (f.blocker === 'yes')) return false;
    if (f.q && haystack[i].indexOf(f.q) < 0) return false;
    return true;
  }
  window.__setFilter = function (name, value) {
    f[name] = value;
    var s = document.querySelector('[data-filter="' + name + '"]'); if (s) s.value = value;
    apply();
  };

  // Table: rows rendered lazily, a page at a time, as the sentinel scrolls into view.
  var PAGE = 100;
  var tbody = document.querySelector('#tasks tbody');
  var wrap = document.querySelector('.tablewrap');
  var view = [], rendered = 0, sortKey = null, dir = 1;
  var sentinel = el('tr'); var sentinelCell = el('td', '', 'reason'); sentinelCell.colSpan = data.columns.length; sentinel.appendChild(sentinelCell);
  var more = el('button', 'show more'); more.type = 'button'; more.addEventListener('click', renderMore); sentinelCell.appendChild(more);
  function renderMore() {
    var end = Math.min(view.length, rendered + PAGE);
    var frag = document.createDocumentFragment();
    for (; rendered < end; rendered++) {
      var r = rows[view[rendered]], tr = el('tr');
      var td = el('td', undefined, 'task'); td.appendChild(taskButton(r[0])); tr.appendChild(td);
      tr.appendChild(el('td', r[COLS.platform])); tr.appendChild(el('td', r[COLS.status]));
      ['score', 'recorded', 'disagreement', 'failures', 'findings', 'critical', 'high'].forEach(function (c) { tr.appendChild(el('td', fmt(r[COLS[c]]), 'num')); });
      tr.appendChild(el('td', r[COLS.worst], 'sev-' + r[COLS.worst]));
      tr.appendChild(el('td', r[COLS.blocker] || ''));
      tr.appendChild(el('td', r[COLS.categories].slice(0, 3).map(function (c) { return data.cats[c]; }).join(', ')));
      tr.appendChild(el('td', r[COLS.warnings], 'num'));
      frag.appendChild(tr);
    }
    if (sentinel.parentNode) tbody.removeChild(sentinel);
    tbody.appendChild(frag);
    if (rendered < view.length) tbody.appendChild(sentinel);
    document.getElementById('shown').textContent = view.length + ' of ' + rows.length + ' tasks' + (rendered < view.length ? ' (' + rendered + ' drawn; scroll for more)' : '');
  }
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) { if (entries.some(function (e) { return e.isIntersecting; })) renderMore(); }, { root: wrap, rootMargin: '300px' }).observe(sentinel);
  }
  function compare(x, y) {
    var a = rows[x][COLS[sortKey]], b = rows[y][COLS[sortKey]];
    if (sortKey === 'categories') { a = a.map(function (c) { return data.cats[c]; }).join(','); b = b.map(function (c) { return data.cats[c]; }).join(','); }
    if (sortKey === 'worst') { var order = { critical: 0, high: 1, medium: 2, low: 3 }; a = a in order ? order[a] : null; b = b in order ? order[b] : null; }
    var an = a === null || a === '', bn = b === null || b === '';
    if (an || bn) return an && bn ? x - y : an ? 1 : -1;
    var c = typeof a === 'number' ? a - b : (a < b ? -1 : a > b ? 1 : 0);
    return c * dir || x - y;
  }
  function apply() {
    view = [];
    for (var i = 0; i < rows.length; i++) if (keep(rows[i], i)) view.push(i);
    if (sortKey) view.sort(compare);
    tbody.textContent = ''; rendered = 0; wrap.scrollTop = 0;
    renderMore();
  }
  document.querySelectorAll('#tasks th').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.getAttribute('data-key');
      dir = sortKey === key ? -dir : 1; sortKey = key;
      document.querySelectorAll('#tasks th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      apply();
    });
  });

  // Detail view: iacjudge's own analysis of one task.
  var detail = document.getElementById('detail'), body = document.getElementById('detail-body');
  document.getElementById('detail-close').addEventListener('click', function () { detail.hidden = true; });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') detail.hidden = true; });
  function findingItem(x) {
    var rule = data.rules[x[0]], li = el('li');
    li.appendChild(el('span', x[2], 'sev-' + x[2])); li.appendChild(document.createTextNode(' '));
    li.appendChild(el('b', rule[1])); li.appendChild(el('span', ' ' + rule[0] + ' · ' + rule[2], 'where'));
    li.appendChild(el('span', x[3], 'msg'));
    li.appendChild(el('span', x[4] + (x[5] > 1 ? ' (+' + (x[5] - 1) + ' more places)' : ''), 'where'));
    return li;
  }
  function openDetail(task) {
    var i = byTask[task]; if (i === undefined) return;
    var r = rows[i], d = data.details[i];
    body.textContent = '';
    body.appendChild(el('h2', task));
    body.appendChild(el('div', r[COLS.platform] + ' · ' + r[COLS.status] + ' · score ' + (r[COLS.score] === null ? 'n/a' : r[COLS.score]) +
      (r[COLS.recorded] !== null ? ' (recorded ' + r[COLS.recorded] + ')' : '') + (r[COLS.blocker] ? ' · blocker: ' + r[COLS.blocker] : ''), 'meta'));
    if (d[6]) body.appendChild(el('p', 'Not analyzed: ' + d[6]));
    body.appendChild(el('h3', 'Failures, in rank order (' + (d[0].length + d[1]) + ')'));
    if (d[0].length) { var ol = el('ol'); ol.id = 'detail-failures'; d[0].forEach(function (x) { ol.appendChild(findingItem(x)); }); body.appendChild(ol); }
    else body.appendChild(el('p', 'none', 'reason'));
    if (d[1]) body.appendChild(el('p', d[1] + ' more failures not shown (see results.jsonl)', 'reason'));
    var obs = el('details'); obs.id = 'detail-observations';
    obs.appendChild(el('summary', 'Observations (' + (d[2].length + d[3]) + ')'));
    var ol2 = el('ol'); d[2].forEach(function (x) { ol2.appendChild(findingItem(x)); }); obs.appendChild(ol2);
    if (d[3]) obs.appendChild(el('p', d[3] + ' more not shown', 'reason'));
    body.appendChild(obs);
    body.appendChild(el('h3', 'Score breakdown'));
    if (d[4].length) {
      var t = el('table'); t.id = 'detail-steps';
      d[4].forEach(function (s) { var tr = el('tr'); tr.appendChild(el('td', s[0])); tr.appendChild(el('td', s[1])); tr.appendChild(el('td', s[2] !== null ? (s[2] > 0 ? '+' : '') + s[2] : s[3] !== null ? '= ' + s[3] : '', 'num')); t.appendChild(tr); });
      body.appendChild(t);
    } else body.appendChild(el('p', 'no score', 'reason'));
    body.appendChild(el('h3', 'Extraction and input warnings'));
    if (d[5].length) { var ul = el('ul'); d[5].forEach(function (w) { ul.appendChild(el('li', w)); }); body.appendChild(ul); }
    else body.appendChild(el('p', 'none', 'reason'));
    detail.hidden = false;
    document.getElementById('detail-close').focus();
  }
  window.__openDetail = openDetail;

  // Charts
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.scales.linear.ticks.precision = 0;
  window.__charts = [];
  var cats = data.categories;
  window.__charts.push(new Chart(document.getElementById('categoryChart'), { type: 'bar',
    data: { labels: cats.map(function (c) { return c[0]; }), datasets: [{ label: 'findings', data: cats.map(function (c) { return c[1]; }), backgroundColor: '#4063d8' }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { y: { ticks: { autoSkip: false } } },
      onClick: function (e, els) { if (!els.length) return; var i = data.cats.indexOf(cats[els[0].index][0]); if (i >= 0) window.__setFilter('category', String(i)); } } }));
  var scoreLabels = []; for (var s = 0; s <= 10; s++) scoreLabels.push(String(s));
  var sets = [{ label: 'iacjudge', backgroundColor: '#4063d8', data: scoreLabels.map(function (l) { return data.scoreHistogram[l] || 0; }) }];
  if (Object.keys(data.recordedHistogram).length) sets.push({ label: 'recorded', backgroundColor: '#9aa0a6', data: scoreLabels.map(function (l) { return data.recordedHistogram[l] || 0; }) });
  window.__charts.push(new Chart(document.getElementById('scoreChart'), { type: 'bar', data: { labels: scoreLabels, datasets: sets },
    options: { onClick: function (e, els) { if (els.length) window.__setFilter('band', band(els[0].index)); } } }));
  var kinds = data.failureKinds;
  window.__charts.push(new Chart(document.getElementById('kindChart'), { type: 'bar',
    data: { labels: kinds.map(function (k) { return k[0].length > 60 ? k[0].slice(0, 59) + '…' : k[0]; }), datasets: [{ label: 'tasks', data: kinds.map(function (k) { return k[1]; }), backgroundColor: '#b3261e' }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { y: { ticks: { autoSkip: false } } } } }));
  var sevs = ['critical', 'high', 'medium', 'low'], colors = { critical: '#b3261e', high: '#e8710a', medium: '#f9ab00', low: '#5f6368' };
  var plats = Object.keys(data.severityByPlatform);
  window.__charts.push(new Chart(document.getElementById('severityChart'), { type: 'bar',
    data: { labels: plats, datasets: sevs.map(function (sv) { return { label: sv, backgroundColor: colors[sv], data: plats.map(function (p) { return data.severityByPlatform[p][sv] || 0; }) }; }) },
    options: { scales: { x: { stacked: true }, y: { stacked: true } }, onClick: function (e, els) { if (els.length) window.__setFilter('platform', plats[els[0].index]); } } }));

  apply();
})();
`;

export function renderDashboard(s: CorpusSummary): string {
  const data = { columns: ROW_COLUMNS, ...(dashboardData(s) as object) };
  const th = (key: string, label: string, num = false) => `<th data-key="${key}"${num ? ' class="num"' : ''}>${label}</th>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>iacjudge corpus dashboard</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>iacjudge corpus dashboard</h1><div id="kpis"></div></header>
<main>
  <section class="wide"><h2>Review first</h2><div id="triage"></div></section>
  <section><h2>Findings by category (click a bar to filter)</h2><div class="chart"><canvas id="categoryChart"></canvas></div></section>
  <section><h2>Training-quality scores: iacjudge and recorded (click to filter)</h2><div class="chart"><canvas id="scoreChart"></canvas></div></section>
  <section><h2>Failure kinds over the corpus (tasks)</h2><div class="chart"><canvas id="kindChart"></canvas></div></section>
  <section><h2>Severity by platform (click to filter)</h2><div class="chart"><canvas id="severityChart"></canvas></div></section>
  <section class="wide"><h2>Tasks</h2>
    <div id="filters">
      <label>search<input id="f-q" type="search" placeholder="task, rule, blocker"></label>
      <label>platform<select id="f-platform" data-filter="platform"><option value="">all</option></select></label>
      <label>score<select id="f-band" data-filter="band"><option value="">all</option></select></label>
      <label>category<select id="f-category" data-filter="category"><option value="">all</option></select></label>
      <label>worst failure<select id="f-severity" data-filter="severity"><option value="">all</option></select></label>
      <label>blocker<select id="f-blocker" data-filter="blocker"><option value="">all</option></select></label>
      <span id="shown"></span>
    </div>
    <div class="tablewrap"><table id="tasks">
    <thead><tr>${th('task', 'task')}${th('platform', 'platform')}${th('status', 'status')}${th('score', 'score', true)}${th('recorded', 'recorded', true)}${th('disagreement', 'Δ', true)}${th('failures', 'failures', true)}${th('findings', 'findings', true)}${th('critical', 'critical', true)}${th('high', 'high', true)}${th('worst', 'worst')}${th('blocker', 'blocker')}${th('categories', 'top categories')}${th('warnings', 'warnings', true)}</tr></thead>
    <tbody></tbody></table></div></section>
</main>
<aside id="detail" hidden aria-label="task analysis"><button type="button" id="detail-close">close</button><div id="detail-body"></div></aside>
<script type="application/json" id="data">${embedJson(data)}</script>
<script>${chartJsSource()}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
