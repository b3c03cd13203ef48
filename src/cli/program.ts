/**
 * The CLI program: global options, error handling and exit codes (0 ran, 1 findings at/above --fail-on, 2 usage or
 * input error, or an analysis cut by --timeout) around the commands it is given. `main.ts` gives it every command
 * (in-process use and tests); `lazy-main.ts`, the bundled entry, only the one the arguments name.
 */
import { Command, CommanderError } from 'commander';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { UsageError } from '../contracts/errors.js';
import { stripControls, truncateText } from '../io/text.js';
import { exitQuietlyOnEpipe } from './options.js';
import type { RegisterCommand } from './commands/index.js';

export async function runProgram(argv: string[], commands: readonly RegisterCommand[]): Promise<number> {
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
  for (const register of commands) {
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
