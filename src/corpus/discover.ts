/** Finds task folders under a corpus root, in a stable order, and selects shards deterministically. */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !/^([A-Za-z]:|[\\/])/.test(rel));
}

export interface CorpusTask {
  /** Path relative to the corpus root, with `/` separators: the stable key of a task. */
  key: string;
  /** Path to pass to analyze. */
  path: string;
  /** Platform when the folder layout says it (`<root>/tf-hcl/<task>`), else null (read from metadata later). */
  platformHint: string | null;
}

const KNOWN_PLATFORMS = new Set(['tf-hcl', 'cdktf-ts', 'cfn-yaml', 'cfn-json', 'cdk-ts', 'cdk-py', 'pulumi-ts', 'pulumi-py']);
const MAX_DEPTH = 5;

function isTaskFolder(dir: string): boolean {
  return existsSync(join(dir, 'metadata.json')) || existsSync(join(dir, 'lib', 'MODEL_RESPONSE.md'));
}

export function discoverTasks(root: string, platforms?: string[]): CorpusTask[] {
  const out: CorpusTask[] = [];
  const realRoot = realpathSync(root);
  const walk = (dir: string, depth: number) => {
    if (isTaskFolder(dir)) {
      const key = relative(root, dir).split(sep).join('/') || '.';
      const parent = key.split('/').slice(-2, -1)[0];
      out.push({ key, path: dir, platformHint: parent && KNOWN_PLATFORMS.has(parent) ? parent : null });
      return;
    }
    if (depth >= MAX_DEPTH) return;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      try {
        const st = lstatSync(p);
        // A linked folder is followed only when it stays inside the corpus: no escape, and loops end at MAX_DEPTH.
        if (st.isSymbolicLink()) {
          if (statSync(p).isDirectory() && isInside(realRoot, realpathSync(p))) walk(p, depth + 1);
        } else if (st.isDirectory()) walk(p, depth + 1);
      } catch {
        // unreadable entries are skipped
      }
    }
  };
  walk(root, 0);
  const filtered = platforms?.length ? out.filter((t) => t.platformHint === null || platforms.includes(t.platformHint)) : out;
  return filtered.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** FNV-1a: a stable hash so a task stays in its shard when the corpus grows. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (1-based i). */
export function parseShard(spec: string): Shard {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(spec.trim());
  if (!m) throw new Error(`--shard takes i/n, e.g. 2/8 (got "${spec}")`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new Error(`--shard ${spec}: i must be between 1 and n`);
  return { index, count };
}

export function inShard(key: string, shard: Shard): boolean {
  return fnv1a(key) % shard.count === shard.index - 1;
}
