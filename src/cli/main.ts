/** CLI entry: `iacjudge <command>`. Exit codes: 0 ran, 1 findings at/above --fail-on, 2 usage or input error. */
import { Command, CommanderError } from 'commander';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { UsageError } from '../contracts/errors.js';
import { stripControls, truncateText } from '../io/text.js';
import { exitQuietlyOnEpipe } from './options.js';
import type { RegisterCommand } from './commands/index.js';

/**
 * Each command's module, loaded only when that command runs: a command's imports (the analysis pipeline, the
 * reports, the corpus pool) are most of the start-up time. Help and unknown names load them all.
 */
const COMMAND_MODULES: Record<string, () => Promise<{ register: RegisterCommand }>> = {
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
  const debug = argv.includes('--debug');
  exitQuietlyOnEpipe();
  const program = new Command();
  program
    .name(TOOL_NAME)
    .description('Judge LLM-generated Infrastructure-as-Code: failure analysis, schema checks, model-vs-ideal diff, training-quality score. Offline; never executes the analyzed code.')
    .version(TOOL_VERSION)
    .option('--debug', 'print stack traces for errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');

  let exitCode = 0;
  for (const register of await commandsFor(argv)) {
    register(program, (code) => {
      exitCode = Math.max(exitCode, code);
    });
  }
  if (argv.length === 0) {
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof UsageError) {
      // Messages can quote inputs (paths, names): no terminal escape from them reaches the user's terminal.
      process.stderr.write(`iacjudge: ${truncateText(stripControls(err.message))}\n`);
      if (debug && err.stack) process.stderr.write(err.stack + '\n');
      return 2;
    }
    const e = err as Error;
    process.stderr.write(`iacjudge: ${truncateText(stripControls(e?.message ?? String(err)))}\n`);
    if (debug && e?.stack) process.stderr.write(e.stack + '\n');
    return 2;
  }
}
