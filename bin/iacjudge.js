#!/usr/bin/env node
// Thin loader: `npm run build` (run by `prepare` on `npm ci`) writes the bundled CLI to dist/cli/ (one file plus
// code-split command chunks, loaded on demand: see scripts/build-cli.mjs) beside the plain compiled dist/src/.
// A source checkout installed without scripts (`npm ci --ignore-scripts` skips `prepare`) has no dist/: it runs the
// same entry from the TypeScript sources through tsx, a dev dependency (same output, slower start-up).
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

async function load() {
  if (existsSync(new URL('../dist/cli/iacjudge.js', import.meta.url))) return import('../dist/cli/iacjudge.js');
  const source = new URL('../src/cli/lazy-main.ts', import.meta.url);
  let tsx;
  try {
    tsx = existsSync(source) ? await import('tsx/esm/api') : undefined;
  } catch {
    tsx = undefined;
  }
  if (!tsx) throw new Error('the CLI is not built (dist/cli/iacjudge.js is missing): run `npm run build`');
  tsx.register();
  return import(source.href);
}

load()
  .then(({ main }) => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`iacjudge: internal error: ${err && err.message ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
