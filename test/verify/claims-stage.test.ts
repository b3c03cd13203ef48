import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimsStage } from '../../src/verify/claims-stage.js';
import type { PipelineContext } from '../../src/contracts/pipeline.js';
import type { Finding } from '../../src/findings/types.js';
import type { Task } from '../../src/contracts/task.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';

const ANALYSIS = `# Model Response Failures Analysis

## Critical Failures

### 1. Missing S3 Public Access Block

**Impact Level**: Critical

The bucket \`aws_s3_bucket.data\` has no public access block.

### 2. CloudWatch log retention not set

**Impact Level**: Medium

Log groups keep logs forever; \`retention_in_days\` is missing.

### 3. Missing unit tests

**Impact Level**: Low

No unit tests were provided for the Lambda handler.
`;

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 's3-bucket-without-public-access-block',
    category: 'public-exposure',
    severity: 'high',
    evidence: ['static'],
    fixClass: 'A',
    title: 't',
    message: 'm',
    location: { file: 'lib/main.tf', line: 3 },
    resource: 'aws_s3_bucket.data',
    ...over,
  };
}

function context(failures: string | null, findings: Finding[], claims?: boolean): PipelineContext {
  return {
    task: { failures } as unknown as Task,
    options: { conventions: DEFAULT_CONVENTIONS, ...(claims === false ? { claims: false } : {}) },
    model: null,
    ideal: null,
    findings,
    notes: [],
    warnings: [],
    score: null,
  };
}

test('a claim confirmed by a finding adds claim evidence to it; unconfirmed claims become claim-only findings', () => {
  const ctx = context(ANALYSIS, [finding({})]);
  claimsStage.run(ctx);
  assert.deepEqual(ctx.findings[0]!.evidence, ['static', 'claim']);
  const claimOnly = ctx.findings.filter((f) => f.evidence.length === 1 && f.evidence[0] === 'claim');
  assert.deepEqual(claimOnly.map((f) => f.category).sort(), ['logging', 'tests']);
  const logging = claimOnly.find((f) => f.category === 'logging')!;
  assert.equal(logging.severity, 'medium');
  assert.equal(logging.location.file, 'lib/MODEL_FAILURES.md');
  assert.ok(logging.location.line > 1);
  assert.match(logging.message, /does not confirm/);
});

test('no analysis, or --no-claims, leaves the findings untouched', () => {
  for (const ctx of [context(null, [finding({})]), context(ANALYSIS, [finding({})], false)]) {
    claimsStage.run(ctx);
    assert.equal(ctx.findings.length, 1);
    assert.deepEqual(ctx.findings[0]!.evidence, ['static']);
  }
});
