/**
 * The one tree-sitter parser for HCL (creating parsers and setting the language is costly; parsing is synchronous).
 *
 * Two back-ends parse with the same grammar (@tree-sitter-grammars/tree-sitter-hcl):
 * - native: the `tree-sitter` Node binding with the grammar's binding. The default where it loads.
 * - wasm: `web-tree-sitter` with the grammar package's own `tree-sitter-hcl.wasm`. Used when the native binding
 *   cannot load: `npm ci --ignore-scripts` builds nothing, and the shipped prebuilds need a newer libstdc++ than
 *   some systems have (Debian 12 lacks GLIBCXX_3.4.31). The WASM runtime initializes asynchronously, so this module
 *   awaits it at top level, and only when it is needed: parseTree stays synchronous for every caller.
 * `IACJUDGE_HCL_PARSER=wasm` forces the fallback (tests, comparing); `=native` makes a native load failure an error.
 *
 * Long runs (the corpus workers) switch to WASM once they have started (`preferWasmBackend`): both give identical
 * trees, and over a corpus WASM is the cheaper one. The native binding's trees are freed only when the garbage
 * collector finalizes them, and it does not see their native memory, so a worker grew to ~1.8 GB RSS over the dev
 * corpus (WASM: ~0.4 GB, freed per tree), and each cursor step of the mirror is a native call (WASM's are plain calls
 * into the module). One-shot commands keep native (compiling the two .wasm modules costs ~0.1 s of start-up) unless
 * the input is large: `analyze` switches first when a task's HCL reaches LARGE_HCL_INPUT_CHARS (pipeline/run.ts).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { mirror, type HclTree, type SymbolMemo, type TNode } from './tree.js';
import type { LineIndex } from './source.js';

const require = createRequire(import.meta.url);

export interface HclParserBackend {
  readonly name: 'native' | 'wasm';
  /** Parses text as tree-sitter sees it (see parseText); the tree must be handed to `release` after mirroring. */
  parse(input: string): HclTree;
  /** Frees what the garbage collector does not (WASM trees live in the module's own memory). */
  release(tree: HclTree): void;
  /** Node type and namedness by symbol id, for this back-end's grammar build only (ids are not shared). */
  readonly symbols: SymbolMemo;
}

const newMemo = (): SymbolMemo => ({ types: [], named: [] });

/** The native binding, or the reason it did not load. */
export function loadNativeBackend(): HclParserBackend | Error {
  let Parser: typeof import('tree-sitter');
  let language: unknown;
  try {
    Parser = require('tree-sitter') as typeof import('tree-sitter');
    language = require('@tree-sitter-grammars/tree-sitter-hcl');
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
  let parser: InstanceType<typeof Parser> | undefined;
  return {
    name: 'native',
    parse(input) {
      if (!parser) {
        parser = new Parser();
        parser.setLanguage(language as import('tree-sitter').Language);
      }
      // The binding reads the input in chunks of bufferSize; a larger buffer avoids many native round trips.
      return parser.parse(input, null, { bufferSize: Math.max(32 * 1024, input.length + 1) });
    },
    release() {},
    symbols: newMemo(),
  };
}

/**
 * The WASM back-end. Both .wasm files are read from the installed packages (never fetched): the runtime's from
 * web-tree-sitter, the grammar's from the grammar package (resolved as a file: loading the package itself would
 * load its native binding).
 */
export async function loadWasmBackend(): Promise<HclParserBackend> {
  const { Parser, Language } = require('web-tree-sitter') as typeof import('web-tree-sitter');
  await Parser.init({ wasmBinary: readFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm')) });
  const language = await Language.load(readFileSync(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm')));
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    name: 'wasm',
    parse(input) {
      const tree = parser.parse(input);
      if (!tree) throw new Error('tree-sitter (wasm) returned no tree');
      return tree;
    },
    release(tree) {
      (tree as import('web-tree-sitter').Tree).delete();
    },
    symbols: newMemo(),
  };
}

async function selectBackend(): Promise<HclParserBackend> {
  const wanted = process.env['IACJUDGE_HCL_PARSER'];
  if (wanted === 'wasm') return loadWasmBackend();
  const native = loadNativeBackend();
  if (!(native instanceof Error)) return native;
  if (wanted === 'native') throw new Error(`IACJUDGE_HCL_PARSER=native: the tree-sitter binding did not load: ${native.message}`);
  return loadWasmBackend();
}

let backend = await selectBackend();

/** The back-end in use: `native` unless its binding failed to load or the wasm one was asked for. */
export function hclParserBackend(): HclParserBackend {
  return backend;
}

/**
 * Switches to the WASM back-end unless `IACJUDGE_HCL_PARSER=native` asks for native (see the header: for processes
 * that parse many files). Awaited once before the first parse; later parses stay synchronous.
 */
export async function preferWasmBackend(): Promise<void> {
  if (backend.name === 'wasm' || process.env['IACJUDGE_HCL_PARSER'] === 'native') return;
  backend = await loadWasmBackend();
}

/** Replaces the back-end (tests compare both on the same input); returns the one it replaced. */
export function setHclParserBackend(next: HclParserBackend): HclParserBackend {
  const previous = backend;
  backend = next;
  return previous;
}

/**
 * A number with an exponent but no fraction (`1e3`, `5E+2`): valid HCL, but tree-sitter-hcl 1.2 only accepts an
 * exponent after a fraction and reports `e3` as a stray identifier. Not preceded by an identifier character, a dot
 * or an identifier's `-` (`name-1e3` is one identifier).
 */
const BARE_EXPONENT = /(?<![\w.]|\w-)\d+[eE][-+]?\d+(?![\w.])/g;

/**
 * The text tree-sitter sees: bare-exponent numbers replaced by digits of the same length, so every index and span
 * is unchanged; node text is always read from the original (TNode reads its document's text), so `1e3` keeps its
 * value. Other characters are untouched (inside strings or comments the digits read the same way).
 */
export function parseText(text: string): string {
  if (!/\d[eE]/.test(text)) return text;
  return text.replace(BARE_EXPONENT, (m) => m.replace(/[^0-9]/g, '0'));
}

/**
 * Parses `text` into a plain-JavaScript tree (see tree.ts) whose nodes read `doc`; the back-end's tree is released
 * before returning. Both back-ends report indices in UTF-16 code units, as the rest of the front-end counts.
 */
export function parseHclTree(text: string, doc: { text: string; lines: LineIndex }): TNode {
  const b = backend;
  const tree = b.parse(parseText(text));
  try {
    return mirror(tree, doc, b.symbols);
  } finally {
    b.release(tree);
  }
}
