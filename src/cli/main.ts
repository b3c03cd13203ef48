/**
 * CLI entry with every command registered up front: for in-process use (tests, scripts). `bin/iacjudge.js` runs
 * the bundle of `lazy-main.ts` instead, which loads only the command it runs.
 */
import { COMMANDS } from './commands/index.js';
import { runProgram } from './program.js';

export function main(argv: string[]): Promise<number> {
  return runProgram(argv, COMMANDS);
}
