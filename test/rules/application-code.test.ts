import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configFromHcl, makeTask, runRule } from './helpers.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/rules/conventions.js';
import { rule } from '../../src/rules/application-code/lambda-tracing-without-xray-sdk.js';

const tf = `
data "archive_file" "api" {
  type        = "zip"
  source_dir  = "\${path.module}/lambda"
  output_path = "\${path.module}/api.zip"
}
resource "aws_lambda_function" "api" {
  function_name    = "api"
  filename         = data.archive_file.api.output_path
  source_code_hash = data.archive_file.api.output_base64sha256
  role             = aws_iam_role.r.arn
  handler          = "handler.handler"
  runtime          = "python3.12"
  tracing_config {
    mode = "Active"
  }
}`;

const plain = { path: 'lib/lambda/handler.py', language: 'py', content: 'import json\n\ndef handler(event, context):\n    return {"statusCode": 200}\n' };
const traced = {
  path: 'lib/lambda/handler.py',
  language: 'py',
  content: 'from aws_xray_sdk.core import xray_recorder, patch_all\npatch_all()\n\ndef handler(event, context):\n    return {}\n',
};

test('lambda-tracing-without-xray-sdk fires when active tracing meets uninstrumented handler code', () => {
  const findings = runRule(rule, tf, { extraFiles: [plain] });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_lambda_function.api');
});

test('lambda-tracing-without-xray-sdk is quiet with the SDK, without code, or without active tracing', () => {
  assert.deepEqual(runRule(rule, tf, { extraFiles: [traced] }), []);
  assert.deepEqual(runRule(rule, tf), []);
  assert.deepEqual(runRule(rule, tf.replace('"Active"', '"PassThrough"'), { extraFiles: [plain] }), []);
});

test('lambda-tracing-without-xray-sdk reads handler code embedded in the HCL files', () => {
  const findings = runRule(rule, {
    'lib/main.tf': tf,
    'lib/lambda/handler.py': plain.content,
  });
  assert.equal(findings.length, 1);
});

test('lambda-tracing-without-xray-sdk judges the model by its own files, not the corrected code in the task folder', () => {
  const files = { 'lib/main.tf': tf, 'lib/lambda/handler.py': plain.content };
  const config = configFromHcl(files);
  for (const f of config.files) f.markdownPath = 'lib/MODEL_RESPONSE.md';
  // The folder's (corrected) code sits next to the handler and imports the SDK; it must not count for the model.
  const task = makeTask({ extraFiles: [{ ...traced, path: 'lib/lambda/tracing_setup.py' }] });
  task.model = { origin: 'lib/MODEL_RESPONSE.md', files: config.files, warnings: [] };
  const { findings } = runRulesDetailed([rule], config, task, DEFAULT_CONVENTIONS);
  assert.equal(findings.length, 1);
});

test('lambda-tracing-without-xray-sdk follows a conditional tracing mode through the flag default', () => {
  const conditional = tf.replace('mode = "Active"', 'mode = var.enable_xray ? "Active" : "PassThrough"');
  const on = `${conditional}\nvariable "enable_xray" {\n  default = true\n}`;
  const off = `${conditional}\nvariable "enable_xray" {\n  default = false\n}`;
  assert.equal(runRule(rule, on, { extraFiles: [plain] }).length, 1);
  assert.deepEqual(runRule(rule, off, { extraFiles: [plain] }), []);
});

import { rule as envVarNotSet } from '../../src/rules/application-code/lambda-env-var-not-set.js';
import { rule as noErrorHandling } from '../../src/rules/application-code/handler-without-error-handling.js';
import { rule as packageMissing } from '../../src/rules/application-code/lambda-package-missing.js';
import { rule as noSourceHash } from '../../src/rules/application-code/lambda-without-source-code-hash.js';

const envFn = (vars: string): string => `
data "archive_file" "api" {
  type        = "zip"
  source_dir  = "\${path.module}/lambda"
  output_path = "\${path.module}/api.zip"
}
resource "aws_lambda_function" "api" {
  function_name    = "api"
  filename         = data.archive_file.api.output_path
  source_code_hash = data.archive_file.api.output_base64sha256
  handler          = "handler.handler"
  runtime          = "python3.12"
  environment {
    variables = {
      ${vars}
    }
  }
}`;

const reader = {
  path: 'lib/lambda/handler.py',
  language: 'py',
  content: 'import os\nimport boto3\nTABLE = os.environ["TABLE_NAME"]\nREGION = os.environ["AWS_REGION"]\nLEVEL = os.environ.get("LEVEL", "INFO")\n\ndef handler(event, context):\n    try:\n        boto3.resource("dynamodb").Table(TABLE).put_item(Item=event)\n    except Exception:\n        raise\n',
};

test('lambda-env-var-not-set fires when the handler reads a variable the function does not set', () => {
  const findings = runRule(envVarNotSet, envFn('OTHER = "x"'), { extraFiles: [reader] });
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /TABLE_NAME/);
  assert.doesNotMatch(findings[0]!.message, /AWS_REGION|LEVEL/);
});

test('lambda-env-var-not-set is quiet when the variable is set or the map is not written out', () => {
  assert.deepEqual(runRule(envVarNotSet, envFn('TABLE_NAME = aws_dynamodb_table.t.name'), { extraFiles: [reader] }), []);
  const merged = envFn('').replace(/variables = \{[^}]*\}/, 'variables = merge(local.env, {})');
  assert.deepEqual(runRule(envVarNotSet, merged, { extraFiles: [reader] }), []);
});

test('handler-without-error-handling fires on SDK calls without try, not with one', () => {
  const bare = { path: 'lib/lambda/app.js', language: 'js', content: 'const { S3Client, PutObjectCommand } = require("@aws-sdk/client-s3");\nexports.handler = async (e) => { await new S3Client({}).send(new PutObjectCommand({})); };\n' };
  assert.equal(runRule(noErrorHandling, 'resource "aws_s3_bucket" "b" {}', { extraFiles: [bare] }).length, 1);
  assert.deepEqual(runRule(noErrorHandling, 'resource "aws_s3_bucket" "b" {}', { extraFiles: [reader] }), []);
  const noSdk = { path: 'lib/lambda/pure.py', language: 'py', content: 'def handler(event, context):\n    return {"statusCode": 200}\n' };
  assert.deepEqual(runRule(noErrorHandling, 'resource "aws_s3_bucket" "b" {}', { extraFiles: [noSdk] }), []);
});

test('lambda-package-missing fires on a zip nothing builds', () => {
  const tf = `
resource "aws_lambda_function" "fn" {
  function_name    = "fn"
  filename         = "\${path.module}/function.zip"
  source_code_hash = filebase64sha256("\${path.module}/function.zip")
}`;
  assert.equal(runRule(packageMissing, tf).length, 1);
  const built = `${tf}
data "archive_file" "fn" {
  type        = "zip"
  source_dir  = "\${path.module}/src"
  output_path = "\${path.module}/function.zip"
}`;
  assert.deepEqual(runRule(packageMissing, built), []);
  assert.deepEqual(runRule(packageMissing, envFn('A = "b"')), []);
});

test('lambda-without-source-code-hash fires on filename without source_code_hash', () => {
  const tf = `
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  filename      = data.archive_file.fn.output_path
}`;
  assert.equal(runRule(noSourceHash, tf).length, 1);
  assert.deepEqual(runRule(noSourceHash, envFn('A = "b"')), []);
  assert.deepEqual(runRule(noSourceHash, 'resource "aws_lambda_function" "img" {\n  function_name = "img"\n  image_uri     = "x"\n}'), []);
});
