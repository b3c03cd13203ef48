// Hostile and broken inputs: every one yields a report that satisfies the JSON contract, quickly, and
// nothing is executed or written outside its folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { analyzeTask } from '../../src/index.js';
import { ANALYSIS_RESULT_SCHEMA } from '../../src/pipeline/result-schema.js';
import { extractResponse } from '../../src/extract/index.js';
import { main } from '../../src/cli/main.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile(ANALYSIS_RESULT_SCHEMA);

function task(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-hostile-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

const META_TF = JSON.stringify({ platform: 'tf', language: 'hcl', aws_services: ['S3'] });
const META_CDKTF = JSON.stringify({ platform: 'cdktf', language: 'ts', aws_services: ['S3'] });
const fence = (lang: string, name: string, body: string) => `## ${name}\n\n\`\`\`${lang}\n${body}\n\`\`\`\n`;

const CASES: Record<string, Record<string, string | Buffer>> = {
  'empty files': { 'metadata.json': '', 'lib/MODEL_RESPONSE.md': '', 'lib/IDEAL_RESPONSE.md': '', 'lib/PROMPT.md': '' },
  'binary model response': { 'metadata.json': META_TF, 'lib/MODEL_RESPONSE.md': Buffer.from([0, 1, 2, 255, 254, 0, 10, 0x89, 0x50, 0x4e, 0x47]) },
  'invalid UTF-8': { 'metadata.json': META_TF, 'lib/MODEL_RESPONSE.md': Buffer.concat([Buffer.from(fence('hcl', 'main.tf', 'resource "aws_s3_bucket" "b" {\n  bucket = "')), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"\n}')]) },
  'BOM and CRLF': { 'metadata.json': '\uFEFF' + META_TF, 'lib/MODEL_RESPONSE.md': '\uFEFF' + fence('hcl', 'main.tf', 'resource "aws_s3_bucket" "b" {\r\n  bucket = "x"\r\n}').replace(/\n/g, '\r\n') },
  'fence that never closes': { 'metadata.json': META_TF, 'lib/MODEL_RESPONSE.md': '## main.tf\n\n```hcl\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n' },
  'HCL cut mid-block': { 'metadata.json': META_TF, 'lib/MODEL_RESPONSE.md': fence('hcl', 'main.tf', 'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags = {') },
  'TypeScript with syntax errors': { 'metadata.json': META_CDKTF, 'lib/MODEL_RESPONSE.md': fence('typescript', 'lib/tap-stack.ts', "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';\nexport class TapStack {\n  constructor(scope: any) {\n    new S3Bucket(scope, 'b', { bucket: 'x', \n  }\n") },
  'metadata that is not JSON': { 'metadata.json': '{ platform: tf, ', 'lib/MODEL_RESPONSE.md': fence('hcl', 'main.tf', 'resource "aws_s3_bucket" "b" {}') },
  'metadata with wrong types': { 'metadata.json': JSON.stringify({ platform: 7, language: ['hcl'], aws_services: 'S3', training_quality: 'high' }), 'lib/MODEL_RESPONSE.md': fence('hcl', 'main.tf', 'resource "aws_s3_bucket" "b" {}') },
  'deeply nested expression': { 'metadata.json': META_TF, 'lib/MODEL_RESPONSE.md': fence('hcl', 'main.tf', `locals {\n  x = ${'['.repeat(5000)}1${']'.repeat(5000)}\n  y = ${'('.repeat(3000)}1${')'.repeat(3000)}\n}`) },
  'traversal and reserved names in markdown': {
    'metadata.json': META_TF,
    'lib/MODEL_RESPONSE.md': [fence('hcl', '../../evil.tf', 'resource "aws_s3_bucket" "a" {}'), fence('hcl', '/etc/evil.tf', 'x = 1'), fence('hcl', 'C:\\evil.tf', 'x = 1'), fence('hcl', 'CON.tf', 'x = 1')].join('\n'),
  },
  'catastrophic-backtracking bait': { 'metadata.json': META_TF, 'lib/MODEL_RESPONSE.md': '#'.repeat(5000) + ' ' + 'a '.repeat(20000) + '\n' + '`'.repeat(10000) + '\n' + fence('hcl', 'main.tf', `resource "aws_s3_bucket" "b" {\n  bucket = "${'${'.repeat(2000)}"\n}`) },
  'side effects if executed': {
    'metadata.json': META_CDKTF,
    'lib/MODEL_RESPONSE.md': fence('typescript', 'lib/tap-stack.ts', "import { writeFileSync } from 'fs';\nwriteFileSync('/tmp/iacjudge-pwned', 'x');\nprocess.exit(42);\nrequire('child_process').execSync('touch /tmp/iacjudge-pwned2');\nexport class TapStack {}"),
  },
};

for (const [name, files] of Object.entries(CASES)) {
  test(`hostile input yields a valid report: ${name}`, () => {
    const dir = task(files);
    const started = Date.now();
    const result = analyzeTask(dir);
    assert.ok(Date.now() - started < 10000, 'bounded time');
    assert.ok(validate(result), JSON.stringify(validate.errors));
    // task.path is the path as given; nothing else may carry the folder's absolute location.
    const text = JSON.stringify({ ...result, task: { ...result.task, path: '' } });
    assert.ok(!text.includes(dir), 'no absolute paths leak into the output');
  });
}

test('broken inputs are reported, not silently ignored', () => {
  const warn = (files: Record<string, string | Buffer>) => analyzeTask(task(files)).warnings.join('\n');
  assert.match(warn(CASES['metadata that is not JSON']!), /metadata\.json/);
  assert.match(warn(CASES['metadata with wrong types']!), /metadata\.json/);
  const cut = analyzeTask(task(CASES['HCL cut mid-block']!));
  assert.ok(cut.findings.some((f) => f.category === 'syntax' && f.location.line >= 1), 'HCL cut mid-block gives a located syntax finding');
  const ts = analyzeTask(task(CASES['TypeScript with syntax errors']!));
  assert.ok(ts.findings.some((f) => f.category === 'syntax'), 'TypeScript syntax errors give a syntax finding');
});

test('analyzed TypeScript is never executed', () => {
  analyzeTask(task(CASES['side effects if executed']!));
  assert.ok(!existsSync('/tmp/iacjudge-pwned'));
  assert.ok(!existsSync('/tmp/iacjudge-pwned2'));
});

test('markdown file names never escape: traversal, absolute, drive letters, reserved names, NUL', () => {
  const md = [
    fence('hcl', '../../evil.tf', 'x = 1'),
    fence('hcl', '/etc/evil.tf', 'x = 1'),
    fence('hcl', 'C:\\evil.tf', 'x = 1'),
    fence('hcl', 'lib/CON.tf', 'x = 1'),
    fence('hcl', 'ok\u0000.tf', 'x = 1'),
  ].join('\n');
  const res = extractResponse(md, 'lib/MODEL_RESPONSE.md');
  for (const f of res.files) {
    assert.ok(!f.path.includes('..') && !f.path.startsWith('/') && !/^[a-zA-Z]:/.test(f.path) && !f.path.includes('\u0000'), f.path);
    assert.ok(!/(^|\/)CON\.tf$/i.test(f.path), f.path);
  }
  assert.ok(res.warnings.length >= 4, `warnings: ${res.warnings.map((w) => w.message).join('; ')}`);
});

test('extract --out never writes outside its folder, not even through a symlink', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-out-'));
  const outside = mkdtempSync(join(tmpdir(), 'iacjudge-outside-'));
  const out = join(dir, 'out');
  mkdirSync(out);
  symlinkSync(outside, join(out, 'lib'));
  const md = join(dir, 'r.md');
  writeFileSync(md, fence('hcl', 'main.tf', 'x = 1') + fence('hcl', '../../escape.tf', 'x = 1'));
  const stderr = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    await main(['extract', md, '--out', out]);
  } finally {
    process.stderr.write = stderr;
  }
  assert.deepEqual(readdirSync(outside), []);
  assert.ok(!existsSync(join(dir, 'escape.tf')));
});
