/** The one tree-sitter parser for HCL (creating parsers and setting the language is costly; parsing is synchronous). */
import Parser from 'tree-sitter';
import HCL from '@tree-sitter-grammars/tree-sitter-hcl';

let parser: Parser | undefined;

export function parseTree(text: string): Parser.Tree {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(HCL as unknown as Parser.Language);
  }
  // The binding reads the input in chunks of bufferSize; a larger buffer avoids many native round trips.
  return parser.parse(text, null, { bufferSize: Math.max(32 * 1024, text.length + 1) });
}
