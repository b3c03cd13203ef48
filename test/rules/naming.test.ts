import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configFromHcl, makeTask, runRule } from './helpers.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import { rule as missingSuffix } from '../../src/rules/naming/missing-suffix-variable.js';
import { rule as nameWithoutSuffix } from '../../src/rules/naming/name-without-suffix.js';
import { rule as namesUniqueWithoutSuffixInput } from '../../src/rules/naming/names-unique-without-suffix-input.js';
import { rule as suffixInTfvars } from '../../src/rules/naming/suffix-fixed-in-tfvars.js';
import { rule as hardcodedEnv, derivesFromEnvironment } from '../../src/rules/naming/hardcoded-environment-name.js';
import { shadowedImports, rule as shadowedImport } from '../../src/rules/naming/ts-shadowed-import.js';
import { rule as useBeforeDeclaration } from '../../src/rules/syntax/ts-use-before-declaration.js';

test('missing-suffix-variable: names from project/environment, no suffix variable → one critical finding', () => {
  const hcl =
    'variable "project_name" {\n  default = "app"\n}\nvariable "environment" {\n  default = "dev"\n}\n' +
    'resource "aws_s3_bucket" "b" {\n  bucket = "${var.project_name}-${var.environment}-deployments"\n}\n' +
    'resource "aws_sqs_queue" "q" {\n  name = "${var.project_name}-queue"\n}\n';
  // The task asks for unique names per deployment: names built from inputs do not meet it.
  const f = runRule(missingSuffix, hcl, { prompt: 'Every resource name must include a unique suffix.' });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'critical');
  assert.match(f[0]!.message, /environment_suffix/);
  assert.equal(f[0]!.location.line, 7);
  // Names from inputs can differ between deployments: the message says what collides (the same inputs), not
  // that the stack can never be deployed twice.
  assert.match(f[0]!.message, /take their names from inputs other than a suffix/);
  // Without that in the prompt, names from inputs can already differ per deployment: the convention is the
  // observation check's, and missing-suffix-variable says nothing.
  assert.equal(runRule(missingSuffix, hcl).length, 0);
  const convention = runRule(namesUniqueWithoutSuffixInput, hcl);
  assert.equal(convention.length, 1);
  assert.match(convention[0]!.message, /take their names from inputs/);
  // Literal names collide whatever the prompt says.
  const literal = runRule(missingSuffix, 'resource "aws_sqs_queue" "q" {\n  name = "orders"\n}\n');
  assert.equal(literal.length, 1);
  assert.match(literal[0]!.message, /1 of them a fixed literal name \(first: aws_sqs_queue\.q\)/);
  assert.equal(runRule(namesUniqueWithoutSuffixInput, 'resource "aws_sqs_queue" "q" {\n  name = "orders"\n}\n').length, 0);
  // ... unless the prompt spells the name out: the task dictates it, so it is no collision the model made.
  const dictated = 'resource "aws_kms_alias" "cdn" {\n  name          = "alias/kms-publishing-cdn"\n  target_key_id = "k"\n}\n';
  assert.equal(runRule(missingSuffix, dictated, { prompt: 'Create alias kms-publishing-cdn for the key.' }).length, 0);
  const undictated = runRule(missingSuffix, dictated, { prompt: 'Create a KMS key with an alias.' });
  assert.equal(undictated.length, 1);
  assert.equal(undictated[0]!.resource, 'var.environment_suffix');
  assert.equal(undictated[0]!.location.line, 1);
});

