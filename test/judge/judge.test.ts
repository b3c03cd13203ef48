import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/findings/types.js';
import type { Task } from '../../src/contracts/task.js';
import { judgeFindings, keptByIdeal, TIER_CALIBRATION, type JudgeInput } from '../../src/judge/judge.js';
import { checkPrecision, significanceClass } from '../../src/judge/significance.js';
import { parseResponse } from '../../src/pipeline/parse.js';
import { analyzeTask } from '../../src/pipeline/run.js';
import { MODULE_WITHOUT_VARIABLES_TITLE } from '../../src/rules/reference/module-input-mismatch.js';

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'schema-unknown-argument',
    category: 'schema',
    severity: 'high',
    evidence: ['static'],
    fixClass: 'C',
    title: 't',
    message: 'm',
    location: { file: 'lib/main.tf', line: 1 },
    ...over,
  };
}

const task = { path: 'x', platform: 'tf-hcl', language: 'hcl', prompt: null } as unknown as Task;
const input: JudgeInput = { task, model: null, ideal: null };

test('one check on many resources is one failure listing every occurrence', () => {
  const many = Array.from({ length: 25 }, (_, i) =>
    finding({ ruleId: 'name-without-suffix', category: 'naming', severity: 'medium', resource: `aws_s3_bucket.b${i}`, message: `aws_s3_bucket.b${i} has no suffix`, location: { file: 'lib/main.tf', line: i + 1 } }),
  );
  const out = judgeFindings(many, input);
  assert.equal(out.length, 1);
  assert.equal(out[0]!.occurrences!.length, 25);
  assert.equal(out[0]!.occurrences![24]!.resource, 'aws_s3_bucket.b24');
  assert.equal(out[0]!.occurrences![24]!.location.line, 25);
  assert.equal(out[0]!.occurrences![3]!.message, 'aws_s3_bucket.b3 has no suffix');
  assert.equal(out[0]!.rank, 1);
});

test('a root-cause pair folds: resources without the suffix fold into the missing suffix input', () => {
  const out = judgeFindings(
    [
      finding({ ruleId: 'missing-suffix-variable', category: 'naming', severity: 'critical', resource: 'var.environment_suffix', message: 'no suffix input' }),
      finding({ ruleId: 'name-without-suffix', category: 'naming', severity: 'medium', resource: 'aws_s3_bucket.a', message: 'a', location: { file: 'lib/main.tf', line: 4 } }),
      finding({ ruleId: 'name-without-suffix', category: 'naming', severity: 'medium', resource: 'aws_s3_bucket.b', message: 'b', location: { file: 'lib/main.tf', line: 9 } }),
    ],
    input,
  );
  assert.deepEqual(
    out.map((f) => f.ruleId),
    ['missing-suffix-variable'],
  );
  assert.deepEqual(
    out[0]!.occurrences!.map((o) => o.resource),
    ['var.environment_suffix', 'aws_s3_bucket.a', 'aws_s3_bucket.b'],
  );
});

test('the failure tier is ranked blockers, then security, then conventions; observations follow', () => {
  const out = judgeFindings(
    [
      finding({ ruleId: 'missing-suffix-variable', category: 'naming', severity: 'critical', resource: 'var.environment_suffix' }),
      finding({ ruleId: 'hardcoded-password', category: 'secrets', severity: 'critical', resource: 'aws_db_instance.d' }),
      finding({ ruleId: 'schema-unknown-argument', category: 'schema', severity: 'high', resource: 'aws_lambda_function.f' }),
      finding({ ruleId: 'tests-missing', category: 'tests', severity: 'medium', resource: 'test' }),
    ],
    input,
  );
  const tier = out.filter((f) => f.tier === 'failure').map((f) => f.ruleId);
  assert.deepEqual(tier, ['schema-unknown-argument', 'hardcoded-password', 'missing-suffix-variable']);
  assert.equal(out.at(-1)!.ruleId, 'tests-missing');
  assert.equal(out.at(-1)!.tier, 'observation');
  assert.deepEqual(
    out.map((f) => f.rank),
    [1, 2, 3, 4],
  );
  assert.equal(significanceClass({ ruleId: 'schema-unknown-argument', category: 'schema' }), 'blocker');
  assert.equal(significanceClass({ ruleId: 'requested-logging-missing', category: 'logging' }), 'requirement');
});

test('the failure tier never exceeds its cap, and every finding keeps the contract fields', () => {
  const many = Array.from({ length: 30 }, (_, i) =>
    finding({ ruleId: i % 2 ? 'schema-unknown-argument' : `lambda-package-missing`, category: i % 2 ? 'schema' : 'application-code', resource: `aws_lambda_function.f${i}` }),
  );
  // Thirty resources, two checks: two grouped failures.
  assert.equal(judgeFindings(many, input).length, 2);
  const distinct = Array.from({ length: 30 }, (_, i) => finding({ ruleId: `schema-check-${i}`, resource: `aws_lambda_function.f${i}`, severity: 'critical' }));
  const out = judgeFindings(distinct, input);
  assert.equal(out.filter((f) => f.tier === 'failure').length, TIER_CALIBRATION.MAX_FAILURES);
  for (const f of out) {
    assert.deepEqual(Object.keys(f).slice(0, 10), ['ruleId', 'category', 'severity', 'evidence', 'fixClass', 'tier', 'rank', 'title', 'message', 'location']);
  }
});

test('diff-only churn is an observation, however severe', () => {
  const out = judgeFindings([finding({ ruleId: 'diff-output', category: 'outputs', severity: 'critical', evidence: ['diff'], resource: 'output.x' })], input);
  assert.equal(out[0]!.tier, 'observation');
});

test('two findings on one concern of one resource are one failure', () => {
  const out = judgeFindings(
    [
      finding({ ruleId: 'deletion-protection-enabled', category: 'destroyability', severity: 'high', resource: 'aws_db_instance.db' }),
      finding({ ruleId: 'final-snapshot-required', category: 'destroyability', severity: 'high', resource: 'aws_db_instance.db', location: { file: 'lib/main.tf', line: 7 } }),
    ],
    input,
  );
  assert.equal(out.length, 1);
  assert.equal(out[0]!.occurrences!.length, 2);
});

