import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as providerOutside } from '../../src/rules/file-layout/provider-outside-provider-file.js';
import { rule as lambdaOutside } from '../../src/rules/file-layout/lambda-code-outside-lambda-dir.js';
import { rule as singleFile } from '../../src/rules/file-layout/single-file-stack.js';
import { rule as providerRequirement } from '../../src/rules/provider-version/provider-requirement-missing.js';

const PROVIDER = 'terraform {\n  required_version = ">= 1.5"\n}\n\nprovider "aws" {\n  region = var.aws_region\n}\n';

test('provider-outside-provider-file: provider and terraform blocks in main.tf', () => {
  const f = runRule(providerOutside, { 'lib/main.tf': PROVIDER + 'resource "aws_sqs_queue" "q" {}\n', 'lib/variables.tf': 'variable "aws_region" {}\n' });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.category, 'file-layout');
  assert.equal(f[0]!.location.file, 'lib/main.tf');
  assert.match(f[0]!.message, /provider "aws"/);
  assert.match(f[0]!.message, /terraform/);
});

test('provider-outside-provider-file: blocks in provider.tf are fine; the file name is configurable', () => {
  assert.equal(runRule(providerOutside, { 'lib/provider.tf': PROVIDER, 'lib/main.tf': 'resource "aws_sqs_queue" "q" {}\n' }).length, 0);
  assert.equal(runRule(providerOutside, { 'lib/providers.tf': PROVIDER }, { conventions: { providerFile: 'providers.tf' } }).length, 0);
  assert.equal(runRule(providerOutside, { 'lib/providers.tf': PROVIDER }).length, 1);
});

test('lambda-code-outside-lambda-dir: archive_file source_file at the module root', () => {
  const f = runRule(
    lambdaOutside,
    'data "archive_file" "fn" {\n  type        = "zip"\n  source_file = "${path.module}/lambda_function.py"\n  output_path = "${path.module}/fn.zip"\n}\n',
  );
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'data.archive_file.fn');
  assert.match(f[0]!.message, /lib\/lambda_function\.py/);
});

test('lambda-code-outside-lambda-dir: source_dir under lib/lambda, and zip filenames, are fine', () => {
  const ok = runRule(
    lambdaOutside,
    'data "archive_file" "fn" {\n  type        = "zip"\n  source_dir  = "${path.module}/lambda"\n  output_path = "${path.module}/fn.zip"\n}\n' +
      'resource "aws_lambda_function" "f" {\n  filename = data.archive_file.fn.output_path\n}\n' +
      'resource "aws_lambda_function" "g" {\n  filename = "${path.module}/build.zip"\n}\n',
  );
  assert.deepEqual(ok, []);
  const nested = runRule(lambdaOutside, 'data "archive_file" "fn" {\n  type = "zip"\n  source_file = "lambda/handlers/app.py"\n  output_path = "x.zip"\n}\n');
  assert.deepEqual(nested, []);
  const src = runRule(lambdaOutside, 'data "archive_file" "fn" {\n  type = "zip"\n  source_dir = "${path.module}/src"\n  output_path = "x.zip"\n}\n');
  assert.equal(src.length, 1);
});

function manyResources(n: number): string {
  return Array.from({ length: n }, (_, i) => `resource "aws_sqs_queue" "q${i}" {\n  name = "q${i}"\n}\n`).join('');
}

test('single-file-stack: many resources in one file (low)', () => {
  const f = runRule(singleFile, { 'lib/provider.tf': PROVIDER, 'lib/main.tf': manyResources(16) });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'low');
});

test('single-file-stack: split files, small stacks, or a prompt asking for one file are fine', () => {
  assert.equal(runRule(singleFile, { 'lib/main.tf': manyResources(8), 'lib/queues.tf': manyResources(8).replace(/q(\d)/g, 'r$1') }).length, 0);
  assert.equal(runRule(singleFile, { 'lib/main.tf': manyResources(5) }).length, 0);
  assert.equal(runRule(singleFile, { 'lib/main.tf': manyResources(16) }, { prompt: 'Put all resources in a single file named tap_stack.tf.' }).length, 0);
});

