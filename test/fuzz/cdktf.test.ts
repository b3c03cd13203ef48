// Property: the CDKTF front-end never throws, answers within the time limit, and every span points into the file.
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { cdktfFile, enlarged, mutated, RUNS, SEED, seedText, withMutations } from './arbitraries.js';
import { assertSpansWithin, scriptLineCount, timed } from './helpers.js';

const SEEDS = [seedText('stack.ts.txt')];
const PATH = 'lib/tap-stack.ts';

function check(content: string): void {
  const file = { path: PATH, language: 'ts', content };
  const config = timed(`parseCdktfFiles (${content.length} chars)`, () => parseCdktfFiles([file]));
  assertSpansWithin({ blocks: config.blocks, diagnostics: config.diagnostics, symbols: config.symbols, references: config.references }, new Map([[PATH, scriptLineCount(content)]]));
}

test('cdktf: generated and mutated stacks parse without throwing, in time, with spans inside the file', () => {
  fc.assert(fc.property(withMutations(cdktfFile, SEEDS), check), { numRuns: RUNS, seed: SEED });
});

test('cdktf: large inputs (up to 50 KB) stay within the time limit', () => {
  fc.assert(fc.property(enlarged(mutated(fc.constantFrom(...SEEDS))), check), { numRuns: Math.max(3, Math.ceil(RUNS / 10)), seed: SEED });
});
