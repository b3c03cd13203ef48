#!/usr/bin/env node
// Runs every test/**/*.test.ts with node's own test runner, TypeScript loaded by tsx.
// `--fuzz` sets IACJUDGE_FUZZ_RUNS high for the long property-based run.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
// `npm run fuzz -- --scaling [--huge] [--only fences,...] [--keep] [--no-build]`: the size-scaling check of
// scripts/fuzz-scaling.ts (minutes of CPU: never part of `npm test`), instead of the test files.
if (args.includes('--scaling')) {
  const passed = args.filter((a) => a !== '--scaling' && a !== '--fuzz');
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/fuzz-scaling.ts', ...passed], { stdio: 'inherit' });
  process.exit(res.status ?? 1);
}
// A test that hangs fails after this long instead of stalling CI (the slowest test takes about a minute).
const TEST_TIMEOUT_MS = 5 * 60 * 1000;
const env = { ...process.env };
if (args.includes('--fuzz')) env.IACJUDGE_FUZZ_RUNS = env.IACJUDGE_FUZZ_RUNS ?? '2000';
const filters = args.filter((a) => !a.startsWith('--'));

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...collect(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

let files = collect('test');
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (!files.length) {
  console.error('no test files matched');
  process.exit(1);
}
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-timeout=${TEST_TIMEOUT_MS}`, ...files], {
  stdio: 'inherit',
  env,
});
process.exit(res.status ?? 1);
