/** Parsing one TypeScript file (syntax only, never type-checked or emitted) and mapping nodes to source spans. */
import ts from 'typescript';
import type { Diagnostic, SourceFile, SourceSpan } from '../model/types.js';

/** Larger inputs are not CDKTF programs a response would contain; refuse them instead of stalling. */
export const MAX_FILE_BYTES = 2_000_000;
const MAX_PARSE_DIAGNOSTICS = 20;

export interface ParsedFile {
  file: SourceFile;
  sf: ts.SourceFile;
  /** Position of the file among the analyzed files, for stable ordering. */
  order: number;
}

export function isTypeScriptPath(path: string): boolean {
  return /\.tsx?$/i.test(path) && !/\.d\.ts$/i.test(path);
}

/** Test code declares constructs only to assert on them; it is not part of the configuration. */
export function isTestPath(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return /(^|\/)(test|tests|__tests__)\//i.test(p) || /\.(test|spec)\.tsx?$/i.test(p);
}

export function spanOf(sf: ts.SourceFile, path: string, node: ts.Node): SourceSpan {
  return spanOfRange(sf, path, node.getStart(sf), node.getEnd());
}

export function spanOfRange(sf: ts.SourceFile, path: string, start: number, end: number): SourceSpan {
  const s = sf.getLineAndCharacterOfPosition(Math.max(0, Math.min(start, sf.text.length)));
  const e = sf.getLineAndCharacterOfPosition(Math.max(0, Math.min(end, sf.text.length)));
  return { file: path, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

function fileStartSpan(path: string): SourceSpan {
  return { file: path, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** A NUL byte or a high share of control characters: not source text. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Parses a file, or explains why it was not parsed. Never throws. */
export function parseFile(
  file: SourceFile,
  order: number,
  diagnostics: Diagnostic[],
): ParsedFile | undefined {
  const text = typeof file.content === 'string' ? file.content : '';
  const at = fileStartSpan(file.path);
  if (text.length > MAX_FILE_BYTES) {
    diagnostics.push({ severity: 'error', source: 'cdktf', span: at, message: `file too large to analyze (${text.length} characters)` });
    return undefined;
  }
  if (looksBinary(text)) {
    diagnostics.push({ severity: 'error', source: 'cdktf', span: at, message: 'file is not text (binary content)' });
    return undefined;
  }
  if (text.trim() === '') {
    diagnostics.push({ severity: 'warning', source: 'cdktf', span: at, message: 'empty TypeScript file' });
    return undefined;
  }
  let sf: ts.SourceFile;
  try {
    const kind = /\.tsx$/i.test(file.path) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    sf = ts.createSourceFile(file.path, text, ts.ScriptTarget.Latest, true, kind);
  } catch (err) {
    diagnostics.push({ severity: 'error', source: 'cdktf', span: at, message: `TypeScript parser failed: ${(err as Error).message}` });
    return undefined;
  }
  const parseDiagnostics = ((sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? []).slice(
    0,
    MAX_PARSE_DIAGNOSTICS,
  );
  for (const d of parseDiagnostics) {
    diagnostics.push({
      severity: 'error',
      source: 'cdktf',
      span: spanOfRange(sf, file.path, d.start, d.start + Math.max(d.length, 0)),
      message: `TypeScript syntax error TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    });
  }
  return { file, sf, order };
}