test('check precision comes from the generated table and falls back to the category', () => {
  const known = checkPrecision('missing-suffix-variable', 'naming');
  assert.ok(known > 0 && known < 1);
  assert.equal(checkPrecision('diff-never-seen-check', 'naming'), checkPrecision('another-unseen-check', 'naming'));
  assert.notEqual(checkPrecision('diff-never-seen-check', 'naming'), checkPrecision('diff-never-seen-check', 'tests'));
});

const MODEL = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = "arn:aws:iam::123456789012:role/r"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "f.zip"
}
`;

test('a static finding the ideal keeps on the same resource is kept; a partial ideal keeps no whole-configuration finding', () => {
  const model = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: MODEL }], 'tf-hcl');
  // The ideal changed something (a comment here): an ideal that repeats the model word for word keeps nothing (below).
  const ideal = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: `${MODEL}# reviewed\n` }], 'tf-hcl');
  const onBucket = finding({ ruleId: 'bucket-without-force-destroy', category: 'destroyability', resource: 'aws_s3_bucket.logs' });
  const whole = finding({ ruleId: 'backend-missing', category: 'backend', resource: 'terraform' });
  const fixed = finding({ ruleId: 'lambda-package-missing', category: 'application-code', resource: 'aws_lambda_function.f' });
  const idealFindings = [{ ...onBucket }, { ...whole }];
  const base = { task, model, ideal, idealFindings };
  const complete = keptByIdeal([onBucket, whole, fixed], { ...base, idealCoverage: { partial: false, renames: {} } });
  assert.deepEqual([...complete].map((f) => f.ruleId), ['bucket-without-force-destroy', 'backend-missing']);
  const partial = keptByIdeal([onBucket, whole, fixed], { ...base, idealCoverage: { partial: true, renames: {} } });
  assert.deepEqual([...partial].map((f) => f.ruleId), ['bucket-without-force-destroy']);
  // A finding the diff also establishes is kept only when the ideal's finding on that block says the same thing
  // (the ideal edited a neighbouring argument); where it says something else, the ideal changed the concern.
  const withDiff = { ...onBucket, evidence: ['static', 'diff'] } as Finding;
  assert.equal(keptByIdeal([withDiff], { ...base, idealCoverage: { partial: false, renames: {} } }).size, 1);
  const idealSaysOther = [{ ...onBucket, message: 'aws_s3_bucket.logs: another bucket side' }];
  assert.equal(keptByIdeal([withDiff], { ...base, idealFindings: idealSaysOther, idealCoverage: { partial: false, renames: {} } }).size, 0);
  // Without diff evidence the same check on the same block is enough, whatever its message.
  assert.equal(keptByIdeal([onBucket], { ...base, idealFindings: idealSaysOther, idealCoverage: { partial: false, renames: {} } }).size, 1);
  const judged = judgeFindings([onBucket, fixed], { ...base, idealCoverage: { partial: false, renames: {} } });
  assert.equal(judged.find((f) => f.ruleId === 'bucket-without-force-destroy')!.tier, 'observation');
  // An ideal whose code is the model's, word for word (even under other file names), was never corrected.
  const copy = parseResponse([{ path: 'lib/stack.tf', language: 'hcl', content: MODEL }], 'tf-hcl');
  assert.equal(keptByIdeal([onBucket, whole], { ...base, ideal: copy, idealCoverage: { partial: false, renames: {} } }).size, 0);
});

test('end to end: a task folder gets tiered, ranked findings with occurrences', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-judge-'));
  try {
    mkdirSync(join(dir, 'lib'));
    const buckets = Array.from({ length: 6 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "data-${i}"\n}\n`).join('');
    writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ platform: 'tf', language: 'hcl' }));
    writeFileSync(join(dir, 'lib/PROMPT.md'), 'Create six S3 buckets with Terraform.\n');
    writeFileSync(join(dir, 'lib/MODEL_RESPONSE.md'), '```hcl\n// lib/main.tf\n' + buckets + '```\n');
    const out = analyzeTask(dir, { claims: false, score: false });
    const ranks = out.findings.map((f) => f.rank);
    assert.deepEqual(ranks, ranks.map((_, i) => i + 1));
    for (const f of out.findings) assert.ok(f.tier === 'failure' || f.tier === 'observation');
    const byRule = new Map<string, number>();
    for (const f of out.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    for (const [id, n] of byRule) assert.equal(n, 1, `${id} reported ${n} times`);
    const grouped = out.findings.find((f) => (f.occurrences?.length ?? 0) >= 6);
    assert.ok(grouped, 'a check firing on all six buckets is one finding with six occurrences');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an input neither response declares nor names is kept; a reference to an undeclared input is not', () => {
  const model = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: 'provider "aws" {\n  region = var.aws_region\n}\n' + MODEL }], 'tf-hcl');
  const ideal = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: MODEL }], 'tf-hcl');
  const noSuffix = finding({ ruleId: 'missing-suffix-variable', category: 'naming', resource: 'var.environment_suffix' });
  const undeclared = finding({ ruleId: 'provider-input-undeclared', category: 'reference', resource: 'var.aws_region' });
  const base = { task, model, ideal, idealFindings: [], idealCoverage: { partial: true, renames: {} } };
  assert.deepEqual([...keptByIdeal([noSuffix, undeclared], base)].map((f) => f.ruleId), ['missing-suffix-variable']);
  const idealWithSuffix = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: 'variable "environment_suffix" {}\n' + MODEL }], 'tf-hcl');
  assert.equal(keptByIdeal([noSuffix], { ...base, ideal: idealWithSuffix }).size, 0);
});

test('a response without infrastructure is a failure even when the ideal has none either', () => {
  const blocker = finding({ ruleId: 'response-without-infrastructure', category: 'missing-resource', severity: 'critical', resource: 'response' });
  const model = parseResponse([{ path: 'lib/notes.md', language: 'text', content: 'prose' }], 'tf-hcl');
  const out = judgeFindings([blocker], { task, model, ideal: model, idealFindings: [{ ...blocker }], idealCoverage: { partial: false, renames: {} } });
  assert.equal(out[0]!.tier, 'failure');
});

