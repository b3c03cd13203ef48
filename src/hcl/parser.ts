/** The one tree-sitter parser for HCL (creating parsers and setting the language is costly; parsing is synchronous). */
import Parser from 'tree-sitter';
import HCL from '@tree-sitter-grammars/tree-sitter-hcl';

let parser: Parser | undefined;

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

export function parseTree(text: string): Parser.Tree {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(HCL as unknown as Parser.Language);
  }
  const input = parseText(text);
  // The binding reads the input in chunks of bufferSize; a larger buffer avoids many native round trips.
  return parser.parse(input, null, { bufferSize: Math.max(32 * 1024, input.length + 1) });
}
