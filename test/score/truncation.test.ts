import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAtEnd, responseTruncation } from '../../src/score/truncation.js';
import type { ResponseFiles } from '../../src/contracts/task.js';

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

test('truncation: only an unclosed fence at the end with an unclosed bracket or heredoc in the last file', () => {
  const cut = { path: 'lib/main.tf', content: 'resource "a" "b" {\n  tags = {\n', line: 30 };
  const whole = { path: 'lib/vars.tf', content: 'variable "x" {}\n', line: 5 };
  assert.match(responseTruncation(response([whole, cut], true))?.detail ?? '', /2 unclosed brackets in lib\/main\.tf/);
  // The same text with its fence closed is an incomplete file the parser reports, not a cut-off response.
  assert.equal(responseTruncation(response([whole, cut], false)), null);
  // The last file in the document is balanced: the unclosed fence lost only its closing marker.
  assert.equal(responseTruncation(response([{ ...cut, line: 2 }, { ...whole, line: 30 }], true)), null);
  assert.equal(responseTruncation(response([{ path: 'lib/main.tf', content: 'p = <<EOF\nabc\n', line: 3 }], true))?.kind, 'truncated');
  assert.equal(responseTruncation(null), null);
});

test('no code: a response whose files are all prose or none', () => {
  assert.equal(responseTruncation(response([], false))?.kind, 'no-code');
  assert.equal(responseTruncation(response([{ path: 'lib/README.md', content: '# notes\n' }], false))?.kind, 'no-code');
  assert.equal(responseTruncation(response([{ path: 'lib/stack.ts', content: 'export {};\n' }], false)), null);
});
