/**
 * `iacjudge analyze -`: one Terraform file or one markdown response read from stdin (an editor integration, a
 * pipe from an LLM call). The text is written into a private temporary folder laid out as the task it stands for
 * (`stdin.tf` or `stdin.tf.json` for a plain folder of code, `MODEL_RESPONSE.md` for a response), analyzed as such,
 * then removed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../contracts/errors.js';
import { MAX_INPUT_BYTES } from '../io/read.js';

/** The argument that names stdin instead of a task folder, as Unix tools take it. */
export const STDIN_ARG = '-';

/** The name stdin's Terraform is analyzed under (findings point at it). */
export const STDIN_TF_NAME = 'stdin.tf';
/** The same in Terraform's JSON syntax. */
export const STDIN_TF_JSON_NAME = 'stdin.tf.json';
/** The name stdin's markdown response is analyzed under: the model response of the task layout. */
export const STDIN_MD_NAME = 'MODEL_RESPONSE.md';

export type StdinKind = 'hcl' | 'tf-json' | 'markdown';

/**
 * Markdown when the text has a fenced block (a line opening with ``` or ~~~): neither can start an HCL line, and a
 * response without any fence has no code to extract anyway. Terraform's JSON syntax when the text starts with `{`:
 * a native-syntax file never does (its top level holds arguments and blocks), and JSON has no fences.
 */
export function stdinKind(text: string): StdinKind {
  if (/^[ \t]{0,3}(```|~~~)/m.test(text)) return 'markdown';
  return text.trimStart().startsWith('{') ? 'tf-json' : 'hcl';
}

const STDIN_FILE_NAMES: Readonly<Record<StdinKind, string>> = { hcl: STDIN_TF_NAME, 'tf-json': STDIN_TF_JSON_NAME, markdown: STDIN_MD_NAME };

/** Reads stdin to its end, bounded like every input file (MAX_INPUT_BYTES); a terminal or nothing is a usage error. */
export async function readStdinBounded(stream: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  if (stream.isTTY) throw new UsageError('`-` reads a .tf file or a markdown response from stdin, but stdin is a terminal (pipe or redirect one in)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) throw new UsageError(`stdin: more than ${maxBytes} bytes (the cap on one input file)`);
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new UsageError('stdin is empty: nothing to analyze');
  return text;
}

export interface StdinTask {
  /** The temporary task folder to analyze. */
  dir: string;
  kind: StdinKind;
  /** Removes the folder (call in a `finally`). */
  dispose(): void;
}

/** Lays the text out as a task in a fresh private temporary folder. */
export function stdinTask(text: string): StdinTask {
  const kind = stdinKind(text);
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-stdin-'));
  writeFileSync(join(dir, STDIN_FILE_NAMES[kind]), text, { mode: 0o600 });
  return { dir, kind, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
