import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule } from '../../src/rules/missing-resource/resource-type-missing-vs-reference.js';

const MODEL = 'resource "aws_s3_bucket" "config" {\n  bucket_prefix = "config-"\n}\nresource "aws_alb" "web" {\n  name = "web"\n}\n';
const IDEAL =
  MODEL.replace('aws_alb', 'aws_lb') +
  'resource "aws_s3_bucket_policy" "config" {\n  bucket = aws_s3_bucket.config.id\n  policy = "{}"\n}\n' +
  'resource "aws_ecr_repository" "app" {\n  name = "app"\n}\n' +
  'resource "random_id" "s" {\n  byte_length = 4\n}\n' +
  'data "aws_caller_identity" "current" {}\n';

test('resource-type-missing-vs-reference: reports each resource type only the reference has', () => {
  const f = runRule(rule, MODEL, { ideal: IDEAL, prompt: 'Build the service and push its image to an ECR repository.' });
  assert.deepEqual(f.map((x) => x.resource).sort(), ['aws_ecr_repository', 'aws_s3_bucket_policy']);
  assert.ok(f.every((x) => x.category === 'missing-resource'));
  const ecr = f.find((x) => x.resource === 'aws_ecr_repository')!;
  assert.equal(ecr.severity, 'high');
  assert.match(ecr.message, /nothing of the ecr service/);
  assert.equal(f.find((x) => x.resource === 'aws_s3_bucket_policy')!.severity, 'medium');
  // A whole service the prompt never asks for is the reference's design choice: low, an observation.
  const unasked = runRule(rule, MODEL, { ideal: IDEAL, prompt: 'Build the service.' });
  assert.equal(unasked.find((x) => x.resource === 'aws_ecr_repository')!.severity, 'low');
  // The product's name asks for the service ("Route 53"); a common word that may mean it ("DNS") is medium.
  const withRecord = IDEAL + 'resource "aws_route53_record" "api" {\n  name = "api"\n}\n';
  const route53 = runRule(rule, MODEL, { ideal: withRecord, prompt: 'Publish the API under a Route 53 record.' });
  assert.equal(route53.find((x) => x.resource === 'aws_route53_record')!.severity, 'high');
  assert.match(route53.find((x) => x.resource === 'aws_route53_record')!.message, /nothing of the route53 service/);
  const dns = runRule(rule, MODEL, { ideal: withRecord, prompt: 'Publish the API under our DNS name.' });
  assert.equal(dns.find((x) => x.resource === 'aws_route53_record')!.severity, 'medium');
});

test('resource-type-missing-vs-reference: a companion type is medium only beside what it completes in the model', () => {
  const model = 'resource "aws_cloudwatch_log_group" "app" {\n  name = "app"\n}\n';
  const target = 'resource "aws_cloudwatch_event_target" "heartbeat" {\n  rule = aws_cloudwatch_event_rule.heartbeat.name\n  arn  = "x"\n}\n';
  const rule_ = 'resource "aws_cloudwatch_event_rule" "heartbeat" {\n  schedule_expression = "rate(5 minutes)"\n}\n';
  // The reference's own heartbeat rule and its target: a design the model does not share, low.
  const design = runRule(rule, model, { ideal: model + rule_ + target, prompt: 'Log the app.' });
  assert.equal(design.find((x) => x.resource === 'aws_cloudwatch_event_target')!.severity, 'low');
  // The model's rule has no target: the piece it needs, medium.
  const piece = runRule(rule, model + rule_, { ideal: model + rule_ + target, prompt: 'Log the app.' });
  assert.deepEqual(piece.map((x) => [x.resource, x.severity, x.location.line]), [['aws_cloudwatch_event_target', 'medium', 1]]);
});

test('resource-type-missing-vs-reference: aliases, helpers and context data sources do not count; no reference, no finding', () => {
  assert.equal(runRule(rule, MODEL, { ideal: MODEL.replace('aws_alb', 'aws_lb') + 'data "aws_region" "r" {}\n' }).length, 0);
  assert.equal(runRule(rule, MODEL).length, 0);
  assert.equal(runRule(rule, '', { ideal: IDEAL }).length, 0);
});

test('resource-type-missing-vs-reference: VPC networking types count as one service; the anchor is the model file named like the reference file', () => {
  const model = { 'lib/network.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' };
  const ideal = { 'lib/network.tf': model['lib/network.tf'] + 'resource "aws_eip" "nat" {\n  domain = "vpc"\n}\n' };
  const f = runRule(rule, { ...model, 'lib/app.tf': 'resource "aws_sqs_queue" "q" {}\n' }, { ideal });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'low');
  assert.equal(f[0]!.location.file, 'lib/network.tf');
  assert.doesNotMatch(f[0]!.message, /nothing of the/);
});

