import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complexityFactors } from '../../src/score/complexity.js';
import { platformBlocker, regionBlocker, requiredRegion, requiredServices, servicesBlocker, singleRegion, codePlatform, metadataPlatform } from '../../src/score/blockers.js';
import { promptServices, serviceForName, serviceOfType, requiredServiceNames } from '../../src/score/services.js';
import { config, lit, nested, provider, ref, resource, task, variable } from './helpers.js';

test('service names map to table entries; unknown names stay unknown', () => {
  assert.equal(serviceForName('API Gateway')?.key, 'api-gateway');
  assert.equal(serviceForName('Amazon RDS (PostgreSQL)')?.key, 'rds');
  assert.equal(serviceForName('RDS PostgreSQL 15')?.key, 'rds');
  assert.equal(serviceForName('EC2 (for VPC networking)')?.key, 'ec2');
  assert.equal(serviceForName('Quantum Ledger Thing'), undefined);
  assert.deepEqual(requiredServiceNames('s3, Cloudfront, Route53'), ['s3', 'Cloudfront', 'Route53']);
});

test('resource types group into services, specific prefixes first', () => {
  assert.equal(serviceOfType('aws_cloudwatch_log_group'), 'cloudwatch-logs');
  assert.equal(serviceOfType('aws_cloudwatch_metric_alarm'), 'cloudwatch');
  assert.equal(serviceOfType('aws_subnet'), 'vpc');
  assert.equal(serviceOfType('aws_lb_target_group'), 'load-balancer');
  assert.equal(serviceOfType('aws_instance'), 'ec2');
  assert.equal(serviceOfType('aws_made_up_thing'), 'made');
});

test('complexity: integrated services, security, HA and event-driven patterns are detected', () => {
  const c = config([
    resource('aws_kms_key', 'k'),
    resource('aws_s3_bucket', 'b'),
    resource('aws_sqs_queue', 'q', { kms_master_key_id: ref('aws_kms_key', 'k', 'arn') }),
    resource('aws_lambda_function', 'f', { role: ref('aws_iam_role', 'r', 'arn'), environment_bucket: ref('aws_s3_bucket', 'b', 'id') }),
    resource('aws_lambda_event_source_mapping', 'm', { event_source_arn: ref('aws_sqs_queue', 'q', 'arn'), function_name: ref('aws_lambda_function', 'f', 'arn') }),
    resource('aws_iam_role', 'r'),
    resource('aws_db_instance', 'db', { multi_az: lit(true) }),
  ]);
  const f = complexityFactors(c);
  assert.ok(f.multipleServices.applies, f.multipleServices.detail);
  assert.ok(f.security.applies);
  assert.ok(f.highAvailability.applies);
  assert.ok(f.advancedPatterns.applies);
  assert.ok(!f.singleService.applies);
});

test('complexity: a lone bucket is a single service with no bonus factors', () => {
  const f = complexityFactors(config([resource('aws_s3_bucket', 'b'), resource('aws_iam_role', 'r')]));
  assert.ok(f.singleService.applies);
  assert.ok(!f.multipleServices.applies);
  assert.ok(!f.security.applies);
  assert.ok(!f.highAvailability.applies);
});

test('complexity: unreferenced services do not count as integrated', () => {
  const f = complexityFactors(config([resource('aws_s3_bucket', 'b'), resource('aws_sqs_queue', 'q'), resource('aws_sns_topic', 't')]));
  assert.ok(!f.multipleServices.applies);
});

test('blocker: platform mismatch between metadata and code', () => {
  assert.equal(metadataPlatform({ platform: 'tf', language: 'hcl' }), 'tf-hcl');
  assert.equal(metadataPlatform({ platform: 'cdktf', language: 'typescript' }), 'cdktf-ts');
  const cdk = [{ path: 'lib/stack.ts', language: 'ts', content: "import { Stack } from 'aws-cdk-lib';\n" }];
  assert.equal(codePlatform(cdk), 'cdk-ts');
  const b = platformBlocker(task({ metadata: { platform: 'cdktf', language: 'ts' } }), cdk);
  assert.equal(b?.score, 3);
  const hcl = [{ path: 'lib/main.tf', language: 'hcl', content: 'resource "aws_s3_bucket" "b" {}\n' }];
  assert.equal(platformBlocker(task(), hcl), null);
  assert.equal(platformBlocker(task({ metadata: null }), cdk), null);
});

