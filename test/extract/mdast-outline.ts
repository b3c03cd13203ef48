// The outline as a syntax-tree parser (micromark, through mdast-util-from-markdown) reads it: a second CommonMark
// implementation, the oracle src/extract/outline.ts (markdown-it) is compared with. Test-only.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parents } from 'mdast';
import { clampContainers, type OutlineItem } from '../../src/extract/outline.js';

/** Visible text of inline content: text, inline code, emphasis, links; line breaks become spaces. */
function inlineText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node as Parents).children.map((c) => inlineText(c as Nodes)).join('');
  return '';
}

/** The outline from a full parse of the document (what `outline` must always equal). */
export function mdastOutline(markdown: string): OutlineItem[] {
  const tree = fromMarkdown(clampContainers(markdown));
  const out: OutlineItem[] = [];
  // Iterative walk: deeply nested lists must not overflow the stack.
  const stack: Nodes[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const line = node.position?.start.line ?? 0;
    switch (node.type) {
      case 'heading':
        out.push({ kind: 'heading', text: inlineText(node).trim(), line, depth: node.depth });
        break;
      case 'paragraph':
        out.push({ kind: 'paragraph', text: inlineText(node).trim(), line });
        break;
      case 'code':
        out.push({
          kind: 'code',
          lang: node.lang ?? null,
          value: node.value,
          line,
          endLine: node.position?.end.line ?? line,
          startOffset: node.position?.start.offset ?? 0,
          endOffset: node.position?.end.offset ?? 0,
        });
        break;
      case 'list':
      case 'listItem':
      case 'blockquote':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
        break;
      default:
        out.push({ kind: 'other', line });
    }
  }
  return out;
}

