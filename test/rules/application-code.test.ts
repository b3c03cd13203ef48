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
