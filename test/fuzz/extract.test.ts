// Property: extraction from any markdown never throws, is fast, yields only safe relative paths, and points every
// file at a line of the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractResponse } from '../../src/extract/index.js';
import { enlarged, markdownDoc, mutated, RUNS, SEED, seedText, withMutations } from './arbitraries.js';
import { assertSafePath, markdownLineCount, timed } from './helpers.js';

const SEEDS = [seedText('response.md')];

function check(markdown: string): void {
  const out = timed(`extractResponse (${markdown.length} chars)`, () => extractResponse(markdown, 'lib/MODEL_RESPONSE.md'));
  const lines = markdownLineCount(markdown);
  for (const file of [...out.files, ...(out.superseded ?? [])]) {
    assertSafePath(file.path);
    assert.ok(file.content.length > 0, `empty file ${file.path}`);
    if (file.markdownLine !== undefined) assert.ok(file.markdownLine >= 1 && file.markdownLine <= lines + 1, `markdownLine ${file.markdownLine} of ${lines}`);
  }
  assert.equal(new Set(out.files.map((f) => f.path)).size, out.files.length, 'one file per path');
  for (const w of out.warnings) if (w.line !== undefined) assert.ok(w.line >= 1 && w.line <= lines + 1, `warning line ${w.line} of ${lines}`);
}

test('extract: generated and mutated responses give safe paths, in time', () => {
  fc.assert(fc.property(withMutations(markdownDoc, SEEDS), check), { numRuns: RUNS, seed: SEED });
});

test('extract: large responses (up to 50 KB) stay within the time limit', () => {
  fc.assert(fc.property(enlarged(mutated(fc.constantFrom(...SEEDS))), check), { numRuns: Math.max(3, Math.ceil(RUNS / 10)), seed: SEED });
});
