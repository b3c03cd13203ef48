/** Builds the symbol table and reference index from top-level blocks. Front-end independent. */
import type { Block, Configuration, Diagnostic, Reference, SourceFile, SymbolEntry } from './types.js';
import { allAttributes, blockAddress, referencesIn, referenceTarget, exprToText } from './query.js';

export function buildConfiguration(
  platform: string,
  files: SourceFile[],
  blocks: Block[],
  diagnostics: Diagnostic[],
): Configuration {
  const symbols = new Map<string, SymbolEntry>();
  const references: Reference[] = [];
  for (const block of blocks) {
    for (const sym of symbolsOf(block)) {
      // First declaration wins; duplicates are a reference-category concern reported by rules.
      if (!symbols.has(sym.address)) symbols.set(sym.address, sym);
    }
    const from = blockAddress(block);
    for (const { attribute } of allAttributes(block)) {
      for (const ref of referencesIn(attribute.expr)) {
        const target = referenceTarget(ref.parts);
        if (target) references.push({ target, from, text: exprToText(ref), span: ref.span ?? attribute.span });
      }
    }
  }
  return { platform, files, blocks, diagnostics, symbols, references };
}

function symbolsOf(block: Block): SymbolEntry[] {
  const base = { span: block.span, block };
  switch (block.kind) {
    case 'variable':
      return [{ ...base, kind: 'variable', address: `var.${block.labels[0]}`, name: block.labels[0] ?? '' }];
    case 'resource':
      return [{ ...base, kind: 'resource', address: blockAddress(block), name: block.labels[1] ?? '', type: block.labels[0] }];
    case 'data':
      return [{ ...base, kind: 'data', address: blockAddress(block), name: block.labels[1] ?? '', type: block.labels[0] }];
    case 'module':
      return [{ ...base, kind: 'module', address: blockAddress(block), name: block.labels[0] ?? '' }];
    case 'output':
      return [{ ...base, kind: 'output', address: blockAddress(block), name: block.labels[0] ?? '' }];
    case 'provider':
      return [{ ...base, kind: 'provider', address: blockAddress(block), name: block.labels[0] ?? '', type: block.labels[0] }];
    case 'locals':
      return block.attributes.map((a) => ({ kind: 'local' as const, address: `local.${a.name}`, name: a.name, span: a.span, block }));
    default:
      return [];
  }
}