test('response-without-infrastructure: prose or file listings without resources are a blocker; any resource, module or data source is code', async () => {
  const { rule: noInfra } = await import('../../src/rules/missing-resource/response-without-infrastructure.js');
  const f = runRule(noInfra, { 'lib/terraform.tfvars': 'environment_suffix = "dev"\n' });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'response');
  assert.equal(f[0]!.severity, 'critical');
  assert.match(f[0]!.message, /contains no Terraform or CDKTF code/);
  const onlyVariables = runRule(noInfra, { 'lib/variables.tf': 'variable "region" {\n  default = "us-east-1"\n}\n' });
  assert.match(onlyVariables[0]!.message, /1 code file\(s\) declare no resource, module or data source/);
  assert.equal(runRule(noInfra, { 'lib/main.tf': 'module "vpc" {\n  source = "./modules/vpc"\n}\n' }).length, 0);
  assert.equal(runRule(noInfra, { 'lib/main.tf': 'data "aws_caller_identity" "me" {}\n' }).length, 0);
  assert.equal(runRule(noInfra, MODEL).length, 0);
  // TypeScript creating constructs of classes it imports (from the wrong module) declares infrastructure: the
  // import is the failure. Snippets that import nothing still declare none.
  const wrongImport = "import { Vpc } from 'cdktf';\nexport class S extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    new Vpc(this, 'vpc', { cidrBlock: '10.0.0.0/16' });\n  }\n}\n";
  assert.equal(runRule(noInfra, { 'lib/tap-stack.ts': wrongImport }).length, 0);
  assert.equal(runRule(noInfra, { 'lib/tap-stack.ts': wrongImport.replace("import { Vpc } from 'cdktf';\n", '') }).length, 1);
});

test('response-without-infrastructure: an answer that lists its files and gives only unnamed snippets of them', async () => {
  const { rule: noInfra } = await import('../../src/rules/missing-resource/response-without-infrastructure.js');
  const snippet = { 'lib/unnamed-1.tf': 'resource "aws_rds_cluster_instance" "main" {\n  for_each = toset(["a", "b"])\n}\n' };
  const markdown = '## Files\n**backend.tf** - state\n**provider.tf** - provider\n**variables.tf** - inputs\n\n```hcl\nresource "aws_rds_cluster_instance" "main" {}\n```\n';
  const modelResponse = { origin: 'lib/MODEL_RESPONSE.md', files: [], warnings: [], markdown };
  const f = runRule(noInfra, snippet, { modelResponse });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'response');
  assert.equal(f[0]!.location.file, 'lib/MODEL_RESPONSE.md');
  assert.equal(f[0]!.location.line, 1);
  assert.match(f[0]!.message, /describes 3 files \(backend\.tf, provider\.tf, variables\.tf\) but gives none of them/);
  // A named file among them is a delivered stack, however small.
  assert.equal(runRule(noInfra, { 'lib/main.tf': snippet['lib/unnamed-1.tf'] }, { modelResponse }).length, 0);
  // Fewer than three files named: an illustration, not a missing stack.
  assert.equal(runRule(noInfra, snippet, { modelResponse: { ...modelResponse, markdown: 'See **main.tf**.' } }).length, 0);
});

test('resource-type-missing-vs-reference: Lambda log groups the reference manages are low (Lambda creates them itself)', () => {
  const model = 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}\n';
  const ideal = `${model}resource "aws_cloudwatch_log_group" "f" {\n  name = "/aws/lambda/\${aws_lambda_function.f.function_name}"\n}\n`;
  const prompt = 'A Lambda function with CloudWatch monitoring.';
  assert.deepEqual(runRule(rule, model, { ideal, prompt }).map((f) => [f.resource, f.severity, f.location.line]), [['aws_cloudwatch_log_group', 'low', 1]]);
  const appGroup = ideal.replace('/aws/lambda/', '/app/');
  assert.deepEqual(runRule(rule, model, { ideal: appGroup, prompt }).map((f) => [f.resource, f.severity]), [['aws_cloudwatch_log_group', 'high']]);
});

test('resource-type-missing-vs-reference: "server-side encryption" and an "RDS instance" do not ask for EC2', () => {
  const model = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n';
  const ideal = `${model}resource "aws_instance" "web" {\n  ami = "ami-1"\n}\n`;
  const notAsked = runRule(rule, model, { ideal, prompt: 'Enable server-side encryption on the bucket; the RDS instance is serverless-ready.' });
  assert.deepEqual(notAsked.map((f) => [f.resource, f.severity, f.location.line]), [['aws_instance', 'low', 1]]);
  const asked = runRule(rule, model, { ideal, prompt: 'Run the web server on two EC2 instances.' });
  assert.deepEqual(asked.map((f) => [f.resource, f.severity]), [['aws_instance', 'high']]);
});