test('a prompt-gated check is a failure only when the prompt asks for it', () => {
  const suffix = finding({ ruleId: 'missing-suffix-variable', category: 'naming', severity: 'critical', resource: 'var.environment_suffix' });
  const asked = { ...input, task: { ...task, prompt: 'Every resource name must carry an environment suffix so stacks can be deployed side by side.' } as Task };
  const silent = { ...input, task: { ...task, prompt: 'Create a VPC with two subnets.' } as Task };
  assert.equal(judgeFindings([{ ...suffix }], asked)[0]!.tier, 'failure');
  assert.equal(judgeFindings([{ ...suffix }], silent)[0]!.tier, 'observation');
});

test('a diff-only change in a category the tier reports on the code folds into that failure; critical security on the code is listed', () => {
  const out = judgeFindings(
    [
      finding({ ruleId: 'undeclared-reference', category: 'reference', severity: 'critical', resource: 'aws_lambda_function.f' }),
      finding({ ruleId: 'diff-undeclared-reference-fixed', category: 'reference', severity: 'critical', evidence: ['diff'], resource: 'aws_iam_role.r', message: 'the ideal declares it' }),
      finding({ ruleId: 'hardcoded-password', category: 'secrets', severity: 'critical', resource: 'aws_db_instance.db' }),
    ],
    input,
  );
  const tier = out.filter((f) => f.tier === 'failure');
  assert.deepEqual(tier.map((f) => f.ruleId).sort(), ['hardcoded-password', 'undeclared-reference']);
  const ref = tier.find((f) => f.ruleId === 'undeclared-reference')!;
  assert.deepEqual(ref.evidence, ['static', 'diff']);
  assert.equal(ref.occurrences!.length, 2);
});

test('an apply blocker the ideal keeps is still listed; a literal secret or a best practice the ideal keeps is not', () => {
  const model = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: MODEL }], 'tf-hcl');
  const secret = finding({ ruleId: 'hardcoded-password', category: 'secrets', severity: 'critical', resource: 'aws_s3_bucket.logs' });
  const arn = finding({ ruleId: 'managed-policy-arn-invalid', category: 'service-constraint', severity: 'high', resource: 'aws_lambda_function.f' });
  const practice = finding({ ruleId: 'bucket-without-force-destroy', category: 'destroyability', severity: 'low', resource: 'aws_s3_bucket.logs', location: { file: 'lib/main.tf', line: 2 } });
  const ideal = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: `${MODEL}# reviewed\n` }], 'tf-hcl');
  const out = judgeFindings([secret, arn, practice], { task, model, ideal, idealFindings: [{ ...secret }, { ...arn }, { ...practice }], idealCoverage: { partial: false, renames: {} } });
  const tier = (id: string) => out.find((f) => f.ruleId === id)!.tier;
  assert.equal(tier('hardcoded-password'), 'observation');
  assert.equal(tier('managed-policy-arn-invalid'), 'failure');
  assert.equal(tier('bucket-without-force-destroy'), 'observation');
});

test('the suffix gate also opens when the ideal adds the suffix input', () => {
  const suffix = finding({ ruleId: 'missing-suffix-variable', category: 'naming', severity: 'critical', resource: 'var.environment_suffix' });
  const silent = { ...input, task: { ...task, prompt: 'Create a VPC with two subnets.' } as Task };
  const ideal = parseResponse([{ path: 'lib/variables.tf', language: 'hcl', content: 'variable "environment_suffix" {\n  type = string\n}\n' }], 'tf-hcl');
  assert.equal(judgeFindings([{ ...suffix }], { ...silent, ideal })[0]!.tier, 'failure');
  assert.equal(judgeFindings([{ ...suffix }], silent)[0]!.tier, 'observation');
});

test('a removed argument reported again as deprecated is one failure', () => {
  const out = judgeFindings(
    [
      finding({ ruleId: 'schema-removed', category: 'schema', severity: 'high', resource: 'aws_db_instance.db', message: '"name" was removed' }),
      finding({ ruleId: 'deprecated-vs-reference', category: 'deprecated', severity: 'medium', resource: 'aws_db_instance.db', message: '"name" is deprecated' }),
    ],
    input,
  );
  assert.deepEqual(out.map((f) => f.ruleId), ['schema-removed']);
  assert.equal(out[0]!.occurrences!.length, 2);
});

test('a CDKTF class the compiler rejects folds the resource of its service reported missing, not another service', () => {
  const out = judgeFindings(
    [
      finding({ ruleId: 'cdktf-unknown-export', category: 'syntax', severity: 'critical', resource: 'file:lib/stack.ts', message: "line 5: Module '@cdktf/provider-aws/lib/cloudtrail-trail' does not exist", location: { file: 'lib/stack.ts', line: 5 } }),
      finding({ ruleId: 'requested-logging-missing', category: 'logging', severity: 'medium', resource: 'aws_cloudtrail', message: 'The task asks for CloudTrail, but the configuration declares no trail.', location: { file: 'lib/stack.ts', line: 1 } }),
      finding({ ruleId: 'resource-type-missing-vs-reference', category: 'missing-resource', severity: 'high', resource: 'aws_sns_topic', message: 'The reference declares aws_sns_topic', location: { file: 'lib/stack.ts', line: 1 } }),
    ],
    input,
  );
  const lead = out.find((f) => f.ruleId === 'cdktf-unknown-export')!;
  assert.deepEqual(lead.occurrences?.map((o) => o.resource), ['file:lib/stack.ts', 'aws_cloudtrail']);
  assert.ok(out.some((f) => f.ruleId === 'resource-type-missing-vs-reference'), 'a missing SNS topic is its own failure');
  assert.ok(!out.some((f) => f.ruleId === 'requested-logging-missing'));
});

test('an input naming a pre-existing resource folds the resource of that type the reference creates', () => {
  const out = judgeFindings(
    [
      finding({ ruleId: 'variable-without-default', category: 'required-input', severity: 'critical', resource: 'var.sns_topic_arn', message: 'var.sns_topic_arn has no default and names a pre-existing resource', location: { file: 'lib/variables.tf', line: 3 } }),
      finding({ ruleId: 'resource-type-missing-vs-reference', category: 'missing-resource', severity: 'high', resource: 'aws_sns_topic', message: 'The reference declares aws_sns_topic (alarms)', location: { file: 'lib/main.tf', line: 1 } }),
      finding({ ruleId: 'resource-type-missing-vs-reference', category: 'missing-resource', severity: 'high', resource: 'aws_sqs_queue', message: 'The reference declares aws_sqs_queue (jobs)', location: { file: 'lib/main.tf', line: 1 } }),
    ],
    input,
  );
  const lead = out.find((f) => f.ruleId === 'variable-without-default')!;
  assert.ok(lead.occurrences?.some((o) => o.resource === 'aws_sns_topic'));
  assert.ok(!lead.occurrences?.some((o) => o.resource === 'aws_sqs_queue'));
});

