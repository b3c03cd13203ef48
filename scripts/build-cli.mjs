#!/usr/bin/env node
/**
 * Bundles the CLI into dist/cli/ with esbuild (run by `npm run build`, after tsc). Why: loading hundreds of ESM
 * files and the TypeScript compiler up front made every command cost 12-15x a bare `node -e 0`.
 *
 * - Native modules (tree-sitter and its grammar), web-tree-sitter (it reads its .wasm beside itself) and the packages
 *   loaded on demand stay external.
 * - `typescript` is replaced by a proxy that requires the compiler on first use: only CDKTF input (and the
 *   TypeScript rules that run on it) pays for it. Sources keep their plain `import ts from 'typescript'`.
 * - Each bundled module's `import.meta.url` is rewritten to the URL of its tsc output under dist/src/, so every
 *   path a module resolves relative to itself (the bundled schema, package.json, the corpus worker, chart.js)
 *   resolves exactly as in the unbundled build, which `npm run build` writes first.
 * - Commands are code-split chunks: `iacjudge --version` loads none of them.
 */
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Loaded by node at run time, never bundled: native bindings, and what is only required on demand. */
const EXTERNAL = ['tree-sitter', '@tree-sitter-grammars/tree-sitter-hcl', 'web-tree-sitter', 'ajv', 'chart.js', 'typescript'];

const LAZY_TYPESCRIPT = `
import { createRequire } from 'node:module';
let ts;
const load = () => (ts ??= createRequire(import.meta.url)('typescript'));
export default new Proxy({}, {
  get: (_t, k) => load()[k],
  has: (_t, k) => k in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_t, k) => {
    const d = Object.getOwnPropertyDescriptor(load(), k);
    return d && { ...d, configurable: true };
  },
});
`;

/**
 * Builds the bundle into `outdir` (default dist/cli). `moduleRoot` is the folder holding the unbundled modules that
 * each bundled module's import.meta.url stands for (default dist, the tsc output; tests use the repo itself).
 */
export async function buildCli({ outdir = resolve(repo, 'dist/cli'), moduleRoot = resolve(repo, 'dist') } = {}) {
  const plugins = [
    {
      name: 'lazy-typescript',
      setup(b) {
        b.onResolve({ filter: /^typescript$/ }, () => ({ path: 'typescript', namespace: 'lazy-ts' }));
        b.onLoad({ filter: /.*/, namespace: 'lazy-ts' }, () => ({ contents: LAZY_TYPESCRIPT, loader: 'js', resolveDir: repo }));
      },
    },
    {
      name: 'module-url-as-unbundled',
      setup(b) {
        b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
          let contents = await readFile(args.path, 'utf8');
          if (contents.includes('import.meta.url')) {
            const unbundled = join(moduleRoot, relative(repo, args.path)).replace(/\.ts$/, '.js');
            // Relative from the output folder (every output file sits directly in it), so the build can be moved.
            const rel = relative(outdir, unbundled).split(sep).join('/');
            contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
          }
          return { contents, loader: 'ts' };
        });
      },
    },
  ];

  // Chunk names carry content hashes: stale ones from an earlier build would pile up.
  await rm(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { iacjudge: resolve(repo, 'src/cli/lazy-main.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // jsonc-parser's `main` is a UMD build that requires its own files at run time, which a bundle cannot resolve;
    // its ES module build bundles like any other source.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins,
    // Chunks beside the entry: the import.meta.url rewrite assumes every output file sits in outdir.
    chunkNames: '[name]-[hash]',
    logLevel: 'warning',
    legalComments: 'none',
    // Bundled CommonJS dependencies (commander, semver...) call require() for node built-ins: give ESM output one.
    banner: { js: "import { createRequire as __iacjudgeRequire } from 'node:module'; const require = __iacjudgeRequire(import.meta.url);" },
  });
  return join(outdir, 'iacjudge.js');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli();