test('lambda-code-outside-lambda-dir: inline source blocks name files inside the zip, not on disk', () => {
  const hcl = 'data "archive_file" "fn" {\n  type = "zip"\n  output_path = "fn.zip"\n  source {\n    content  = "def handler(e, c): pass"\n    filename = "index.py"\n  }\n}\n';
  assert.deepEqual(runRule(lambdaOutside, hcl), []);
});

test('provider-outside-provider-file: child modules and unnamed extracted files are not judged', () => {
  assert.deepEqual(runRule(providerOutside, { 'lib/modules/net/versions.tf': PROVIDER, 'lib/unnamed-1.tf': PROVIDER }), []);
});

test('provider-outside-provider-file: an unnamed file with provider and resources is the stack, not a provider file', () => {
  const f = runRule(providerOutside, { 'lib/unnamed-1.tf': PROVIDER + 'resource "aws_sqs_queue" "q" {}\n' });
  assert.equal(f.length, 1);
  assert.equal(runRule(providerOutside, { 'lib/unnamed-1.tf': PROVIDER, 'lib/main.tf': 'resource "aws_sqs_queue" "q" {}\n' }).length, 0);
});

const RANDOM = 'resource "random_id" "suffix" {\n  byte_length = 4\n}\nresource "aws_sqs_queue" "q" {\n  name = "q-${random_id.suffix.hex}"\n}\n';
const REQUIRED_AWS = 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n';

test('provider-requirement-missing: random resources with required_providers declaring only aws', () => {
  const f = runRule(providerRequirement, { 'lib/provider.tf': REQUIRED_AWS, 'lib/main.tf': RANDOM });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.category, 'provider-version');
  assert.equal(f[0]!.resource, 'provider:random');
  assert.equal(f[0]!.location.file, 'lib/provider.tf');
});

test('provider-requirement-missing: declared providers, or no provider file and no reference, are fine; the reference tells what the project file needs', () => {
  const both = REQUIRED_AWS.replace('    aws = {', '    random = {\n      source = "hashicorp/random"\n    }\n    aws = {');
  assert.equal(runRule(providerRequirement, { 'lib/provider.tf': both, 'lib/main.tf': RANDOM }).length, 0);
  assert.equal(runRule(providerRequirement, { 'lib/main.tf': RANDOM }).length, 0);
  const f = runRule(providerRequirement, { 'lib/main.tf': RANDOM }, { ideal: { 'lib/provider.tf': both, 'lib/main.tf': RANDOM } });
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /reference/);
});

test('provider-requirement-missing: with a reference, only providers the reference declares count', () => {
  assert.equal(runRule(providerRequirement, { 'lib/provider.tf': REQUIRED_AWS, 'lib/main.tf': RANDOM }, { ideal: { 'lib/provider.tf': REQUIRED_AWS, 'lib/main.tf': RANDOM } }).length, 0);
});

test('provider-outside-provider-file: low when the prompt asks for one file, high when it also keeps the provider elsewhere', () => {
  const tf = { 'lib/main.tf': 'provider "aws" {\n  region = "us-east-1"\n}\nresource "aws_s3_bucket" "b" {}\n' };
  const single = runRule(providerOutside, tf, { prompt: 'Deliver the whole stack as a single `main.tf` file.' });
  assert.equal(single[0]!.severity, 'low');
  const kept = runRule(providerOutside, tf, { prompt: 'Deliver a single main.tf file; I already have a provider.tf.' });
  assert.equal(kept[0]!.severity, 'high');
  assert.equal(runRule(providerOutside, tf, { prompt: 'Build an S3 bucket.' })[0]!.severity, 'high');
});
