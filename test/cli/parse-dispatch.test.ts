import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPlatform, parseResponse } from '../../src/pipeline/parse.js';
import { syntaxFindings } from '../../src/pipeline/syntax.js';

const hcl = { path: 'lib/main.tf', language: 'hcl', content: 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n' };
const cdktf = {
  path: 'lib/tap-stack.ts',
  language: 'ts',
  content: "import { TerraformStack } from 'cdktf';\nimport { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';\nexport class S extends TerraformStack {\n  constructor(scope: any, id: string) {\n    super(scope, id);\n    new SqsQueue(this, 'q', { name: 'q' });\n  }\n}\n",
};

test('platform detection from files', () => {
  assert.equal(detectPlatform([hcl]), 'tf-hcl');
  assert.equal(detectPlatform([cdktf]), 'cdktf-ts');
  assert.equal(detectPlatform([{ path: 'lib/app.ts', language: 'ts', content: 'export const x = 1;\n' }]), 'ts');
  assert.equal(detectPlatform([{ path: 'README.md', language: 'text', content: '' }]), 'unknown');
});

test('parseResponse dispatches to the HCL and CDKTF front-ends', () => {
  const h = parseResponse([hcl], 'tf-hcl');
  assert.ok(h.symbols.has('aws_sqs_queue.q'));
  const c = parseResponse([cdktf], 'cdktf-ts');
  assert.ok(c.blocks.some((b) => b.kind === 'resource' && b.labels[0] === 'aws_sqs_queue'));
  // An unknown platform name is detected from the files.
  assert.ok(parseResponse([hcl], 'mystery').symbols.has('aws_sqs_queue.q'));
});

test('a platform without a front-end gives an empty configuration and a warning', () => {
  const cfg = parseResponse([cdktf], 'pulumi-ts');
  assert.equal(cfg.blocks.length, 0);
  assert.equal(cfg.diagnostics.length, 1);
  assert.equal(cfg.diagnostics[0]!.severity, 'warning');
  assert.match(cfg.diagnostics[0]!.message, /no front-end for platform "pulumi-ts"/);
});

test('error diagnostics become critical syntax findings with file and line', () => {
  const broken = parseResponse([{ path: 'lib/main.tf', language: 'hcl', content: 'resource "aws_sqs_queue" "q" {\n  name = \n' }], 'tf-hcl');
  const findings = syntaxFindings(broken);
  assert.ok(findings.length >= 1);
  for (const f of findings) {
    assert.equal(f.ruleId, 'syntax-error');
    assert.equal(f.category, 'syntax');
    assert.equal(f.severity, 'critical');
    assert.equal(f.fixClass, 'C');
    assert.deepEqual(f.evidence, ['static']);
    assert.equal(f.location.file, 'lib/main.tf');
    assert.ok(f.location.line >= 1);
  }
  assert.deepEqual(syntaxFindings(parseResponse([hcl], 'tf-hcl')), []);
});
