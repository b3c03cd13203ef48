/** Loads a model/ideal fixture pair from test/fixtures/diff/<case> and runs the attributed diff on it. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../src/model/types.js';
import { parseHclFiles } from '../../src/hcl/index.js';
import { attributedDiff } from '../../src/diff/index.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/diff');

function load(caseName: string, which: 'model' | 'ideal'): SourceFile[] {
  const dir = path.join(fixtures, caseName, which);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ path: `lib/${name}`, language: 'hcl', content: readFileSync(path.join(dir, name), 'utf8') }));
}

export function diffCase(caseName: string, prompt = '') {
  const model = parseHclFiles(load(caseName, 'model'));
  const ideal = parseHclFiles(load(caseName, 'ideal'));
  return attributedDiff({ model, ideal, prompt, conventions: DEFAULT_CONVENTIONS });
}
