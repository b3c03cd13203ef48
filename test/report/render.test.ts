/**
 * Renderers on a hand-made AnalysisResult (independent of the rule catalog's content).
 * Golden files: test/fixtures/golden/render/. Regenerate after an intended change with
 *   UPDATE_GOLDEN=1 npm test -- test/report
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisResult } from '../../src/pipeline/types.js';
import { renderJson, renderMarkdown, renderSarif } from '../../src/report/index.js';
import { trimSnippet } from '../../src/report/markdown.js';
import { sarifErrors } from './sarif-schema.js';

const GOLDEN = 'test/fixtures/golden/render';

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`golden file ${path} was missing and has been written; re-run the tests`);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${path} differs (UPDATE_GOLDEN=1 regenerates it)`);
}

export function sampleResult(): AnalysisResult {
  return {
    tool: { name: 'iacjudge', version: '0.0.0-test' },
    task: { path: 'tasks/sample', platform: 'tf-hcl', language: 'hcl' },
    findings: [
      {
        ruleId: 'syntax-error',
        category: 'syntax',
        severity: 'critical',
        evidence: ['static'],
        fixClass: 'C',
        title: 'Code does not parse',
        message: 'HCL error: unexpected "}"',
        location: { file: 'lib/main.tf', line: 12 },
        modelSnippet: { file: 'lib/main.tf', line: 12, language: 'hcl', code: 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}}' },
      },
      {
        ruleId: 'fixture-open-policy',
        category: 'iam-least-privilege',
        severity: 'high',
        evidence: ['static', 'diff'],
        fixClass: 'A',
        title: 'Policy allows every action',
        message: 'aws_iam_role_policy.worker allows "*" on "*".',
        location: { file: 'lib/main.tf', line: 30 },
        resource: 'aws_iam_role_policy.worker',
        modelSnippet: { file: 'lib/main.tf', line: 30, language: 'hcl', code: 'Action   = "*"\nResource = "*"' },
        idealSnippet: { file: 'lib/main.tf', line: 41, language: 'hcl', code: 'Action   = ["sqs:ReceiveMessage"]\nResource = aws_sqs_queue.orders.arn' },
      },
      {
        ruleId: 'fixture-log-retention',
        category: 'logging',
        severity: 'medium',
        evidence: ['log'],
        fixClass: 'B',
        title: 'Log group without retention',
        message: 'aws_cloudwatch_log_group.worker keeps logs forever.',
        location: { file: 'lib/main.tf', line: 50 },
        resource: 'aws_cloudwatch_log_group.worker',
        logExcerpt: 'Error: something about retention\n  on main.tf line 50',
      },
    ],
    score: {
      trainingQuality: 9,
      breakdown: {
        base: 8,
        blocker: null,
        fixAdjustment: 1,
        complexityAdjustment: 0,
        counts: { A: 1, B: 1, C: 1 },
        steps: [
          { step: 'base', detail: 'base score', value: 8 },
          { step: 'fixes: Category A', detail: '1 Category A fix (+1)', delta: 1 },
          { step: 'final', detail: '8 +1 (fixes) ±0 (complexity) = 9', value: 9 },
        ],
      },
    },
    notes: ['argument x is newer than the bundled schema'],
    warnings: ['lib/MODEL_RESPONSE.md:3: unnamed code block'],
  };
}

test('markdown: golden output of a sample result', () => {
  golden('sample.md', renderMarkdown(sampleResult()));
});

test('markdown: sections per impact level, numbered failures, summary and worked score', () => {
  const md = renderMarkdown(sampleResult());
  const order = ['## Critical Failures', '### 1. Code does not parse', '## High Failures', '### 2. Policy allows every action', '## Medium Failures', '## Summary', '### Primary Knowledge Gaps', '### Training Quality'];
  let at = -1;
  for (const h of order) {
    const i = md.indexOf(h);
    assert.ok(i > at, `${h} missing or out of order`);
    at = i;
  }
  assert.match(md, /\*\*Impact Level\*\*: High/);
  assert.match(md, /\*\*IDEAL_RESPONSE Fix\*\*:[\s\S]*sqs:ReceiveMessage/);
  assert.match(md, /\*\*Log Excerpt\*\*:/);
  assert.match(md, /\*\*Score\*\*: 9\/10/);
  assert.ok(!md.includes('## Low Failures'));
});

test('markdown: a task without failures gets the short form', () => {
  const r = { ...sampleResult(), findings: [], notes: [], warnings: [] };
  const md = renderMarkdown(r);
  assert.match(md, /No failures were found/);
  assert.ok(!md.includes('## Critical Failures'));
  assert.ok(!md.includes('Primary Knowledge Gaps'));
  golden('no-failures.md', md);
});

test('markdown: long snippets are trimmed, fences outgrow backticks in code', () => {
  const code = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
  const trimmed = trimSnippet(code, 5);
  assert.equal(trimmed.split('\n').length, 6);
  assert.match(trimmed, /35 more lines/);
  const r = sampleResult();
  r.findings[0]!.modelSnippet!.code = 'x = "```"';
  assert.match(renderMarkdown(r), /````hcl\nx = "```"\n````/);
});

test('json: the contract, pretty-printed with a trailing newline', () => {
  const text = renderJson(sampleResult());
  assert.ok(text.endsWith('}\n'));
  assert.deepEqual(JSON.parse(text), sampleResult());
  assert.match(text, /^\{\n {2}"tool"/);
});

test('sarif: valid against the SARIF 2.1.0 schema, results point at rules', () => {
  const doc = JSON.parse(renderSarif(sampleResult()));
  assert.deepEqual(sarifErrors(doc), []);
  const run = doc.runs[0];
  assert.equal(doc.version, '2.1.0');
  assert.equal(run.results.length, 3);
  for (const res of run.results) assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  assert.deepEqual(run.results.map((r: { level: string }) => r.level), ['error', 'error', 'warning']);
  assert.equal(run.results[1].locations[0].physicalLocation.artifactLocation.uri, 'lib/main.tf');
  assert.equal(run.results[1].properties.fixClass, 'A');
  assert.deepEqual(run.results[1].properties.evidence, ['static', 'diff']);
  const syntax = run.tool.driver.rules.find((d: { id: string }) => d.id === 'syntax-error');
  assert.equal(syntax.defaultConfiguration.level, 'error');
  assert.equal(syntax.properties.category, 'syntax');
  assert.equal(run.invocations[0].toolExecutionNotifications.length, 2);
});

test('sarif: golden output of the results part', () => {
  const doc = JSON.parse(renderSarif(sampleResult()));
  // The rule list follows the catalog, which grows; the golden covers everything else.
  doc.runs[0].tool.driver.rules = `(${doc.runs[0].tool.driver.rules.length > 0 ? 'catalog' : 'empty'})`;
  for (const r of doc.runs[0].results) delete r.ruleIndex;
  golden('sample.sarif.json', JSON.stringify(doc, null, 2) + '\n');
});

test('renderers are deterministic', () => {
  assert.equal(renderMarkdown(sampleResult()), renderMarkdown(sampleResult()));
  assert.equal(renderSarif(sampleResult()), renderSarif(sampleResult()));
});
