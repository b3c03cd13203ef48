/** Shared by the score/verify/recall evaluations: the dev corpus location, its tasks, simple CLI flags. */
import type { Task } from '../../src/contracts/task.js';
import type { SourceFile } from '../../src/model/types.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverTasks, type CorpusTask } from '../../src/corpus/discover.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusRoot = resolve(repoRoot, '../shared/corpus/dev');

/** Prints why and exits 0 when the shared corpus is not there (CI without ../shared, a fresh clone). */
export function requireCorpus(name: string): void {
  if (!existsSync(corpusRoot)) {
    console.log(`${name}: corpus not found at ${corpusRoot}; nothing to evaluate.`);
    process.exit(0);
  }
}

export interface EvalFlags {
  limit: number | null;
  platform: string | null;
  verbose: boolean;
}

export function parseFlags(argv: string[] = process.argv.slice(2)): EvalFlags {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] ?? null : null;
  };
  const limit = get('--limit');
  return { limit: limit ? Number(limit) : null, platform: get('--platform'), verbose: argv.includes('--verbose') };
}

export function corpusTasks(flags: EvalFlags): CorpusTask[] {
  let tasks = discoverTasks(corpusRoot, flags.platform ? [flags.platform] : undefined);
  if (flags.limit) tasks = tasks.slice(0, flags.limit);
  return tasks;
}

/** The recorded training_quality of a task, when it is a number on the 0–10 scale. */
export function recordedQuality(taskPath: string): number | null {
  try {
    const meta = JSON.parse(readFileSync(join(taskPath, 'metadata.json'), 'utf8')) as { training_quality?: unknown };
    const q = meta.training_quality;
    return typeof q === 'number' && q >= 1 && q <= 10 ? q : null;
  } catch {
    return null;
  }
}

export function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a';
}

/** A task around one response's files, for evals that run rules without ingesting a folder. */
export function syntheticTask(
  platform: string,
  prompt: string | null,
  metadata: Task['metadata'],
  files: SourceFile[],
  path: string,
  opts: { withModel?: boolean } = {},
): Task {
  return {
    path,
    platform,
    language: platform.endsWith('ts') ? 'ts' : 'hcl',
    platformSource: 'metadata',
    metadata,
    prompt,
    model: opts.withModel === false ? null : { origin: 'lib/MODEL_RESPONSE.md', files, warnings: [] },
    ideal: null,
    failures: null,
    logs: [],
    extraFiles: [],
    listing: files.map((f) => f.path),
    warnings: [],
  };
}
