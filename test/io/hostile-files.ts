/** Helpers that build hostile files for tests (nothing is committed: each test makes its own). */
import { spawnSync } from 'node:child_process';

/** mkfifo through the system tool (Node has no API for it); false where FIFOs do not exist. */
export function makeFifo(path: string): boolean {
  if (process.platform === 'win32') return false;
  return spawnSync('mkfifo', [path]).status === 0;
}
