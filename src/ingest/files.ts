/**
 * Bounded, symlink-safe reading of a task folder: a walk that never leaves the folder, and a text reader that
 * skips oversized and binary files, decodes invalid UTF-8 with replacement and strips a BOM, each with a warning.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { MAX_INPUT_BYTES, readBounded, type RefusalReason } from '../io/read.js';
import type { ExtractionWarning } from '../contracts/task.js';

export const DEFAULT_MAX_FILE_BYTES = MAX_INPUT_BYTES;
export const MAX_ENTRIES = 5000;
export const MAX_DEPTH = 8;

/** Folders never listed: dependencies, VCS data, build and provider caches. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.terraform', 'cdktf.out', '.gen', 'dist', 'coverage', '__pycache__']);

export interface WalkResult {
  /** Relative POSIX paths of files, sorted. */
  files: string[];
  truncated: boolean;
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/**
 * Lists files under `root` (depth ≤ MAX_DEPTH, ≤ MAX_ENTRIES). Symlinked files count only when they resolve
 * inside the root; symlinked folders are never entered (no cycles, no escape).
 */
export function walkFolder(root: string, warnings: ExtractionWarning[]): WalkResult {
  const realRoot = realpathSync(root);
  const files: string[] = [];
  let truncated = false;
  const visit = (dir: string, depth: number): void => {
    if (truncated) return;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      warnings.push({ kind: 'unreadable', message: `cannot read folder ${toPosix(relative(root, dir)) || '.'}` });
      return;
    }
    for (const name of names) {
      if (files.length >= MAX_ENTRIES) {
        truncated = true;
        warnings.push({ kind: 'listing-truncated', message: `task folder has more than ${MAX_ENTRIES} files; the rest are ignored` });
        return;
      }
      const full = join(dir, name);
      const rel = toPosix(relative(root, full));
      let st;
      try {
        st = lstatSync(full);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(full);
        } catch {
          warnings.push({ kind: 'symlink', file: rel, message: `${rel}: broken symlink ignored` });
          continue;
        }
        if (!isInside(realRoot, target)) {
          warnings.push({ kind: 'symlink', file: rel, message: `${rel}: symlink points outside the task folder; ignored` });
          continue;
        }
        const kind = statSync(target);
        if (kind.isFile()) files.push(rel);
        else if (!kind.isDirectory()) warnings.push({ kind: 'not-regular', file: rel, message: `${rel}: not a regular file (FIFO, device or socket); ignored` });
        continue;
      }
      if (st.isDirectory()) {
        if (SKIPPED_DIRS.has(name)) continue;
        if (depth + 1 > MAX_DEPTH) continue;
        visit(full, depth + 1);
      } else if (st.isFile()) {
        files.push(rel);
      } else {
        // A FIFO would block a reader forever and a device never ends: listed nowhere, said once.
        warnings.push({ kind: 'not-regular', file: rel, message: `${rel}: not a regular file (FIFO, device or socket); ignored` });
      }
    }
  };
  visit(root, 0);
  files.sort();
  return { files, truncated };
}

export interface ReadOptions {
  maxFileBytes: number;
  /** How the file is named in warnings (relative path). */
  label: string;
  /** Folder the file must resolve inside (the task folder for task-owned files). */
  within?: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LENIENT = new TextDecoder('utf-8');

const WARNING_KIND: Record<RefusalReason, string> = {
  missing: 'unreadable',
  'not-regular': 'not-regular',
  outside: 'symlink',
  'too-large': 'too-large',
  unreadable: 'unreadable',
  decompression: 'too-large',
};

/**
 * Reads a text file within bounds; returns null (with a warning) for missing, special, outside, oversized or binary
 * files. The bounded reader does the refusing; this adds the text checks (NUL bytes, UTF-8, BOM).
 */
export function readText(path: string, opts: ReadOptions, warnings: ExtractionWarning[]): string | null {
  const got = readBounded(path, { label: opts.label, maxBytes: opts.maxFileBytes, ...(opts.within !== undefined ? { within: opts.within } : {}) });
  if (!got.ok) {
    // A file that vanished between the listing and the read is not worth a warning; every other refusal is.
    if (got.reason !== 'missing' || opts.within === undefined) warnings.push({ kind: WARNING_KIND[got.reason], file: opts.label, message: `${got.message}; skipped` });
    return null;
  }
  const bytes = got.bytes;
  if (bytes.includes(0)) {
    warnings.push({ kind: 'binary', file: opts.label, message: `${opts.label}: binary file (NUL bytes); skipped` });
    return null;
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    warnings.push({ kind: 'invalid-utf8', file: opts.label, message: `${opts.label}: invalid UTF-8; undecodable bytes replaced` });
    text = UTF8_LENIENT.decode(bytes);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