test('missing-suffix-variable: a reference whose suffix may only be a listed environment adds no per-deployment part', () => {
  const hcl =
    'variable "environment" {\n  default = "dev"\n}\n' + 'resource "aws_sqs_queue" "q" {\n  name = "orders-${var.environment}"\n}\n';
  const prompt = 'Every resource name must include a unique suffix.';
  const enumerated =
    'variable "environment_suffix" {\n  default = "dev"\n  validation {\n    condition     = contains(["dev", "staging", "prod"], var.environment_suffix)\n    error_message = "env"\n  }\n}\n' +
    'resource "aws_sqs_queue" "q" {\n  name = "orders-${var.environment_suffix}"\n}\n';
  assert.equal(runRule(missingSuffix, hcl, { prompt, ideal: enumerated }).length, 0);
  // A free suffix in the reference: the model's names lack it.
  const free = enumerated.replace(/ {2}validation \{[^]*?\n {2}\}\n/, '');
  assert.deepEqual(runRule(missingSuffix, hcl, { prompt, ideal: free }).map((x) => [x.resource, x.location.line]), [['var.environment_suffix', 4]]);
  // Literal names collide whatever the reference's suffix is.
  assert.equal(runRule(missingSuffix, 'resource "aws_sqs_queue" "q" {\n  name = "orders"\n}\n', { prompt, ideal: enumerated }).length, 1);
});

test('missing-suffix-variable: declared suffix, or no named resources → nothing', () => {
  assert.equal(runRule(missingSuffix, 'variable "environment_suffix" {}\nresource "aws_sqs_queue" "q" {\n  name = "q-${var.environment_suffix}"\n}\n').length, 0);
  assert.equal(runRule(missingSuffix, 'resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\n').length, 0);
});

test('missing-suffix-variable: a differently named suffix input lowers severity; random-only names are the other check', () => {
  const f = runRule(missingSuffix, 'variable "env_suffix" {}\nresource "aws_sqs_queue" "q" {\n  name = "q-${var.env_suffix}"\n}\n');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'medium');
  assert.match(f[0]!.message, /env_suffix/);
  assert.equal(runRule(namesUniqueWithoutSuffixInput, 'variable "env_suffix" {}\nresource "aws_sqs_queue" "q" {\n  name = "q-${var.env_suffix}"\n}\n').length, 0);
  const randomHcl = 'resource "random_id" "r" {\n  byte_length = 4\n}\nresource "aws_sqs_queue" "q" {\n  name = "q-${random_id.r.hex}"\n}\n';
  assert.equal(runRule(missingSuffix, randomHcl).length, 0);
  const random = runRule(namesUniqueWithoutSuffixInput, randomHcl);
  assert.equal(random.length, 1);
  assert.equal(random[0]!.resource, 'var.environment_suffix');
  assert.equal(random[0]!.location.line, 4);
  assert.match(random[0]!.message, /random_id\.r\.hex/);
  assert.equal(runRule(namesUniqueWithoutSuffixInput, 'variable "environment_suffix" {}\nresource "aws_sqs_queue" "q" {\n  name = "q-${var.environment_suffix}"\n}\n').length, 0);
});

test('name-without-suffix: per resource whose name lacks the suffix', () => {
  const hcl =
    'variable "environment_suffix" {}\nvariable "project_name" {\n  default = "app"\n}\n' +
    'resource "aws_sqs_queue" "ok" {\n  name = "jobs-${var.environment_suffix}"\n}\n' +
    'resource "aws_sqs_queue" "bad" {\n  name = "${var.project_name}-jobs"\n}\n' +
    'resource "aws_dynamodb_table" "lit" {\n  name = "items"\n  hash_key = "id"\n}\n';
  const f = runRule(nameWithoutSuffix, hcl);
  assert.deepEqual(f.map((x) => x.resource).sort(), ['aws_dynamodb_table.lit', 'aws_sqs_queue.bad']);
  assert.ok(f.every((x) => x.severity === 'high'));
});

test('name-without-suffix: suffix through locals, derived names, prefixes and non-unique names are fine', () => {
  const hcl =
    'variable "environment_suffix" {}\n' +
    'locals {\n  suffix = var.environment_suffix\n  name_prefix = "app-${local.suffix}"\n}\n' +
    'resource "aws_sqs_queue" "a" {\n  name = "${local.name_prefix}-jobs"\n}\n' +
    'resource "aws_sqs_queue" "dlq" {\n  name = "${aws_sqs_queue.a.name}-dlq"\n}\n' +
    'resource "aws_iam_role" "r" {\n  name_prefix = "svc-"\n}\n' +
    'resource "aws_route53_record" "rec" {\n  name = "api"\n  type = "A"\n}\n' +
    'resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n  tags = { Name = "main" }\n}\n';
  assert.deepEqual(runRule(nameWithoutSuffix, hcl), []);
});

