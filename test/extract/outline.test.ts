import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { outline as markdownItOutline, type OutlineItem } from '../../src/extract/outline.js';
import { mdastOutline } from './mdast-outline.js';

// outline (markdown-it) is compared with a second CommonMark implementation (micromark's syntax tree), on what
// extraction reads: the code blocks (language, text, first line) and, for fences at column 0 (how responses write
// files), where they end and their offsets; headings and paragraphs by their text with whitespace runs collapsed
// (a code span spanning lines keeps its line ending in one and a space in the other, as the spec allows either to
// be shown). The two read some degenerate containers differently (an empty list item after an indented block, a
// fence left open in a list item that ends), which no response relies on and the generated cases below reach.
type View = { kind: string; line: number; text?: string; lang?: string | null; value?: string; end?: [number, number, number] };
const view = (md: string, items: OutlineItem[], full: boolean): View[] => {
  const lines = md.split(/\r\n|\r|\n/);
  const out: View[] = [];
  for (const i of items) {
    if (i.kind === 'code') {
      const columnZero = /^(`{3,}|~{3,})/.test(lines[i.line - 1] ?? '');
      out.push({ kind: 'code', line: i.line, lang: i.lang, value: i.value, ...(columnZero ? { end: [i.endLine, i.startOffset, i.endOffset] as [number, number, number] } : {}) });
    } else if (full && (i.kind === 'heading' || i.kind === 'paragraph')) out.push({ kind: i.kind, line: i.line, text: i.text.replace(/\s+/g, ' ') });
  }
  return out;
};
const outlineOf = (md: string, full = true): View[] => view(md, mdastOutline(md), full);
const outline = (md: string, full = true): View[] => view(md, markdownItOutline(md), full);

/** A long code body. */
const BODY = Array.from({ length: 20 }, (_, i) => `  attribute_${i} = "value number ${i}"`).join('\n');

test('outline of a response with long fences keeps code text, lines and offsets of the full parse', () => {
  const md = [
    '# Solution',
    '',
    '## lib/main.tf',
    '',
    '```hcl',
    'resource "aws_s3_bucket" "b" {',
    BODY,
    '}',
    '```',
    '',
    'Some text after, with a `code` span.',
    '',
    '~~~~',
    BODY,
    '```',
    'still inside the tilde fence',
    '~~~~',
    '',
    '- item',
    '',
    '  ```hcl',
    BODY,
    '  ```',
    '',
    '## last',
  ].join('\n');
  assert.deepEqual(outline(md), outlineOf(md));
  const fast = markdownItOutline(md);
  const code = fast.filter((i) => i.kind === 'code');
  assert.equal(code.length, 3);
  assert.ok(code[0]!.kind === 'code' && code[0]!.value.startsWith('resource "aws_s3_bucket"'));
  assert.equal(md.slice(code[1]!.kind === 'code' ? code[1]!.startOffset : 0).slice(0, 4), '~~~~');
  const last = fast.at(-1)!;
  assert.equal(last.kind === 'heading' && last.line, md.split('\n').length);
});

test('outline agrees with the full parse on every form of closing line', () => {
  // Closing: up to 3 spaces, at least as many marker characters, then only spaces or tabs.
  for (const close of ['```', '   ```', '    ```', '\t```', '``````', '```  \t', '``', '~~~', '``` x', ' ```']) {
    for (const open of ['```', '````', '~~~', '```hcl']) {
      const md = [open, BODY, close, '# after', BODY, '```', 'end'].join('\n');
      assert.deepEqual(outline(md), outlineOf(md), JSON.stringify([open, close]));
    }
  }
});

test('outline agrees with the full parse where a column-0 fence line is not an opening fence', () => {
  // Inside an indented fence a column-0 "```hcl" is content; inside an HTML block a fence is HTML.
  for (const md of [
    ['  ```', BODY, '```hcl', BODY, '```', 'after'].join('\n'),
    ['<div>', '```hcl', BODY, '', '```', '# heading', '</div>'].join('\n'),
    ['```a`b', BODY, '```', 'para'].join('\n'),
    ['> quote', '```', BODY, '```'].join('\n'),
  ]) {
    assert.deepEqual(outline(md), outlineOf(md), md.slice(0, 40));
  }
});

const lineEnding = fc.constantFrom('\n', '\r\n', '\r');
const piece = fc.oneof(
  fc.constantFrom('```', '```hcl', '````', '~~~', '~~~ info', '```x`y', '   ```', '    ```', ' ```  ', '\t```', '```\t'),
  fc.constantFrom('# h', 'para', '- item', '  - nested', '> quote', '<div>', '</div>', '<!--', '-->', '', '    indented', '***', '==='),
  fc.constantFrom(BODY, `${BODY}\n\n${BODY}`, `\t${BODY}`, `${BODY} \u00e9\u2028`),
  fc.string({ maxLength: 12 }),
);

test('outline equals the full parse on generated markdown (fences, containers, HTML, line endings)', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), lineEnding, (pieces, eol) => {
      const md = pieces.join('\n').replace(/\r\n|\r|\n/g, eol);
      assert.deepEqual(outline(md, false), outlineOf(md, false));
    }),
    { numRuns: 400, seed: 7 },
  );
});
