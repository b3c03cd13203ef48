// Hostile fence families of issue 20 (many parts of one file, many revisions, many unnamed fences): the structure
// of the result, at small sizes. Their time is measured by `npm run fuzz -- --scaling`, never here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractResponse } from '../../src/extract/index.js';
import { relate, versionFacts, joinedFacts } from '../../src/extract/versions.js';
import { fileByPath } from '../../src/model/query.js';
import type { SourceFile } from '../../src/model/types.js';

const bucket = (i: number): string => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-${i}"\n}\n`;
const fence = (body: string): string => '```hcl\n' + body + '```\n';

test('hostile: 300 parts of one named file join into one file with one segment per part, in order', () => {
  const n = 300;
  const md = Array.from({ length: n }, (_, i) => fence(`# main.tf\n${bucket(i)}`)).join('\n');
  const r = extractResponse(md, 'm.md');
  assert.equal(r.files.length, 1);
  const f = r.files[0]!;
  assert.equal(f.path, 'lib/main.tf');
  assert.equal(f.segments?.length, n);
  // Each part is 3 lines after its name comment, which stays in the content: 4 lines per part.
  assert.deepEqual(f.segments?.slice(0, 3).map((s) => s.line), [1, 5, 9]);
  // A fence's text ends before its last newline: every part but the last gets it back at the join.
  assert.equal(f.content, Array.from({ length: n }, (_, i) => `# main.tf\n${bucket(i)}`).join('').slice(0, -1));
  assert.equal(r.warnings.filter((w) => w.kind === 'joined-parts').length, n - 1);
  assert.equal(r.fences!.filter((d) => d.kind === 'part').length, n - 1);
});

test('hostile: revisions of many named files keep the files in order of their last block', () => {
  const names = Array.from({ length: 50 }, (_, i) => `f${i}.tf`);
  // Every file once, then every even file again with the same declaration changed: each a revision.
  const md = [...names.map((n, i) => fence(`# ${n}\n${bucket(i)}`)), ...names.filter((_, i) => i % 2 === 0).map((n, i) => fence(`# ${n}\n${bucket(i * 2).replace('bucket = ', 'bucket  = ')}`))].join('\n');
  const r = extractResponse(md, 'm.md');
  const order = r.files.map((f) => f.path);
  const odd = names.filter((_, i) => i % 2 === 1).map((n) => `lib/${n}`);
  const even = names.filter((_, i) => i % 2 === 0).map((n) => `lib/${n}`);
  assert.deepEqual(order, [...odd, ...even]);
  assert.equal(r.superseded?.length, 25);
  assert.equal(r.warnings.filter((w) => w.kind === 'duplicate-path').length, 25);
});

test('hostile: 500 unnamed fences repeating one block keep the first and call the rest excerpts', () => {
  const md = Array.from({ length: 500 }, () => fence(bucket(0))).join('\nStep:\n\n');
  const r = extractResponse(md, 'm.md');
  assert.equal(r.files.length, 1);
  assert.equal(r.fences!.length, 500);
  assert.equal(r.fences!.filter((d) => d.kind === 'excerpt').length, 499);
});

test('hostile: 1,000 unclosed fences each end before the next one and keep their own name and lines', () => {
  // Every fence opens and none closes: each runs away into the next, which is split off in turn (once bounded
  // at 64 splits, the rest one block, because every split parsed the rest of the document again).
  const n = 1000;
  const md = Array.from({ length: n }, (_, i) => `Step ${i}:\n\n\`\`\`hcl\n# f${i}.tf\n${bucket(i)}`).join('\n');
  const r = extractResponse(md, 'm.md');
  assert.equal(r.files.length, n);
  assert.deepEqual(r.files.slice(0, 3).map((f) => f.path), ['lib/f0.tf', 'lib/f1.tf', 'lib/f2.tf']);
  assert.equal(r.files[n - 1]!.path, `lib/f${n - 1}.tf`);
  // Each step is 8 lines (label, blank, opener, name, 3 code lines, blank); a file's content is its fence's.
  assert.deepEqual(r.fences!.slice(0, 3).map((d) => d.line), [3, 11, 19]);
  assert.equal(r.fences![n - 1]!.line, 3 + 8 * (n - 1));
  assert.equal(r.files[7]!.content, `# f7.tf\n${bucket(7).trimEnd()}`);
  // The last one runs to the end of the response: it is cut there, not ended before another fence.
  assert.equal(r.files[n - 1]!.content, `# f${n - 1}.tf\n${bucket(n - 1)}`.trimEnd());
  assert.equal(r.warnings.filter((w) => w.kind === 'unclosed-fence').length, n);
});

test('hostile: an unclosed fence whose next opener an HTML block swallows is split as a full parse says', () => {
  // `<!-- Note:` reads as prose but opens an HTML comment that runs over the opener below it to `-->`: the short
  // parse of the prose and the opener does not end in a fence there, so the rest is parsed whole.
  const md = '```hcl\n# a.tf\nresource "a" "b" {}\n\n<!-- Note:\n```hcl\nx = 1\n-->\n\nSecond file b.tf:\n\n```hcl\ny = 2\n';
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => [f.path, f.content]), [
    ['lib/a.tf', '# a.tf\nresource "a" "b" {}'],
    ['lib/b.tf', 'y = 2'],
  ]);
});

test('joined facts equal the facts of the joined text', () => {
  const parts = ['resource "a" "x" {\n}', '  # ... rest unchanged\nvariable "v" {}\n\n', '\n\noutput "o" {\n  value = 1\n}  \n'];
  let facts = versionFacts('hcl', parts[0]!);
  let text = parts[0]!;
  for (const p of parts.slice(1)) {
    facts = joinedFacts(facts, versionFacts('hcl', p), p);
    text = (text.endsWith('\n') ? text : `${text}\n`) + p;
    const direct = versionFacts('hcl', text);
    assert.deepEqual({ ...facts, declarations: [...facts.declarations].sort() }, { ...direct, declarations: [...direct.declarations].sort() });
  }
  // relate with and without the facts agrees.
  const later = { language: 'hcl', content: 'resource "a" "x" {\n}\n', cut: false };
  assert.deepEqual(relate({ language: 'hcl', content: text, cut: false, facts }, later), relate({ language: 'hcl', content: text, cut: false }, later));
});

test('fileByPath: the first file of a path, rebuilt when the list grows', () => {
  const files: SourceFile[] = [
    { path: 'lib/a.tf', language: 'hcl', content: '1' },
    { path: 'lib/a.tf', language: 'hcl', content: '2' },
  ];
  assert.equal(fileByPath(files, 'lib/a.tf')?.content, '1');
  assert.equal(fileByPath(files, 'lib/b.tf'), undefined);
  files.push({ path: 'lib/b.tf', language: 'hcl', content: '3' });
  assert.equal(fileByPath(files, 'lib/b.tf')?.content, '3');
  // Hostile names are data.
  assert.equal(fileByPath(files, '__proto__'), undefined);
  assert.equal(fileByPath(files, 'constructor'), undefined);
});
