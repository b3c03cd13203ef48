// Every rule in the catalog is exercised by a rule test (by its id or its module name), so no rule
// ships without its valid and invalid cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../src/rules/index.js';

const TEST_DIR = new URL('.', import.meta.url).pathname;

test('every catalog rule has a test that names it', () => {
  const text = readdirSync(TEST_DIR)
    .filter((f) => f.endsWith('.ts') && f !== 'coverage.test.ts')
    .map((f) => readFileSync(join(TEST_DIR, f), 'utf8'))
    .join('\n');
  const untested = ALL_RULES.map((r) => r.meta.id).filter((id) => !text.includes(id));
  assert.deepEqual(untested, []);
});

test('rule ids are unique and kebab-case', () => {
  const ids = ALL_RULES.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
});
