/**
 * `iacjudge extract <markdown> --out DIR`: writes the files a response's markdown contains under DIR, never
 * outside it. Every path is validated again before writing, and no write goes through a symlink inside DIR.
 * `--json` prints what extraction decided for every code fence (file, excerpt of a file, prose example, ...),
 * the excerpts kept as fix hints and where the response is cut off, with or without `--out`.
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, realpathSync, statSync, writeSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import type { RegisterCommand } from './index.js';
import { UsageError } from '../../contracts/errors.js';
import { stripControls } from '../../io/text.js';
import { extractResponse } from '../../extract/index.js';
import { normalizeResponsePath } from '../../extract/paths.js';
import { DEFAULT_MAX_FILE_BYTES, readText } from '../../ingest/files.js';
import type { ExtractionWarning } from '../../contracts/task.js';
import type { SourceFile } from '../../model/types.js';
import { appendAll } from '../../io/arrays.js';

export type WriteResult = { ok: true } | { ok: false; reason: string };

/**
 * Writes `content` at `rel` under `root` (a real, existing folder). Each component is checked with lstat:
 * a symlink anywhere on the way, or a non-folder where a folder is needed, refuses the write. The file is
 * opened with O_NOFOLLOW so a symlink swapped in at the last moment is refused too.
 */
export function writeInside(root: string, rel: string, content: string): WriteResult {
  const parts = rel.split('/');
  let current = root;
  for (let i = 0; i < parts.length; i++) {
    current = join(current, parts[i] as string);
    const back = relative(root, current);
    if (back.startsWith('..') || isAbsolute(back)) return { ok: false, reason: 'resolves outside the output folder' };
    const last = i === parts.length - 1;
    let st;
    try {
      st = lstatSync(current);
    } catch {
      st = undefined;
    }
    if (st?.isSymbolicLink()) return { ok: false, reason: `\`${parts.slice(0, i + 1).join('/')}\` is a symlink` };
    if (!last) {
      if (!st) mkdirSync(current);
      else if (!st.isDirectory()) return { ok: false, reason: `\`${parts.slice(0, i + 1).join('/')}\` is not a folder` };
    } else if (st && !st.isFile()) {
      return { ok: false, reason: 'exists and is not a regular file' };
    }
  }
  let fd: number;
  try {
    fd = openSync(current, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'is a symlink' : (err as Error).message };
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return { ok: true };
}

/** The output folder, created if missing and never a symlink: its real path. */
function prepareOut(out: string): string {
  // The README promises it: a symlinked output folder is refused (realpath would silently follow it elsewhere).
  try {
    if (lstatSync(out).isSymbolicLink()) throw new UsageError(`--out: ${out} is a symlink; output is never written through a link`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
  }
  try {
    mkdirSync(out, { recursive: true });
  } catch (err) {
    throw new UsageError(`cannot create output folder ${out}: ${(err as Error).message}`);
  }
  return realpathSync(out);
}

/** One extracted file in the JSON summary: where its code stands in the markdown. */
function summaryOf(file: SourceFile, markdown: string): { path: string; language: string; markdownLine?: number; origin: { file: string; line?: number }; bytes: number } {
  return {
    path: file.path,
    language: file.language,
    ...(file.markdownLine !== undefined ? { markdownLine: file.markdownLine } : {}),
    origin: { file: file.markdownPath ?? markdown, ...(file.markdownLine !== undefined ? { line: file.markdownLine } : {}) },
    bytes: Buffer.byteLength(file.content),
  };
}

function formatWarning(w: ExtractionWarning): string {
  const where = w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : '';
  return `warning: ${where}${w.message}`;
}

export const register: RegisterCommand = (program, setExit) => {
  program
    .command('extract')
    .description('write the files found in a response markdown (MODEL_RESPONSE.md, IDEAL_RESPONSE.md) under --out')
    .argument('<markdown>', 'response markdown file')
    .option('--out <dir>', 'output folder (created if missing); nothing is written outside it')
    .option('--json', 'print a JSON summary (files, the decision for every fence, hints, truncation) instead of one line per file', false)
    .action((markdown: string, opts: { out?: string; json: boolean }) => {
      if (opts.out === undefined && !opts.json) throw new UsageError('give --out DIR to write the files, or --json to print what extraction decided');
      let isFile = false;
      try {
        isFile = statSync(markdown).isFile();
      } catch {
        throw new UsageError(`markdown file not found: ${markdown}`);
      }
      if (!isFile) throw new UsageError(`not a file: ${markdown}`);
      const readWarnings: ExtractionWarning[] = [];
      const text = readText(markdown, { maxFileBytes: DEFAULT_MAX_FILE_BYTES, label: markdown }, readWarnings);
      if (text === null) {
        throw new UsageError(readWarnings[0]?.message ?? `cannot read ${markdown}`);
      }
      const response = extractResponse(text, markdown);
      const written: { path: string; language: string; markdownLine?: number; origin: { file: string; line?: number }; bytes: number }[] = [];
      const warnings = [...readWarnings, ...response.warnings];
      let refused = 0;
      const out = opts.out;
      if (out !== undefined) {
        const root = prepareOut(out);
        for (const file of response.files) {
          // Extraction already normalized the path; validating again keeps this command safe on its own.
          const check = normalizeResponsePath(file.path);
          const result: WriteResult = !check.ok || check.path !== file.path ? { ok: false, reason: check.ok ? 'not a normalized path' : check.reason } : writeInside(root, file.path, file.content);
          if (!result.ok) {
            refused++;
            warnings.push({ kind: 'write-refused', file: markdown, line: file.markdownLine, message: `not written: ${file.path}: ${result.reason}` });
            continue;
          }
          written.push(summaryOf(file, markdown));
          if (!opts.json) process.stdout.write(`${stripControls(join(out, file.path))} (${stripControls(file.language)}, from line ${file.markdownLine})\n`);
        }
      } else {
        appendAll(written, response.files.map((f) => summaryOf(f, markdown)));
      }
      for (const w of warnings) process.stderr.write(`${stripControls(formatWarning(w))}\n`);
      if (opts.json) {
        const summary = {
          origin: markdown,
          ...(out !== undefined ? { out } : {}),
          files: written,
          fences: response.fences ?? [],
          hints: (response.hints ?? []).map((h) => ({ path: h.path, markdownLine: h.markdownLine, lines: h.content.split('\n').length })),
          ...(response.truncation ? { truncation: response.truncation } : {}),
          warnings: warnings.map((w) => ({ kind: w.kind, line: w.line, message: w.message })),
        };
        process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      }
      if (refused > 0) setExit(2);
    });
};
