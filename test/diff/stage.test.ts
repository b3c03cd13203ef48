import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffStage, diffRuleMetas } from '../../src/diff/stage.js';
import { HEURISTICS } from '../../src/diff/heuristics.js';
import { mergeFindings } from '../../src/findings/merge.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import type { PipelineContext } from '../../src/contracts/pipeline.js';
import type { Task } from '../../src/contracts/task.js';
import type { Finding } from '../../src/findings/types.js';
import { cfg, lit, provider, ref, res, variable } from './build.js';

function context(model: ReturnType<typeof cfg> | null, ideal: ReturnType<typeof cfg> | null): PipelineContext {
  const task: Task = {
    path: 'task',
    platform: 'tf-hcl',
    language: 'hcl',
    platformSource: 'metadata',
    metadata: null,
    prompt: 'Create an S3 bucket.',
    model: null,
    ideal: null,
    failures: null,
    logs: [],
    extraFiles: [],
    listing: [],
    warnings: [],
  };
  return { task, options: { conventions: DEFAULT_CONVENTIONS }, model, ideal, findings: [], notes: [], warnings: [], score: null };
}

const model = () =>
  cfg([
    provider('main.tf', 'aws', { region: ref('var.aws_region') }),
    res('main.tf', 'aws_s3_bucket', 'b', { bucket: lit('data') }),
    res('main.tf', 'aws_sqs_queue', 'q', { name: lit('q') }),
    variable('variables.tf', 'aws_region', { type: ref('string') }),
  ]);
const ideal = () =>
  cfg([
    provider('provider.tf', 'aws', { region: ref('var.aws_region') }),
    res('main.tf', 'aws_s3_bucket', 'b', { bucket: lit('data') }),
    res('main.tf', 'aws_s3_bucket_public_access_block', 'b', { bucket: ref('aws_s3_bucket.b.id'), block_public_acls: lit(true) }),
    res('main.tf', 'aws_sqs_queue', 'q', { name: lit('q') }),
    variable('variables.tf', 'aws_region', { type: ref('string') }),
  ]);

test('the diff stage does nothing without both configurations', () => {
  const ctx = context(model(), null);
  diffStage.run(ctx);
  assert.deepEqual(ctx.findings, []);
});

test('the diff stage reports diff findings with resource, location and both snippets', () => {
  const m = model();
  const ctx = context(m, ideal());
  diffStage.run(ctx);
  const pab = ctx.findings.find((f) => f.category === 'public-exposure')!;
  assert.equal(pab.ruleId, 'diff-public-exposure');
  assert.deepEqual(pab.evidence, ['diff']);
  // Attached to the bucket it protects, where a static "bucket without public access block" finding sits.
  assert.equal(pab.resource, 'aws_s3_bucket.b');
  assert.equal(pab.location.file, 'main.tf');
  assert.ok(pab.idealSnippet, 'ideal snippet');
  const layout = ctx.findings.find((f) => f.category === 'file-layout')!;
  assert.equal(layout.ruleId, 'diff-provider-moved-file');
  assert.equal(layout.resource, 'file:main.tf');
  const prov = m.blocks.find((b) => b.kind === 'provider')!;
  assert.deepEqual(layout.location, { file: 'main.tf', line: prov.span.line });
  assert.ok(layout.modelSnippet && layout.idealSnippet);
});

test('a static finding and a diff change on the same resource and category merge into one with both evidences', () => {
  const ctx = context(model(), ideal());
  diffStage.run(ctx);
  const staticFinding: Finding = {
    ruleId: 's3-bucket-without-public-access-block',
    category: 'public-exposure',
    severity: 'high',
    evidence: ['static'],
    fixClass: 'A',
    title: 'S3 bucket without public access block',
    message: 'aws_s3_bucket.b has no aws_s3_bucket_public_access_block.',
    location: { file: 'main.tf', line: 2 },
    resource: 'aws_s3_bucket.b',
  };
  const merged = mergeFindings([staticFinding, ...ctx.findings]).filter((f) => f.category === 'public-exposure');
  assert.equal(merged.length, 1);
  assert.deepEqual(merged[0]!.evidence, ['static', 'diff']);
  assert.ok(merged[0]!.idealSnippet, 'the ideal snippet survives the merge');
});

test('diffRuleMetas has one well-formed meta per reportable category and per named heuristic', () => {
  const ids = diffRuleMetas.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const m of diffRuleMetas) {
    assert.match(m.id, /^diff-[a-z0-9-]+$/);
    assert.match(m.docs, /^https:\/\//);
    assert.ok(m.title && m.rootCause && m.fix && m.knowledgeGap, m.id);
  }
  for (const needed of ['diff-encryption', 'diff-file-layout', 'diff-misconfiguration', 'diff-naming']) assert.ok(ids.includes(needed), needed);
  const byId = new Map(diffRuleMetas.map((m) => [m.id, m] as const));
  for (const h of HEURISTICS) {
    const meta = byId.get(`diff-${h.id}`);
    assert.ok(meta, `meta for heuristic ${h.id}`);
    assert.equal(meta.category, h.category, h.id);
    assert.equal(meta.defaultTier === 'observation', !!h.observation, h.id);
  }
});

test('churn ids are observations; defects are not', () => {
  const tier = new Map(diffRuleMetas.map((m) => [m.id, m.defaultTier] as const));
  for (const id of ['diff-output', 'diff-outputs', 'diff-documentation', 'diff-tagging', 'diff-renamed', 'diff-provider-meta', 'diff-misconfiguration', 'diff-name-tag', 'diff-block-moved-file']) {
    assert.equal(tier.get(id), 'observation', id);
  }
  for (const id of ['diff-provider-moved-file', 'diff-name-suffix', 'diff-iam-actions-added', 'diff-encryption', 'diff-public-exposure', 'diff-undeclared-reference-fixed']) {
    assert.equal(tier.get(id), undefined, id);
  }
});
