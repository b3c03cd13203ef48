// Extraction never loses code (issue #18): excerpts never replace a complete file, prose examples are not
// configuration, a missing closing fence never merges two files, and a response cut off mid-file is one
// critical finding with what is missing after the cut folded into it. Each case asserts the fence decisions,
// the warnings and the findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractResponse } from '../../src/extract/index.js';
import { analyzeTask } from '../../src/pipeline/run.js';
import type { ResponseFiles } from '../../src/contracts/task.js';

const RDS = [
  'resource "aws_db_subnet_group" "db" {',
  '  name       = "db"',
  '  subnet_ids = var.subnet_ids',
  '}',
  '',
  'resource "aws_db_instance" "db" {',
  '  identifier           = "db"',
  '  engine               = "postgres"',
  '  instance_class       = "db.t3.micro"',
  '  allocated_storage    = 20',
  '  db_subnet_group_name = aws_db_subnet_group.db.name',
  '  skip_final_snapshot  = true',
  '}',
  '',
  'resource "aws_security_group" "db" {',
  '  name = "db"',
  '}',
  '',
  'resource "aws_cloudwatch_metric_alarm" "cpu" {',
  '  alarm_name = "db-cpu"',
  '}',
].join('\n');
const RDS_FIX = 'resource "aws_db_instance" "db" {\n  storage_encrypted = true\n}';

function fence(lang: string, body: string): string {
  return `\`\`\`${lang}\n${body}\n\`\`\``;
}

function kinds(r: ResponseFiles): string[] {
  return (r.fences ?? []).map((f) => f.kind);
}

test('excerpt after the full file: the complete rds.tf is used, the `## Fixes` snippet is a fix hint', () => {
  const md = ['## rds.tf', fence('hcl', RDS), '## Fixes', '**rds.tf**', fence('hcl', RDS_FIX)].join('\n\n');
  const r = extractResponse(md, 'lib/IDEAL_RESPONSE.md');
  assert.deepEqual(r.files.map((f) => [f.path, f.markdownLine]), [['lib/rds.tf', 4]]);
  assert.equal(r.files[0]!.content, RDS);
  assert.deepEqual(kinds(r), ['file', 'excerpt']);
  assert.equal(r.fences![1]!.of, 'lib/rds.tf');
  assert.match(r.fences![1]!.reason, /declares only 1 of the 4 blocks/);
  assert.deepEqual(r.hints?.map((h) => h.content), [RDS_FIX]);
  const w = r.warnings.find((x) => x.kind === 'excerpt-skipped');
  assert.ok(w, 'the dropped excerpt is a warning');
  assert.match(w.message, /kept as a fix hint, the complete block at line 4 is used/);
});

test('excerpt before the full file: the later complete file is used, the earlier snippet is a hint', () => {
  const md = ['First the key change in `rds.tf`:', fence('hcl', RDS_FIX), '## rds.tf', fence('hcl', RDS)].join('\n\n');
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => f.path), ['lib/rds.tf']);
  assert.equal(r.files[0]!.content, RDS);
  assert.deepEqual(kinds(r), ['excerpt', 'file']);
  assert.equal(r.hints?.length, 1);
  // An elided copy (`# ... rest unchanged`) is an excerpt even when it declares the same blocks.
  const elided = RDS.split('\n').slice(0, 6).join('\n') + '\n  # ... rest unchanged\n}';
  const e = extractResponse(['## rds.tf', fence('hcl', RDS), '## rds.tf (updated)', fence('hcl', elided)].join('\n\n'), 'm.md');
  assert.equal(e.files[0]!.content, RDS);
  // A real revision (same blocks, new values) still replaces the earlier version.
  const revised = RDS.replace('db.t3.micro', 'db.t3.small');
  const v = extractResponse(['## rds.tf', fence('hcl', RDS), '## rds.tf (fixed)', fence('hcl', revised)].join('\n\n'), 'm.md');
  assert.equal(v.files[0]!.content, revised);
  assert.deepEqual(kinds(v), ['replaced', 'file']);
});

test('README usage snippets are not configuration; files named in the section still are', () => {
  const md = [
    '## main.tf',
    fence('hcl', 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}'),
    '## Usage',
    'Create a `terraform.tfvars` file:',
    fence('hcl', 'environment_suffix = "dev"'),
    'Call the module:',
    fence('hcl', 'module "stack" {\n  source = "./"\n}'),
    fence('bash', 'terraform init\nterraform apply'),
    '## Deployment steps',
    '1. Create a `provider.tf` file:',
    fence('hcl', 'provider "aws" {\n  region = "us-east-1"\n}'),
  ].join('\n\n');
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => f.path), ['lib/main.tf', 'lib/provider.tf']);
  assert.deepEqual(kinds(r), ['file', 'prose-example', 'prose-example', 'commands', 'file']);
  assert.equal(r.warnings.filter((w) => w.kind === 'prose-example-skipped').length, 2);
  // A response whose only code sits under a usage heading keeps it: the root module is never lost.
  const only = extractResponse(['## Example usage', fence('hcl', 'resource "aws_sqs_queue" "q" {}')].join('\n\n'), 'm.md');
  assert.deepEqual(only.files.map((f) => f.path), ['lib/unnamed-1.tf']);
  assert.deepEqual(kinds(only), ['file']);
});

