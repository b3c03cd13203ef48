/** The bundled CLI entry (scripts/build-cli.mjs): the program with only the command the arguments name. */
import type { RegisterCommand } from './commands/index.js';
import { runProgram } from './program.js';

/**
 * Each command's module, loaded only when that command runs: a command's imports (the analysis pipeline, the
 * reports, the corpus pool) are most of the start-up time. Help and unknown names load them all.
 */
export const COMMAND_MODULES: Record<string, () => Promise<{ register: RegisterCommand }>> = {
  analyze: () => import('./commands/analyze.js'),
  verify: () => import('./commands/verify.js'),
  corpus: () => import('./commands/corpus.js'),
  summarize: () => import('./commands/corpus.js'),
  rules: () => import('./commands/rules.js'),
  explain: () => import('./commands/explain.js'),
  schema: () => import('./commands/schema.js'),
  extract: () => import('./commands/extract.js'),
  diff: () => import('./commands/diff.js'),
  parse: () => import('./commands/parse.js'),
};

/** The command word of argv: its first argument that is not an option (global options take no value). */
function commandWord(argv: string[]): string | undefined {
  return argv.find((a) => !a.startsWith('-'));
}

async function commandsFor(argv: string[]): Promise<RegisterCommand[]> {
  const word = commandWord(argv);
  const wantsHelp = argv.includes('--help') || argv.includes('-h') || word === 'help';
  // --version needs no command at all; a known command word needs just its module.
  if (word === undefined && !wantsHelp && argv.length > 0) return [];
  const load = word !== undefined && word !== 'help' && Object.hasOwn(COMMAND_MODULES, word) ? COMMAND_MODULES[word] : undefined;
  if (load) return [(await load()).register];
  return (await import('./commands/index.js')).COMMANDS;
}

export async function main(argv: string[]): Promise<number> {
  return runProgram(argv, await commandsFor(argv));
}
