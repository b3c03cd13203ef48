import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeResponsePath } from '../../src/extract/paths.js';
import { extractResponse } from '../../src/extract/index.js';

test('normalizeResponsePath keeps top folders and puts the rest under lib/', () => {
  const ok: [string, string][] = [
    ['main.tf', 'lib/main.tf'],
    ['lib/lambda/index.py', 'lib/lambda/index.py'],
    ['bin/tap.ts', 'bin/tap.ts'],
    ['test/x.test.ts', 'test/x.test.ts'],
    ['tests/x.py', 'tests/x.py'],
    ['./main.tf', 'lib/main.tf'],
    ['modules/vpc/main.tf', 'lib/modules/vpc/main.tf'],
    ['console.tf', 'lib/console.tf'],
    // Written from the project's root, as headings do (`## /lib/variables.tf`).
    ['/lib/variables.tf', 'lib/variables.tf'],
    ['/modules/kms/main.tf', 'modules/kms/main.tf'],
  ];
  for (const [raw, expected] of ok) assert.deepEqual(normalizeResponsePath(raw), { ok: true, path: expected }, raw);
});

test('normalizeResponsePath rejects unsafe paths', () => {
  const bad = ['/etc/x.tf', '/libx/x.tf', '/lib/../../x.tf', '/lib//x.tf', '//lib/x.tf', '../x.tf', 'lib/../../x.tf', 'a\u0000b.tf', 'C:\\x.tf', 'c:x.tf', 'lib\\x.tf', 'CON', 'con.tf', 'NUL.txt', 'lib/AUX.tf', 'COM1.tf', 'lpt9.ts', 'prn', 'lib//x.tf', '', '~/x.tf', 'lib/x.tf.', 'a:b.tf'];
  for (const raw of bad) assert.equal(normalizeResponsePath(raw).ok, false, JSON.stringify(raw));
});

test('property: any accepted path is relative, without .., backslash, colon or control characters', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), (raw) => {
      const r = normalizeResponsePath(raw);
      if (!r.ok) return true;
      const control = [...r.path].some((ch) => ch.charCodeAt(0) < 0x20);
      return !r.path.startsWith('/') && !r.path.split('/').includes('..') && !/[\\:]/.test(r.path) && !control;
    }),
    { numRuns: Number(process.env.IACJUDGE_FUZZ_RUNS ?? 300) },
  );
});

test('property: extraction never crashes and never yields an unsafe path', () => {
  const piece = fc.constantFrom('## ', '```hcl\n', '```\n', '# ', '../', 'main.tf', 'C:\\', '\u0000', '\r\n', '\n', '**', '`', 'resource "a" "b" {}\n', '~~~\n', '- ', '    ', ':');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const r = extractResponse(parts.join(''), 'm.md');
      return r.files.every((f) => normalizeResponsePath(f.path).ok && !f.path.includes('..'));
    }),
    { numRuns: Number(process.env.IACJUDGE_FUZZ_RUNS ?? 200) },
  );
});