test('what the parser reads after a syntax error folds into it; what comes before does not', () => {
  const out = judgeFindings(
    [
      finding({ ruleId: 'syntax-error', category: 'syntax', severity: 'critical', message: 'HCL error: missing `}` to close resource', location: { file: 'lib/main.tf', line: 40 } }),
      finding({ ruleId: 'schema-missing-required', resource: 'aws_s3_bucket_server_side_encryption_configuration.b', message: 'missing sse_algorithm', location: { file: 'lib/main.tf', line: 44 } }),
      finding({ ruleId: 'schema-missing-required', resource: 'aws_lb.a', message: 'missing load_balancer_type', location: { file: 'lib/main.tf', line: 10 } }),
      finding({ ruleId: 'schema-missing-required', resource: 'aws_lb.c', message: 'missing subnets', location: { file: 'lib/other.tf', line: 50 } }),
    ],
    input,
  );
  const syntax = out.find((f) => f.ruleId === 'syntax-error')!;
  assert.deepEqual(
    syntax.occurrences?.map((o) => o.resource ?? o.location.line),
    [40, 'aws_s3_bucket_server_side_encryption_configuration.b'],
  );
  const schema = out.filter((f) => f.ruleId === 'schema-missing-required');
  assert.deepEqual(schema.flatMap((f) => (f.occurrences ?? [f]).map((o) => o.resource)).sort(), ['aws_lb.a', 'aws_lb.c']);
});

test('a service the task asks for and the reference declares, missing from the model, is one failure', () => {
  const out = judgeFindings(
    [
      finding({ ruleId: 'resource-type-missing-vs-reference', category: 'missing-resource', resource: 'aws_cloudtrail', message: 'The reference declares aws_cloudtrail', evidence: ['static', 'diff'] }),
      finding({ ruleId: 'requested-logging-missing', category: 'logging', severity: 'medium', resource: 'aws_cloudtrail', message: 'The task asks for CloudTrail', evidence: ['static', 'diff'] }),
      finding({ ruleId: 'requested-logging-missing', category: 'logging', severity: 'medium', resource: 'aws_flow_log', message: 'The task asks for flow logs', evidence: ['static', 'diff'] }),
    ],
    input,
  );
  const missing = out.find((f) => f.ruleId === 'resource-type-missing-vs-reference')!;
  assert.deepEqual(missing.occurrences?.map((o) => o.resource), ['aws_cloudtrail', 'aws_cloudtrail']);
  assert.deepEqual(out.filter((f) => f.ruleId === 'requested-logging-missing').map((f) => f.resource), ['aws_flow_log']);
});

test('a partial ideal keeps a finding on a resource type or provider as a whole that it repeats, and a same-type finding of a block it restructured', () => {
  const model = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: MODEL }], 'tf-hcl');
  const ideal = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: MODEL.replace('"logs" {', '"audit" {') }], 'tf-hcl');
  const trail = finding({ ruleId: 'requested-logging-missing', category: 'logging', resource: 'aws_cloudtrail' });
  const onBucket = finding({ ruleId: 'bucket-without-force-destroy', category: 'destroyability', resource: 'aws_s3_bucket.logs' });
  const idealFindings = [{ ...trail }, { ...onBucket, resource: 'aws_s3_bucket.audit' }];
  const kept = keptByIdeal([trail, onBucket], { task, model, ideal, idealFindings, idealCoverage: { partial: true, renames: {} } });
  assert.deepEqual([...kept].map((f) => f.ruleId), ['requested-logging-missing', 'bucket-without-force-destroy']);
  // The ideal's finding on another type says nothing about this one.
  const otherType = keptByIdeal([onBucket], { task, model, ideal, idealFindings: [{ ...onBucket, resource: 'aws_lambda_function.f' }], idealCoverage: { partial: true, renames: {} } });
  assert.equal(otherType.size, 0);
});

test('a resource type the reference adds where the argument the model invented belongs folds into that schema error', () => {
  const unknown = finding({ ruleId: 'schema-unknown-argument', resource: 'aws_api_gateway_stage.main', message: 'aws_api_gateway_stage has no block "throttle_settings" in AWS provider 6.25.0.' });
  const settings = finding({ ruleId: 'resource-type-missing-vs-reference', category: 'missing-resource', severity: 'medium', resource: 'aws_api_gateway_method_settings', message: 'The reference declares aws_api_gateway_method_settings (s)' });
  const validator = finding({ ruleId: 'resource-type-missing-vs-reference', category: 'missing-resource', severity: 'medium', resource: 'aws_api_gateway_request_validator', message: 'The reference declares aws_api_gateway_request_validator (v)' });
  const out = judgeFindings([unknown, settings, validator], input);
  const host = out.find((f) => f.ruleId === 'schema-unknown-argument')!;
  assert.deepEqual(host.occurrences?.map((o) => o.resource), ['aws_api_gateway_stage.main', 'aws_api_gateway_method_settings']);
  // A type that shares no word with the rejected argument stays its own finding.
  assert.deepEqual(out.filter((f) => f.ruleId === 'resource-type-missing-vs-reference').map((f) => f.resource), ['aws_api_gateway_request_validator']);
});

