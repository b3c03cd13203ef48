/** Every subcommand registers itself here. `setExit` raises the process exit code (max wins). */
import type { Command } from 'commander';
import { register as corpus } from './corpus.js';
import { register as rules } from './rules.js';
import { register as explain } from './explain.js';
import { register as schema } from './schema.js';
import { register as analyze } from './analyze.js';
import { register as verify } from './verify.js';
import { register as extract } from './extract.js';
import { register as diff } from './diff.js';
import { register as parse } from './parse.js';

export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

export const COMMANDS: RegisterCommand[] = [analyze, verify, corpus, rules, explain, schema, extract, diff, parse];
