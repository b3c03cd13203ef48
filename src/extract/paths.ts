/**
 * Normalizes file names found in markdown into safe relative paths under the task layout.
 * Anything that could escape the output folder or misbehave on some filesystem is rejected, never repaired.
 */

/** Folders the pipeline layout has at the top; other relative paths live under lib/. */
const TOP_FOLDERS = new Set(['lib', 'bin', 'test', 'tests']);

/** Windows device names, reserved with or without an extension (`con.tf` is as bad as `CON`). */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

const MAX_PATH = 1024;
const MAX_SEGMENT = 255;

export type PathResult = { ok: true; path: string } | { ok: false; reason: string };

/** True for characters a path must not contain: NUL and other C0 controls, DEL. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/**
 * `main.tf` → `lib/main.tf`; `lib/lambda/index.py`, `bin/tap.ts`, `test/x.test.ts` unchanged;
 * `modules/vpc/main.tf` → `lib/modules/vpc/main.tf`; `/lib/main.tf` → `lib/main.tf` and `/modules/kms/main.tf` → `modules/kms/main.tf` (written from the project's root). Rejects other absolute paths, `..`, NUL/control characters,
 * drive letters, backslashes, colons and reserved device names.
 */
export function normalizeResponsePath(raw: string): PathResult {
  if (raw.length === 0) return { ok: false, reason: 'empty path' };
  if (raw.length > MAX_PATH) return { ok: false, reason: 'path too long' };
  if (hasControl(raw)) return { ok: false, reason: 'path contains NUL or control characters' };
  // Markdown parsing turns NUL bytes (and decoding turns invalid UTF-8) into U+FFFD: the name was garbled.
  if (raw.includes('\uFFFD')) return { ok: false, reason: 'path contains a NUL byte or invalid character' };
  if (raw.includes('\\')) return { ok: false, reason: 'path contains a backslash' };
  if (/^[A-Za-z]:/.test(raw)) return { ok: false, reason: 'path has a drive letter' };
  if (raw.includes(':')) return { ok: false, reason: 'path contains a colon' };
  // `/lib/main.tf`, `/modules/kms/main.tf`: the project's own folders written from its root (a heading's style, not
  // a place on the machine); any other absolute path is rejected.
  const projectRooted = /^\/(lib|bin|test|tests|modules)\/[^/]/.test(raw);
  if (!projectRooted && (raw.startsWith('/') || raw.startsWith('~'))) return { ok: false, reason: 'path is absolute' };
  let rel = projectRooted ? raw.slice(1) : raw;
  while (rel.startsWith('./')) rel = rel.slice(2);
  const segments = rel.split('/');
  for (const seg of segments) {
    if (seg === '..') return { ok: false, reason: 'path contains ..' };
    if (seg === '' || seg === '.') return { ok: false, reason: 'path has an empty or `.` segment' };
    if (seg.length > MAX_SEGMENT) return { ok: false, reason: 'path segment too long' };
    const stem = seg.split('.')[0] ?? '';
    if (RESERVED.test(stem)) return { ok: false, reason: `\`${seg}\` is a reserved device name` };
    if (/[. ]$/.test(seg)) return { ok: false, reason: 'path segment ends with a dot or space' };
  }
  // A rooted path names its folder from the project's root (`/modules/kms` beside `lib/`): kept where it says.
  if (!projectRooted && (!TOP_FOLDERS.has(segments[0] ?? '') || segments.length === 1)) rel = `lib/${rel}`;
  return { ok: true, path: rel };
}
