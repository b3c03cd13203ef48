/**
 * Renderers on a hand-made AnalysisResult (independent of the rule catalog's content).
 * Golden files: test/fixtures/golden/render/. Regenerate after an intended change with
 *   UPDATE_GOLDEN=1 npm test -- test/report
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysisResult } from '../../src/contracts/pipeline.js';
import type { Finding, Occurrence } from '../../src/findings/types.js';
import type { RuleMeta } from '../../src/rules/types.js';
import { renderJson, renderMarkdown, renderSarif } from '../../src/report/index.js';
import { exampleLanguage, fixExampleFor, MAX_OCCURRENCES_SHOWN, trimSnippet, withoutTruncatedValues } from '../../src/report/markdown.js';
import { FINDING_KEY_ORDER } from '../../src/report/json.js';
import { fingerprint } from '../../src/report/sarif.js';
import { metaFor } from '../../src/report/metas.js';
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

/** `n` places of one grouped failure, in resource order. */
function places(n: number): Occurrence[] {
  return Array.from({ length: n }, (_, i) => ({ resource: `aws_iam_role_policy.worker${i}`, location: { file: 'lib/iam.tf', line: 10 + i * 10 } }));
}

/**
 * Three failures (ranks 1-3, critical to medium) and two observations (ranks 4-5). The second failure is grouped
 * (10 places); the third carries a fix class other than its category's default (logging is B, this is C); the
 * last observation is high severity, so the tier and not the severity must keep it out of the failure sections.
 */
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
        tier: 'failure',
        rank: 1,
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
        tier: 'failure',
        rank: 2,
        title: 'Policy allows every action',
        message: 'aws_iam_role_policy.worker0 allows "*" on "*".',
        location: { file: 'lib/iam.tf', line: 10 },
        resource: 'aws_iam_role_policy.worker0',
        occurrences: places(10),
        modelSnippet: { file: 'lib/iam.tf', line: 10, language: 'hcl', code: 'Action   = "*"\nResource = "*"' },
        idealSnippet: { file: 'lib/iam.tf', line: 41, language: 'hcl', code: 'Action   = ["sqs:ReceiveMessage"]\nResource = aws_sqs_queue.orders.arn' },
      },
      {
        ruleId: 'fixture-log-retention',
        category: 'logging',
        severity: 'medium',
        evidence: ['log'],
        fixClass: 'C',
        tier: 'failure',
        rank: 3,
        title: 'Log group without retention',
        message: 'aws_cloudwatch_log_group.worker keeps logs forever.',
        location: { file: 'lib/main.tf', line: 50 },
        resource: 'aws_cloudwatch_log_group.worker',
        logExcerpt: 'Error: something about retention\n  on main.tf line 50',
      },
      {
        ruleId: 'fixture-description-churn',
        category: 'documentation',
        severity: 'low',
        evidence: ['diff'],
        fixClass: 'C',
        tier: 'observation',
        rank: 4,
        title: 'Description reworded',
        message: 'Ideal changes aws_sqs_queue.q: `description` changed.',
        location: { file: 'lib/main.tf', line: 3 },
        resource: 'aws_sqs_queue.q',
      },
      {
        ruleId: 'fixture-open-ssh',
        category: 'public-exposure',
        severity: 'high',
        evidence: ['static'],
        fixClass: 'A',
        tier: 'observation',
        rank: 5,
        title: 'SSH open to the world',
        message: 'aws_security_group.bastion allows 0.0.0.0/0 on port 22.',
        location: { file: 'lib/net.tf', line: 7 },
        resource: 'aws_security_group.bastion',
        occurrences: [
          { resource: 'aws_security_group.bastion', location: { file: 'lib/net.tf', line: 7 } },
          { resource: 'aws_security_group.admin', location: { file: 'lib/net.tf', line: 30 }, message: 'aws_security_group.admin allows 0.0.0.0/0 on port 22.' },
        ],
        modelSnippet: { file: 'lib/net.tf', line: 7, language: 'hcl', code: 'cidr_blocks = ["0.0.0.0/0"]' },
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

/** A CDKTF task whose only failure has no ideal snippet, from a rule whose catalog example is HCL. */
function cdktfResult(ruleId: string): AnalysisResult {
  const meta = metaFor(ruleId)!;
  return {
    ...sampleResult(),
    task: { path: 'tasks/cdktf', platform: 'cdktf-ts', language: 'ts' },
    findings: [
      {
        ruleId,
        category: meta.category,
        severity: 'high',
        evidence: ['static'],
        fixClass: meta.fixClass,
        tier: 'failure',
        rank: 1,
        title: meta.title,
        message: 'the finding',
        location: { file: 'lib/tap-stack.ts', line: 20 },
        modelSnippet: { file: 'lib/tap-stack.ts', line: 20, language: 'ts', code: "new CloudwatchLogGroup(this, 'lg', { name: 'x' });" },
      },
    ],
  };
}

/** Index of each needle in order; fails when one is missing or comes before the previous one. */
function assertInOrder(text: string, needles: readonly string[]): void {
  let at = -1;
  for (const h of needles) {
    const i = text.indexOf(h, at + 1);
    assert.ok(i > at, `${h} missing or out of order`);
    at = i;
  }
}

test('markdown: golden output of a sample result', () => {
  golden('sample.md', renderMarkdown(sampleResult()));
});

test('markdown: failures under impact-level headings in rank order, then observations, summary and worked score', () => {
  const md = renderMarkdown(sampleResult());
  assertInOrder(md, [
    '## Critical Failures',
    '### 1. Code does not parse',
    '## High Failures',
    '### 2. Policy allows every action',
    '## Medium Failures',
    '### 3. Log group without retention',
    '## Observations',
    '| 4 | `fixture-description-churn` |',
    '| 5 | `fixture-open-ssh` |',
    '## Summary',
    '### Primary Knowledge Gaps',
    '### Training Quality',
  ]);
  assert.match(md, /\*\*Impact Level\*\*: High/);
  assert.match(md, /\*\*IDEAL_RESPONSE Fix\*\*:[\s\S]*sqs:ReceiveMessage/);
  assert.match(md, /\*\*Log Excerpt\*\*:/);
  assert.match(md, /\*\*Score\*\*: 9\/10/);
  assert.ok(!md.includes('## Low Failures'));
});

test('markdown: an observation never gets a full section, whatever its severity', () => {
  const md = renderMarkdown(sampleResult());
  assert.equal(md.match(/^### \d+\. /gm)?.length, 3);
  assert.equal(md.match(/\*\*Impact Level\*\*/g)?.length, 3);
  for (const t of ['Description reworded', 'SSH open to the world']) {
    assert.ok(!new RegExp(`^### .*${t}`, 'm').test(md), `${t} has a section`);
    assert.equal(md.split(t).length - 1, 1, `${t} should appear once, in the table`);
  }
  // One table line each; a grouped observation shows its place count, a single one its resource.
  assert.match(md, /^\| 5 \| `fixture-open-ssh` \| 2 places \| SSH open to the world \|$/m);
  assert.match(md, /^\| 4 \| `fixture-description-churn` \| `aws_sqs_queue.q` \| Description reworded \|$/m);
  // The observation's code is not in the document.
  assert.ok(!md.includes('0.0.0.0/0'));
  // Counts and gaps come from the failure tier: the high observation is not a High failure.
  assert.match(md, /- \*\*High\*\*: 1 \(Policy allows every action\)/);
  assert.match(md, /\*\*Total failures\*\*: 3 \(1 critical, 1 high, 1 medium\)/);
});

test('markdown: rank order is kept; impact headings only when they do not reorder it', () => {
  const r = sampleResult();
  // The judge ranks the medium failure first: grouping by impact level would move it after the others.
  const byRank = ['fixture-log-retention', 'syntax-error', 'fixture-open-policy'];
  for (const f of r.findings) if (byRank.includes(f.ruleId)) f.rank = byRank.indexOf(f.ruleId) + 1;
  r.findings.reverse();
  const md = renderMarkdown(r);
  assertInOrder(md, ['## Failures', '### 1. Log group without retention', '### 2. Code does not parse', '### 3. Policy allows every action', '## Observations']);
  assert.ok(!md.includes('## Critical Failures'));
  assert.ok(!md.includes('## Medium Failures'));
  // Observations too follow rank, not input order.
  assertInOrder(md, ['| 4 | `fixture-description-churn`', '| 5 | `fixture-open-ssh`']);
});

test('markdown: a grouped failure lists its places compactly, then how many more', () => {
  const md = renderMarkdown(sampleResult());
  assert.match(md, /\*\*Occurrences\*\* \(10 places\):/);
  const listed = md.match(/^- `aws_iam_role_policy\.worker\d+` at `lib\/iam\.tf:\d+`$/gm) ?? [];
  assert.equal(listed.length, MAX_OCCURRENCES_SHOWN);
  assert.equal(listed[0], '- `aws_iam_role_policy.worker0` at `lib/iam.tf:10`');
  assert.match(md, /^- and 2 more$/m);
  assert.ok(!md.includes('worker9'), 'places past the limit are counted, not listed');
  // A place without a file is named by its resource alone, never as an empty path.
  const noFile = sampleResult();
  noFile.findings[1]!.occurrences![1]!.location = { file: '', line: 0 };
  const mdNoFile = renderMarkdown(noFile);
  assert.match(mdNoFile, /^- `aws_iam_role_policy\.worker1`$/m);
  assert.ok(!mdNoFile.includes('at ``'));
  // A failure that occurs once lists no occurrences.
  const single = sampleResult();
  delete single.findings[1]!.occurrences;
  assert.ok(!renderMarkdown(single).includes('**Occurrences**'));
});

test('markdown: each failure prints its own fix class, in its section and in the totals', () => {
  const md = renderMarkdown(sampleResult());
  // logging defaults to Category B; this finding is C.
  assert.match(md, /\*\*Category\*\*: `logging` \(Category C fix\)/);
  assert.ok(!md.includes('`logging` (Category B fix)'));
  assert.match(md, /^\| `logging` \| C \| 1 \|$/m);
  assert.match(md, /Category A: 1, Category B: 0, Category C: 2\./);
});

test('markdown: the fix is the ideal code in the task language; a CDKTF task never gets an HCL template', () => {
  const hclTemplate = metaFor('log-group-without-retention')!;
  assert.equal(exampleLanguage(hclTemplate.fixExample!), 'hcl');
  const ts = renderMarkdown(cdktfResult('log-group-without-retention'));
  assert.ok(!/```hcl/.test(ts), 'HCL fence on a CDKTF task');
  assert.ok(!ts.includes(hclTemplate.fixExample!.split('\n')[0]!), 'HCL template text on a CDKTF task');
  assert.ok(ts.includes(hclTemplate.fix), 'the prose fix stays');
  // The same finding on a Terraform task does show the template (so the check above can fail).
  const tf = cdktfResult('log-group-without-retention');
  tf.task = { path: 'tasks/tf', platform: 'tf-hcl', language: 'hcl' };
  assert.ok(renderMarkdown(tf).includes('```hcl\n' + hclTemplate.fixExample!.split('\n')[0]));
  // A TypeScript example is shown on CDKTF, fenced as TypeScript.
  const tsExample = metaFor('cdktf-unknown-export')!;
  assert.equal(exampleLanguage(tsExample.fixExample!), 'typescript');
  assert.ok(renderMarkdown(cdktfResult('cdktf-unknown-export')).includes('```typescript\n' + tsExample.fixExample!.split('\n')[0]));
  // The ideal's own snippet wins over any template, fenced by the snippet's language.
  const withIdeal = cdktfResult('log-group-without-retention');
  withIdeal.findings[0]!.idealSnippet = { file: 'lib/tap-stack.ts', line: 30, language: 'ts', code: "new CloudwatchLogGroup(this, 'lg', { retentionInDays: 30 });" };
  const md = renderMarkdown(withIdeal);
  assert.match(md, /`lib\/tap-stack\.ts`, line 30:\n\n```typescript\nnew CloudwatchLogGroup\(this, 'lg', \{ retentionInDays: 30 \}\);\n```/);
  assert.ok(!md.includes(hclTemplate.fixExample!.split('\n')[0]!));
});

test('markdown: fixExampleTs is the CDKTF example; HCL-only metas give CDKTF the prose alone', () => {
  const meta: RuleMeta = {
    id: 'x',
    category: 'logging',
    severity: 'medium',
    fixClass: 'B',
    title: 't',
    rootCause: 'r',
    fix: 'f',
    fixExample: 'resource "aws_cloudwatch_log_group" "a" {\n  retention_in_days = 30\n}',
    docs: 'https://example.com',
    knowledgeGap: 'k',
  };
  assert.equal(fixExampleFor(meta, true), undefined);
  assert.deepEqual(fixExampleFor(meta, false), { code: meta.fixExample, language: 'hcl' });
  const ts = "new CloudwatchLogGroup(this, 'a', { retentionInDays: 30 });";
  assert.deepEqual(fixExampleFor({ ...meta, fixExampleTs: ts }, true), { code: ts, language: 'typescript' });
  assert.deepEqual(fixExampleFor({ ...meta, fixExample: 'def handler(event, context):\n    return 1' }, true)?.language, 'python');
  assert.equal(fixExampleFor({ ...meta, fixExample: '## Deployment\n\n1. `terraform init`' }, true), undefined);
});

test('markdown: before/after values cut by the diff are never printed', () => {
  const cut = 'Ideal changes aws_iam_role.r: `name` changed from "ec2-logs-role" to "my-new-role-${var.environmentSuffix ? "${name}-${var.envir…; `tags` added (= merge(local.tags, { Name = "a-very-long-name-that-the-diff-cut-off…); `x` changed from 1 to 2; `y` removed (was "z").';
  assert.equal(withoutTruncatedValues(cut), 'Ideal changes aws_iam_role.r: `name` changed; `tags` added; `x` changed from 1 to 2; `y` removed (was "z").');
  const r = sampleResult();
  r.findings[1]!.message = cut;
  r.findings[1]!.occurrences![1]!.message = '`name` changed from "a" to "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…';
  const md = renderMarkdown(r);
  assert.ok(!md.includes('envir…') && !md.includes('cut-off…') && !md.includes('bbb…'), 'a cut value was printed');
  assert.ok(md.includes('`x` changed from 1 to 2'), 'whole values are kept');
  const sarif = renderSarif(r);
  assert.ok(!sarif.includes('envir…') && !sarif.includes('bbb…'), 'a cut value was printed in SARIF');
  assert.ok(sarif.includes('`x` changed from 1 to 2'));
});

test('markdown: a task without findings gets the short form', () => {
  const r = { ...sampleResult(), findings: [], notes: [], warnings: [] };
  const md = renderMarkdown(r);
  assert.match(md, /No failures were found/);
  assert.ok(!md.includes('## Critical Failures'));
  assert.ok(!md.includes('## Observations'));
  assert.ok(!md.includes('Primary Knowledge Gaps'));
  golden('no-failures.md', md);
});

test('markdown: a task with observations only has the table and no failure sections', () => {
  const r = sampleResult();
  r.findings = r.findings.filter((f) => f.tier === 'observation');
  const md = renderMarkdown(r);
  assert.match(md, /No failures were found\. 2 smaller observations are listed in one table\./);
  assert.ok(!/^### \d+\./m.test(md));
  assert.match(md, /## Observations/);
  assert.ok(!md.includes('Primary Knowledge Gaps'));
});

test('markdown: a result without tiers falls back to the baseline split (critical and high are failures)', () => {
  const r = sampleResult();
  for (const f of r.findings) {
    delete f.tier;
    delete f.rank;
  }
  const md = renderMarkdown(r);
  assert.equal(md.match(/^### \d+\. /gm)?.length, 3);
  assertInOrder(md, ['### 1. Code does not parse', '### 2. Policy allows every action', '### 3. SSH open to the world', '## Observations', 'Log group without retention']);
});

test('markdown: long snippets are trimmed and dedented, fences outgrow backticks in code', () => {
  const code = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
  const trimmed = trimSnippet(code, 5);
  assert.equal(trimmed.split('\n').length, 6);
  assert.match(trimmed, /35 more lines/);
  const r = sampleResult();
  r.findings[0]!.modelSnippet!.code = 'x = "```"';
  assert.match(renderMarkdown(r), /````hcl\nx = "```"\n````/);
  r.findings[0]!.modelSnippet!.code = '      a = 1\n        b = 2';
  assert.match(renderMarkdown(r), /```hcl\na = 1\n {2}b = 2\n```/);
});

test('json: the contract, pretty-printed with a trailing newline, contract fields first and in order', () => {
  const text = renderJson(sampleResult());
  assert.ok(text.endsWith('}\n'));
  assert.deepEqual(JSON.parse(text), sampleResult());
  assert.match(text, /^\{\n {2}"tool"/);
  // Every finding is kept, observations included.
  assert.equal(JSON.parse(text).findings.length, 5);
  const r = sampleResult();
  // Keys set in another order by some stage come out in the contract's order, extras after.
  const f = r.findings[1]!;
  r.findings[1] = Object.fromEntries(Object.entries(f).reverse()) as unknown as Finding;
  const keys = Object.keys(JSON.parse(renderJson(r)).findings[1]);
  const contract = FINDING_KEY_ORDER.filter((k) => k in f);
  assert.deepEqual(keys.slice(0, contract.length), contract);
  assert.deepEqual(keys.slice(contract.length).sort(), ['idealSnippet', 'modelSnippet']);
});

test('sarif: valid against the SARIF 2.1.0 schema, results point at rules', () => {
  const doc = JSON.parse(renderSarif(sampleResult()));
  assert.deepEqual(sarifErrors(doc), []);
  const run = doc.runs[0];
  assert.equal(doc.version, '2.1.0');
  assert.equal(run.results.length, 5);
  for (const res of run.results) assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
  assert.deepEqual(run.results[1].locations[0].physicalLocation.artifactLocation, { uri: 'tasks/sample/lib/iam.tf', uriBaseId: '%SRCROOT%' });
  assert.equal(run.results[1].properties.fixClass, 'A');
  assert.deepEqual(run.results[1].properties.evidence, ['static', 'diff']);
  const syntax = run.tool.driver.rules.find((d: { id: string }) => d.id === 'syntax-error');
  assert.equal(syntax.defaultConfiguration.level, 'error');
  assert.equal(syntax.properties.category, 'syntax');
  assert.equal(run.invocations[0].toolExecutionNotifications.length, 2);
});

test('sarif: levels by tier, contract properties, related locations for grouped failures', () => {
  const run = JSON.parse(renderSarif(sampleResult())).runs[0];
  // critical failure, high failure, medium failure, low observation, high observation.
  assert.deepEqual(run.results.map((r: { level: string }) => r.level), ['error', 'error', 'warning', 'note', 'note']);
  assert.deepEqual(
    run.results.map((r: { properties: { tier: string; rank: number; occurrences: number } }) => [r.properties.tier, r.properties.rank, r.properties.occurrences]),
    [
      ['failure', 1, 1],
      ['failure', 2, 10],
      ['failure', 3, 1],
      ['observation', 4, 1],
      ['observation', 5, 2],
    ],
  );
  assert.equal(run.results[2].properties.category, 'logging');
  assert.equal(run.results[2].properties.fixClass, 'C');
  // The 9 other places of the grouped failure; the primary one is not repeated.
  assert.equal(run.results[1].relatedLocations.length, 9);
  assert.equal(run.results[1].relatedLocations[0].logicalLocations[0].fullyQualifiedName, 'aws_iam_role_policy.worker1');
  assert.equal(run.results[0].relatedLocations, undefined);
  // Results follow rank even when findings arrive in another order.
  const r = sampleResult();
  r.findings.reverse();
  assert.deepEqual(JSON.parse(renderSarif(r)).runs[0].results.map((x: { properties: { rank: number } }) => x.properties.rank), [1, 2, 3, 4, 5]);
});

test('sarif: code-scanning properties: tags, security-severity on security rules, stable fingerprints', () => {
  const run = JSON.parse(renderSarif(sampleResult())).runs[0];
  const rule = (id: string) => run.tool.driver.rules.find((d: { id: string }) => d.id === id);
  // Catalog rules: security categories carry a severity GitHub understands; others only tags.
  const wildcard = metaFor('iam-wildcard-action')!;
  const expected = { critical: '9.0', high: '7.5', medium: '5.0', low: '3.0' }[wildcard.severity];
  assert.equal(rule('iam-wildcard-action').properties['security-severity'], expected);
  assert.ok(rule('iam-wildcard-action').properties.tags.includes('security'));
  assert.equal(rule('syntax-error').properties['security-severity'], undefined);
  assert.ok(!rule('syntax-error').properties.tags.includes('security'));
  assert.ok(rule('syntax-error').properties.tags.includes('syntax'));
  // Rules made from findings (no catalog entry) too.
  assert.equal(rule('fixture-open-policy').properties['security-severity'], '7.5');
  assert.equal(rule('fixture-log-retention').properties['security-severity'], undefined);
  // Fingerprints: stable across runs and line moves, distinct per resource.
  const fp = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['iacjudgeFinding/v1']);
  assert.equal(new Set(fp).size, 5);
  const moved = sampleResult();
  moved.findings[1]!.location.line = 99;
  assert.equal(fingerprint(moved.findings[1]!), fp[1]);
  const other = sampleResult();
  other.findings[1]!.resource = 'aws_iam_role_policy.other';
  assert.notEqual(fingerprint(other.findings[1]!), fp[1]);
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
  assert.equal(renderJson(sampleResult()), renderJson(sampleResult()));
});
