// Property: the HCL front-end never throws, answers within the time limit, and every span points into the file,
// on generated HCL, mutations of it and of a hand-written seed, and large inputs.
import { test } from 'node:test';
import fc from 'fast-check';
import { parseHclFiles, parseHclSource } from '../../src/hcl/index.js';
import { hclFile, enlarged, mutated, RUNS, SEED, seedText, withMutations } from './arbitraries.js';
import { assertSpansWithin, lineCount, timed } from './helpers.js';

const SEEDS = [seedText('main.tf.txt')];
const PATH = 'lib/main.tf';

function check(content: string): void {
  const result = timed(`parseHclSource (${content.length} chars)`, () => parseHclSource(content, PATH));
  assertSpansWithin(result, new Map([[PATH, lineCount(content)]]));
}

test('hcl: generated and mutated text parses without throwing, in time, with spans inside the file', () => {
  fc.assert(fc.property(withMutations(hclFile, SEEDS), check), { numRuns: RUNS, seed: SEED });
});

test('hcl: large inputs (up to 50 KB) stay within the time limit', () => {
  fc.assert(fc.property(enlarged(mutated(fc.constantFrom(...SEEDS))), check), { numRuns: Math.max(3, Math.ceil(RUNS / 10)), seed: SEED });
});

test('hcl: the configuration built from several files keeps every span in its own file', () => {
  fc.assert(
    fc.property(fc.array(withMutations(hclFile, SEEDS), { minLength: 1, maxLength: 3 }), (contents) => {
      const files = contents.map((content, i) => ({ path: `lib/f${i}.tf`, language: 'hcl', content }));
      const config = timed('parseHclFiles', () => parseHclFiles(files));
      assertSpansWithin({ blocks: config.blocks, diagnostics: config.diagnostics, symbols: config.symbols, references: config.references }, new Map(files.map((f) => [f.path, lineCount(f.content)])));
    }),
    { numRuns: Math.max(5, Math.ceil(RUNS / 2)), seed: SEED },
  );
});
