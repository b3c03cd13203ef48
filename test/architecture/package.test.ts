/**
 * Packaging: the LICENSE package.json names, an exports map that keeps `main`, `types` and `bin` true, the bundled CLI
 * in the published files, UsageError on the library entry, and a README whose set-up commands come first and whose
 * configuration section covers every key and parses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeTask, UsageError } from '../../src/index.js';
import { parseConfig } from '../../src/rules/config.js';
import { knownFindingIds } from '../../src/pipeline/suppress.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';

const repo = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  license: string;
  main: string;
  types: string;
  bin: Record<string, string>;
  files: string[];
  exports: Record<string, string | Record<string, string>>;
};
const readme = readFileSync(join(repo, 'README.md'), 'utf8');

test('LICENSE is the MIT license package.json names', () => {
  assert.equal(pkg.license, 'MIT');
  assert.match(readFileSync(join(repo, 'LICENSE'), 'utf8'), /^MIT License\n/);
});

test('the exports map agrees with main and types; bin and its bundle are published', () => {
  const dot = pkg.exports['.'] as Record<string, string>;
  assert.equal(dot['default'], `./${pkg.main}`);
  assert.equal(dot['types'], `./${pkg.types}`);
  const bin = pkg.bin['iacjudge']!;
  assert.ok(existsSync(join(repo, bin)));
  const target = /import\('\.\.\/(dist\/[^/]+)\//.exec(readFileSync(join(repo, bin), 'utf8'))?.[1];
  assert.ok(target, 'bin imports the build');
  assert.ok(pkg.files.includes(target), `${target} is in package.json files`);
});

test('UsageError comes from the library entry and marks input errors', () => {
  assert.throws(() => analyzeTask(join(repo, 'no-such-task-folder')), UsageError);
});

test('README: the two set-up commands come first', () => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const commands = firstBlock.split('\n').filter(Boolean).map((l) => l.replace(/\s+#.*$/, '').trim());
  assert.deepEqual(commands, ['npm ci && node bin/iacjudge.js analyze examples/serverless-api --format md', 'npm test']);
  assert.ok(readme.indexOf('```sh') < readme.indexOf('## '), 'before any section');
});

test('README: every .iacjudge.json key is documented and the example parses', () => {
  for (const key of ['rules', 'pipeline', 'conventions', 'schema', '$schema', ...Object.keys(DEFAULT_CONVENTIONS).map((k) => `conventions.${k}`)]) {
    assert.ok(readme.includes(`| \`${key}\` |`), `README documents ${key}`);
  }
  const section = readme.slice(readme.indexOf('### Configuration: `.iacjudge.json`'));
  const example = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(example);
  assert.doesNotThrow(() => parseConfig(example, 'README example', knownFindingIds()));
});
