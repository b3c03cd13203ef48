// Parse, never evaluate: no source file may reach for dynamic code execution, process spawning or the
// network. ESLint enforces most of this too; this test also covers patterns ESLint's rules do not name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = new URL('../../src/', import.meta.url).pathname;

/** Files allowed one of the patterns, with the reason. */
const ALLOW: Record<string, string[]> = {
  // Loads iacjudge's own worker module (a fixed path from the pool), only when running from sources under tsx.
  'corpus/tsx-worker-bootstrap.mjs': ['dynamic-import'],
};

const FORBIDDEN: { id: string; pattern: RegExp }[] = [
  { id: 'child-process', pattern: /(?:from\s+|require\s*\(\s*|import\s*\(\s*)['"](?:node:)?child_process['"]/ },
  { id: 'vm', pattern: /(?:from\s+|require\s*\(\s*|import\s*\(\s*)['"](?:node:)?vm['"]/ },
  { id: 'eval', pattern: /(?<![\w.])eval\s*\(/ },
  { id: 'function-constructor', pattern: /new\s+Function\s*\(/ },
  { id: 'require', pattern: /(?<![\w.])require\s*\(\s*[^'"\s]/ },
  // A literal specifier names the project's own module (or a type); a computed one could load anything.
  { id: 'dynamic-import', pattern: /(?<![\w.])import\s*\(\s*[^'"\s]/ },
  { id: 'network', pattern: /(?:from\s+|require\s*\(\s*|import\s*\(\s*)['"](?:node:)?(?:http|https|net|tls|dgram|http2)['"]|(?<![\w.])fetch\s*\(/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|mts|js|mjs|cjs)$/.test(name) ? [p] : [];
  });
}

test('no source file uses eval, Function, vm, child processes, dynamic require/import or the network', () => {
  const violations: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const rel = relative(SRC, file);
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1');
    for (const { id, pattern } of FORBIDDEN) {
      if (pattern.test(text) && !(ALLOW[rel] ?? []).includes(id)) violations.push(`${rel}: ${id}`);
    }
  }
  assert.deepEqual(violations, []);
});

test('the guard itself catches each forbidden pattern', () => {
  const samples: Record<string, string> = {
    'child-process': "import { spawn } from 'node:child_process';",
    vm: "import vm from 'vm';",
    eval: 'const x = eval(code);',
    'function-constructor': 'const f = new Function("return 1");',
    require: 'const m = require(path);',
    'dynamic-import': 'await import(userPath);',
    network: "await fetch('http://example.com');",
  };
  for (const { id, pattern } of FORBIDDEN) assert.ok(pattern.test(samples[id]!), id);
  assert.ok(!FORBIDDEN.find((f) => f.id === 'eval')!.pattern.test('const evaluated = x.eval(1); medieval (x)'));
  assert.ok(!FORBIDDEN.find((f) => f.id === 'network')!.pattern.test("const protocols = ['https', 'tls'];"));
  assert.ok(!FORBIDDEN.find((f) => f.id === 'dynamic-import')!.pattern.test("type T = import('./x.js').Y;"));
});
