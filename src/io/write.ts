/**
 * Writing an output file the user named (--out): never through a symlink, never into a FIFO or device. The README
 * promises symlinked outputs are refused; a link planted where a report goes would otherwise redirect the write.
 *
 * Bottom-level module: imports nothing from the analysis stages.
 */
import { closeSync, constants, lstatSync, openSync, writeSync } from 'node:fs';

export class OutputRefusedError extends Error {}

/** Why `path` cannot be an output file (a symlink, or something other than a regular file), or undefined. */
export function outputProblem(path: string): string | undefined {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return undefined; // does not exist yet: it will be created
  }
  if (st.isSymbolicLink()) return `${path} is a symlink; output is never written through a link`;
  if (!st.isFile()) return `${path} exists and is not a regular file`;
  return undefined;
}

/** Writes (creating or truncating) a regular file, refusing links and special files even if swapped in late. */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  const problem = outputProblem(path);
  if (problem) throw new OutputRefusedError(problem);
  let fd: number;
  try {
    // O_NOFOLLOW: a link swapped in after the check fails the open; O_NONBLOCK: a FIFO swapped in does not hang it.
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0), 0o644);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new OutputRefusedError(code === 'ELOOP' ? `${path} is a symlink; output is never written through a link` : `cannot write ${path} (${code ?? 'error'})`);
  }
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at, buf.length - at);
  } finally {
    closeSync(fd);
  }
}