test('suffix-fixed-in-tfvars: a committed tfvars file fixes the suffix', () => {
  const f = runRule(suffixInTfvars, { 'lib/main.tf': 'variable "environment_suffix" {}\n', 'lib/dev.tfvars': 'environment = "dev"\nenvironment_suffix = "dev"\n' });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.category, 'naming');
  assert.equal(f[0]!.location.line, 2);
  assert.equal(runRule(suffixInTfvars, { 'lib/dev.tfvars': 'environment = "dev"\n' }).length, 0);
  assert.equal(runRule(suffixInTfvars, { 'lib/main.tf': 'locals {\n  environment_suffix = "x"\n}\n' }).length, 0);
});

test('hardcoded-environment-name: "production" in a stage name and an Environment tag while the stack takes the environment', () => {
  const hcl = [
    'variable "environment" {}',
    'resource "aws_api_gateway_stage" "api" {',
    '  stage_name = "production"',
    '}',
    'resource "aws_sqs_queue" "q" {',
    '  name = "jobs-${var.environment}"',
    '  tags = {',
    '    Environment = "prod"',
    '  }',
    '}',
  ].join('\n');
  const f = runRule(hardcodedEnv, hcl);
  assert.deepEqual(f.map((x) => x.resource).sort(), ['aws_api_gateway_stage.api', 'aws_sqs_queue.q']);
  assert.equal(f.find((x) => x.resource === 'aws_api_gateway_stage.api')!.location.line, 3);
  assert.match(f.find((x) => x.resource === 'aws_sqs_queue.q')!.message, /tags\.Environment hardcodes the environment "prod"/);
});

test('hardcoded-environment-name: no environment input, a file that never uses it, words that only contain an environment word, or a reference that hardcodes it too, are fine', () => {
  assert.equal(runRule(hardcodedEnv, 'resource "aws_api_gateway_stage" "api" {\n  stage_name = "production"\n}\n').length, 0);
  const stage = 'resource "aws_api_gateway_stage" "api" {\n  stage_name = "production"\n}\n';
  assert.equal(runRule(hardcodedEnv, { 'lib/variables.tf': 'variable "environment" {}\n', 'lib/api.tf': stage }).length, 0);
  const mixed = 'variable "environment" {}\nresource "aws_sqs_queue" "q" {\n  name = "q-${var.environment}"\n}\n' + stage;
  assert.equal(runRule(hardcodedEnv, mixed).length, 1);
  assert.equal(runRule(hardcodedEnv, mixed, { ideal: mixed }).length, 0);
  assert.equal(runRule(hardcodedEnv, 'variable "environment" {}\nresource "aws_sqs_queue" "q" {\n  name = "product-devices"\n}\n').length, 0);  // A template reads the environment input, not an object named like it (an API Gateway stage's name).
  assert.equal(derivesFromEnvironment('name: `api-${props.environmentSuffix}`'), true);
  assert.equal(derivesFromEnvironment('value: `https://${api.id}/${stage.stageName}/status`'), false);
  assert.equal(derivesFromEnvironment('bucket = "b-${var.environment}"'), true);
});

test('shadowedImports: a local named like an import is reported; distinct names are not', () => {
  const src = "import * as eip from '@cdktf/provider-aws/lib/eip';\nfunction f() {\n  const eip = 1;\n  return eip;\n}\n";
  assert.deepEqual(shadowedImports('lib/a.ts', src), [{ name: 'eip', line: 3, selfReference: false }]);
  assert.deepEqual(shadowedImports('lib/a.ts', src.replace('const eip = 1;\n  return eip;', 'const natEip = 1;\n  return natEip;')), []);
  // Read in its own initializer: the local, not the import (TS2448); a property named like it is not a read.
  const self = src.replace('const eip = 1;', "const eip = new eip.Eip(this, 'e', { domain: 'vpc' });");
  assert.deepEqual(shadowedImports('lib/a.ts', self), [{ name: 'eip', line: 3, selfReference: true }]);
  assert.equal(shadowedImports('lib/a.ts', src.replace('const eip = 1;', 'const eip = other.eip;'))[0]!.selfReference, false);
});

