/**
 * Source text helpers for the HCL front-end: input normalization, index → line/column mapping and spans.
 * Positions are UTF-16 code units (tree-sitter's Node binding reports the same), lines and columns 1-based,
 * end columns exclusive (the column just after the last character), like the CDKTF front-end.
 */
import type { SourceSpan } from '../model/types.js';

/**
 * Strips a byte-order mark and turns CRLF into LF. Neither changes any line number or any column before a line
 * end, so spans computed on the normalized text are right for the original; heredoc text loses the stray `\r`.
 */
export function normalizeSource(content: string): string {
  let text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (text.includes('\r\n')) text = text.replace(/\r\n/g, '\n');
  return text;
}

export interface Point {
  row: number;
  column: number;
}

/** Maps string indices of one file to 0-based rows/columns. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  point(index: number): Point {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { row: lo, column: index - this.starts[lo]! };
  }

  lineStart(row: number): number {
    return this.starts[Math.max(0, Math.min(row, this.starts.length - 1))]!;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

export function spanOf(file: string, start: Point, end: Point): SourceSpan {
  return { file, line: start.row + 1, column: start.column + 1, endLine: end.row + 1, endColumn: end.column + 1 };
}

/** Longest text kept in an `opaque` expression or a diagnostic snippet. */
export const MAX_SNIPPET = 2000;

export function snippet(text: string, max = MAX_SNIPPET): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Decodes the escapes of a quoted HCL string: `\n \r \t \" \\ \uNNNN \UNNNNNNNN` and the template escapes
 * `$${` → `${`, `%%{` → `%{`. Unknown escapes are kept as written (HCL rejects them; the text stays readable).
 */
export function unescapeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      const simple = SIMPLE_ESCAPES[next];
      if (simple !== undefined) {
        out += simple;
        i++;
        continue;
      }
      if (next === 'u' || next === 'U') {
        const len = next === 'u' ? 4 : 8;
        const hex = raw.slice(i + 2, i + 2 + len);
        if (hex.length === len && /^[0-9a-fA-F]+$/.test(hex)) {
          const code = parseInt(hex, 16);
          out += code <= 0x10ffff ? String.fromCodePoint(code) : raw.slice(i, i + 2 + len);
          i += 1 + len;
          continue;
        }
      }
      out += ch;
      continue;
    }
    out += ch;
    if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') i++;
  }
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Heredoc text keeps backslashes; only the template escapes apply. */
export function unescapeHeredoc(raw: string): string {
  return raw.includes('$${') || raw.includes('%%{') ? raw.replace(/([$%])\1\{/g, '$1{') : raw;
}
