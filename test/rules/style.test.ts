import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule, makeTask } from './helpers.js';
import { formatProblems } from '../../src/rules/style/hcl-format.js';
import { unusedNames } from '../../src/rules/style/ts-unused.js';
import { rule as hclNotFormatted } from '../../src/rules/style/hcl-not-formatted.js';
import { rule as tsUnused } from '../../src/rules/style/ts-unused-declaration.js';
import { rule as hclUnused } from '../../src/rules/style/hcl-unused-variable.js';
import { rule as tsPrettier } from '../../src/rules/style/ts-not-prettier-formatted.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import { buildConfiguration } from '../../src/model/index-builder.js';

const FORMATTED = [
  'resource "aws_sqs_queue" "jobs" {',
  '  name                      = "jobs"',
  '  message_retention_seconds = 86400',
  '  tags = {',
  '    Team = "core"',
  '  }',
  '',
  '  # a comment breaks the alignment chain',
  '  visibility_timeout_seconds = 30',
  '  policy = jsonencode({',
  '    Version = "2012-10-17"',
  '  })',
  '  redrive = <<EOF',
  '   verbatim   = heredoc text',
  'EOF',
  '  fifo_queue = var.fifo == "yes" ? true : false',
  '}',
  '',
].join('\n');

test('formatProblems: fmt-formatted HCL has no problems', () => {
  assert.deepEqual(formatProblems(FORMATTED), []);
});

test('formatProblems: misaligned "=", wrong indentation, double spaces and tabs', () => {
  const src = [
    'resource "aws_sqs_queue" "jobs" {',
    '  name = "jobs"',
    '  message_retention_seconds = 86400',
    '    delay_seconds = 0',
    '}',
    'variable "x" {',
    '\ttype = string',
    '  default  = {',
    '  }',
    '}',
  ].join('\n');
  const problems = formatProblems(src);
  const byLine = new Map(problems.map((p) => [p.line, p.kind]));
  assert.equal(byLine.get(2), 'align');
  assert.equal(byLine.get(4), 'indent');
  assert.equal(byLine.get(7), 'tab');
  assert.equal(byLine.get(8), 'space');
  assert.equal(byLine.has(1), false);
});

test('formatProblems: markdown nesting (common indentation) is not a problem; strings with braces are opaque', () => {
  const src = ['    resource "aws_s3_bucket" "b" {', '      bucket = "a-{b}-${var.c}"', '    }'].join('\n');
  assert.deepEqual(formatProblems(src), []);
});

test('hcl-not-formatted: reports the file and the first differing line', () => {
  const f = runRule(hclNotFormatted, { 'lib/main.tf': 'resource "aws_sqs_queue" "q" {\n  name = "q"\n  delay_seconds = 0\n}\n' });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.category, 'style');
  assert.equal(f[0]!.location.file, 'lib/main.tf');
  assert.equal(f[0]!.location.line, 2);
  assert.match(f[0]!.message, /terraform fmt/);
});

test('hcl-not-formatted: formatted code is fine; a reference as unformatted as the model silences it', () => {
  assert.equal(runRule(hclNotFormatted, { 'lib/main.tf': FORMATTED }).length, 0);
  const messy = 'resource "aws_sqs_queue" "q" {\n  name = "q"\n  delay_seconds = 0\n}\n';
  assert.equal(runRule(hclNotFormatted, { 'lib/main.tf': messy }, { ideal: { 'lib/main.tf': messy } }).length, 0);
  assert.equal(runRule(hclNotFormatted, { 'lib/main.tf': messy }, { ideal: { 'lib/main.tf': FORMATTED } }).length, 1);
});

const TS_STACK = [
  "import { Construct } from 'constructs';",
  "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';",
  "import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';",
  "import { TerraformStack, Fn } from 'cdktf';",
  'export class Stack extends TerraformStack {',
  '  constructor(scope: Construct, id: string) {',
  '    super(scope, id);',
  "    const bucket = new S3Bucket(this, 'b', { bucket: 'x' });",
  "    const unusedHandle = new S3Bucket(this, 'c', { bucket: bucket.id });",
  '    const { a, b: renamed } = { a: 1, b: 2 };',
  '    console.log(renamed);',
  '  }',
  '}',
].join('\n');

test('unusedNames: unused imports, unused locals and unused destructured names; property names are not uses', () => {
  const names = unusedNames('lib/stack.ts', TS_STACK).map((u) => `${u.kind}:${u.name}:${u.line}`);
  assert.deepEqual(names, ['import:SqsQueue:3', 'import:Fn:4', 'variable:unusedHandle:9', 'variable:a:10']);
});

test('unusedNames: a fragment without imports is not linted; exported and _-prefixed names are skipped', () => {
  assert.deepEqual(unusedNames('lib/x.ts', "const vpc = new Vpc(this, 'v');"), []);
  assert.deepEqual(unusedNames('lib/x.ts', "import { A } from 'a';\nexport const x = new A();\nconst _y = 1;"), []);
});

test('ts-unused-declaration: one finding per file with the unused names', () => {
  const config = buildConfiguration('cdktf-ts', [{ path: 'lib/stack.ts', language: 'ts', content: TS_STACK }], [], []);
  const { findings } = runRulesDetailed([tsUnused], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.location.line, 3);
  assert.match(findings[0]!.message, /import `SqsQueue`/);
  assert.match(findings[0]!.message, /variable `unusedHandle`/);
});

test('hcl-unused-variable: declared, never read; unless the reference declares it unread too', () => {
  const hcl = 'variable "consumer_groups" {\n  default = []\n}\nvariable "name" {\n  default = "q"\n}\nresource "aws_sqs_queue" "q" {\n  name = var.name\n}\n';
  const f = runRule(hclUnused, hcl);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'var.consumer_groups');
  assert.equal(runRule(hclUnused, hcl, { ideal: hcl }).length, 0);
  assert.equal(runRule(hclUnused, hcl.replace('name = var.name', 'name = "${var.name}-${length(var.consumer_groups)}"')).length, 0);
});

test('ts-not-prettier-formatted: double quotes where the reference uses single quotes', () => {
  const model = 'import { App } from "cdktf";\nimport { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";\nconst app = new App();\nnew S3Bucket(app, "b", { bucket: "x", acl: "private" });\nnew S3Bucket(app, "c", { bucket: "y" });\n';
  const ideal = model.replace(/"/g, "'");
  const config = buildConfiguration('cdktf-ts', [{ path: 'lib/stack.ts', language: 'ts', content: model }], [], []);
  const idealConfig = buildConfiguration('cdktf-ts', [{ path: 'lib/stack.ts', language: 'ts', content: ideal }], [], []);
  const withRef = runRulesDetailed([tsPrettier], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS, idealConfig).findings;
  assert.equal(withRef.length, 1);
  assert.equal(withRef[0]!.location.line, 1);
  assert.match(withRef[0]!.message, /double-quoted strings \(the project uses single quotes\)/);
  assert.equal(runRulesDetailed([tsPrettier], idealConfig, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS, idealConfig).findings.length, 0);
  // Without a reference, one consistent quote style is fine.
  assert.equal(runRulesDetailed([tsPrettier], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings.length, 0);
});