test('ts-use-before-declaration reports a local read in its own initializer; ts-shadowed-import keeps the shadowing that compiles', () => {
  const src = "import * as subnet from '@cdktf/provider-aws/lib/subnet';\nexport function f(scope: any) {\n  const subnet = new subnet.Subnet(scope, 's', {});\n  return subnet;\n}\n";
  const config = { ...configFromHcl({}), files: [{ path: 'lib/vpc.ts', language: 'ts', content: src }] };
  const run = (r: typeof useBeforeDeclaration) => runRulesDetailed([r], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings;
  const f = run(useBeforeDeclaration);
  assert.deepEqual(f.map((x) => [x.resource, x.location.file, x.location.line, x.category, x.severity]), [['lib/vpc.ts:subnet', 'lib/vpc.ts', 3, 'syntax', 'critical']]);
  assert.match(f[0]!.message, /TS2448/);
  assert.deepEqual(run(shadowedImport as typeof useBeforeDeclaration), []);
});

test('missing-suffix-variable: names made unique with uuid() are no collision (left to the convention observation)', () => {
  const tf = 'resource "aws_sns_topic" "alerts" {\n  name = "alerts-${substr(uuid(), 0, 8)}"\n}\nresource "aws_sqs_queue" "jobs" {\n  name = "jobs-${substr(uuid(), 0, 8)}"\n}\n';
  assert.deepEqual(runRule(missingSuffix, tf), []);
  assert.equal(runRule(missingSuffix, 'resource "aws_sns_topic" "alerts" {\n  name = "alerts"\n}\n').length, 1);
});

test('missing-suffix-variable: a literal name_prefix is no fixed name (Terraform makes it unique)', () => {
  const prefixed = 'resource "aws_s3_bucket" "logs" {\n  bucket_prefix = "app-logs-"\n}\n';
  assert.deepEqual(runRule(missingSuffix, prefixed), []);
  assert.deepEqual(runRule(missingSuffix, 'resource "aws_s3_bucket" "logs" {\n  bucket = "app-logs"\n}\n').map((x) => [x.resource, x.location.line]), [['var.environment_suffix', 1]]);
});

test('missing-suffix-variable: the ideal adds the suffix input and names have no per-deployment part → failure, citing those names', () => {
  const prompt = 'Create a bucket, a key pair and a security group for the web tier.';
  const model = [
    'variable "project" {\n  default = "web"\n}',
    'resource "aws_security_group" "web" {\n  name_prefix = "${var.project}-web-"\n}',
    'resource "aws_key_pair" "main" {\n  key_name   = "${var.project}-key"\n  public_key = "ssh-ed25519 AAAA"\n}',
    'resource "random_id" "r" {\n  byte_length = 4\n}',
    'resource "aws_s3_bucket" "data" {\n  bucket = "${var.project}-${random_id.r.hex}"\n}',
  ].join('\n');
  const ideal = 'variable "environment_suffix" {\n  type = string\n}\nresource "aws_key_pair" "main" {\n  key_name = "web-key-${var.environment_suffix}"\n}\n';
  const f = runRule(missingSuffix, model, { prompt, ideal });
  // The key pair (line 7) collides; the security group's prefix and the bucket's random part do not.
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.severity]), [['var.environment_suffix', 7, 'high']]);
  assert.match(f[0]!.message, /1 of 3 named resources \(first: aws_key_pair\.main\) have no per-deployment part/);
  // The same code without the ideal's suffix: the convention only, an observation of the other check.
  assert.equal(runRule(missingSuffix, model, { prompt }).length, 0);
  const convention = runRule(namesUniqueWithoutSuffixInput, model, { prompt });
  assert.equal(convention.length, 1);
  assert.match(convention[0]!.message, /2 of 3 named resources are made unique with `random_id\.r\.hex`/);
  assert.equal(runRule(namesUniqueWithoutSuffixInput, model, { prompt, ideal }).length, 0);
});