test('undeclared inputs the provider reads and the same inputs referenced with no variable declared are one failure', () => {
  const provider = finding({ ruleId: 'provider-input-undeclared', category: 'reference', severity: 'critical', resource: 'var.environment_suffix', message: 'The provider configuration reads var.environment_suffix, but the response declares no variable "environment_suffix".' });
  const noVariables = finding({ ruleId: 'undeclared-reference', category: 'reference', severity: 'critical', resource: 'lib:variable', message: '1 variable reference(s) (var.environment_suffix) but lib declares no variable at all.' });
  const out = judgeFindings([provider, noVariables], input);
  assert.deepEqual(out.map((f) => f.ruleId), ['provider-input-undeclared']);
  // The stack reads another input and declares no variable at all: one missing variables file, the provider's input
  // one more of its names (read against the code: listed twice, judged noise).
  const other = { ...noVariables, message: '1 variable reference(s) (var.bucket_name) but lib declares no variable at all.' };
  assert.deepEqual(judgeFindings([provider, other], input).map((f) => f.ruleId), ['undeclared-reference']);
  // A stack that declares none of the ten inputs it reads: the provider's input is one of them, one failure.
  const many = { ...noVariables, message: '3 variable reference(s) (var.bucket_name, var.environment_suffix, var.team) but lib declares no variable at all.' };
  const folded = judgeFindings([{ ...provider }, many], input);
  assert.deepEqual(folded.map((f) => f.ruleId), ['undeclared-reference']);
  assert.ok(folded[0]!.occurrences?.some((o) => o.resource === 'var.environment_suffix'));
});

test('a destroyability finding on a block the ideal protects on purpose is an observation', () => {
  const model = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n' }], 'tf-hcl');
  const protectedIdeal = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: 'resource "aws_s3_bucket" "logs" {\n  bucket        = "logs"\n  force_destroy = false\n}\n' }], 'tf-hcl');
  const destroyable = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: 'resource "aws_s3_bucket" "logs" {\n  bucket        = "logs"\n  force_destroy = true\n}\n' }], 'tf-hcl');
  const f = () => finding({ ruleId: 'bucket-without-force-destroy', category: 'destroyability', severity: 'high', resource: 'aws_s3_bucket.logs', evidence: ['static', 'diff'] });
  const tierWith = (ideal: typeof model) => judgeFindings([f()], { task, model, ideal, idealFindings: [], idealCoverage: { partial: false, renames: {} } })[0]!.tier;
  assert.equal(tierWith(protectedIdeal), 'observation');
  assert.equal(tierWith(destroyable), 'failure');
  // Established on the code alone while there is an ideal (the ideal did not change the block): a convention the
  // reviewer did not fix, an observation. Without an ideal (a plain folder) the code is all there is.
  const codeOnly = () => ({ ...f(), evidence: ['static' as const] });
  assert.equal(judgeFindings([codeOnly()], { task, model, ideal: model, idealFindings: [], idealCoverage: { partial: true, renames: {} } })[0]!.tier, 'observation');
  assert.equal(judgeFindings([codeOnly()], { task, model, ideal: null })[0]!.tier, 'failure');
});

test('a module call the response stops in folds its missing inputs into the truncation; another call keeps its own', () => {
  const out = judgeFindings(
    [
      finding({ ruleId: 'response-truncated', category: 'syntax', severity: 'critical', resource: 'module.security', message: 'The response stops inside `module.security`', location: { file: 'lib/main.tf', line: 55 } }),
      finding({ ruleId: 'module-input-mismatch', category: 'reference', resource: 'module.security', message: 'module.security does not pass `vpc_id`', location: { file: 'lib/main.tf', line: 52 } }),
      finding({ ruleId: 'module-input-mismatch', category: 'reference', resource: 'module.network', message: 'module.network does not pass `cidr`', location: { file: 'lib/main.tf', line: 20 } }),
    ],
    input,
  );
  const cut = out.find((f) => f.ruleId === 'response-truncated')!;
  assert.deepEqual(cut.occurrences?.map((o) => o.resource), ['module.security', 'module.security']);
  assert.deepEqual(out.filter((f) => f.ruleId === 'module-input-mismatch').map((f) => f.resource), ['module.network']);
});

test('two different errors that each stop the deployment stay two failures on one resource; a convention folds', () => {
  const engine = finding({ ruleId: 'engine-version-unavailable', category: 'service-constraint', resource: 'aws_rds_cluster.main', message: 'aurora-postgresql 15.4 is retired', location: { file: 'lib/main.tf', line: 10 } });
  const backtrack = finding({ ruleId: 'aurora-backtrack-unsupported', category: 'service-constraint', resource: 'aws_rds_cluster.main', message: 'backtrack_window on aurora-postgresql', location: { file: 'lib/main.tf', line: 12 } });
  const out = judgeFindings([engine, backtrack], input);
  assert.deepEqual(out.filter((f) => f.tier === 'failure').map((f) => f.ruleId).sort(), ['aurora-backtrack-unsupported', 'engine-version-unavailable']);
  // Two validate errors on one module call: an input the module does not declare, a conditional provider.
  const input1 = finding({ ruleId: 'module-input-mismatch', category: 'reference', severity: 'critical', resource: 'module.storage', message: 'module.storage passes `env`' });
  const providers = finding({ ruleId: 'provider-reference-invalid', category: 'reference', severity: 'critical', resource: 'module.storage', message: '`provider = cond ? aws.a : aws.b` is not a provider reference' });
  assert.equal(judgeFindings([input1, providers], input).filter((f) => f.tier === 'failure').length, 2);
  // Deletion protection and a required final snapshot on one database are one destroyability failure.
  const protection = finding({ ruleId: 'deletion-protection-enabled', category: 'destroyability', resource: 'aws_rds_cluster.main', evidence: ['static', 'diff'] });
  const snapshot = finding({ ruleId: 'final-snapshot-required', category: 'destroyability', resource: 'aws_rds_cluster.main', evidence: ['static', 'diff'] });
  assert.equal(judgeFindings([protection, snapshot], input).length, 1);
});

test('the names the ideal gives the suffix fold into the missing suffix input, with the diff as evidence', () => {
  const missing = finding({ ruleId: 'missing-suffix-variable', category: 'naming', severity: 'critical', resource: 'var.environment_suffix', message: 'No `environment_suffix` input is declared', evidence: ['static'] });
  const names = [1, 2].map((i) =>
    finding({ ruleId: 'diff-name-suffix', category: 'naming', severity: 'high', resource: `aws_s3_bucket.b${i}`, evidence: ['diff'], message: `The ideal adds the suffix to aws_s3_bucket.b${i}`, location: { file: 'lib/main.tf', line: i } }),
  );
  const out = judgeFindings([missing, ...names], input);
  assert.deepEqual(out.map((f) => f.ruleId), ['missing-suffix-variable']);
  assert.deepEqual([...out[0]!.evidence].sort(), ['diff', 'static']);
  assert.ok(out[0]!.occurrences?.some((o) => o.resource === 'aws_s3_bucket.b2'));
});

