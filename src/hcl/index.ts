/**
 * Terraform HCL front-end: tree-sitter-hcl parse → normalized blocks, attributes and expression trees with spans,
 * and syntax diagnostics that never stop the rest of a file from being modeled.
 *
 * Files with top-level attributes (`.tfvars`) get them in one synthetic `unknown` block of type `tfvars`.
 */
import type { Block, Configuration, Diagnostic, SourceFile } from '../model/types.js';
import { buildConfiguration } from '../model/index-builder.js';
import { convertFile } from './blocks.js';
import { splitTopLevel, type Chunk } from './chunks.js';
import { ConvertContext } from './context.js';
import { parseHclTree } from './parser.js';
import type { TNode } from './tree.js';
import { normalizeSource, type Point } from './source.js';
import { collectSyntaxErrors, printable } from './syntax-errors.js';
import { parseTerraformJsonSource } from './json.js';
import { isTerraformJsonPath, isTerraformJsonValuesPath } from '../model/paths.js';
import { appendAll } from '../io/arrays.js';

export { TOP_LEVEL_ATTRIBUTES } from './blocks.js';
export { parseTerraformJsonSource, TF_JSON_SOURCE } from './json.js';

export interface HclParseResult {
  blocks: Block[];
  diagnostics: Diagnostic[];
}

/** Syntax errors reported per file; past this, one summary diagnostic (binary garbage has thousands). */
const MAX_ERRORS_PER_FILE = 25;
/** Above this many top-level items, re-parsing each one is not worth it: keep tree-sitter's own recovery. */
const MAX_RECOVERY_ITEMS = 1000;

/**
 * The mirrored whole-file trees of one task's texts, by content: a file the ideal keeps unchanged from the model
 * (or a copy under another name) is parsed once. A tree holds no file path and is only read by conversion, so the
 * second file converts from it into blocks of its own, spans and diagnostics under its own path. Only texts known to
 * occur more than once are kept (the others' trees would only stay alive longer); one cache per task keeps memory
 * flat over a corpus. Keys are the texts themselves (the engine hashes a string once).
 */
export class HclTreeCache {
  private readonly trees = new Map<string, TNode>();
  private readonly repeated = new Set<string>();

  /** `contents`: every file text of the task, once per file (any repeated one is worth keeping). */
  constructor(contents: Iterable<string>) {
    const seen = new Set<string>();
    for (const c of contents) {
      const text = normalizeSource(c);
      if (seen.has(text)) this.repeated.add(text);
      else seen.add(text);
    }
  }

  get(text: string): TNode | undefined {
    return this.trees.get(text);
  }

  set(text: string, root: TNode): void {
    if (this.repeated.has(text)) this.trees.set(text, root);
  }
}

export function parseHclSource(content: string, path: string, trees?: HclTreeCache): HclParseResult {
  const text = normalizeSource(content);
  const diagnostics: Diagnostic[] = [];
  try {
    const blocks = convertText(text, path, diagnostics, trees);
    return { blocks, diagnostics: capErrors(diagnostics) };
  } catch (err) {
    // Never throw on analyzed input: a converter bug degrades to one diagnostic for this file.
    diagnostics.push({
      severity: 'error',
      source: 'hcl',
      message: `HCL conversion failed: ${(err as Error)?.message ?? String(err)}`,
      span: { file: path, line: 1, column: 1, endLine: 1, endColumn: 1 },
    });
    return { blocks: [], diagnostics: capErrors(diagnostics) };
  }
}

