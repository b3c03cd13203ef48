/**
 * Options shared by the commands that analyze: `--rule <id>=off|warn|error`, `--quiet`, the output checks that must
 * fail before an analysis is spent, and quiet EPIPE handling.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../contracts/errors.js';
import type { AnalysisResult } from '../contracts/pipeline.js';
import type { RuleSettings } from '../rules/config.js';

const LEVELS = ['off', 'warn', 'error'] as const;

/**
 * `--rule id=level` values (repeatable) as rule settings. `known` is every id a finding can carry; an unknown id or
 * level is a usage error rather than a setting that silently matches nothing.
 */
export function parseRuleFlags(values: readonly string[] | undefined, known: ReadonlySet<string>): RuleSettings {
  const out: RuleSettings = {};
  for (const v of values ?? []) {
    const m = /^([^=]+)=(.*)$/.exec(v);
    if (!m) throw new UsageError(`--rule ${v}: expected <rule-id>=off|warn|error`);
    const id = m[1]!.trim();
    const level = m[2]!.trim();
    if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(`--rule ${id}: unknown level "${level}" (expected off, warn or error)`);
    if (!known.has(id)) throw new UsageError(`--rule ${id}: unknown rule id (see iacjudge rules)`);
    out[id] = level as (typeof LEVELS)[number];
  }
  return out;
}

/** A count or a limit given on the command line (`--jobs`, `--timeout`): a whole number of at least 1. */
export function positiveInt(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} takes a positive whole number (got "${v}")`);
  return n;
}

/** `--quiet`: the failure tier only (observations are dropped from the report). */
export function failuresOnly(result: AnalysisResult): AnalysisResult {
  return { ...result, findings: result.findings.filter((f) => f.tier !== 'observation') };
}

/** `--out FILE` must go into an existing folder: said before the analysis, not as a raw ENOENT after it. */
export function requireOutputFolder(out: string): void {
  const dir = dirname(resolve(out));
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new UsageError(`--out: folder not found: ${dirname(out)}`);
  }
  if (!st.isDirectory()) throw new UsageError(`--out: not a folder: ${dirname(out)}`);
}

/** A task folder that exists, is a folder and can be listed. */
export function requireReadableFolder(path: string): void {
  if (!existsSync(path)) throw new UsageError(`task folder not found: ${path}`);
  if (!statSync(path).isDirectory()) throw new UsageError(`not a folder: ${path}`);
  try {
    readdirSync(path);
  } catch (err) {
    throw new UsageError(`cannot read folder ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

let epipeInstalled = false;

/**
 * A reader that goes away (`iacjudge parse x --json | head`) is not an error: stop quietly with exit 0, as
 * Unix tools do, instead of an unhandled EPIPE stack trace and exit 1 (which means "findings").
 */
export function exitQuietlyOnEpipe(): void {
  if (epipeInstalled) return;
  epipeInstalled = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      process.stderr.write(`iacjudge: cannot write output (${err.code ?? err.message})\n`);
      process.exit(2);
    });
  }
}
