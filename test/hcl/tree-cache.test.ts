/**
 * The per-task tree cache (HclTreeCache): a text the model and the ideal share is parsed once, and each file still
 * gets blocks and diagnostics of its own, equal to an uncached parse, under its own path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HclTreeCache, parseHclFiles } from '../../src/hcl/index.js';
import type { SourceFile } from '../../src/model/types.js';

const CLEAN = 'resource "aws_s3_bucket" "b" {\n  bucket = "logs-${var.suffix}"\n  tags   = { Name = "x" }\n}\n';
const BROKEN = 'resource "aws_sqs_queue" "q" {\n  name = \n}\n\nresource "aws_sns_topic" "t" {\n  name = "t"\n';

const file = (path: string, content: string): SourceFile => ({ path, language: 'hcl', content });

test('shared texts parse once per task and convert like an uncached parse, under each file path', () => {
  const model = [file('lib/main.tf', CLEAN), file('lib/broken.tf', BROKEN), file('lib/copy.tf', CLEAN)];
  const ideal = [file('lib/main.tf', CLEAN), file('lib/broken.tf', BROKEN.replace('name = \n', 'name = "q"\n') + '}\n'), file('lib/other.tf', BROKEN)];
  const cache = new HclTreeCache([...model, ...ideal].map((f) => f.content));
  const cachedModel = parseHclFiles(model, 'tf-hcl', cache);
  const cachedIdeal = parseHclFiles(ideal, 'tf-hcl', cache);
  assert.deepEqual(cachedModel, parseHclFiles(model));
  assert.deepEqual(cachedIdeal, parseHclFiles(ideal));
  // The copy's blocks are its own objects, spanned in its own file.
  const [main, copy] = [cachedModel.blocks[0]!, cachedModel.blocks.at(-1)!];
  assert.equal(main.span.file, 'lib/main.tf');
  assert.equal(copy.span.file, 'lib/copy.tf');
  assert.notEqual(main, copy);
  assert.notEqual(cachedModel.blocks[0], cachedIdeal.blocks[0]);
  // The broken text under another name in the ideal: the same diagnostics there, under that name.
  const broken = (c: typeof cachedModel, path: string) => c.diagnostics.filter((d) => d.span.file === path).map((d) => ({ ...d, span: { ...d.span, file: '' } }));
  assert.ok(broken(cachedModel, 'lib/broken.tf').length > 0);
  assert.deepEqual(broken(cachedIdeal, 'lib/other.tf'), broken(cachedModel, 'lib/broken.tf'));
});
