/**
 * `iacjudge corpus` writes the same bytes whatever the job count: real analyses (the compiled-from-source worker,
 * not a fake one) of the repository's own fixture tasks, with 1 and with 2 jobs. The tasks include one whose ideal
 * keeps the model's file unchanged and one with the same file under two names, so the per-task parse cache
 * (src/hcl/index.ts, HclTreeCache) is on the path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('../fixtures/corpus/cli.ts', import.meta.url));

/** Fixture tasks of several shapes: a full example, a basic task, identical code, a small gap, a cut-off response, CDKTF. */
const FIXTURES = [
  'examples/serverless-api',
  'test/fixtures/tasks/tf-basic',
  'test/fixtures/score/same-code',
  'test/fixtures/score/small-gap',
  'test/fixtures/score/truncated',
  'test/fixtures/diff/task',
  'test/fixtures/ingest/no-metadata-cdktf',
];

const BUCKET = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs-${var.environment_suffix}"\n}\n\nvariable "environment_suffix" {\n  type = string\n}\n';

function makeCorpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'iacjudge-jobs-'));
  for (const f of FIXTURES) cpSync(join(repo, f), join(root, f.split('/').pop()!), { recursive: true });
  // The same file under two names in the model, and in the ideal unchanged beside a changed one.
  const dir = join(root, 'shared-files');
  mkdirSync(join(dir, 'lib'), { recursive: true });
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ platform: 'tf', language: 'hcl', complexity: 'medium', training_quality: 8 }));
  writeFileSync(join(dir, 'lib', 'PROMPT.md'), 'Create a log bucket with an environment suffix.\n');
  const fence = (name: string, body: string) => `## lib/${name}\n\n\`\`\`hcl\n${body}\`\`\`\n\n`;
  writeFileSync(join(dir, 'lib', 'MODEL_RESPONSE.md'), fence('main.tf', BUCKET) + fence('copy.tf', BUCKET) + fence('queue.tf', 'resource "aws_sqs_queue" "q" {\n  name = "q"\n'));
  writeFileSync(
    join(dir, 'lib', 'IDEAL_RESPONSE.md'),
    fence('main.tf', BUCKET) + fence('queue.tf', 'resource "aws_sqs_queue" "q" {\n  name = "q-${var.environment_suffix}"\n}\n'),
  );
  return root;
}

function corpus(root: string, out: string, jobs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, 'corpus', root, '--out', out, '--jobs', String(jobs)], { maxBuffer: 64 << 20 }, (err, _stdout, stderr) =>
      err ? reject(new Error(`corpus --jobs ${jobs} failed: ${stderr}`)) : resolve(),
    );
  });
}

test('corpus output is byte-identical with 1 and 2 jobs on the fixture tasks', async () => {
  const root = makeCorpus();
  const out = mkdtempSync(join(tmpdir(), 'iacjudge-jobs-out-'));
  // Side by side: most of each run is loading the TypeScript sources.
  await Promise.all([corpus(root, join(out, 'one.jsonl'), 1), corpus(root, join(out, 'two.jsonl'), 2)]);
  const one = readFileSync(join(out, 'one.jsonl'), 'utf8');
  const two = readFileSync(join(out, 'two.jsonl'), 'utf8');
  const lines = one.trim().split('\n').map((l) => JSON.parse(l) as { task: string; status: string });
  // Every task analyzed (an all-error run would be identical too).
  assert.equal(lines.length, FIXTURES.length + 1);
  assert.deepEqual(
    lines.filter((l) => l.status !== 'ok').map((l) => l.task),
    [],
  );
  assert.equal(two, one);
});
