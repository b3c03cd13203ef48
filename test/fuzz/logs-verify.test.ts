// Property: the log parser and the failure-analysis parser never throw, are fast, and point at lines that exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseLog } from '../../src/logs/parse.js';
import { parseFailureAnalysis } from '../../src/verify/parse.js';
import { classifyClaim } from '../../src/verify/classify.js';
import { enlarged, failuresDoc, logText, mutated, RUNS, SEED, seedText, withMutations } from './arbitraries.js';
import { lineCount, timed } from './helpers.js';

function checkLog(text: string): void {
  const diags = timed(`parseLog (${text.length} chars)`, () => parseLog(text));
  const lines = lineCount(text);
  for (const d of diags) {
    assert.ok(d.logLine >= 1 && d.logLine <= lines + 1, `logLine ${d.logLine} of ${lines}`);
    assert.equal(typeof d.summary, 'string');
  }
}

function checkFailures(text: string): void {
  const claims = timed(`parseFailureAnalysis (${text.length} chars)`, () => parseFailureAnalysis(text));
  const lines = lineCount(text);
  claims.forEach((c, i) => {
    assert.equal(c.index, i + 1);
    assert.ok(c.line >= 1 && c.line <= lines + 1, `claim line ${c.line} of ${lines}`);
    timed('classifyClaim', () => classifyClaim(c), 500);
  });
}

test('logs: generated and mutated logs parse without throwing, in time', () => {
  fc.assert(fc.property(withMutations(logText, [seedText('apply.log')]), checkLog), { numRuns: RUNS, seed: SEED });
});

test('logs: large logs (up to 50 KB) stay within the time limit', () => {
  fc.assert(fc.property(enlarged(mutated(fc.constantFrom(seedText('apply.log')))), checkLog), { numRuns: Math.max(3, Math.ceil(RUNS / 10)), seed: SEED });
});

test('verify: generated and mutated failure analyses parse without throwing, in time', () => {
  fc.assert(fc.property(withMutations(failuresDoc, [seedText('failures.md')]), checkFailures), { numRuns: RUNS, seed: SEED });
});

test('verify: large failure analyses (up to 50 KB) stay within the time limit', () => {
  fc.assert(fc.property(enlarged(mutated(fc.constantFrom(seedText('failures.md')))), checkFailures), { numRuns: Math.max(3, Math.ceil(RUNS / 10)), seed: SEED });
});
