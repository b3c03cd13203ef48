import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECK_PRECISION } from '../../src/judge/data/check-precision.js';
import { ruleMetas } from '../../src/report/metas.js';
import { CATEGORIES } from '../../src/taxonomy/categories.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = resolve(repo, '../shared/corpus/dev');

test('every check of the precision table is a check of the catalog, every category a category', () => {
  const known = ruleMetas();
  const unknown = Object.keys(CHECK_PRECISION.checks).filter((id) => !known.has(id));
  assert.deepEqual(unknown, [], 'the precision table names checks the catalog no longer has: run npm run gen:check-precision');
  const categories = new Set<string>(CATEGORIES.map((c) => c.id));
  assert.deepEqual(Object.keys(CHECK_PRECISION.categories).filter((c) => !categories.has(c)), []);
  for (const c of Object.values(CHECK_PRECISION.checks)) assert.ok(c.hits <= c.groups && c.groups > 0);
});

test('the precision table is what the generator makes from the dev corpus', { skip: existsSync(corpus) ? false : `no dev corpus at ${corpus}` }, () => {
  // The generator is our own script over our own source; it reads the corpus as data and never runs it.
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts/gen-check-precision.ts'), '--check'], { cwd: repo, encoding: 'utf8' });
  assert.equal(res.status, 0, `${res.stdout}${res.stderr}`);
});
