import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { outline, outlineOf } from '../../src/extract/outline.js';

/** Enough code lines that the fast path empties the fence (it skips short ones). */
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
  const fast = outline(md);
  assert.deepEqual(fast, outlineOf(md));
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

test('outline falls back to the full parse where a column-0 fence line is not an opening fence', () => {
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
      assert.deepEqual(outline(md), outlineOf(md));
    }),
    { numRuns: 400, seed: 7 },
  );
});
