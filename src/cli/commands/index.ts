/** Every subcommand registers itself here. `setExit` raises the process exit code (max wins). */
import type { Command } from 'commander';

export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

export const COMMANDS: RegisterCommand[] = [];
