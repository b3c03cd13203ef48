import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseLog } from '../../src/logs/parse.js';
import { classifyDiagnostic, matchPattern } from '../../src/logs/classify.js';
import { logsStage } from '../../src/logs/stage.js';
import { buildConfiguration } from '../../src/model/index-builder.js';
import type { Block, Configuration, SourceSpan } from '../../src/model/types.js';
import type { PipelineContext } from '../../src/contracts/pipeline.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import type { Task } from '../../src/contracts/task.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/logs/${name}`, import.meta.url), 'utf8');

function span(file: string, line: number, endLine = line + 5): SourceSpan {
  return { file, line, column: 1, endLine, endColumn: 1 };
}

function resource(type: string, name: string, file: string, line: number): Block {
  return { kind: 'resource', type: 'resource', labels: [type, name], attributes: [], blocks: [], span: span(file, line) };
}

function config(blocks: Block[], extra: Partial<Configuration> = {}): Configuration {
  const files = [...new Set(blocks.map((b) => b.span.file))].map((path) => ({ path, language: 'hcl', content: '' }));
  return { ...buildConfiguration('tf-hcl', files, blocks, []), ...extra };
}

function categoryOf(message: string): string | undefined {
  const [diag] = parseLog(message);
  assert.ok(diag, `no diagnostic parsed from: ${message}`);
  return matchPattern(diag)?.pattern.category;
}

test('each documented message maps to its category', () => {
  const cases: [string, string][] = [
    ['Error: Variables not allowed', 'backend'],
    ['Error: Failed to query available provider packages\n\nlocked provider registry.terraform.io/hashicorp/aws 6.22.1 does not match configured version constraint ~> 5.0; must use terraform init -upgrade', 'provider-version'],
    ['Error: creating RDS Cluster Instance: InvalidParameterCombination: Performance Insights not supported for this configuration.', 'service-constraint'],
    ['Error: creating Step Functions State Machine: The state machine IAM Role is not authorized to access the Log Destination', 'iam-missing-permission'],
    ['Error: expected http_method to be one of ["ANY" "DELETE" "GET" "HEAD" "OPTIONS" "PATCH" "POST" "PUT"], got *', 'schema'],
    ["lib/tap-stack.ts(4,10): error TS2305: Module '\"@cdktf/provider-aws/lib/s3-bucket\"' has no exported member 'S3BucketEncryption'.", 'reference'],
    ["lib/tap-stack.ts:40:7 - error TS2322: Type '{ enabled: true; }[]' is not assignable to type 'DynamodbTableServerSideEncryption'.", 'schema'],
    ["lib/tap-stack.ts(9,1): error TS1005: ';' expected.", 'syntax'],
    ['Error: Unsupported argument\n\nAn argument named "enable_versioning" is not expected here.', 'schema'],
    ['Error: Missing required argument\n\nThe argument "role" is required, but no definition was found.', 'schema'],
    ['Error: Reference to undeclared input variable\n\nAn input variable with the name "aws_region" has not been declared.', 'reference'],
    ['Error: Reference to undeclared resource\n\nA managed resource "aws_s3_bucket" "logs" has not been declared in the root module.', 'reference'],
    ['Error: Invalid value for variable\n\nThe environment must be dev or prod.', 'misconfiguration'],
    ['Error: Duplicate resource "aws_s3_bucket" configuration\n\nA aws_s3_bucket resource named "b" was already declared at main.tf:1,1-30.', 'reference'],
    ['Error: Cycle: aws_security_group.a, aws_security_group.b', 'dependency'],
    ['Error: Error acquiring the state lock\n\nConditionalCheckFailedException: The conditional request failed', 'backend'],
    ['Error: creating IAM Role (api-role): AccessDenied: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:CreateRole', 'iam-missing-permission'],
    ['Error: creating S3 Bucket (assets): BucketAlreadyExists: The requested bucket name is not available', 'naming'],
    ['Error: putting Lambda Function Concurrency: InvalidParameterValueException: Specified ReservedConcurrentExecutions decreases account UnreservedConcurrentExecution below its minimum value', 'misconfiguration'],
    ['Error: creating EC2 VPC: VpcLimitExceeded: The maximum number of VPCs has been reached.', 'service-constraint'],
    ['Error: creating API Gateway Method: ValidationException: Invalid request', 'misconfiguration'],
    ['Error: deleting S3 Bucket (logs): BucketNotEmpty: The bucket you tried to delete is not empty', 'destroyability'],
    ['Error: Unsupported block type\n\nBlocks of type "versioning_config" are not expected here.', 'schema'],
    ['Error: Too many server_side_encryption_configuration blocks\n\nNo more than 1 "server_side_encryption_configuration" blocks are allowed', 'schema'],
    ['Error: Incorrect attribute value type\n\nInappropriate value for attribute "subnet_ids": set of string required.', 'schema'],
    ['Error: Unsupported attribute\n\nThis object has no argument, nested block, or exported attribute named "bucket_arn".', 'reference'],
    ['Error: deleting EC2 Subnet (subnet-0abc): DependencyViolation: The subnet has dependencies and cannot be deleted.', 'dependency'],
    ['Error: deleting RDS DB Instance (orders): InvalidParameterCombination: FinalSnapshotIdentifier is required unless SkipFinalSnapshot is specified', 'destroyability'],
  ];
  for (const [message, category] of cases) assert.equal(categoryOf(message), category, message);
});

test('human output: the address and file/line locate the resource', () => {
  const cfg = config([resource('aws_iam_role', 'sfn', 'lib/iam.tf', 1), resource('aws_sfn_state_machine', 'orders', 'lib/sfn.tf', 3)]);
  const diags = parseLog(fixture('apply-sfn.log'));
  assert.equal(diags.length, 1);
  assert.equal(diags[0]!.address, 'aws_sfn_state_machine.orders');
  assert.equal(diags[0]!.file, 'sfn.tf');
  assert.equal(diags[0]!.line, 3);
  const f = classifyDiagnostic(diags[0]!, cfg, 'deploy.log')!;
  assert.equal(f.category, 'iam-missing-permission');
  assert.equal(f.resource, 'aws_sfn_state_machine.orders');
  assert.deepEqual(f.location, { file: 'lib/sfn.tf', line: 3 });
  assert.deepEqual(f.evidence, ['log']);
  assert.match(f.logExcerpt!, /not authorized to access the Log Destination/);
});

test('validate -json: ranges are used to locate the cause', () => {
  const cfg = config([resource('aws_s3_bucket', 'b', 'lib/main.tf', 1)]);
  cfg.files.push({ path: 'lib/provider.tf', language: 'hcl', content: '' });
  const diags = parseLog(fixture('validate.json'));
  assert.equal(diags.length, 1);
  const f = classifyDiagnostic(diags[0]!, cfg, 'validate.json')!;
  assert.equal(f.category, 'reference');
  assert.deepEqual(f.location, { file: 'lib/provider.tf', line: 2 });
});

test('streamed -json UI lines are read', () => {
  const log = [
    JSON.stringify({ '@level': 'info', '@message': 'Terraform 1.9.0', type: 'version' }),
    JSON.stringify({
      '@level': 'error',
      '@message': 'Error: Unsupported argument',
      type: 'diagnostic',
      diagnostic: { severity: 'error', summary: 'Unsupported argument', detail: 'An argument named "foo" is not expected here.', address: 'aws_s3_bucket.b', range: { filename: 'main.tf', start: { line: 4 } } },
    }),
  ].join('\n');
  const diags = parseLog(log);
  assert.equal(diags.length, 1);
  assert.equal(diags[0]!.address, 'aws_s3_bucket.b');
  const f = classifyDiagnostic(diags[0]!, config([resource('aws_s3_bucket', 'b', 'lib/main.tf', 1)]), 'plan.json')!;
  assert.equal(f.category, 'schema');
  assert.equal(f.resource, 'aws_s3_bucket.b');
});

test('a message with no address falls back to the resource type the pattern names', () => {
  const cfg = config([resource('aws_rds_cluster_instance', 'writer', 'lib/rds.tf', 10)]);
  const [diag] = parseLog('Error: InvalidParameterCombination: Performance Insights not supported for this configuration');
  const f = classifyDiagnostic(diag!, cfg, 'apply.log')!;
  assert.equal(f.resource, 'aws_rds_cluster_instance.writer');
  assert.equal(f.location.file, 'lib/rds.tf');
});

test('a log finding with no code location is still reported, at the log line', () => {
  const [diag] = parseLog('\n\nError: Variables not allowed');
  const f = classifyDiagnostic(diag!, null, 'init.log')!;
  assert.deepEqual(f.location, { file: 'init.log', line: 3 });
  assert.equal(f.category, 'backend');
});

test('unrelated lines give no findings; hostile input is bounded', () => {
  assert.equal(parseLog('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.').length, 0);
  const hostile = 'Error: ' + 'a'.repeat(100000) + '\n' + '│ with '.repeat(10000);
  const started = Date.now();
  parseLog(hostile);
  parseLog('{'.repeat(100000));
  parseLog('x error '.repeat(200000));
  assert.ok(Date.now() - started < 2000);
});

test('the stage reads task logs and adds findings with log evidence', () => {
  const task = { logs: [{ path: 'deploy.log', content: 'Error: Variables not allowed' }] } as unknown as Task;
  const ctx: PipelineContext = {
    task,
    options: { conventions: DEFAULT_CONVENTIONS, logs: ['/nonexistent/x.log'] },
    model: null,
    ideal: null,
    findings: [],
    notes: [],
    warnings: [],
    score: null,
  };
  logsStage.run(ctx);
  assert.equal(ctx.findings.length, 1);
  assert.equal(ctx.findings[0]!.ruleId, 'log-backend-variables-not-allowed');
  assert.match(ctx.warnings[0]!, /cannot read log/);
});
