/**
 * Flattens a markdown tree into the sequence of blocks that matter for naming code: headings, paragraphs and
 * code, in document order (list items and block quotes are walked into, so a fence inside a list item follows
 * the label paragraph of that item).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Parents } from 'mdast';

export type OutlineItem =
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | {
      kind: 'code';
      lang: string | null;
      value: string;
      /** Line of the opening fence (or first line of an indented block). */
      line: number;
      endLine: number;
      startOffset: number;
      endOffset: number;
    }
  | { kind: 'other'; line: number };

/** Visible text of inline content: text, inline code, emphasis, links; line breaks become spaces. */
export function inlineText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node as Parents).children.map((c) => inlineText(c as Nodes)).join('');
  return '';
}

export function outline(markdown: string): OutlineItem[] {
  const tree = fromMarkdown(markdown);
  const out: OutlineItem[] = [];
  // Iterative walk: deeply nested lists must not overflow the stack.
  const stack: Nodes[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const line = node.position?.start.line ?? 0;
    switch (node.type) {
      case 'heading':
        out.push({ kind: 'heading', text: inlineText(node).trim(), line });
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
