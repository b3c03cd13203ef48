import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configFromHcl, makeTask, runRule } from './helpers.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import type { SourceFile } from '../../src/model/types.js';
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

test('lambda-env-var-not-set: a resource variable read with an empty fallback and never set is reported; a tuning default is not', () => {
  const notifier = {
    path: 'lib/lambda/handler.py',
    language: 'py',
    content: 'import os\nTOPIC = os.environ.get("SNS_TOPIC_ARN", "")\nLEVEL = os.environ.get("LOG_LEVEL_NAME", "")\nRETRIES = os.getenv("MAX_RETRIES", "")\n\ndef handler(event, context):\n    if TOPIC:\n        pass\n',
  };
  const f = runRule(envVarNotSet, envFn('OTHER = "x"'), { extraFiles: [notifier] });
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_lambda_function.api', 7]]);
  assert.match(f[0]!.message, /reads SNS_TOPIC_ARN with an empty fallback and no value set/);
  assert.doesNotMatch(f[0]!.message, /MAX_RETRIES|LOG_LEVEL_NAME/);
  assert.deepEqual(runRule(envVarNotSet, envFn('SNS_TOPIC_ARN = aws_sns_topic.alerts.arn'), { extraFiles: [notifier] }), []);
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

test('lambda-package-missing: a later cut-off copy of the file that packages the zip counts', () => {
  const tf = 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  filename      = "${path.module}/function.zip"\n}\n';
  const origin = 'lib/MODEL_RESPONSE.md';
  const files = [{ path: 'lib/main.tf', language: 'hcl', content: tf, markdownPath: origin }];
  const hint = { path: 'lib/main.tf', language: 'hcl', content: 'data "archive_file" "fn" {\n  type        = "zip"\n  output_path = "${path.module}/function.zip"\n}\nresource "aws_lambda_function" "fn" {\n  function_name = "fn"\n' };
  const run = (hints: SourceFile[]) =>
    runRulesDetailed([packageMissing], { ...configFromHcl(tf), files }, makeTask({ modelResponse: { origin, markdown: '', files, warnings: [], hints } }), DEFAULT_CONVENTIONS).findings;
  assert.deepEqual(run([]).map((x) => [x.resource, x.location.line]), [['aws_lambda_function.fn', 1]]);
  assert.deepEqual(run([hint]), []);
});

test('lambda-package-missing: a manual shell step of the response that zips the named file is named in the message (an unattended apply still fails)', () => {
  const tf = 'resource "aws_lambda_function" "fn" {\n  function_name = "fn"\n  filename      = "${path.module}/lambda1.zip"\n}\n';
  const origin = 'lib/MODEL_RESPONSE.md';
  const files = [{ path: 'lib/main.tf', language: 'hcl', content: tf, markdownPath: origin }];
  const run = (markdown: string) =>
    runRulesDetailed([packageMissing], { ...configFromHcl(tf), files }, makeTask({ modelResponse: { origin, markdown, files, warnings: [] } }), DEFAULT_CONVENTIONS).findings;
  const manual = run('## Deploy\n\n```bash\ncd lambda && zip lambda1.zip lambda1.js\n```\n');
  assert.deepEqual(manual.map((x) => [x.resource, x.location.line]), [['aws_lambda_function.fn', 1]]);
  assert.match(manual[0]!.message, /only a manual shell step of the response makes \(`cd lambda && zip lambda1\.zip lambda1\.js`\)/);
  assert.match(run('1. `zip -r ../lambda1.zip .`\n')[0]!.message, /manual shell step .*`zip -r \.\.\/lambda1\.zip \.`/);
  // Another zip, or a sentence that only talks about zipping, is no build step at all.
  assert.match(run('```bash\nzip other.zip index.js\n```\n')[0]!.message, /which no archive_file or build step in the response produces/);
  assert.match(run('Package the code as a zip named lambda1.zip before deploying.\n')[0]!.message, /which no archive_file or build step in the response produces/);
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

import { rule as handlerMismatch } from '../../src/rules/application-code/lambda-handler-file-mismatch.js';
import { rule as withoutPackage } from '../../src/rules/application-code/lambda-function-without-package.js';

const mismatchTf = (handler: string): string => `data "archive_file" "billing" {
  type        = "zip"
  source_file = "\${path.module}/src/billing_worker.py"
  output_path = "\${path.module}/billing.zip"
}
resource "aws_lambda_function" "billing" {
  function_name    = "billing"
  filename         = data.archive_file.billing.output_path
  source_code_hash = data.archive_file.billing.output_base64sha256
  role             = aws_iam_role.r.arn
  handler          = "${handler}"
  runtime          = "python3.12"
}`;
const billingCode = { path: 'lib/src/billing_worker.py', language: 'py', content: 'def run(event, context):\n    return {"ok": True}\n' };

test('lambda-handler-file-mismatch fires when the handler module is not the packaged file', () => {
  const findings = runRule(handlerMismatch, mismatchTf('billing.run'), { extraFiles: [billingCode] });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_lambda_function.billing');
});

test('lambda-handler-file-mismatch follows for_each maps of handlers and local_file sources', () => {
  const tf = `locals {
  workers = {
    a = { handler = "alpha.main", file = "alpha_worker.py" }
  }
}
resource "local_file" "alpha" {
  filename = "\${path.module}/alpha_worker.py"
  content  = "def main(event, context):\\n    return 1\\n"
}
data "archive_file" "w" {
  for_each    = local.workers
  type        = "zip"
  source_file = "\${path.module}/\${each.value.file}"
  output_path = "\${path.module}/\${each.key}.zip"
}
resource "aws_lambda_function" "w" {
  for_each      = local.workers
  function_name = each.key
  filename      = data.archive_file.w[each.key].output_path
  handler       = each.value.handler
  runtime       = "python3.12"
  role          = "arn:aws:iam::123456789012:role/x"
}`;
  assert.equal(runRule(handlerMismatch, tf).length, 1);
  assert.deepEqual(runRule(handlerMismatch, tf.replace('"alpha.main"', '"alpha_worker.main"')), []);
});

test('lambda-handler-file-mismatch is quiet when names agree or the package contents are unknown', () => {
  assert.deepEqual(runRule(handlerMismatch, mismatchTf('billing_worker.run'), { extraFiles: [billingCode] }), []);
  // A zipped directory the response does not show may hold a billing.py.
  const dirPackage = mismatchTf('billing.run').replace('source_file = "${path.module}/src/billing_worker.py"', 'source_dir  = "${path.module}/build"');
  assert.deepEqual(runRule(handlerMismatch, dirPackage, { extraFiles: [billingCode] }), []);
  const prebuilt = 'resource "aws_lambda_function" "f" {\n  filename = "prebuilt.zip"\n  handler  = "main.handler"\n  runtime  = "nodejs20.x"\n}';
  assert.deepEqual(runRule(handlerMismatch, prebuilt, { extraFiles: [billingCode] }), []);
});

test('lambda-function-without-package fires when no code source is set', () => {
  const tf = `resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = "arn:aws:iam::123456789012:role/x"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  code {
    zip_file = "exports.handler = async () => ({})"
  }
}`;
  const findings = runRule(withoutPackage, tf);
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /CDK/);
});

test('lambda-function-without-package is quiet with filename, s3_bucket or image_uri', () => {
  const base = 'function_name = "f"\n  role = "arn:aws:iam::123456789012:role/x"';
  assert.deepEqual(runRule(withoutPackage, `resource "aws_lambda_function" "f" {\n  ${base}\n  filename = "f.zip"\n}`), []);
  assert.deepEqual(runRule(withoutPackage, `resource "aws_lambda_function" "f" {\n  ${base}\n  s3_bucket = "artifacts"\n  s3_key = "f.zip"\n}`), []);
  assert.deepEqual(runRule(withoutPackage, `resource "aws_lambda_function" "f" {\n  ${base}\n  package_type = "Image"\n  image_uri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/f:1"\n}`), []);
});

import { rule as depNotBundled } from '../../src/rules/application-code/lambda-dependency-not-bundled.js';

const depTf = `data "archive_file" "scan" {
  type        = "zip"
  source_file = "\${path.module}/scan/main.py"
  output_path = "\${path.module}/scan.zip"
}
resource "aws_lambda_function" "scan" {
  function_name = "scan"
  filename      = data.archive_file.scan.output_path
  handler       = "main.handler"
  runtime       = "python3.12"
  role          = "arn:aws:iam::123456789012:role/x"
}`;
const withRequests = { 'lib/main.tf': depTf, 'lib/scan/main.py': 'import json\nimport requests\n\ndef handler(event, context):\n    return requests.get(event["url"]).status_code\n' };
const stdlibOnly = { 'lib/main.tf': depTf, 'lib/scan/main.py': 'import json\nimport urllib.request\n\ndef handler(event, context):\n    return urllib.request.urlopen(event["url"]).status\n' };

test('lambda-dependency-not-bundled fires on an unbundled third-party import the reference does without', () => {
  const findings = runRule(depNotBundled, withRequests, { ideal: stdlibOnly });
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /requests/);
});

test('lambda-dependency-not-bundled is quiet with a manifest, a layer, stdlib-only code, or no reference', () => {
  assert.deepEqual(runRule(depNotBundled, { ...withRequests, 'lib/scan/requirements.txt': 'requests==2.32.3\n' }, { ideal: stdlibOnly }), []);
  assert.deepEqual(runRule(depNotBundled, { ...withRequests, 'lib/main.tf': depTf.replace('runtime       = "python3.12"', 'runtime = "python3.12"\n  layers = ["arn:aws:lambda:us-east-1:123456789012:layer:deps:1"]') }, { ideal: stdlibOnly }), []);
  assert.deepEqual(runRule(depNotBundled, stdlibOnly, { ideal: stdlibOnly }), []);
  assert.deepEqual(runRule(depNotBundled, withRequests), []);
  assert.deepEqual(runRule(depNotBundled, withRequests, { ideal: withRequests }), []);
});

test('lambda-dependency-not-bundled: build commands in the answer\'s prose bundle the dependencies', () => {
  const origin = 'lib/MODEL_RESPONSE.md';
  const files = Object.entries(withRequests).map(([path, content]) => ({ path, language: path.endsWith('.py') ? 'python' : 'hcl', content, markdownPath: origin }));
  const run = (markdown: string) =>
    runRulesDetailed([depNotBundled], { ...configFromHcl(withRequests), files }, makeTask({ modelResponse: { origin, markdown, files, warnings: [] } }), DEFAULT_CONVENTIONS, configFromHcl(stdlibOnly)).findings;
  const steps = '## Deploy\n\n1. Package the function:\n   pip install requests -t scan/\n   zip -r scan.zip scan/\n';
  assert.deepEqual(run(steps), []);
  assert.deepEqual(run('## Deploy\n\nRun terraform apply.\n').map((x) => [x.resource, x.location.line]), [['aws_lambda_function.scan', 6]]);
});

test('jsThirdPartyImports skips built-ins, relative paths and the runtime SDK', async () => {
  const { jsThirdPartyImports } = await import('../../src/rules/util/app-deps.js');
  const code = "const fs = require('fs');\nconst { v4 } = require('uuid');\nimport { S3Client } from '@aws-sdk/client-s3';\nimport x from './local.js';\nimport { randomUUID } from 'node:crypto';";
  assert.deepEqual(jsThirdPartyImports(code, 20), ['uuid']);
  assert.deepEqual(jsThirdPartyImports(code, 16), ['@aws-sdk/client-s3', 'uuid']);
});

import { rule as archiveSourceMissing } from '../../src/rules/application-code/archive-source-missing.js';
import { runModelAnswerRule } from './helpers.js';
import type { FenceDecision } from '../../src/contracts/task.js';

const modelRun = runModelAnswerRule;

test('archive-source-missing: an archive of a file or folder the response never provides stops the plan', () => {
  const archive = 'data "archive_file" "fn" {\n  type        = "zip"\n  source_file = "${path.module}/lambda/handler.py"\n  output_path = "${path.module}/fn.zip"\n}\n';
  const missing = modelRun(archiveSourceMissing, { 'lib/main.tf': archive });
  assert.equal(missing.length, 1);
  assert.equal(missing[0]!.resource, 'data.archive_file.fn');
  assert.equal(missing[0]!.location.line, 1);
  assert.match(missing[0]!.message, /zips `lambda\/handler\.py`, which the response never provides/);
  // The file given (under any folder), or an unnamed Python block that may be it: nothing to say.
  assert.deepEqual(modelRun(archiveSourceMissing, { 'lib/main.tf': archive, 'lib/lambda/handler.py': 'def handler(e, c):\n  return 1\n' }), []);
  const pythonBlock: FenceDecision = { line: 40, endLine: 44, lang: 'python', kind: 'other-language', reason: 'an unnamed block that is not HCL or TypeScript' };
  assert.deepEqual(modelRun(archiveSourceMissing, { 'lib/main.tf': archive }, [pythonBlock]), []);
  // An unnamed block of another language says nothing about the Python file.
  assert.equal(modelRun(archiveSourceMissing, { 'lib/main.tf': archive }, [{ ...pythonBlock, lang: 'bash', kind: 'commands' }]).length, 1);
  // A folder source: any file inside it provides it.
  const dir = archive.replace('source_file = "${path.module}/lambda/handler.py"', 'source_dir  = "${path.module}/lambda"');
  assert.equal(modelRun(archiveSourceMissing, { 'lib/main.tf': dir }).length, 1);
  assert.deepEqual(modelRun(archiveSourceMissing, { 'lib/main.tf': dir, 'lib/lambda/index.js': 'exports.handler = async () => 1;\n' }), []);
  // A plain folder (not a markdown answer) may hold the code outside what was read.
  assert.deepEqual(runRule(archiveSourceMissing, archive), []);
});
