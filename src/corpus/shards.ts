/**
 * Sharded runs on engines a team already has: the shard comes from `--shard i/n` or from the environment an
 * Indexed Job sets (`JOB_COMPLETION_INDEX`, 0-based, with `IACJUDGE_SHARD_COUNT`); each shard's results file
 * gets a `.shard.json` record (which shard, how many tasks it holds) so the merge can tell a complete set
 * from a missing, repeated or cut-short shard.
 */
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { readBounded } from '../io/read.js';
import { inShard, parseShard, type Shard } from './discover.js';

export const SHARD_INDEX_ENV = 'JOB_COMPLETION_INDEX';
export const SHARD_COUNT_ENV = 'IACJUDGE_SHARD_COUNT';

/** The shard the environment names, undefined when it names none; throws on a half-given or malformed pair. */
export function shardFromEnv(env: NodeJS.ProcessEnv): Shard | undefined {
  const index = env[SHARD_INDEX_ENV]?.trim();
  const count = env[SHARD_COUNT_ENV]?.trim();
  if (!index && !count) return undefined;
  if (!count) throw new Error(`${SHARD_INDEX_ENV}=${index} is set but ${SHARD_COUNT_ENV} is not: set it to the Job's completions`);
  if (!index) throw new Error(`${SHARD_COUNT_ENV}=${count} is set but ${SHARD_INDEX_ENV} is not (an Indexed Job sets it; elsewhere use --shard i/n)`);
  if (!/^\d{1,6}$/.test(index)) throw new Error(`${SHARD_INDEX_ENV} must be a whole number from 0 (got "${index}")`);
  // JOB_COMPLETION_INDEX counts from 0; --shard from 1.
  return parseShard(`${Number(index) + 1}/${count}`);
}

export interface ShardRecord {
  /** `i/n`, 1-based. */
  shard: string;
  /** Tasks the shard was given: a shard whose results file holds fewer did not finish. */
  tasks: number;
}

export const shardRecordPath = (results: string) => `${results}.shard.json`;

export function shardRecordText(shard: Shard, tasks: number): string {
  return JSON.stringify({ shard: `${shard.index}/${shard.count}`, tasks } satisfies ShardRecord) + '\n';
}

function readShardRecord(results: string): ShardRecord | null {
  const path = shardRecordPath(results);
  if (!existsSync(path)) return null;
  const read = readBounded(path, { label: basename(path), maxBytes: 64 * 1024 });
  if (!read.ok) throw new Error(read.message);
  let rec: ShardRecord;
  try {
    rec = JSON.parse(read.bytes.toString('utf8')) as ShardRecord;
  } catch {
    throw new Error(`${basename(path)} is not valid JSON`);
  }
  if (typeof rec.shard !== 'string' || !Number.isInteger(rec.tasks) || rec.tasks < 0) throw new Error(`${basename(path)} must hold {"shard":"i/n","tasks":N}`);
  parseShard(rec.shard);
  return rec;
}

/** Task keys of a results file (lines that do not parse are left to the summary, which reports them). */
async function taskKeys(path: string): Promise<string[]> {
  const keys: string[] = [];
  // Streamed: a results file can be larger than one string.
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    try {
      keys.push(String((JSON.parse(line) as { task: unknown }).task));
    } catch {
      // reported by the summary
    }
  }
  return keys;
}

/**
 * Checks that results files are one whole run: one file without a shard record is a run of its own; otherwise
 * every file carries a record, all of one shard count, each index exactly once, each file holding all its tasks
 * and only tasks of its shard. Returns the problems, empty when the set is complete. (Tasks repeated across files
 * are caught by the summary as it reads.)
 */
export async function shardSetProblems(files: string[]): Promise<string[]> {
  if (files.length === 0) return ['no results files given'];
  const records = files.map((f) => ({ file: f, rec: readShardRecord(f) }));
  if (files.length === 1 && !records[0]!.rec) return [];
  const problems: string[] = [];
  const missingRecord = records.filter((r) => !r.rec).map((r) => basename(r.file));
  if (missingRecord.length) problems.push(`no shard record (.shard.json beside it, written by \`iacjudge corpus\` with a shard) for: ${missingRecord.join(', ')}`);
  const withRec = records.filter((r): r is { file: string; rec: ShardRecord } => r.rec !== null);
  const counts = [...new Set(withRec.map((r) => parseShard(r.rec.shard).count))];
  if (counts.length > 1) problems.push(`the files come from runs with different shard counts (${counts.join(', ')})`);
  if (problems.length) return problems;
  const count = counts[0]!;
  const byIndex = new Map<number, string[]>();
  for (const r of withRec) {
    const shard = parseShard(r.rec.shard);
    byIndex.set(shard.index, [...(byIndex.get(shard.index) ?? []), basename(r.file)]);
    const keys = await taskKeys(r.file);
    if (keys.length < r.rec.tasks) problems.push(`${basename(r.file)} (shard ${r.rec.shard}) holds ${keys.length} of its ${r.rec.tasks} tasks: the shard did not finish (rerun it with --resume)`);
    const strays = keys.filter((k) => !inShard(k, shard));
    if (strays.length) problems.push(`${basename(r.file)} (shard ${r.rec.shard}) holds ${strays.length} task(s) of other shards, e.g. ${JSON.stringify(strays[0]!.slice(0, 200))}`);
  }
  const missing: number[] = [];
  for (let i = 1; i <= count; i++) if (!byIndex.has(i)) missing.push(i);
  if (missing.length) problems.push(`shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
  for (const [i, names] of [...byIndex].sort((a, b) => a[0] - b[0])) if (names.length > 1) problems.push(`shard ${i}/${count} given more than once: ${names.join(', ')}`);
  return problems;
}
