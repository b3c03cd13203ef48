import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildConfiguration } from '../../src/model/index-builder.js';
import type { Block, SourceSpan } from '../../src/model/types.js';
import type { Rule } from '../../src/rules/types.js';
import { runRules, runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { rulesStage } from '../../src/rules/stage.js';
import { applyRuleSettings, parseConfig, resolveConventions } from '../../src/rules/config.js';
import { UsageError } from '../../src/contracts/errors.js';
import { renderExplanation } from '../../src/cli/commands/explain.js';
import type { PipelineContext } from '../../src/contracts/pipeline.js';
import { makeTask } from './helpers.js';

const FILE = 'lib/main.tf';
const CONTENT = '# header\nresource "aws_sqs_queue" "a" {\n  name = "a"\n}\n\nresource "aws_sqs_queue" "b" {}\n';
const span = (line: number, endLine: number): SourceSpan => ({ file: FILE, line, column: 1, endLine, endColumn: 2 });
const block = (name: string, line: number, endLine: number): Block => ({
  kind: 'resource',
  type: 'resource',
  labels: ['aws_sqs_queue', name],
  attributes: [{ name: 'name', expr: { kind: 'literal', value: name }, span: span(line, line) }],
  blocks: [],
  span: span(line, endLine),
});

const config = buildConfiguration('tf-hcl', [{ path: FILE, language: 'hcl', content: CONTENT }], [block('a', 2, 4), block('b', 6, 6)], []);

function fakeRule(id: string, severity: 'low' | 'high', check: Rule['check']): Rule {
  return {
    meta: { id, category: 'naming', severity, fixClass: 'B', title: `title ${id}`, rootCause: 'r', fix: 'f', docs: 'https://example.invalid', knowledgeGap: 'k' },
    check,
  };
}

test('engine: reports become findings with meta defaults, block location, resource and snippet', () => {
  const rule = fakeRule('every-queue', 'low', (ctx) => {
    for (const b of ctx.config.blocks) ctx.report({ block: b, message: `queue ${b.labels[1]}` });
  });
  const f = runRules([rule], config, makeTask(), DEFAULT_CONVENTIONS);
  assert.equal(f.length, 2);
  assert.deepEqual(f[0], {
    ruleId: 'every-queue',
    category: 'naming',
    severity: 'low',
    evidence: ['static'],
    fixClass: 'B',
    title: 'title every-queue',
    message: 'queue a',
    location: { file: FILE, line: 2 },
    resource: 'aws_sqs_queue.a',
    modelSnippet: { file: FILE, line: 2, language: 'hcl', code: 'resource "aws_sqs_queue" "a" {\n  name = "a"\n}' },
  });
});

test('engine: overrides, dedupe per rule+resource, ordering by severity, and crashing rules become warnings', () => {
  const twice = fakeRule('twice', 'low', (ctx) => {
    const b = ctx.config.blocks[1]!;
    ctx.report({ block: b, message: 'first' });
    ctx.report({ block: b, message: 'second' });
    ctx.report({ block: b, resource: 'custom.addr', severity: 'critical', title: 'override', message: 'third' });
  });
  const crash = fakeRule('crash', 'high', () => {
    throw new Error('boom');
  });
  const res = runRulesDetailed([crash, twice], config, makeTask(), DEFAULT_CONVENTIONS);
  assert.deepEqual(res.warnings, ['rule crash failed: boom']);
  assert.deepEqual(res.findings.map((x) => [x.message, x.severity, x.resource, x.title]), [
    ['third', 'critical', 'custom.addr', 'override'],
    ['first', 'low', 'aws_sqs_queue.b', 'title twice'],
  ]);
});

test('catalog: rule ids are unique kebab-case and every meta is complete', () => {
  const ids = ALL_RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of ALL_RULES) {
    assert.match(r.meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.match(r.meta.docs, /^https:\/\//);
    for (const k of ['title', 'rootCause', 'fix', 'knowledgeGap'] as const) assert.ok(r.meta[k].length > 5, `${r.meta.id}.${k}`);
  }
});

test('stage: runs the catalog on the model and skips when there is none', () => {
  const ctx = { task: makeTask(), options: { conventions: DEFAULT_CONVENTIONS }, model: null, ideal: null, findings: [], notes: [], warnings: [], score: null } as PipelineContext;
  rulesStage.run(ctx);
  assert.equal(ctx.findings.length, 0);
  ctx.model = config;
  rulesStage.run(ctx);
  // Named queues and no suffix variable: the naming rule fires.
  assert.ok(ctx.findings.some((f) => f.ruleId === 'missing-suffix-variable'));
  const off: PipelineContext = { ...ctx, findings: [], options: { conventions: DEFAULT_CONVENTIONS, ruleSettings: { 'missing-suffix-variable': 'off' as const } } };
  rulesStage.run(off);
  assert.ok(!off.findings.some((f) => f.ruleId === 'missing-suffix-variable'));
});

test('config: valid file, overrides applied', () => {
  const cfg = parseConfig('{"conventions":{"providerFile":"providers.tf"},"rules":{"single-file-stack":"off","s3-public-acl":{"severity":"critical"}}}', '.iacjudge.json');
  assert.equal(resolveConventions(cfg).providerFile, 'providers.tf');
  assert.equal(resolveConventions(cfg).suffixVariable, DEFAULT_CONVENTIONS.suffixVariable);
  const rules = applyRuleSettings(ALL_RULES, cfg.rules!);
  assert.ok(!rules.some((r) => r.meta.id === 'single-file-stack'));
  assert.equal(rules.find((r) => r.meta.id === 's3-public-acl')!.meta.severity, 'critical');
  assert.equal(ALL_RULES.find((r) => r.meta.id === 's3-public-acl')!.meta.severity, 'high', 'catalog is not mutated');
});

test('config: errors name the file and the key', () => {
  const err = (text: string): string => {
    try {
      parseConfig(text, 'task/.iacjudge.json');
    } catch (e) {
      assert.ok(e instanceof UsageError);
      return e.message;
    }
    assert.fail('expected an error');
  };
  assert.match(err('{"conventions":{"providerFil":"x"}}'), /^task\/\.iacjudge\.json: conventions\.providerFil: unknown key/);
  assert.match(err('{"conventions":{"destroyable":"yes"}}'), /conventions\.destroyable: must be boolean/);
  assert.match(err('{"rules":{"s3-public-acl":"of"}}'), /rules\.s3-public-acl: expected "off"/);
  assert.match(err('{"rules":{"s3-public-acll":"off"}}'), /unknown rule id \(did you mean "s3-public-acl"\?\)/);
  assert.match(err('{oops'), /invalid JSON/);
});

test('explain: renders every section of a rule', () => {
  const text = renderExplanation(ALL_RULES.find((r) => r.meta.id === 'iam-wildcard-resource')!.meta);
  for (const s of ['iam-wildcard-resource', 'Category:   iam-least-privilege', 'Severity:   high', 'Fix class:  A', 'Root cause', 'Example', 'Impact', 'Knowledge gap:', 'Docs: https://']) {
    assert.ok(text.includes(s), s);
  }
});

test('explain: a check whose finding the prompt may ask for says where it is an observation', () => {
  const text = renderExplanation(ALL_RULES.find((r) => r.meta.id === 'deletion-protection-enabled')!.meta);
  assert.match(text, /Tier: {7}observation where a sentence of the task's prompt asks for what it flags \(\/deletion\[ _-\]protection/);
  assert.doesNotMatch(renderExplanation(ALL_RULES.find((r) => r.meta.id === 'iam-wildcard-resource')!.meta), /asks for what it flags/);
});
