/** Checks shared by the fuzz properties: a per-call time limit and span sanity over whole result graphs. */
import assert from 'node:assert/strict';

/** Per-call limit for inputs up to 50 KB. */
export const CALL_LIMIT_MS = 2000;

/** CPU time (user + system, ms) `fn` takes: unlike wall time it does not grow when other processes load the machine. */
export function cpuTimeOf(fn: () => unknown): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Runs `fn`, failing when it uses more than `limitMs` of CPU time; returns its result. */
export function timed<T>(what: string, fn: () => T, limitMs = CALL_LIMIT_MS): T {
  let out: T | undefined;
  const took = cpuTimeOf(() => {
    out = fn();
  });
  assert.ok(took < limitMs, `${what} took ${took.toFixed(0)} ms of CPU (limit ${limitMs} ms)`);
  return out as T;
}

export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Lines as CommonMark counts them (`\r\n`, `\r` and `\n` all end a line): markdown lines come from mdast. */
export function markdownLineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** Lines as TypeScript counts them (every ECMAScript line terminator): CDKTF spans come from the TS compiler. */
export function scriptLineCount(text: string): number {
  return text.split(/\r\n|[\r\n\u2028\u2029]/).length;
}

interface SpanLike {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function isSpan(v: object): v is SpanLike {
  const s = v as Partial<SpanLike>;
  return typeof s.file === 'string' && typeof s.line === 'number' && typeof s.column === 'number' && typeof s.endLine === 'number';
}

/**
 * Every span reachable from `root` (blocks, attributes, expressions, diagnostics, symbols...) points into its file:
 * 1 ≤ line ≤ endLine ≤ lines + 1, columns ≥ 1. `lines` maps a file path to its line count; spans of other files
 * (none expected) fail.
 */
export function assertSpansWithin(root: unknown, lines: Map<string, number>): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (isSpan(v)) {
      const max = lines.get(v.file);
      const where = JSON.stringify(v);
      assert.ok(max !== undefined, `span in an unknown file: ${where}`);
      assert.ok(Number.isInteger(v.line) && v.line >= 1 && v.line <= max + 1, `line out of range (file has ${max} lines): ${where}`);
      assert.ok(v.endLine >= v.line && v.endLine <= max + 1, `endLine out of range (file has ${max} lines): ${where}`);
      assert.ok(v.column >= 1 && v.endColumn >= 1, `column out of range: ${where}`);
      continue;
    }
    if (v instanceof Map) for (const x of v.values()) stack.push(x);
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else for (const x of Object.values(v)) stack.push(x);
  }
}

/** A path extraction may produce: relative, forward slashes, no `..`, no NUL, no drive letter. */
export function assertSafePath(path: string): void {
  assert.ok(path.length > 0, 'empty path');
  assert.ok(!path.startsWith('/'), `absolute path: ${JSON.stringify(path)}`);
  assert.ok(!path.includes('\\'), `backslash in path: ${JSON.stringify(path)}`);
  assert.ok(!path.includes('\0'), `NUL in path: ${JSON.stringify(path)}`);
  assert.ok(!/^[A-Za-z]:/.test(path), `drive letter in path: ${JSON.stringify(path)}`);
  assert.ok(!path.split('/').includes('..'), `.. in path: ${JSON.stringify(path)}`);
}
