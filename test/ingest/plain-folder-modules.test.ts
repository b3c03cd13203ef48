// A plain folder is the root module: locations are the folder's own paths, and subfolders no module block loads
// are separate configurations, never merged into the root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyzeTask } from '../../src/index.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-plain-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

test('plain folder: findings point at ./main.tf as main.tf (no lib/ prefix), child modules by their own path', () => {
  const dir = folder({
    'main.tf':
      'module "queue" {\n  source = "./modules/queue"\n  name   = "jobs"\n}\noutput "url" {\n  value = module.queue.queue_url\n}\n' +
      'resource "aws_sqs_queue" "dlq" {\n  name = var.missing_name\n}\n',
    'modules/queue/main.tf': 'variable "name" {\n  type = string\n}\nvariable "fifo" {\n  type = bool\n}\nresource "aws_sqs_queue" "this" {\n  name = var.name\n}\noutput "arn" {\n  value = aws_sqs_queue.this.arn\n}\n',
  });
  try {
    const r = analyzeTask(dir, { score: false });
    const at = (id: string): string[] => r.findings.filter((f) => f.ruleId === id).map((f) => `${f.location.file}:${f.location.line}`);
    assert.deepEqual(at('undeclared-reference'), ['main.tf:9']);
    assert.deepEqual(at('module-input-mismatch'), ['main.tf:1']);
    assert.deepEqual(at('module-output-undeclared'), ['main.tf:6']);
    assert.ok(r.findings.every((f) => !f.location.file.startsWith('lib/')), JSON.stringify(r.findings.map((f) => f.location)));
    // The child's variables (name passed, fifo missing) are no inputs of the deploy.
    assert.deepEqual(r.findings.filter((f) => f.category === 'required-input'), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('plain folder: a subfolder no module block calls is left out with a note, not merged into the root', () => {
  const dir = folder({
    'main.tf': 'resource "aws_sqs_queue" "q" {\n  name = "jobs"\n}\n',
    // A template folder that only works once copied elsewhere: its references resolve nowhere in the root.
    'modules/_templates/main.tf': 'resource "aws_sqs_queue" "t" {\n  name = var.template_name\n  tags = local.template_tags\n}\n',
  });
  try {
    const r = analyzeTask(dir, { score: false });
    assert.deepEqual(r.findings.filter((f) => f.category === 'reference'), []);
    assert.ok(r.findings.every((f) => !f.location.file.includes('_templates')));
    assert.ok(r.notes.some((n) => /modules\/_templates\/ is a separate configuration/.test(n)), JSON.stringify(r.notes));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