test('unnamed root code is never dropped as an excerpt of a child module variable or output', () => {
  const md = [
    '## modules/vpc/variables.tf',
    fence('hcl', 'variable "region" {\n  type = string\n}'),
    '# Root module',
    fence('hcl', 'variable "region" {\n  default = "us-east-1"\n}\n\nmodule "vpc" {\n  source = "./modules/vpc"\n  region = var.region\n}'),
  ].join('\n\n');
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => f.path), ['lib/modules/vpc/variables.tf', 'lib/unnamed-1.tf']);
  assert.deepEqual(kinds(r), ['file', 'file']);
});

test('a missing closing fence does not merge two files', () => {
  const md = [
    '## main.tf',
    '',
    '```hcl',
    'resource "aws_s3_bucket" "b" {',
    '  bucket = "b"',
    '}',
    '',
    '## variables.tf',
    '',
    '```hcl',
    'variable "x" {',
    '  default = "y"',
    '}',
    '```',
    '',
  ].join('\n');
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => [f.path, f.markdownLine, f.content.split('\n').length]), [
    ['lib/main.tf', 4, 3],
    ['lib/variables.tf', 11, 3],
  ]);
  assert.deepEqual(kinds(r), ['file', 'file']);
  const w = r.warnings.find((x) => x.kind === 'unclosed-fence');
  assert.match(w?.message ?? '', /opened at line 3 is not closed before the fence at line 10/);
});

const CUT_RESPONSE = [
  '## main.tf',
  '',
  '```hcl',
  'resource "aws_iam_role" "fn" {',
  '  name               = "fn"',
  '  assume_role_policy = "{}"',
  '}',
  '',
  'resource "aws_lambda_function" "fn" {',
  '  function_name = "fn"',
  '  role          = aws_iam_role.fn.arn',
  '  handler       = "index.handler"',
  '  runtime       = "nodejs20.x"',
  '  filename      = "fn.zip"',
  '  environment {',
  '    variables = {',
  '      POLICY = <<EOF',
  '{ "Version": "2012-10-17",',
].join('\n');

test('a response cut inside a heredoc: the decision, the truncation and one critical finding', () => {
  const r = extractResponse(CUT_RESPONSE, 'lib/MODEL_RESPONSE.md');
  assert.deepEqual(kinds(r), ['file']);
  assert.deepEqual(r.truncation, {
    how: 'heredoc',
    file: 'lib/main.tf',
    line: 15,
    markdownPath: 'lib/MODEL_RESPONSE.md',
    markdownLine: 18,
    heredoc: 'EOF',
    depth: 3,
    block: 'aws_lambda_function.fn',
    recovered: false,
  });
  // The same file closed properly is not a cut.
  assert.equal(extractResponse(`${CUT_RESPONSE}\nEOF\n    }\n  }\n}\n\`\`\`\n`, 'm.md').truncation, undefined);
});

test('a last fence closed right after a dangling `Effect =` at the end of the response is a cut; followed by prose or complete, it is not', () => {
  const head = ['## iam.tf', '', '```hcl', 'resource "aws_iam_role_policy" "fn" {', '  role = "fn"', '  policy = jsonencode({', '    Statement = [', '      {', '        Effect ='];
  const closedAfterCut = [...head, '```', ''].join('\n');
  const r = extractResponse(closedAfterCut, 'lib/MODEL_RESPONSE.md');
  assert.equal(r.truncation?.how, 'brackets');
  assert.equal(r.truncation?.block, 'aws_iam_role_policy.fn');
  assert.equal(r.truncation?.markdownLine, 9);
  // The answer goes on after the fence: a snippet shown in part, not a cut generation.
  assert.equal(extractResponse([...head, '```', '', 'Then set `Effect = "Allow"` in the statement.', ''].join('\n'), 'm.md').truncation, undefined);
  // A last line that can end a statement is no cut either.
  assert.equal(extractResponse([...head.slice(0, 5), '```', ''].join('\n'), 'm.md').truncation, undefined);
});

