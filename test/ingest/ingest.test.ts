import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTask } from '../../src/ingest/index.js';
import { UsageError } from '../../src/contracts/errors.js';

const FIX = 'test/fixtures/ingest';

function tempTask(): string {
  return mkdtempSync(join(tmpdir(), 'iacjudge-ingest-'));
}

test('pipeline layout: responses, docs, metadata, extra files, logs, listing', () => {
  const task = loadTask(`${FIX}/pipeline`);
  assert.equal(task.path, `${FIX}/pipeline`);
  assert.equal(task.platform, 'tf-hcl');
  assert.equal(task.language, 'hcl');
  assert.equal(task.platformSource, 'metadata');
  assert.deepEqual(task.metadata?.aws_services, ['S3', 'Lambda']);
  assert.equal(task.metadata?.training_quality, 8);
  assert.equal(task.metadata?.po_id, 'fixture');
  assert.match(task.prompt ?? '', /environment_suffix/);
  assert.match(task.failures ?? '', /Impact Level/);
  assert.equal(task.model?.origin, 'lib/MODEL_RESPONSE.md');
  assert.deepEqual(task.model?.files.map((f) => f.path), ['lib/main.tf', 'lib/variables.tf']);
  assert.equal(task.model?.files[0]?.markdownPath, 'lib/MODEL_RESPONSE.md');
  assert.deepEqual(task.ideal?.files.map((f) => f.path), ['lib/main.tf', 'lib/variables.tf']);
  assert.deepEqual(task.extraFiles.map((f) => [f.path, f.language]), [
    ['.terraform.lock.hcl', 'hcl'],
    ['lib/AWS_REGION', 'text'],
    ['lib/lambda/index.py', 'py'],
  ]);
  assert.deepEqual(task.logs.map((l) => l.path), ['cfn-outputs/flat-outputs.json', 'deploy-output.txt', 'deploy.log']);
  assert.match(task.logs.find((l) => l.path === 'deploy.log')?.content ?? '', /BucketAlreadyExists/);
  assert.deepEqual(task.listing, [...task.listing].sort());
  assert.ok(task.listing.includes('lib/MODEL_RESPONSE.md') && task.listing.includes('metadata.json'));
  assert.ok(task.listing.every((p) => !p.startsWith('/')));
  assert.deepEqual(task.warnings, []);
});

test('a plain folder of .tf files is the model; no ideal', () => {
  const task = loadTask(`${FIX}/plain-tf`);
  // modules/net is a folder no module block of the root calls: a separate configuration, left out with a note.
  assert.deepEqual(task.model?.files.map((f) => f.path).sort(), ['lib/main.tf', 'lib/variables.tf']);
  assert.ok(task.notes?.some((n) => n.startsWith('modules/net/ is a separate configuration')));
  assert.equal(task.ideal, null);
  assert.equal(task.platform, 'tf-hcl');
  assert.equal(task.platformSource, 'detected');
  assert.ok(task.warnings.some((w) => w.kind === 'metadata' && /no metadata\.json/.test(w.message)));
});

test('explicit --model / --ideal: markdown file or folder', () => {
  const task = loadTask(`${FIX}/plain-tf`, { model: `${FIX}/responses/model.md`, ideal: `${FIX}/responses/model-code` });
  assert.equal(task.model?.origin, `${FIX}/responses/model.md`);
  assert.deepEqual(task.model?.files.map((f) => f.path), ['lib/main.tf']);
  assert.match(task.model?.files[0]?.content ?? '', /aws_sns_topic/);
  assert.deepEqual(task.ideal?.files.map((f) => f.path), ['lib/main.tf']);
  assert.match(task.ideal?.files[0]?.content ?? '', /name = "t"/);
  // An input inside the task folder is named relative to it.
  const inside = loadTask(`${FIX}/pipeline`, { model: `${FIX}/pipeline/lib/IDEAL_RESPONSE.md` });
  assert.equal(inside.model?.origin, 'lib/IDEAL_RESPONSE.md');
  assert.throws(() => loadTask(`${FIX}/plain-tf`, { model: `${FIX}/responses/missing.md` }), UsageError);
});

test('metadata.json that is not JSON: warning naming the file, platform from the flag', () => {
  const task = loadTask(`${FIX}/bad-json`, { platform: 'tf-hcl' });
  assert.equal(task.metadata, null);
  const w = task.warnings.find((x) => x.kind === 'metadata');
  assert.ok(w);
  assert.equal(w.file, 'metadata.json');
  assert.match(w.message, /metadata\.json: not valid JSON/);
  assert.equal(task.platform, 'tf-hcl');
  assert.equal(task.platformSource, 'flag');
  assert.deepEqual(task.model?.files.map((f) => f.path), ['lib/unnamed-1.tf']);
});

test('metadata.json with wrong types is sanitized to the declared types', () => {
  const task = loadTask(`${FIX}/bad-types`);
  const meta = task.metadata;
  assert.ok(meta);
  assert.equal(meta.platform, undefined);
  assert.equal(meta.complexity, undefined);
  assert.deepEqual(meta.aws_services, ['S3', 'Lambda']);
  assert.deepEqual(meta.subject_labels, ['a']);
  assert.equal(meta.training_quality, null);
  const messages = task.warnings.filter((w) => w.kind === 'metadata').map((w) => w.message);
  assert.equal(messages.length, 5);
  for (const field of ['platform', 'aws_services', 'subject_labels', 'training_quality', 'complexity']) {
    assert.ok(messages.some((m) => m.includes(`\`${field}\``)), field);
  }
  // Platform missing from metadata: detected from the code.
  assert.equal(task.platform, 'tf-hcl');
  assert.equal(task.platformSource, 'detected');
});