function convertText(text: string, path: string, diagnostics: Diagnostic[], trees?: HclTreeCache): Block[] {
  if (text.includes('\u0000')) {
    // NUL never occurs in HCL; parsing binary data only yields thousands of meaningless errors.
    const at = new ConvertContext(path, text).lines.point(text.indexOf('\u0000'));
    diagnostics.push({
      severity: 'error',
      source: 'hcl',
      message: 'not an HCL text file (contains NUL bytes)',
      span: { file: path, line: at.row + 1, column: at.column + 1, endLine: at.row + 1, endColumn: at.column + 2 },
    });
    return [];
  }
  const whole = new ConvertContext(path, text, diagnostics);
  let root = trees?.get(text);
  if (!root) {
    // The nodes read text and positions only (never the path or the diagnostics of this context).
    root = parseHclTree(text, { text, lines: whole.lines });
    trees?.set(text, root);
  }
  if (!root.hasError) return convertFile(whole, root);
  const chunks = splitTopLevel(text);
  if (chunks.length > MAX_RECOVERY_ITEMS) {
    collectSyntaxErrors(whole, root);
    return convertFile(whole, root);
  }
  // Re-parse each top-level item alone, at its original line and column, so an error stays in its own item.
  const lines = whole.lines;
  const blocks: Block[] = [];
  const before = diagnostics.length;
  for (const chunk of chunks) {
    const at = lines.point(chunk.start);
    const prefix = '\n'.repeat(at.row) + ' '.repeat(at.column);
    const itemText = prefix + text.slice(chunk.start, chunk.end) + chunk.missing;
    const ctx = new ConvertContext(path, itemText, diagnostics);
    const itemRoot = parseHclTree(itemText, ctx);
    const converted = convertFile(ctx, itemRoot);
    appendAll(blocks, converted);
    if (chunk.missing) {
      diagnostics.push(unclosedDiagnostic(path, text, chunk, at, lines.point(chunk.end)));
      // Errors at or after the appended closers are about text we made up.
      const mark = diagnostics.length;
      collectSyntaxErrors(ctx, itemRoot);
      const endRow = lines.point(chunk.end).row + 1;
      const endCol = lines.point(chunk.end).column + 1;
      const made = diagnostics.splice(mark);
      appendAll(diagnostics, made.filter((d) => d.span.line < endRow || (d.span.line === endRow && d.span.column < endCol)));
    } else {
      collectSyntaxErrors(ctx, itemRoot);
    }
  }
  // Items parsing fine alone while the whole file did not: keep tree-sitter's whole-file errors.
  if (diagnostics.length === before) collectSyntaxErrors(whole, root);
  return blocks;
}

function unclosedDiagnostic(path: string, text: string, chunk: Chunk, at: Point, end: Point): Diagnostic {
  const head = text.slice(chunk.start, Math.min(chunk.end, chunk.start + 200)).split('\n')[0]!;
  const brace = head.indexOf('{');
  const header = printable((brace === -1 ? head : head.slice(0, brace)).trim().replace(/\s+/g, ' ')).slice(0, 80);
  const closers = chunk.missing.length <= 3 ? `\`${chunk.missing}\`` : `${chunk.missing.length} closing brackets`;
  let what = chunk.missing === '}' && brace !== -1 ? `closing brace for block ${header}` : `${closers} to close ${header}`;
  if (chunk.openHeredoc) what = `heredoc end marker ${printable(chunk.openHeredoc)} (and ${what})`;
  return {
    severity: 'error',
    source: 'hcl',
    message: `missing ${what} (opened on line ${at.row + 1})`,
    span: { file: path, line: at.row + 1, column: at.column + 1, endLine: end.row + 1, endColumn: end.column + 1 },
  };
}

function capErrors(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_ERRORS_PER_FILE) return diagnostics;
  const kept = diagnostics.slice(0, MAX_ERRORS_PER_FILE);
  kept.push({
    severity: 'error',
    source: 'hcl',
    message: `${diagnostics.length - MAX_ERRORS_PER_FILE} more syntax errors in this file`,
    span: diagnostics[MAX_ERRORS_PER_FILE]!.span,
  });
  return kept;
}

const HCL_EXTENSION = /\.(tf|tfvars|hcl)$/i;

/** Terraform configuration or values in either syntax: native (`.tf`, `.tfvars`, `.hcl`) or JSON (`.tf.json`, `.tfvars.json`). */
export function isHclSource(file: SourceFile): boolean {
  return file.language === 'hcl' || file.language === 'tf' || HCL_EXTENSION.test(file.path) || isTerraformJsonPath(file.path) || isTerraformJsonValuesPath(file.path);
}

/** One file in the syntax its name says (a `.tf.json` file is JSON whatever fence language labeled it). */
function parseTerraformSource(file: SourceFile, trees?: HclTreeCache): HclParseResult {
  if (isTerraformJsonPath(file.path)) return parseTerraformJsonSource(file.content, file.path);
  if (isTerraformJsonValuesPath(file.path)) return parseTerraformJsonSource(file.content, file.path, { values: true });
  return parseHclSource(file.content, file.path, trees);
}

/** `trees`: share one cache between the responses of a task (see HclTreeCache). */
export function parseHclFiles(files: SourceFile[], platform = 'tf-hcl', trees?: HclTreeCache): Configuration {
  const blocks: Block[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    if (!isHclSource(file)) continue;
    const r = parseTerraformSource(file, trees);
    appendAll(blocks, r.blocks);
    appendAll(diagnostics, r.diagnostics);
  }
  return buildConfiguration(platform, files, blocks, diagnostics);
}