test('truncated heredoc end to end: one response-truncated failure, first, with the cut and what is missing folded into it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-cut-'));
  try {
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ platform: 'tf', language: 'hcl' }));
    writeFileSync(join(dir, 'lib/PROMPT.md'), 'Create a Lambda function with an IAM role and an SQS queue.\n');
    writeFileSync(join(dir, 'lib/MODEL_RESPONSE.md'), CUT_RESPONSE);
    const ideal = `${CUT_RESPONSE.split('\n').slice(3, 15).join('\n')}\n}\n\nresource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n\noutput "queue_url" {\n  value = aws_sqs_queue.jobs.url\n}\n`;
    writeFileSync(join(dir, 'lib/IDEAL_RESPONSE.md'), `## main.tf\n\n\`\`\`hcl\n${ideal}\`\`\`\n`);
    const result = analyzeTask(dir, { score: false });
    const cut = result.findings.filter((f) => f.ruleId === 'response-truncated');
    assert.equal(cut.length, 1);
    const f = cut[0]!;
    assert.equal(f.tier, 'failure');
    assert.equal(f.rank, 1);
    assert.equal(f.severity, 'critical');
    assert.equal(f.category, 'syntax');
    assert.deepEqual(f.location, { file: 'lib/main.tf', line: 15 });
    assert.match(f.message, /stops at lib\/MODEL_RESPONSE\.md:18 inside an unclosed heredoc \(<<EOF\) in `aws_lambda_function\.fn`/);
    // The parse error at the cut is this failure, not a second one.
    assert.equal(result.findings.filter((x) => x.ruleId === 'syntax-error').length, 0);
    assert.ok((f.occurrences ?? []).some((o) => /HCL error/.test(o.message ?? '')), JSON.stringify(f.occurrences));
    // Where the extracted file stands in the markdown, for SARIF.
    assert.deepEqual(result.origins?.['lib/main.tf'], { file: 'lib/MODEL_RESPONSE.md', segments: [{ line: 1, markdownLine: 4 }] });
    assert.ok(result.warnings.some((w) => /never closes/.test(w)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a final copy cut off while an earlier draft is complete: the draft is analyzed, the cut is still reported', () => {
  const draft = RDS;
  const md = ['### Reasoning', '## rds.tf', fence('hcl', draft), '### Answer', '## rds.tf', '```hcl', RDS.split('\n').slice(0, 16).join('\n')].join('\n\n');
  const r = extractResponse(md, 'lib/MODEL_RESPONSE.md');
  assert.deepEqual(kinds(r), ['file', 'truncated-copy']);
  assert.equal(r.files[0]!.content, draft);
  assert.equal(r.truncation?.recovered, true);
  assert.equal(r.truncation?.block, 'aws_security_group.db');
  assert.ok(r.warnings.some((w) => w.kind === 'truncated-copy'));
});

test('a markdown document whose inner code blocks close its fence early keeps its examples out of the stack', () => {
  const md = [
    '## **main.tf**',
    fence('hcl', 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}'),
    '## **refactoring-guide.md**',
    // The guide's own ```bash block closes the ```markdown fence: the rest of the guide spills into the response.
    '```markdown\n# Refactoring guide\n\n### Back up the state\n```bash\nterraform state pull > backup.tfstate\n```',
    '## Step 2: fix circular dependencies',
    fence('hcl', 'resource "aws_security_group_rule" "example" {\n  source_security_group_id = aws_security_group.other.id\n}'),
    '## **variables.tf**',
    fence('hcl', 'variable "region" {\n  default = "us-east-1"\n}'),
  ].join('\n\n');
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => f.path), ['lib/main.tf', 'lib/refactoring-guide.md', 'lib/variables.tf']);
  assert.deepEqual(kinds(r), ['file', 'file', 'prose-example', 'file']);
});

test('an answer wrapped in one outer four-backtick fence is read as the markdown it holds; a markdown wrapper stays a document', () => {
  const inner = ['I\'ll create the stack.', '', '## lib/tap-stack.ts', '```typescript', 'export const x = 1;', '```', '', 'Deploy with cdktf.'].join('\n');
  const r = extractResponse(`\`\`\`\`typescript\n${inner}\n\`\`\`\``, 'm.md');
  assert.deepEqual(r.files.map((f) => [f.path, f.markdownLine]), [['lib/tap-stack.ts', 6]]);
  assert.equal(r.files[0]!.content.trim(), 'export const x = 1;');
  const readme = extractResponse(`## README.md\n\n\`\`\`\`markdown\n# Stack\n\n\`\`\`bash\nnpm test\n\`\`\`\n\`\`\`\``, 'm.md');
  assert.deepEqual(readme.files.map((f) => f.path), ['lib/README.md']);
});