test('what the block a response stops in lacks folds into the truncation; a missing module folder hosts the resources the reference puts there', () => {
  const cut = finding({ ruleId: 'response-truncated', category: 'syntax', severity: 'critical', resource: 'aws_db_instance.main', message: 'The response stops inside `aws_db_instance.main`', location: { file: 'lib/main.tf', line: 60 } });
  const notEncrypted = finding({ ruleId: 'rds-storage-not-encrypted', category: 'encryption', severity: 'high', resource: 'aws_db_instance.main', message: 'storage_encrypted is not set', location: { file: 'lib/main.tf', line: 52 } });
  const other = { ...notEncrypted, resource: 'aws_db_instance.replica', location: { file: 'lib/main.tf', line: 20 } };
  const out = judgeFindings([cut, notEncrypted, other], input);
  assert.deepEqual(out.filter((f) => f.tier === 'failure').map((f) => [f.ruleId, f.resource]).sort(), [
    ['rds-storage-not-encrypted', 'aws_db_instance.replica'],
    ['response-truncated', 'aws_db_instance.main'],
  ]);
  const absent = finding({ ruleId: 'module-source-missing', category: 'reference', severity: 'critical', resource: 'module.route53_failover', message: 'module.route53_failover loads ./modules/route53, but the response contains no file of that folder' });
  const missingType = finding({ ruleId: 'resource-type-missing-vs-reference', category: 'missing-resource', severity: 'high', resource: 'aws_route53_record', message: 'The reference declares aws_route53_record (primary); the response has no resource of that type' });
  assert.deepEqual(judgeFindings([absent, missingType], input).map((f) => f.ruleId), ['module-source-missing']);
});

test('the ELB account data source the reference adds folds into the access-log bucket policy the model lacks', () => {
  const policy = finding({ ruleId: 'lb-access-logs-bucket-policy-missing', category: 'service-constraint', resource: 'aws_lb.main', message: "aws_lb.main writes access logs to aws_s3_bucket.logs, which has no bucket policy for the region's Elastic Load Balancing account (data.aws_elb_service_account) or the log-delivery principal" });
  const dataSource = finding({ ruleId: 'resource-type-missing-vs-reference', category: 'missing-resource', severity: 'low', resource: 'data.aws_elb_service_account', message: 'The reference declares data source aws_elb_service_account (main); the response has no data source of that type.' });
  assert.deepEqual(judgeFindings([policy, dataSource], input).map((f) => f.ruleId), ['lb-access-logs-bucket-policy-missing']);
});

test('in a response that answers another task, findings on resource types the reference never builds are observations; validate errors stay', () => {
  const model = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: 'resource "aws_db_instance" "main" {\n  engine_version = "8.0.35"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n' }], 'tf-hcl');
  const ideal = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: 'resource "aws_kinesis_stream" "s" {\n  name = "s"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n' }], 'tf-hcl');
  const offTask = finding({ ruleId: 'response-off-task', category: 'missing-resource', severity: 'critical', resource: 'response', fixClass: 'A' });
  const engine = finding({ ruleId: 'engine-version-unavailable', category: 'service-constraint', resource: 'aws_db_instance.main', fixClass: 'B' });
  const schema = finding({ ruleId: 'schema-unknown-argument', resource: 'aws_db_instance.main', message: 'no argument "x"' });
  const shared = finding({ ruleId: 'hardcoded-password', category: 'secrets', severity: 'critical', resource: 'aws_s3_bucket.b', fixClass: 'A' });
  const judge = (fs: Finding[]) => judgeFindings(fs, { task, model, ideal, idealFindings: [], idealCoverage: { partial: false, renames: {} } });
  const tiers = (fs: Finding[]) => Object.fromEntries(judge(fs).map((f) => [f.ruleId, f.tier]));
  assert.deepEqual(tiers([offTask, engine, schema, shared]), {
    'response-off-task': 'failure',
    'engine-version-unavailable': 'observation',
    'schema-unknown-argument': 'failure',
    'hardcoded-password': 'failure',
  });
  // Without the off-task failure the same engine version is listed.
  assert.equal(tiers([engine])['engine-version-unavailable'], 'failure');
});

test('a grouped candidate folds into a tier failure only in the occurrences that share its root cause', () => {
  const removed = finding({
    ruleId: 'schema-removed',
    resource: 'aws_api_gateway_deployment.api',
    message: '"stage_name" on aws_api_gateway_deployment was removed in AWS provider 6.0.0; use aws_api_gateway_stage.',
    location: { file: 'lib/api.tf', line: 12 },
  });
  const stageName = finding({
    ruleId: 'deprecated-vs-reference',
    category: 'deprecated',
    severity: 'medium',
    resource: 'aws_api_gateway_deployment.api',
    message: '"stage_name" on aws_api_gateway_deployment is deprecated; use aws_api_gateway_stage (the reference avoids it).',
    location: { file: 'lib/api.tf', line: 12 },
  });
  const region = finding({
    ruleId: 'deprecated-vs-reference',
    category: 'deprecated',
    severity: 'medium',
    resource: 'locals',
    message: 'attribute "name" of aws_region (read as data.aws_region.current.name) is deprecated; use region (the reference avoids it).',
    location: { file: 'lib/main.tf', line: 26 },
  });
  const out = judgeFindings([removed, stageName, region], input);
  const host = out.find((f) => f.ruleId === 'schema-removed')!;
  assert.ok((host.occurrences ?? []).some((o) => /stage_name/.test(o.message ?? host.message)), 'the stage_name deprecation folds into the removed argument');
  const own = out.find((f) => f.ruleId === 'deprecated-vs-reference');
  assert.ok(own, 'the data.aws_region deprecation stays a finding of its own');
  assert.equal(own.resource, 'locals');
  assert.equal(own.location.line, 26);
  assert.ok(!(host.occurrences ?? []).some((o) => o.resource === 'locals'));
});

