// The bounded reader against hostile files built here: FIFOs, devices, links out of the folder, oversized files,
// gzip bombs. Each must come back as a refusal without a hang, a crash, or a byte of the file in the message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { gunzipBounded, jsonErrorMessage, readBounded } from '../../src/io/read.js';
import { makeFifo } from './hostile-files.js';
import { boundList, stripControls, truncateSnippet, truncateText } from '../../src/io/text.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'iacjudge-io-'));

const SECRET = 'root:x:0:0:TOPSECRET-LINE';

test('a regular file inside its folder is read', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.txt'), 'hello');
  const got = readBounded(join(dir, 'a.txt'), { label: 'a.txt', within: dir });
  assert.ok(got.ok);
  assert.equal(got.bytes.toString(), 'hello');
  assert.equal(got.truncated, false);
});

test('a FIFO is refused at once instead of blocking the process', { skip: process.platform === 'win32' }, () => {
  const dir = tmp();
  assert.ok(makeFifo(join(dir, 'fifo')), 'mkfifo available');
  // Without O_NONBLOCK and the kind check this call never returns and the test run times out.
  const got = readBounded(join(dir, 'fifo'), { label: 'fifo', within: dir });
  assert.equal(got.ok, false);
  assert.equal(!got.ok && got.reason, 'not-regular');
});

test('a device, directly or through a link inside the folder, is refused', { skip: !existsSync('/dev/zero') }, () => {
  const dir = tmp();
  const direct = readBounded('/dev/zero', { label: 'zero' });
  assert.equal(!direct.ok && direct.reason, 'not-regular');
  symlinkSync('/dev/zero', join(dir, 'z'));
  const linked = readBounded(join(dir, 'z'), { label: 'z' });
  assert.equal(!linked.ok && linked.reason, 'not-regular');
});

test('a link leaving the folder is refused and its target never appears in the message', () => {
  const outside = tmp();
  const dir = tmp();
  writeFileSync(join(outside, 'shadow'), SECRET);
  symlinkSync(join(outside, 'shadow'), join(dir, 'cfg.json'));
  const got = readBounded(join(dir, 'cfg.json'), { label: 'cfg.json', within: dir });
  assert.equal(!got.ok && got.reason, 'outside');
  assert.ok(!got.ok && !got.message.includes('TOPSECRET') && !got.message.includes(outside));
  // A linked parent folder is the same escape.
  symlinkSync(outside, join(dir, 'lib'));
  const viaParent = readBounded(join(dir, 'lib', 'shadow'), { label: 'lib/shadow', within: dir });
  assert.equal(!viaParent.ok && viaParent.reason, 'outside');
  // Without `within` (a file the user named), the same link is followed.
  assert.ok(readBounded(join(dir, 'cfg.json'), { label: 'cfg.json' }).ok);
});

test('a link inside the folder is followed; a dangling link is a refusal', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'real.tf'), 'x');
  symlinkSync(join(dir, 'sub', 'real.tf'), join(dir, 'alias.tf'));
  assert.ok(readBounded(join(dir, 'alias.tf'), { label: 'alias.tf', within: dir }).ok);
  symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));
  const got = readBounded(join(dir, 'dangling'), { label: 'dangling', within: dir });
  assert.equal(!got.ok && got.reason, 'missing');
});

test('over the cap: refused, or cut to the cap when truncation is asked for', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'big'), 'a'.repeat(1000));
  const refused = readBounded(join(dir, 'big'), { label: 'big', maxBytes: 999 });
  assert.equal(!refused.ok && refused.reason, 'too-large');
  const cut = readBounded(join(dir, 'big'), { label: 'big', maxBytes: 100, truncate: true });
  assert.ok(cut.ok && cut.truncated && cut.bytes.length === 100);
  const exact = readBounded(join(dir, 'big'), { label: 'big', maxBytes: 1000 });
  assert.ok(exact.ok && exact.bytes.length === 1000 && !exact.truncated);
});

test('a folder and a missing file are refusals, not exceptions', () => {
  const dir = tmp();
  assert.equal((readBounded(dir, { label: 'd' }) as { reason: string }).reason, 'not-regular');
  assert.equal((readBounded(join(dir, 'none'), { label: 'none' }) as { reason: string }).reason, 'missing');
});

test('gzip: a bomb stops at the output cap; garbage is refused', () => {
  // 64 MiB of zeros compresses to about 64 KB; the cap is 1 MiB here.
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  const got = gunzipBounded(bomb, 'bomb.gz', 1024 * 1024);
  assert.equal(!got.ok && got.reason, 'decompression');
  assert.ok(gunzipBounded(gzipSync(Buffer.from('{}')), 'ok.gz', 1024).ok);
  assert.equal((gunzipBounded(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'bad.gz') as { reason: string }).reason, 'decompression');
});

test('JSON error messages never quote the input', () => {
  for (const text of [SECRET, `{"a": ${SECRET}}`, `[1, "TOPSECRET"`, `{"TOPSECRET": }`]) {
    let msg = '';
    try {
      JSON.parse(text);
    } catch (err) {
      msg = jsonErrorMessage(err);
    }
    assert.ok(msg.length > 0);
    assert.ok(!msg.includes('TOPSECRET') && !msg.includes('root'), msg);
  }
});

test('text bounds: controls stripped, messages, snippets and lists cut with a marker', () => {
  const hostile = 'a\x1b]0;pwned\x07b\x1b[31mc\x1b[0m\x00d\x7fe\u009bf\tg\nh';
  assert.equal(stripControls(hostile), 'abcdef\tg\nh');
  const long = 'x'.repeat(5000);
  const cut = truncateText(long, 2000);
  assert.ok(cut.length < 2100 && cut.endsWith('[3000 more characters]'));
  assert.equal(truncateText('short', 2000), 'short');
  const snippet = truncateSnippet(Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n'));
  assert.equal(snippet.split('\n').length, 61);
  assert.match(snippet, /\[440 more lines\]$/);
  const wide = truncateSnippet('y'.repeat(100_000));
  assert.ok(wide.length < 8300, String(wide.length));
  assert.deepEqual(boundList(['a', 'b', 'c'], 2), ['a', 'b', '… 1 more']);
});