test('response-without-infrastructure: AWS CDK code is the task framework where the reference uses it too, else a wrong platform', async () => {
  const { rule: noInfra } = await import('../../src/rules/missing-resource/response-without-infrastructure.js');
  const cdk = { 'lib/stack.ts': "import * as cdk from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'b');\n" };
  const { parseCdktfFiles } = await import('../../src/cdktf/index.js');
  const { runRulesDetailed } = await import('../../src/rules/engine.js');
  const { makeTask } = await import('./helpers.js');
  const { DEFAULT_CONVENTIONS } = await import('../../src/contracts/conventions.js');
  const files = (r: Record<string, string>) => Object.entries(r).map(([path, content]) => ({ path, language: 'ts', content }));
  const run = (ideal: Record<string, string>) => runRulesDetailed([noInfra], parseCdktfFiles(files(cdk)), makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS, parseCdktfFiles(files(ideal))).findings;
  assert.deepEqual(run(cdk), []);
  const cdktfIdeal = { 'lib/stack.ts': "import { TerraformStack } from 'cdktf';\nimport { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';\nnew S3Bucket(this, 'b', {});\n" };
  const wrong = run(cdktfIdeal);
  assert.equal(wrong.length, 1);
  assert.equal(wrong[0]!.resource, 'response');
  assert.equal(wrong[0]!.location.line, 1);
  assert.match(wrong[0]!.message, /written for AWS CDK \(aws-cdk-lib\), not for the task's platform/);
});

test('resource-type-missing-vs-reference: "backups" of a database do not ask for the AWS Backup service', () => {
  const model = 'resource "aws_db_instance" "db" {\n  backup_retention_period = 7\n}\n';
  const ideal = `${model}resource "aws_backup_plan" "main" {\n  name = "plan"\n}\n`;
  const rdsBackups = runRule(rule, model, { ideal, prompt: 'An RDS database with automated backups kept for 7 days.' });
  assert.deepEqual(rdsBackups.map((f) => [f.resource, f.severity]), [['aws_backup_plan', 'low']]);
  const awsBackup = runRule(rule, model, { ideal, prompt: 'Protect the database with an AWS Backup plan.' });
  assert.deepEqual(awsBackup.map((f) => [f.resource, f.severity, f.location.line]), [['aws_backup_plan', 'high', 1]]);
});

import { rule as offTask } from '../../src/rules/missing-resource/response-off-task.js';

const blocks = (types: string[]) => types.map((t, i) => `resource "${t}" "r${i}" {\n  name = "r${i}"\n}\n`).join('');
const MIGRATION = blocks(['aws_vpc', 'aws_subnet', 'aws_internet_gateway', 'aws_route_table', 'aws_lb', 'aws_lb_target_group', 'aws_launch_template', 'aws_autoscaling_group', 'aws_db_instance']);
const PIPELINE = blocks(['aws_kinesis_stream', 'aws_lambda_function', 'aws_lambda_event_source_mapping', 'aws_dynamodb_table', 'aws_sqs_queue', 'aws_sns_topic', 'aws_cloudwatch_metric_alarm', 'aws_kms_key', 'aws_iam_role']);
const PIPELINE_PROMPT = 'Build a Kinesis stream processed by a Lambda function that writes to DynamoDB, with an SQS dead-letter queue, SNS alerts and CloudWatch alarms.';

test('response-off-task: a response whose resource types the reference never builds, for a prompt naming the reference\'s services', () => {
  const f = runRule(offTask, MIGRATION, { ideal: PIPELINE, prompt: PIPELINE_PROMPT });
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.severity]), [['response', 1, 'critical']]);
  assert.match(f[0]!.message, /beyond network and IAM scaffolding, 0 of its 5 resource types appear in the reference/);
  // The same pair where the prompt asks for the response's system: the reference is the mismatched file.
  assert.deepEqual(runRule(offTask, MIGRATION, { ideal: PIPELINE, prompt: 'Migrate the VPC, subnets, load balancer, auto scaling group and RDS database to us-west-2.' }), []);
  // Shared types, a small reference, or no prompt: nothing to say.
  assert.deepEqual(runRule(offTask, PIPELINE, { ideal: PIPELINE + blocks(['aws_xray_group']), prompt: PIPELINE_PROMPT }), []);
  assert.deepEqual(runRule(offTask, MIGRATION, { ideal: blocks(['aws_kinesis_stream', 'aws_lambda_function']), prompt: PIPELINE_PROMPT }), []);
  assert.deepEqual(runRule(offTask, MIGRATION, { ideal: PIPELINE }), []);
});