test("a schema error the ideal's change shows on another resource type is a failure of its own, not an occurrence of the code's", () => {
  const removed = finding({
    ruleId: 'schema-removed',
    severity: 'critical',
    resource: 'aws_autoscaling_group.asg',
    message: '"tags" on aws_autoscaling_group was removed in AWS provider 5.0.0; use tag blocks.',
    location: { file: 'lib/compute.ts', line: 198 },
  });
  const nesting = finding({
    ruleId: 'diff-nesting-form',
    severity: 'critical',
    evidence: ['diff'],
    resource: 'aws_elasticache_serverless_cache.cache',
    message: 'The model writes `cache_usage_limits` on aws_elasticache_serverless_cache.cache as one object; the provider wants a list, as the ideal writes it.',
    location: { file: 'lib/database.ts', line: 127 },
  });
  // The same argument on the same provider block, named in TypeScript by one check and in Terraform by the other.
  const providerTags = finding({
    ruleId: 'cdktf-provider-block-not-array',
    category: 'syntax',
    severity: 'critical',
    resource: 'provider.aws',
    message: '`defaultTags` on the AWS provider is given as an object; the bindings take an array (`defaultTags: [{ ... }]`), so tsc rejects it (TS2322).',
    location: { file: 'lib/tap-stack.ts', line: 20 },
  });
  const providerNesting = finding({
    ruleId: 'diff-nesting-form',
    severity: 'critical',
    evidence: ['diff'],
    resource: 'provider.aws',
    message: 'The model writes `default_tags` on provider.aws as one object; the provider wants a list, as the ideal writes it.',
    location: { file: 'lib/tap-stack.ts', line: 20 },
  });
  const out = judgeFindings([removed, nesting, providerTags, providerNesting], input).filter((f) => f.tier === 'failure');
  assert.deepEqual(out.map((f) => `${f.ruleId} ${f.resource}`).sort(), [
    'cdktf-provider-block-not-array provider.aws',
    'diff-nesting-form aws_elasticache_serverless_cache.cache',
    'schema-removed aws_autoscaling_group.asg',
  ]);
});

test('a check that leaves the resource unable to work is its own failure beside another check on the same resource', () => {
  const acls = finding({
    ruleId: 'cloudfront-log-bucket-acls-disabled',
    category: 'service-constraint',
    severity: 'high',
    resource: 'aws_cloudfront_distribution.cdn',
    message: 'aws_cloudfront_distribution.cdn logs to aws_s3_bucket.logs, whose ownership controls disable ACLs.',
    location: { file: 'lib/cdn.tf', line: 40 },
  });
  const oai = finding({
    ruleId: 'cloudfront-oai-kms-bucket',
    category: 'service-constraint',
    severity: 'high',
    resource: 'aws_cloudfront_distribution.cdn',
    message: 'aws_cloudfront_distribution.cdn reads aws_s3_bucket.site through an origin access identity, but the bucket encrypts objects with SSE-KMS.',
    location: { file: 'lib/cdn.tf', line: 12 },
  });
  const out = judgeFindings([acls, oai], input).filter((f) => f.tier === 'failure');
  assert.deepEqual(out.map((f) => f.ruleId).sort(), ['cloudfront-log-bucket-acls-disabled', 'cloudfront-oai-kms-bucket']);
});

test('an invented code argument and the missing package on one function are one failure; another unknown argument is not', () => {
  const noPackage = (name: string) =>
    finding({ ruleId: 'lambda-function-without-package', category: 'application-code', severity: 'critical', resource: `aws_lambda_function.${name}`, message: `aws_lambda_function.${name} sets none of filename, s3_bucket or image_uri` });
  const unknown = (name: string, arg: string) =>
    finding({ resource: `aws_lambda_function.${name}`, message: `aws_lambda_function has no argument "${arg}" in AWS provider 6.25.0.` });
  const inline = judgeFindings([unknown('f', 'inline_code'), noPackage('f')], input).filter((f) => f.tier === 'failure');
  assert.deepEqual(inline.map((f) => f.ruleId), ['schema-unknown-argument']);
  assert.deepEqual(inline[0]!.occurrences!.map((o) => o.resource), ['aws_lambda_function.f', 'aws_lambda_function.f']);
  const other = judgeFindings([unknown('f', 'timeout_seconds'), noPackage('f')], input).filter((f) => f.tier === 'failure');
  assert.deepEqual(other.map((f) => f.ruleId).sort(), ['lambda-function-without-package', 'schema-unknown-argument']);
});

test('a check marked listedOnCode is a failure on the code whatever its measured precision; on the diff alone it is not', () => {
  const renamed = (evidence: Finding['evidence']) =>
    finding({ ruleId: 'name-changes-every-run', category: 'naming', severity: 'high', evidence, resource: 'aws_s3_bucket.logs', message: '`bucket` of aws_s3_bucket.logs is built from Date.now()' });
  // Its measured precision alone would leave the code-and-diff finding out of the tier.
  assert.ok(checkPrecision('name-changes-every-run', 'naming', 'both') * 1.25 < TIER_CALIBRATION.FAILURE_THRESHOLD);
  assert.deepEqual(judgeFindings([renamed(['static', 'diff'])], input).map((f) => f.tier), ['failure']);
  assert.deepEqual(judgeFindings([renamed(['diff'])], input).map((f) => f.tier), ['observation']);
});

test('a response with no variables file: the input the provider file reads folds into the undeclared variables', () => {
  const inputUndeclared = finding({ ruleId: 'provider-input-undeclared', category: 'reference', severity: 'high', resource: 'var.aws_region', message: 'The provider configuration reads var.aws_region (as the reference declares it), but the response declares no variable "aws_region".' });
  const noVariables = finding({ ruleId: 'undeclared-reference', category: 'reference', severity: 'critical', resource: 'lib:variable', message: '3 variable reference(s) (var.a, var.b, var.c) but lib declares no variable at all: a file is missing from the response.' });
  assert.deepEqual(judgeFindings([noVariables, inputUndeclared], input).filter((f) => f.tier === 'failure').map((f) => f.ruleId), ['undeclared-reference']);
  // One undeclared name among declared ones is not a missing file: the provider's input stays its own failure.
  const oneName = finding({ ruleId: 'undeclared-reference', category: 'reference', severity: 'critical', resource: 'var.b', message: 'aws_s3_bucket.x references variable `var.b`, which is not declared.' });
  assert.deepEqual(judgeFindings([oneName, inputUndeclared], input).filter((f) => f.tier === 'failure').map((f) => f.ruleId).sort(), ['provider-input-undeclared', 'undeclared-reference']);
});