test('missing-suffix-variable: names from inputs, the ideal adds the suffix → failure citing a name without a prefix', () => {
  const model = 'variable "project" {\n  default = "web"\n}\nresource "aws_security_group" "web" {\n  name_prefix = "${var.project}-"\n}\nresource "aws_iam_role" "app" {\n  name               = "${var.project}-app"\n  assume_role_policy = "{}"\n}\n';
  const ideal = 'variable "environment_suffix" {\n  type = string\n}\nresource "aws_iam_role" "app" {\n  name = "app-${var.environment_suffix}"\n}\n';
  // A suffix the ideal declares but puts in no name (tags, the state key) leaves its names as fixed as the model's.
  assert.equal(runRule(missingSuffix, model, { prompt: 'A role for the app.', ideal: 'variable "environment_suffix" {\n  type = string\n}\n' }).length, 0);
  const f = runRule(missingSuffix, model, { prompt: 'A role for the app.', ideal });
  assert.deepEqual(f.map((x) => [x.location.line, x.severity]), [[7, 'critical']]);
  assert.match(f[0]!.message, /1 named resources \(first: aws_iam_role\.app\) take their names from inputs/);
});

test('missing-suffix-variable: names that carry the environment input (directly or through a local) are the convention unless the task asks for a suffix', () => {
  const ideal = 'variable "environment_suffix" {\n  type = string\n}\nresource "aws_iam_role" "app" {\n  name = "app-${var.environment_suffix}"\n}\n';
  const prompt = 'A role and a queue for the app.';
  const viaLocal = [
    'variable "project" {\n  default = "web"\n}',
    'variable "environment" {\n  default = "dev"\n}',
    'locals {\n  base        = "${var.project}-${var.environment}"\n  name_prefix = "${local.base}-app"\n}',
    'resource "aws_iam_role" "app" {\n  name               = "${local.name_prefix}-role"\n  assume_role_policy = "{}"\n}',
    'resource "aws_sqs_queue" "q" {\n  name = "${var.project}-${terraform.workspace}-q"\n}',
  ].join('\n');
  assert.deepEqual(runRule(missingSuffix, viaLocal, { prompt, ideal }), []);
  assert.equal(runRule(namesUniqueWithoutSuffixInput, viaLocal, { prompt, ideal }).length, 1);
  // A task that asks for a suffix: the missing input is the failure again.
  assert.equal(runRule(missingSuffix, viaLocal, { prompt: 'Every resource name must include an environment suffix.', ideal }).length, 1);
  // One name from the project input alone collides on a second deployment of the same environment.
  const projectOnly = `${viaLocal}\nresource "aws_sns_topic" "t" {\n  name = "\${var.project}-alerts"\n}\n`;
  const f = runRule(missingSuffix, projectOnly, { prompt, ideal });
  assert.deepEqual(f.map((x) => [x.resource, x.severity]), [['var.environment_suffix', 'critical']]);
});

test('missing-suffix-variable: a security group in a VPC the stack creates collides with nothing; one in a given VPC does', () => {
  const vpc = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n';
  const sg = (vpcId: string) => `resource "aws_security_group" "web" {\n  name   = "MyApp-SG-Public"\n  vpc_id = ${vpcId}\n}\n`;
  assert.deepEqual(runRule(missingSuffix, `${vpc}${sg('aws_vpc.main.id')}`, { prompt: 'A VPC with a web security group.' }), []);
  const given = runRule(missingSuffix, `variable "vpc_id" {\n  type = string\n}\n${sg('var.vpc_id')}`, { prompt: 'A web security group in the given VPC.' });
  assert.deepEqual(given.map((x) => [x.resource, x.location.line]), [['var.environment_suffix', 4]]);
});