test('no metadata: cdktf detected from TypeScript imports', () => {
  const task = loadTask(`${FIX}/no-metadata-cdktf`);
  assert.equal(task.platform, 'cdktf-ts');
  assert.equal(task.language, 'ts');
  assert.equal(task.platformSource, 'detected');
});

test('metadata platforms map to platform ids', () => {
  const cases: [unknown, string, string][] = [
    [{ platform: 'cdktf', language: 'typescript' }, 'cdktf-ts', 'ts'],
    [{ platform: 'cdktf', language: 'ts' }, 'cdktf-ts', 'ts'],
    [{ platform: 'cfn', language: 'yaml' }, 'cfn-yaml', 'yaml'],
    [{ platform: 'pulumi', language: 'ts' }, 'pulumi-ts', 'ts'],
    [{ platform: 'cdk', language: 'py' }, 'cdk-py', 'py'],
  ];
  for (const [meta, platform, language] of cases) {
    const dir = tempTask();
    try {
      writeFileSync(join(dir, 'metadata.json'), JSON.stringify(meta));
      const task = loadTask(dir);
      assert.equal(task.platform, platform);
      assert.equal(task.language, language);
      assert.equal(task.platformSource, 'metadata');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('bounds: oversized, binary and invalid UTF-8 files; BOM stripped', () => {
  const dir = tempTask();
  try {
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'metadata.json'), '\uFEFF{"platform":"tf","language":"hcl"}');
    writeFileSync(join(dir, 'lib', 'MODEL_RESPONSE.md'), `## main.tf\n\n\`\`\`hcl\nresource "aws_sqs_queue" "q" {}\n\`\`\`\n${'x'.repeat(3000)}\n`);
    writeFileSync(join(dir, 'lib', 'big.tf'), `# ${'y'.repeat(3000)}\n`);
    writeFileSync(join(dir, 'lib', 'blob.tf'), Buffer.from([0x72, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'lib', 'latin.tf'), Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nlocals {}\n')]));
    const task = loadTask(dir, { maxFileBytes: 2000 });
    const kinds = task.warnings.map((w) => `${w.kind}:${w.file}`).sort();
    assert.deepEqual(kinds, ['binary:lib/blob.tf', 'invalid-utf8:lib/latin.tf', 'too-large:lib/MODEL_RESPONSE.md', 'too-large:lib/big.tf']);
    assert.equal(task.metadata?.platform, 'tf');
    assert.deepEqual(task.extraFiles.map((f) => f.path), ['lib/latin.tf']);
    assert.match(task.extraFiles[0]?.content ?? '', /caf\uFFFD/);
    // The oversized MODEL_RESPONSE is skipped, not replaced: the code under lib/ is the reviewed solution.
    assert.equal(task.model, null);
    assert.deepEqual(task.ideal?.files.map((f) => f.path), ['lib/latin.tf']);
    assert.ok(task.listing.includes('lib/big.tf') && task.listing.includes('lib/blob.tf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('symlinks are not followed out of the task folder; node_modules and .git are not listed', () => {
  const dir = tempTask();
  const outside = tempTask();
  try {
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(outside, 'secret.tf'), 'resource "aws_iam_user" "u" {}\n');
    mkdirSync(join(outside, 'sub'));
    writeFileSync(join(outside, 'sub', 'other.tf'), 'locals {}\n');
    writeFileSync(join(dir, 'lib', 'main.tf'), 'resource "aws_sqs_queue" "q" {}\n');
    symlinkSync(join(outside, 'secret.tf'), join(dir, 'lib', 'secret.tf'));
    symlinkSync(join(outside, 'sub'), join(dir, 'lib', 'linked'));
    symlinkSync(join(dir, 'lib', 'main.tf'), join(dir, 'lib', 'alias.tf'));
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'x', 'index.ts'), 'export {};\n');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref\n');
    const task = loadTask(dir);
    assert.deepEqual(task.listing, ['lib/alias.tf', 'lib/main.tf']);
    assert.ok(task.warnings.some((w) => w.kind === 'symlink' && w.file === 'lib/secret.tf'));
    assert.ok(task.extraFiles.every((f) => !/aws_iam_user|locals/.test(f.content)));
    assert.deepEqual(task.model?.files.map((f) => f.path), ['lib/alias.tf', 'lib/main.tf']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

test('a missing task folder is a usage error with one clear line', () => {
  assert.throws(
    () => loadTask(`${FIX}/does-not-exist`),
    (err: unknown) => err instanceof UsageError && err.message === `task folder not found: ${FIX}/does-not-exist`,
  );
  assert.throws(() => loadTask(`${FIX}/pipeline/metadata.json`), UsageError);
});

test('deterministic: loading twice gives the same task', () => {
  assert.deepEqual(loadTask(`${FIX}/pipeline`), loadTask(`${FIX}/pipeline`));
});
