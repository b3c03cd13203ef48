// Deeply nested lists and block quotes made the markdown parser superlinear (1,000 nested list items: 137 s).
// Markers past MAX_CONTAINER_DEPTH are read as text; the parse tree's depth is asserted, not the time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { clampContainers, MAX_CONTAINER_DEPTH, outline } from '../../src/extract/outline.js';
import { extractResponse } from '../../src/extract/index.js';

/** Nesting of lists and block quotes in the parse tree (list + listItem count as one level). */
function containerDepth(markdown: string): number {
  let max = 0;
  const stack: [Nodes, number][] = [[fromMarkdown(markdown), 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    const here = node.type === 'listItem' || node.type === 'blockquote' ? d + 1 : d;
    max = Math.max(max, here);
    if ('children' in node) for (const c of node.children) stack.push([c as Nodes, here]);
  }
  return max;
}

const deepList = (n: number, prefix = '') => Array.from({ length: n }, (_, i) => `${prefix}${' '.repeat(i * 2)}- item ${i}`).join('\n') + '\n';

test('nesting is capped for lists, quotes, lists in quotes and mixed markers; lengths are kept', () => {
  for (const md of [deepList(120), deepList(120, '> '), '>'.repeat(500) + ' x\n', '- '.repeat(200) + 'x\n', '> - '.repeat(100) + 'x\n', Array.from({ length: 80 }, (_, i) => `${' '.repeat(i * 3)}1. step`).join('\n')]) {
    const clamped = clampContainers(md);
    assert.equal(clamped.length, md.length);
    assert.ok(containerDepth(md) > MAX_CONTAINER_DEPTH, 'the input really nests deeper');
    assert.ok(containerDepth(clamped) <= MAX_CONTAINER_DEPTH + 1, `depth ${containerDepth(clamped)}`);
  }
});

test('documents nesting less deeply, and code in top-level fences, are untouched', () => {
  const shallow = deepList(MAX_CONTAINER_DEPTH - 2) + '\n> > quoted\n\n1. one\n   - two\n';
  assert.equal(clampContainers(shallow), shallow);
  const code = '```yaml\n' + deepList(100) + '```\n';
  assert.equal(clampContainers(code), code);
  const res = extractResponse('## lib/x.yaml\n\n' + code, 'r.md');
  assert.equal(res.files[0]?.content.trimEnd(), deepList(100).trimEnd());
});

test('a fence after a deep list is still found, at its line', () => {
  const md = deepList(200) + '\n## main.tf\n\n```hcl\nresource "aws_s3_bucket" "b" {}\n```\n';
  const code = outline(md).filter((i) => i.kind === 'code');
  assert.equal(code.length, 1);
  assert.equal(code[0]!.line, 204);
});
