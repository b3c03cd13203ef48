import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseHclFiles } from '../../src/hcl/index.js';
import type { SourceFile } from '../../src/model/types.js';

const dir = join(import.meta.dirname, '../fixtures/hcl/multi');
const files: SourceFile[] = readdirSync(dir)
  .sort()
  .map((name) => ({ path: `lib/${name}`, language: 'hcl', content: readFileSync(join(dir, name), 'utf8') }));

test('a multi-file configuration: blocks in file order, symbol table and reference index', () => {
  const config = parseHclFiles(files);
  assert.equal(config.platform, 'tf-hcl');
  assert.deepEqual(config.diagnostics, []);
  assert.deepEqual(
    [...new Set(config.blocks.map((b) => b.span.file))],
    ['lib/main.tf', 'lib/outputs.tf', 'lib/variables.tf'],
  );
  assert.deepEqual([...config.symbols.keys()].sort(), [
    'aws_s3_bucket.logs',
    'aws_subnet.private',
    'data.aws_vpc.main',
    'local.common_tags',
    'local.name_prefix',
    'module.network',
    'output.bucket_arn',
    'output.subnet_ids',
    'provider.aws',
    'provider.aws.replica',
    'var.environment_suffix',
    'var.region',
  ]);
  const sym = config.symbols.get('aws_subnet.private')!;
  assert.equal(sym.type, 'aws_subnet');
  assert.deepEqual([sym.span.file, sym.span.line], ['lib/main.tf', 40]);

  const edges = config.references.map((r) => `${r.from} -> ${r.target}`);
  assert.deepEqual(edges, [
    'provider.aws -> var.region',
    'locals -> var.environment_suffix',
    'locals -> var.environment_suffix',
    'aws_s3_bucket.logs -> local.name_prefix',
    'aws_s3_bucket.logs -> local.common_tags',
    'aws_subnet.private -> data.aws_vpc.main',
    'aws_subnet.private -> data.aws_vpc.main',
    'module.network -> data.aws_vpc.main',
    'output.bucket_arn -> aws_s3_bucket.logs',
    'output.subnet_ids -> aws_subnet.private',
    'var.environment_suffix -> var.environment_suffix',
  ]);
  const splat = config.references.find((r) => r.from === 'output.subnet_ids')!;
  assert.equal(splat.text, 'aws_subnet.private[*].id');
  assert.deepEqual([splat.span?.file, splat.span?.line, splat.span?.column], ['lib/outputs.tf', 6, 11]);
});

test('non-HCL files are kept in the configuration but not parsed', () => {
  const config = parseHclFiles([
    { path: 'lib/main.tf', language: 'text', content: 'variable "a" {}\n' },
    { path: 'lib/handler.py', language: 'py', content: 'def handler(e, c):\n    return {}\n' },
    { path: 'lib/prod.tfvars', language: 'text', content: 'a = 1\n' },
    { path: 'lib/snippet', language: 'hcl', content: 'output "o" {\n  value = var.a\n}\n' },
  ]);
  assert.equal(config.files.length, 4);
  assert.deepEqual(
    config.blocks.map((b) => `${b.span.file}:${b.type}`),
    ['lib/main.tf:variable', 'lib/prod.tfvars:tfvars', 'lib/snippet:output'],
  );
  assert.deepEqual(config.references.map((r) => r.target), ['var.a']);
});

test('diagnostics of every file are collected with their file', () => {
  const config = parseHclFiles([
    { path: 'lib/a.tf', language: 'hcl', content: 'variable "a" {\n' },
    { path: 'lib/b.tf', language: 'hcl', content: 'variable "b" {}\n}\n' },
  ]);
  assert.deepEqual(
    config.diagnostics.map((d) => `${d.span.file}:${d.span.line}`),
    ['lib/a.tf:1', 'lib/b.tf:2'],
  );
  assert.deepEqual([...config.symbols.keys()].sort(), ['var.a', 'var.b']);
});