test('blocker: wrong region when the prompt, metadata or lib/AWS_REGION pins one region', () => {
  assert.equal(singleRegion('Deploy everything in eu-west-1.'), 'eu-west-1');
  assert.equal(singleRegion('Primary us-east-1, replica us-west-2'), undefined);
  const c = config([variable('aws_region', lit('us-east-1')), provider({ region: ref('var', 'aws_region') })]);
  assert.equal(regionBlocker(task({ prompt: 'The stack must run in eu-west-1.' }), c)?.score, 5);
  assert.equal(regionBlocker(task({ prompt: 'The stack must run in us-east-1.' }), c), null);
  assert.equal(regionBlocker(task({ prompt: 'No region named here.' }), c), null);
  assert.equal(regionBlocker(task({ metadata: { region: 'ap-south-1' } }), c)?.score, 5);
  // CDKTF takes the deploy region from the environment: its literal fallback is not judged.
  const cdktfConfig = { ...c, platform: 'cdktf-ts' };
  assert.equal(regionBlocker(task({ prompt: 'The stack must run in eu-west-1.' }), cdktfConfig), null);
  const file = { path: 'lib/AWS_REGION', language: 'text', content: 'ap-south-1\n' };
  assert.match(regionBlocker(task({ prompt: 'use ap-south-1', extraFiles: [file] }), c)?.detail ?? '', /the task pins ap-south-1 \(lib\/AWS_REGION and the prompt\)/);
  // Sources that contradict each other pin nothing (a stale metadata region, a prompt naming another).
  assert.equal(requiredRegion(task({ prompt: 'use us-east-1', extraFiles: [file] })), undefined);
  assert.equal(regionBlocker(task({ prompt: 'Deploy in us-east-1.', metadata: { region: 'eu-central-1' } }), c), null);
});

test('blocker: half or more of the recognized services missing', () => {
  const c = config([resource('aws_s3_bucket', 'b'), resource('aws_lambda_function', 'f', {}, [nested('tracing_config', { mode: lit('Active') })])]);
  const missing = servicesBlocker(task({ metadata: { aws_services: ['S3', 'DynamoDB', 'SQS', 'Lambda'] } }), c);
  assert.equal(missing?.score, 4);
  assert.match(missing!.detail, /2 of 4/);
  assert.equal(servicesBlocker(task({ metadata: { aws_services: ['S3', 'Lambda', 'X-Ray', 'DynamoDB'] } }), c), null);
  // A service the ideal leaves out but the model has is not missing (ideals often show only changed files).
  const model = config([resource('aws_dynamodb_table', 't'), resource('aws_sqs_queue', 'q')]);
  assert.equal(servicesBlocker(task({ metadata: { aws_services: ['S3', 'DynamoDB', 'SQS', 'Lambda'] } }), c, [model]), null);
  // Unknown names are not counted as missing.
  assert.equal(servicesBlocker(task({ metadata: { aws_services: ['S3', 'Lambda', 'Mystery Service', 'Other Thing'] } }), c), null);
  // Code that calls a module hides its resource types: not judged.
  const withModule = config([...c.blocks, { kind: 'module', type: 'module', labels: ['net'], attributes: [], blocks: [], span: c.blocks[0]!.span }]);
  assert.equal(servicesBlocker(task({ metadata: { aws_services: ['S3', 'DynamoDB', 'SQS', 'Lambda'] } }), withModule), null);
});

test('required services: metadata first; the prompt only when metadata lists none', () => {
  const prompt = 'Build an SQS queue feeding a Lambda function that writes to DynamoDB and archives to S3; backup the table nightly.';
  const keys = (t: ReturnType<typeof task>, mode?: 'fallback' | 'union' | 'never') => requiredServices(t, mode).map((r) => `${r.key}:${r.source}`);
  assert.deepEqual(keys(task({ prompt, metadata: { aws_services: ['IAM'] } })), ['iam:metadata']);
  assert.deepEqual(keys(task({ prompt, metadata: {} })), ['lambda:prompt', 'dynamodb:prompt', 's3:prompt', 'sqs:prompt']);
  assert.deepEqual(keys(task({ prompt, metadata: { aws_services: ['IAM'] } }), 'union'), ['iam:metadata', 'lambda:prompt', 'dynamodb:prompt', 's3:prompt', 'sqs:prompt']);
  // Ordinary words count only with their AWS/Amazon prefix: "backup the table" is not AWS Backup.
  assert.ok(!promptServices(prompt).some((p) => p.entry.key === 'backup'));
  assert.ok(promptServices('Protect it with AWS Backup plans.').some((p) => p.entry.key === 'backup'));
  // Whole words only, plural allowed.
  assert.deepEqual(promptServices('Two Lambdas behind an ALB.').map((p) => p.entry.key), ['lambda', 'load-balancer']);
  assert.deepEqual(promptServices('s3cret lambdaesque'), []);
});
