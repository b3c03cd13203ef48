/**
 * Large HCL inputs parse with the WASM back-end (issue 20, memory): the native binding's trees are freed only when
 * the garbage collector finalizes them, so a configuration of many large files kept them all alive. The CLI's entry
 * (`analyzeTaskDetailedAsync`) switches the parser once the task's HCL reaches LARGE_HCL_INPUT_CHARS, and its result
 * is the synchronous call's. A small task keeps the back-end it has.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeTaskDetailed, analyzeTaskDetailedAsync, hclInputChars, LARGE_HCL_INPUT_CHARS } from '../../src/pipeline/run.js';
import { hclParserBackend, loadNativeBackend, setHclParserBackend } from '../../src/hcl/parser.js';
import { loadTask } from '../../src/ingest/index.js';

const initial = hclParserBackend();
const root = mkdtempSync(join(tmpdir(), 'iacjudge-large-'));
after(() => {
  setHclParserBackend(initial);
  rmSync(root, { recursive: true, force: true });
});

const BUCKET = 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n}\n';

function task(name: string, commentLines: number): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  // Comment lines make the text large while the configuration stays one bucket (cheap to analyze twice).
  const filler = Array.from({ length: commentLines }, (_, i) => `# padding line ${String(i).padStart(8, '0')} ${'.'.repeat(40)}`).join('\n');
  writeFileSync(join(dir, 'main.tf'), `${BUCKET}${filler}\n`);
  return dir;
}

const native = loadNativeBackend();
const noNative = native instanceof Error ? `native binding did not load: ${native.message.split('\n')[0]}` : false;

test('a small task keeps the back-end in use; a large one switches to WASM with the same result', { skip: noNative }, async () => {
  setHclParserBackend(native as Exclude<typeof native, Error>);
  const small = task('small', 10);
  assert.ok(hclInputChars(loadTask(small)) < LARGE_HCL_INPUT_CHARS);
  await analyzeTaskDetailedAsync(small);
  assert.equal(hclParserBackend().name, 'native');

  const large = task('large', 20_000);
  assert.ok(hclInputChars(loadTask(large)) >= LARGE_HCL_INPUT_CHARS);
  const before = analyzeTaskDetailed(large).result;
  assert.equal(hclParserBackend().name, 'native');
  const after = (await analyzeTaskDetailedAsync(large)).result;
  assert.equal(hclParserBackend().name, 'wasm');
  assert.deepEqual(after, before);
  assert.ok(after.findings.some((f) => f.resource === 'aws_s3_bucket.logs'), 'the bucket is analyzed');
});