test('deletion protection the prompt asks for is an observation; a prompt that asks for none leaves it a failure', () => {
  const f = () => finding({ ruleId: 'deletion-protection-enabled', category: 'destroyability', severity: 'high', fixClass: 'B', resource: 'aws_db_instance.main', evidence: ['static'] });
  const withPrompt = (prompt: string) => judgeFindings([f()], { ...input, task: { ...task, prompt } as Task })[0]!.tier;
  assert.equal(withPrompt('RDS PostgreSQL (Multi-AZ). Deletion protection on. Use a subnet group with the private subnets only.'), 'observation');
  assert.equal(withPrompt('A db.m5.large instance in a VPC, with **deletion protection enabled**, and detailed monitoring.'), 'observation');
  assert.equal(withPrompt('The implementation should be production-ready with no deletion protection enabled, as we run automated tests.'), 'failure');
  assert.equal(withPrompt('Set deletion_protection_enabled to false so terraform destroy can clean up.'), 'failure');
  assert.equal(withPrompt('Create an RDS instance with automated backups.'), 'failure');
});

test('module folders without variables files are one failure, whether or not the root module passes a folder inputs', () => {
  const mismatch = finding({
    ruleId: 'module-input-mismatch',
    category: 'reference',
    severity: 'critical',
    title: MODULE_WITHOUT_VARIABLES_TITLE,
    resource: 'module.networking',
    message: 'module.networking passes 2 input(s) (`a`, `b`), but the module ./modules/networking declares no variable at all: its variables file is missing.',
  });
  const unpassed = finding({ ruleId: 'undeclared-reference', category: 'reference', severity: 'critical', resource: 'lib/modules/media:variable', message: '2 variable reference(s) (var.x, var.y) but lib/modules/media declares no variable at all: a file is missing from the response.' });
  const output = finding({ ruleId: 'module-output-undeclared', category: 'reference', severity: 'critical', resource: 'module.media.queue_arn', message: 'output.q references `module.media.queue_arn`, but the module ./modules/media declares no output `queue_arn`.' });
  const typo = finding({ ruleId: 'undeclared-reference', category: 'reference', severity: 'critical', resource: 'var.bucket_nmae', location: { file: 'lib/main.tf', line: 9 }, message: 'aws_s3_bucket.x references variable `var.bucket_nmae`, which is not declared.' });
  const failures = judgeFindings([{ ...mismatch }, unpassed, output, typo], input).filter((f) => f.tier === 'failure');
  assert.deepEqual(failures.map((f) => f.ruleId).sort(), ['module-input-mismatch', 'undeclared-reference']);
  const host = failures.find((f) => f.ruleId === 'module-input-mismatch')!;
  assert.ok(host.occurrences?.some((o) => o.resource === 'lib/modules/media:variable'));
  assert.ok(host.occurrences?.some((o) => o.resource === 'module.media.queue_arn'));
  // The undeclared name that is a typo in a declared folder stays its own failure.
  assert.equal(failures.find((f) => f.ruleId === 'undeclared-reference')!.resource, 'var.bucket_nmae');
});

test('what a response that answers another task lacks of the reference folds into the off-task failure', () => {
  const offTask = finding({ ruleId: 'response-off-task', category: 'missing-resource', severity: 'critical', resource: 'aws_lb', message: 'The response builds a load-balanced web tier; the task asks for a monitoring stack.' });
  const missing = finding({ ruleId: 'resource-type-missing-vs-reference', category: 'missing-resource', severity: 'high', resource: 'aws_cloudwatch_composite_alarm', message: 'The reference declares aws_cloudwatch_composite_alarm; the model has none.' });
  assert.deepEqual(judgeFindings([offTask, missing], input).filter((f) => f.tier === 'failure').map((f) => f.ruleId), ['response-off-task']);
});

test('a CloudFront log bucket without ownership controls is one failure with the ACL it sets', () => {
  const acl = finding({ ruleId: 's3-acl-without-ownership-controls', category: 'misconfiguration', severity: 'high', resource: 'aws_s3_bucket.logs', message: 'aws_s3_bucket.logs sets an ACL but has no ownership controls.' });
  const cf = finding({ ruleId: 'cloudfront-log-bucket-acls-disabled', category: 'logging', severity: 'high', resource: 'aws_s3_bucket.logs', message: 'CloudFront writes its logs with an ACL, which aws_s3_bucket.logs does not allow.' });
  const out = judgeFindings([acl, cf], input);
  assert.deepEqual(out.map((f) => f.ruleId), ['s3-acl-without-ownership-controls']);
  assert.equal(out[0]!.occurrences?.length, 2);
});

test('no remote backend is a failure where the task asks for remote state, and an observation where it says the project has one', () => {
  const f = () => finding({ ruleId: 'backend-missing', category: 'backend', severity: 'medium', fixClass: 'B', resource: 'terraform.backend', evidence: ['static'] });
  const withPrompt = (prompt: string) => judgeFindings([f()], { ...input, task: { ...task, prompt } as Task })[0]!.tier;
  assert.equal(withPrompt('Requirements:\n- S3 backend with state locking\n- Two private subnets'), 'failure');
  assert.equal(withPrompt('Solid State Management: use a proper remote backend for our Terraform state.'), 'failure');
  assert.equal(withPrompt('- `provider.tf` is already defined (AWS provider + S3 backend). Do not duplicate or modify it.'), 'observation');
  assert.equal(withPrompt('Create a VPC with two private subnets.'), 'observation');
});

test('a response of snippets that never gives its backend file: the missing backend is that response', () => {
  const snippets = finding({ ruleId: 'response-without-infrastructure', category: 'missing-resource', severity: 'critical', resource: 'response', message: 'The response describes 3 files (backend.tf, main.tf, ...) but gives none of them.' });
  const backend = finding({ ruleId: 'backend-missing', category: 'backend', severity: 'medium', fixClass: 'B', resource: 'terraform.backend', evidence: ['static'] });
  const asked = { ...input, task: { ...task, prompt: '- S3 backend with state locking' } as Task };
  assert.deepEqual(judgeFindings([snippets, backend], asked).filter((f) => f.tier === 'failure').map((f) => f.ruleId), ['response-without-infrastructure']);
});
