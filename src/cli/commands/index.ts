/** Every subcommand registers itself here. `setExit` raises the process exit code (max wins). */
import type { Command } from 'commander';
import { register as corpus } from './corpus.js';

export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

export const COMMANDS: RegisterCommand[] = [corpus];
