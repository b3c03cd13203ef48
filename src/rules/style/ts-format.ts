/** Prettier-visible formatting signals in TypeScript sources: quote style of string literals and over-long code lines. */
import ts from 'typescript';
import { parseTypeScript } from '../util/ts-source.js';

export interface TsFormatStats {
  singleQuoted: number;
  doubleQuoted: number;
  /** First double-quoted literal (1-based line), when any. */
  firstDoubleLine?: number;
  /** Code lines over the print width even with their string literals and trailing comment removed. */
  longLines: number[];
}

/** Prettier's default print width. */
export const PRINT_WIDTH = 80;

export function tsFormatStats(path: string, content: string): TsFormatStats {
  const sf = parseTypeScript(path, content);
  const stats: TsFormatStats = { singleQuoted: 0, doubleQuoted: 0, longLines: [] };
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) {
      const quote = node.getText(sf)[0];
      if (quote === "'") stats.singleQuoted++;
      else if (quote === '"') {
        // Prettier keeps double quotes when the text contains single quotes.
        if (!node.text.includes("'")) {
          stats.doubleQuoted++;
          stats.firstDoubleLine ??= sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  content.split('\n').forEach((line, i) => {
    if (line.length <= PRINT_WIDTH) return;
    const t = line.trim();
    if (t.startsWith('//') || t.startsWith('*') || t.startsWith('/*')) return;
    // Prettier does not break strings or comments: only what is left can be wrapped.
    // An unclosed quote (or a trailing backslash) runs to the end of the line: requiring the closing quote
    // rescanned the line from every quote, quadratic on hostile lines.
    const code = line.replace(/'(?:[^'\\]|\\(?:[^]|$))*(?:'|$)|"(?:[^"\\]|\\(?:[^]|$))*(?:"|$)|`(?:[^`\\]|\\(?:[^]|$))*(?:`|$)/g, "''").replace(/\s\/\/[^]*$/, '');
    if (code.length > PRINT_WIDTH) stats.longLines.push(i + 1);
  });
  return stats;
}
