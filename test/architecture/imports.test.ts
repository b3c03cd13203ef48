import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layers of src/, bottom first: the contracts and the normalized model, then the stages in pipeline order,
 * then the wiring, the corpus runner on top of it, and the CLI. A module may import its own folder or any folder below it, never one above.
 */
const LAYERS = [
  'version.ts',
  'taxonomy',
  'io',
  'findings',
  'model',
  'contracts',
  'extract',
  'ingest',
  'schema',
  'hcl',
  'cdktf',
  'rules',
  'diff',
  'logs',
  'verify',
  'judge',
  'score',
  'report',
  'pipeline',
  'corpus',
  'cli',
  'index.ts',
];

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function layerOf(path: string): string {
  return relative(src, path).replace(/\.js$/, '.ts').split(/[\\/]/)[0]!;
}

/** Upward imports in `files` (path → source text): `from → to` lines. */
export function upwardImports(files: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const from = LAYERS.indexOf(layerOf(file));
    for (const m of text.matchAll(IMPORT)) {
      const target = normalize(join(dirname(file), m[1]!));
      const to = LAYERS.indexOf(layerOf(target));
      if (from < 0 || to < 0) out.push(`${relative(src, file)} → ${relative(src, target)} (folder not in LAYERS)`);
      else if (to > from) out.push(`${relative(src, file)} → ${relative(src, target)}`);
    }
  }
  return out.sort();
}

test('no import runs upward: stages import contracts and earlier stages, never the pipeline or the CLI', () => {
  const files = new Map(tsFiles(src).map((f) => [f, readFileSync(f, 'utf8')] as const));
  assert.deepEqual(upwardImports(files), []);
});

test('the import check flags an upward import and a folder it does not know', () => {
  const files = new Map([
    [join(src, 'rules/x.ts'), "import type { Stage } from '../pipeline/stages.js';\nimport { a } from './y.js';"],
    [join(src, 'newfolder/z.ts'), "import { b } from '../model/types.js';"],
    [join(src, 'judge/ok.ts'), "import { c } from '../rules/types.js';\nconst d = await import('../findings/merge.js');"],
  ]);
  assert.deepEqual(upwardImports(files), ['newfolder/z.ts → model/types.js (folder not in LAYERS)', 'rules/x.ts → pipeline/stages.js']);
});
