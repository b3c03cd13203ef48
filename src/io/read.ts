/**
 * The one way iacjudge reads a file it did not write: task files, `.iacjudge.json`, metadata.json, logs, schema
 * artifacts and imports, --model/--ideal. Analyzed inputs are untrusted, so a read must never hang (a FIFO), never
 * exhaust memory (/dev/zero, a huge file, a gzip bomb) and never follow a link out of the task folder. Every refusal
 * is a value with a message that names the file by its label only and never contains a byte of the file.
 *
 * Bottom-level module: imports nothing from the analysis stages.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Default cap on one input file (task files, config, metadata, logs): 5 MiB. Documented in the README. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
/** Cap on a schema artifact once decompressed (the bundled one is about 4 MB of JSON): 64 MiB. */
export const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

export type RefusalReason = 'missing' | 'not-regular' | 'outside' | 'too-large' | 'unreadable' | 'decompression';

export type ReadOutcome = { ok: true; bytes: Buffer; truncated: boolean } | { ok: false; reason: RefusalReason; message: string };

export interface BoundedReadOptions {
  /** How the file is named in messages (keep it relative: output must not show where files live). */
  label: string;
  /** Byte cap; default MAX_INPUT_BYTES. */
  maxBytes?: number;
  /**
   * A folder the file must resolve inside (after following every link). Task-owned files pass the task folder,
   * so `lib/x.tf -> /etc/shadow` is refused; files the user names on the command line pass nothing.
   */
  within?: string;
  /** Over the cap: read the first maxBytes instead of refusing (logs, where the start carries the errors). */
  truncate?: boolean;
}

// O_NONBLOCK: opening a FIFO without a writer would otherwise block forever before any fstat can refuse it.
// Windows has neither flag; there, FIFOs of this kind do not exist.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !/^([A-Za-z]:|[\\/])/.test(rel));
}

function refuse(reason: RefusalReason, message: string): ReadOutcome {
  return { ok: false, reason, message };
}

/** Reads a regular file within bounds, or says why not. Never throws, never blocks on special files. */
export function readBounded(path: string, opts: BoundedReadOptions): ReadOutcome {
  const { label } = opts;
  const maxBytes = opts.maxBytes ?? MAX_INPUT_BYTES;
  let target: string;
  try {
    target = realpathSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A dangling link and a missing file look the same from here; lstat tells them apart for the message.
    let dangling = false;
    try {
      dangling = lstatSync(path).isSymbolicLink();
    } catch {
      // missing
    }
    if (dangling) return refuse('missing', `${label}: broken symlink; not read`);
    return refuse(code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', `${label}: ${code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? 'error'})`}`);
  }
  if (opts.within !== undefined) {
    let root: string;
    try {
      root = realpathSync(opts.within);
    } catch {
      return refuse('unreadable', `${label}: its folder cannot be resolved; not read`);
    }
    if (!isInside(root, target)) return refuse('outside', `${label}: symlink points outside the task folder; not read`);
  }
  // Check the kind before opening where possible (a device open can have side effects), then again on the
  // descriptor itself, so a file swapped between the two checks is still refused.
  try {
    if (!lstatSync(target).isFile()) return refuse('not-regular', `${label}: not a regular file (FIFO, device, socket or folder); not read`);
  } catch (err) {
    return refuse('unreadable', `${label}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let fd: number;
  try {
    fd = openSync(target, OPEN_FLAGS | (constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    return refuse('unreadable', `${label}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return refuse('not-regular', `${label}: not a regular file (FIFO, device, socket or folder); not read`);
    if (st.size > maxBytes && !opts.truncate) return refuse('too-large', `${label}: ${st.size} bytes is over the ${maxBytes}-byte limit; not read`);
    // Read at most maxBytes + 1 whatever the size says: a file growing while read (or lying /proc sizes) stays bounded.
    const want = Math.min(maxBytes + 1, Math.max(st.size + 1, 64 * 1024));
    let buf = Buffer.allocUnsafe(want);
    let len = 0;
    for (;;) {
      if (len === buf.length) {
        if (buf.length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      const n = readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) break;
      len += n;
    }
    if (len > maxBytes) {
      if (!opts.truncate) return refuse('too-large', `${label}: over the ${maxBytes}-byte limit; not read`);
      return { ok: true, bytes: buf.subarray(0, maxBytes), truncated: true };
    }
    return { ok: true, bytes: buf.subarray(0, len), truncated: false };
  } catch (err) {
    return refuse('unreadable', `${label}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gunzips with an output cap, so a small bomb cannot expand into gigabytes. */
export function gunzipBounded(bytes: Uint8Array, label: string, maxBytes = MAX_DECOMPRESSED_BYTES): ReadOutcome {
  try {
    return { ok: true, bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }), truncated: false };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      return refuse('decompression', `${label}: decompresses to more than ${maxBytes} bytes; not read`);
    }
    return refuse('decompression', `${label}: not valid gzip data`);
  }
}

/**
 * A JSON.parse error message without the excerpt of the input V8 quotes in it (`Unexpected token 'r', "root:x:0..."
 * is not valid JSON`): the position is enough to fix a file, and the excerpt could be someone's secret.
 */
export function jsonErrorMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const pos = /\bposition (\d+)/.exec(msg);
  const at = pos ? ` at position ${pos[1]}` : '';
  // Only V8's own wording is kept; `Unexpected token 'r', "root:x:0..."` quotes the input and is cut at the token.
  if (/^Unexpected token\b/.test(msg)) return `unexpected token${at}`;
  if (/^Unexpected end of JSON input/.test(msg)) return 'unexpected end of JSON input';
  const head = msg.split(/ in JSON\b/)[0]!.replace(/ at position \d+$/, '');
  return head.includes('"') || head.length > 120 ? `invalid JSON${at}` : `${head}${at}`;
}
