#!/usr/bin/env node
// Thin loader: `npm run build` (run by `prepare` on `npm ci`) writes the bundled CLI to dist/cli/ (one file plus
// code-split command chunks, loaded on demand: see scripts/build-cli.mjs) beside the plain compiled dist/src/.
import { main } from '../dist/cli/iacjudge.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`iacjudge: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
