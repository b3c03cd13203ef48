// Task folders holding special files and links out of the folder: each is a warning, never a hang, a crash or an
// echo of the file's bytes (a config linked to /etc/shadow leaked its first bytes into stderr and results.jsonl).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTask } from '../../src/ingest/index.js';
import { analyzeTask } from '../../src/index.js';
import { ConfigRefusedError, loadConfigFile } from '../../src/rules/config.js';
import { UsageError } from '../../src/contracts/errors.js';
import { makeFifo } from '../io/hostile-files.js';

const SECRET = 'root:$6$TOPSECRET$hash:19000:0:99999:7:::';
const RESPONSE = '## main.tf\n\n```hcl\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n```\n';

function taskDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-hostile-files-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'lib', 'MODEL_RESPONSE.md'), RESPONSE);
  return dir;
}

function secretOutside(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-outside-'));
  writeFileSync(join(dir, 'shadow'), SECRET);
  return join(dir, 'shadow');
}

const noFifo = process.platform === 'win32';

test('FIFOs in the task folder (metadata, code, log, response) are warnings', { skip: noFifo }, () => {
  const dir = taskDir();
  for (const rel of ['metadata.json', 'lib/main.tf', 'deploy.log', 'lib/IDEAL_RESPONSE.md']) assert.ok(makeFifo(join(dir, rel)));
  const task = loadTask(dir);
  const special = task.warnings.filter((w) => w.kind === 'not-regular').map((w) => w.file);
  assert.deepEqual(special.sort(), ['deploy.log', 'lib/IDEAL_RESPONSE.md', 'lib/main.tf', 'metadata.json']);
  assert.equal(task.model?.files.length, 1);
});

test('--model naming a FIFO or a device is a warning, not a hang or a crash', { skip: noFifo }, () => {
  const dir = taskDir();
  const fifo = join(dir, 'response.md');
  assert.ok(makeFifo(fifo));
  const task = loadTask(dir, { model: fifo });
  assert.ok(task.warnings.some((w) => w.kind === 'not-regular' && /not a regular file/.test(w.message)));
  assert.deepEqual(task.model?.files, []);
  if (existsSync('/dev/zero')) {
    const zero = loadTask(dir, { model: '/dev/zero' });
    assert.ok(zero.warnings.some((w) => w.kind === 'not-regular'));
  }
});

test('.iacjudge.json linked out of the task: not read, nothing of it echoed, analysis goes on without it', () => {
  const dir = taskDir();
  writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ platform: 'tf', language: 'hcl' }));
  symlinkSync(secretOutside(), join(dir, '.iacjudge.json'));
  const result = analyzeTask(dir);
  const text = JSON.stringify(result);
  assert.ok(!text.includes('TOPSECRET') && !text.includes('root:'), 'no byte of the target in the result');
  assert.ok(result.warnings.some((w) => /\.iacjudge\.json/.test(w) && /outside the task folder/.test(w)));
});

test('.iacjudge.json as a FIFO in the task folder: a warning, the analysis finishes', { skip: noFifo }, () => {
  const dir = taskDir();
  assert.ok(makeFifo(join(dir, '.iacjudge.json')));
  const result = analyzeTask(dir);
  assert.ok(result.warnings.some((w) => /\.iacjudge\.json/.test(w) && /not a regular file/.test(w)));
});

test('loadConfigFile: refusals are ConfigRefusedError; a JSON error never quotes the file', () => {
  const dir = taskDir();
  const secret = secretOutside();
  symlinkSync(secret, join(dir, 'linked.json'));
  assert.throws(() => loadConfigFile(join(dir, 'linked.json'), 'linked.json', { within: dir }), ConfigRefusedError);
  // The user's own --config may be a link; it is read, but the JSON error does not echo its content.
  assert.throws(
    () => loadConfigFile(join(dir, 'linked.json'), 'linked.json'),
    (err: Error) => err instanceof UsageError && !(err instanceof ConfigRefusedError) && !err.message.includes('TOPSECRET') && !err.message.includes('root'),
  );
  if (existsSync('/dev/zero')) assert.throws(() => loadConfigFile('/dev/zero', 'zero'), ConfigRefusedError);
});

test('code files over the size cap are skipped with a warning', () => {
  const dir = taskDir();
  writeFileSync(join(dir, 'lib', 'big.tf'), '#'.repeat(2000));
  const task = loadTask(dir, { maxFileBytes: 1000 });
  assert.ok(task.warnings.some((w) => w.kind === 'too-large' && w.file === 'lib/big.tf'));
});