test('name-changes-every-run: a name built from the clock or a random number of the program, not from state', async () => {
  const { rule: perRun } = await import('../../src/rules/naming/name-changes-every-run.js');
  const tf =
    'resource "aws_s3_bucket" "logs" {\n  bucket = "logs-${timestamp()}"\n}\n' +
    'resource "aws_iam_role" "app" {\n  name = "app-${uuid()}"\n  lifecycle {\n    ignore_changes = [name]\n  }\n}\n' +
    'resource "random_id" "s" {\n  byte_length = 4\n}\n' +
    'resource "aws_s3_bucket" "data" {\n  bucket = "data-${random_id.s.hex}"\n}\n' +
    'resource "aws_db_instance" "db" {\n  identifier                = "db"\n  final_snapshot_identifier = "db-final-${timestamp()}"\n}\n';
  const f = runRule(perRun, tf);
  // The role ignores its name after creation; the data bucket's suffix is kept in state; a final snapshot name is no name.
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_s3_bucket.logs', 2]]);
  assert.match(f[0]!.message, /built from timestamp\(\)/);
});

test('name-changes-every-run: Date.now() and Math.random() in a CDKTF name change on every synth', async () => {
  const { rule: perRun } = await import('../../src/rules/naming/name-changes-every-run.js');
  const { runCdktfRule } = await import('./helpers.js');
  const ts = [
    "import { Construct } from 'constructs';",
    "import { TerraformStack } from 'cdktf';",
    "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';",
    'export class TapStack extends TerraformStack {',
    '  constructor(scope: Construct, id: string, suffix: string) {',
    '    super(scope, id);',
    "    new S3Bucket(this, 'assets', { bucket: `assets-${Date.now()}` });",
    "    new S3Bucket(this, 'logs', { bucket: `logs-${Math.random().toString(36).substring(7)}` });",
    "    new S3Bucket(this, 'data', { bucket: `data-${suffix}` });",
    '  }',
    '}',
  ].join('\n');
  const f = runCdktfRule(perRun, ts);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_s3_bucket.assets', 7], ['aws_s3_bucket.logs', 8]]);
  assert.match(f[0]!.message, /Date\.now\(\)/);
});

test('missing-suffix-variable on CDKTF: names from the stack inputs are the convention unless the task asks for a suffix; fixed names collide', async () => {
  const { parseCdktfFiles } = await import('../../src/cdktf/index.js');
  const stack = (bucket: string) =>
    [
      "import { TerraformStack } from 'cdktf';",
      "import { Construct } from 'constructs';",
      "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';",
      "import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';",
      'export class AppStack extends TerraformStack {',
      '  constructor(scope: Construct, id: string, props: { environment: string }) {',
      '    super(scope, id);',
      `    new S3Bucket(this, 'docs', { bucket: ${bucket} });`,
      "    new SqsQueue(this, 'jobs', { name: `${props.environment}-jobs` });",
      '  }',
      '}',
    ].join('\n');
  const ideal = parseCdktfFiles([{ path: 'lib/tap-stack.ts', language: 'ts', content: stack('`docs-${props.environment}`').replaceAll('environment', 'environmentSuffix') }]);
  const run = (rule: typeof missingSuffix, bucket: string, prompt: string) =>
    runRulesDetailed([rule], parseCdktfFiles([{ path: 'lib/tap-stack.ts', language: 'ts', content: stack(bucket) }]), makeTask({ platform: 'cdktf-ts', prompt }), DEFAULT_CONVENTIONS, ideal).findings;
  const fromInputs = '`docs-${props.environment}`';
  assert.deepEqual(run(missingSuffix, fromInputs, 'Create a document bucket and a job queue.'), []);
  assert.deepEqual(run(namesUniqueWithoutSuffixInput, fromInputs, 'Create a document bucket and a job queue.').map((f) => f.resource), ['var.environmentSuffix']);
  // The task asks for a suffix: the names from other inputs do not meet it.
  assert.equal(run(missingSuffix, fromInputs, 'Every resource name must include the environmentSuffix.').length, 1);
  // A fixed name collides on the second deployment, whatever the task says.
  assert.equal(run(missingSuffix, "'company-docs'", 'Create a document bucket and a job queue.').length, 1);
});
