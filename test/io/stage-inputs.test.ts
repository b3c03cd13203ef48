// Files named on the command line (--log, --schema, `parse <file>`): FIFOs, devices and gzip bombs are refused
// with a message instead of hanging or aborting the process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { logsStage } from '../../src/logs/stage.js';
import { loadSchemaFromFile } from '../../src/schema/index.js';
import { loadParseInput } from '../../src/cli/commands/parse.js';
import { UsageError } from '../../src/contracts/errors.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import type { PipelineContext } from '../../src/contracts/pipeline.js';
import type { Task } from '../../src/contracts/task.js';
import { makeFifo } from './hostile-files.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'iacjudge-cli-inputs-'));
const noFifo = process.platform === 'win32';

function logsContext(logs: string[]): PipelineContext {
  return {
    task: { logs: [] } as unknown as Task,
    options: { conventions: DEFAULT_CONVENTIONS, logs },
    model: null,
    ideal: null,
    findings: [],
    notes: [],
    warnings: [],
    score: null,
  } as PipelineContext;
}

test('--log: a FIFO and /dev/zero are warnings; a long log is cut to its start', { skip: noFifo }, () => {
  const dir = tmp();
  assert.ok(makeFifo(join(dir, 'fifo.log')));
  const long = join(dir, 'long.log');
  writeFileSync(long, 'Error: Variables not allowed\n' + 'x'.repeat(6 * 1024 * 1024));
  const paths = [join(dir, 'fifo.log'), long, ...(existsSync('/dev/zero') ? ['/dev/zero'] : [])];
  const ctx = logsContext(paths);
  logsStage.run(ctx);
  assert.match(ctx.warnings[0]!, /fifo\.log: not a regular file/);
  assert.match(ctx.warnings[1]!, /only its start is read/);
  if (paths.length === 3) assert.match(ctx.warnings[2]!, /\/dev\/zero: not a regular file/);
  assert.equal(ctx.findings.length, 1);
});

test('--schema: a FIFO, a device and a gzip bomb are errors with a message, not a hang or an abort', { skip: noFifo }, () => {
  const dir = tmp();
  assert.ok(makeFifo(join(dir, 'schema.gz')));
  assert.throws(() => loadSchemaFromFile(join(dir, 'schema.gz'), 'schema.gz'), /schema\.gz: not a regular file/);
  if (existsSync('/dev/zero')) assert.throws(() => loadSchemaFromFile('/dev/zero', 'zero'), /not a regular file/);
  // 256 MiB of spaces: about 256 KB compressed, over the 64 MiB decompression cap.
  const bomb = join(dir, 'bomb.json.gz');
  writeFileSync(bomb, gzipSync(Buffer.alloc(256 * 1024 * 1024, 0x20), { level: 9 }));
  assert.throws(() => loadSchemaFromFile(bomb, 'bomb.json.gz'), /decompresses to more than/);
});

test('parse: a FIFO is a usage error; a FIFO inside a folder is skipped', { skip: noFifo }, () => {
  const dir = tmp();
  assert.ok(makeFifo(join(dir, 'pipe.tf')));
  assert.throws(() => loadParseInput(join(dir, 'pipe.tf')), (err: Error) => err instanceof UsageError && /not a regular file/.test(err.message));
  writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "b" {}\n');
  const warned: string[] = [];
  // readdir's file type already leaves the FIFO out of the listing; the real file is read.
  assert.deepEqual(loadParseInput(dir, (m) => warned.push(m)).map((f) => f.path), ['main.tf']);
});

test('parse: a file over the cap is refused instead of parsed', () => {
  const dir = tmp();
  const big = join(dir, 'big.tf');
  writeFileSync(big, '#'.repeat(5 * 1024 * 1024 + 1));
  assert.throws(() => loadParseInput(big), (err: Error) => err instanceof UsageError && /over the \d+-byte limit/.test(err.message));
});
