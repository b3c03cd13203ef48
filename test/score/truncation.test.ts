import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAtEnd, responseTruncation } from '../../src/score/truncation.js';
import type { ResponseFiles } from '../../src/contracts/task.js';
import { extractResponse } from '../../src/extract/index.js';

function response(files: { path: string; content: string; line?: number }[], unclosed: boolean): ResponseFiles {
  return {
    origin: 'lib/MODEL_RESPONSE.md',
    files: files.map((f) => ({ path: f.path, language: f.path.endsWith('.ts') ? 'ts' : 'hcl', content: f.content, markdownLine: f.line ?? 1 })),
    warnings: unclosed ? [{ kind: 'unclosed-fence', message: 'code fence never closes', line: 40 }] : [],
  };
}

test('open brackets and heredocs at the end: strings and comments do not count', () => {
  assert.deepEqual(openAtEnd('resource "a" "b" {\n  x = "{"\n}\n'), { depth: 0, heredoc: null });
  assert.deepEqual(openAtEnd('resource "a" "b" {\n  # }\n  // }\n  /* } */\n'), { depth: 1, heredoc: null });
  assert.deepEqual(openAtEnd("const s = `a\n}\n`;\nnew Stack(app, 'x', {\n"), { depth: 2, heredoc: null });
  assert.deepEqual(openAtEnd('policy = <<EOF\n{\n  "a": 1\n'), { depth: 0, heredoc: 'EOF' });
  assert.deepEqual(openAtEnd('policy = <<-JSON\n{ }\n  JSON\n'), { depth: 0, heredoc: null });
  assert.deepEqual(openAtEnd('x = "escaped \\" {"\n'), { depth: 0, heredoc: null });
});

test('truncation: only an unclosed fence at the end with an unclosed bracket or heredoc in the last block', () => {
  const md = (tail: string) => `## vars.tf\n\n\`\`\`hcl\nvariable "x" {}\n\`\`\`\n\n## main.tf\n\n\`\`\`hcl\n${tail}`;
  const cut = extractResponse(md('resource "a" "b" {\n  tags = {\n'), 'lib/MODEL_RESPONSE.md');
  assert.match(responseTruncation(cut)?.detail ?? '', /2 unclosed brackets in lib\/main\.tf/);
  // The same text with its fence closed and the answer going on after it is an incomplete file the parser reports,
  // not a cut-off response; closed at the very end of the response, right after the dangling `{`, it is the cut.
  assert.equal(responseTruncation(extractResponse(md('resource "a" "b" {\n  tags = {\n```\n\nThat is all.\n'), 'm.md')), null);
  assert.match(responseTruncation(extractResponse(md('resource "a" "b" {\n  tags = {\n```\n'), 'm.md'))?.detail ?? '', /2 unclosed brackets/);
  // The last block is balanced: the unclosed fence lost only its closing marker.
  assert.equal(responseTruncation(extractResponse(md('resource "a" "b" {}\n'), 'm.md')), null);
  assert.equal(responseTruncation(extractResponse(md('resource "a" "b" {\n  p = <<EOF\nabc\n'), 'm.md'))?.kind, 'truncated');
  assert.equal(responseTruncation(null), null);
});

test('no code: a response whose files are all prose or none', () => {
  assert.equal(responseTruncation(response([], false))?.kind, 'no-code');
  assert.equal(responseTruncation(response([{ path: 'lib/README.md', content: '# notes\n' }], false))?.kind, 'no-code');
  assert.equal(responseTruncation(response([{ path: 'lib/stack.ts', content: 'export {};\n' }], false)), null);
});
