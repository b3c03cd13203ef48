/** `iacjudge analyze -`: one .tf file or one markdown response read from stdin, bounded, never an empty pass. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { readStdinBounded, stdinKind } from '../../src/cli/stdin.js';
import { UsageError } from '../../src/contracts/errors.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

function runWithStdin(args: string[], input: string): { code: number; stdout: string; stderr: string } {
  const script = `import(${JSON.stringify(MAIN)}).then((m) => m.main(JSON.parse(process.argv[1]))).then((c) => { process.exitCode = c; })`;
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, JSON.stringify(args)], { encoding: 'utf8', input });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

const PUBLIC_BUCKET = 'resource "aws_s3_bucket" "site" {\n  bucket = "site"\n  acl    = "public-read"\n}\n';

interface Out {
  task: { path: string; platform: string };
  findings: { ruleId: string; location: { file: string; line: number } }[];
  score: unknown;
  origins?: Record<string, { file: string }>;
}

test('analyze - reads one .tf file from stdin: findings at stdin.tf, the task is "-", no temporary path shown', () => {
  const r = runWithStdin(['analyze', '-', '--format', 'json'], PUBLIC_BUCKET);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Out;
  assert.equal(out.task.path, '-');
  assert.equal(out.task.platform, 'tf-hcl');
  const deprecated = out.findings.find((f) => f.ruleId === 'deprecated-argument');
  assert.deepEqual(deprecated?.location, { file: 'stdin.tf', line: 3 });
  // A plain file of Terraform: no pipeline conventions, no score.
  assert.equal(out.score, null);
  assert.ok(!out.findings.some((f) => f.ruleId === 'missing-suffix-variable'));
  assert.ok(!r.stdout.includes('iacjudge-stdin-'), 'the temporary folder leaked into the output');
  // --fail-on applies as for a folder.
  assert.equal(runWithStdin(['analyze', '-', '--fail-on', 'low'], PUBLIC_BUCKET).code, 1);
});

test('analyze - reads a markdown response from stdin: its code is extracted and located in the markdown', () => {
  const md = 'Here is the bucket:\n\n```hcl\n' + PUBLIC_BUCKET + '```\n';
  const r = runWithStdin(['analyze', '-', '--format', 'json'], md);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Out;
  assert.equal(out.task.path, '-');
  const deprecated = out.findings.find((f) => f.ruleId === 'deprecated-argument');
  assert.ok(deprecated, 'the extracted code was not analyzed');
  assert.equal(out.origins?.[deprecated.location.file]?.file, 'MODEL_RESPONSE.md');
  // SARIF points into the markdown itself (line 4 of the fence = line 6 of the document).
  const sarif = JSON.parse(runWithStdin(['analyze', '-', '--format', 'sarif'], md).stdout);
  const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'deprecated-argument');
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'MODEL_RESPONSE.md');
  assert.equal(res.locations[0].physicalLocation.region.startLine, 6);
});

test('analyze - reads a .tf.json file from stdin: findings at stdin.tf.json, its own lines', () => {
  const json = JSON.stringify({ resource: { aws_s3_bucket: { site: { bucket: 'site', acl: 'public-read' } } } }, null, 2);
  assert.equal(stdinKind(json), 'tf-json');
  const r = runWithStdin(['analyze', '-', '--format', 'json'], json);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Out;
  assert.equal(out.task.platform, 'tf-hcl');
  const deprecated = out.findings.find((f) => f.ruleId === 'deprecated-argument');
  assert.deepEqual(deprecated?.location, { file: 'stdin.tf.json', line: 6 });
});

test('analyze - with nothing on stdin is a usage error (exit 2), not a clean pass', () => {
  for (const input of ['', '\n  \n']) {
    const r = runWithStdin(['analyze', '-'], input);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /stdin is empty/);
    assert.equal(r.stdout, '');
  }
});

test('stdin reading: bounded, a terminal refused, markdown told from HCL by its fences', async () => {
  await assert.rejects(readStdinBounded(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000), (e) => e instanceof UsageError && /more than 1000 bytes/.test(e.message));
  assert.equal(await readStdinBounded(Readable.from([Buffer.from('a = 1\n')]), 1000), 'a = 1\n');
  const tty = Object.assign(Readable.from([]), { isTTY: true });
  await assert.rejects(readStdinBounded(tty), (e) => e instanceof UsageError && /stdin is a terminal/.test(e.message));
  assert.equal(stdinKind(PUBLIC_BUCKET), 'hcl');
  assert.equal(stdinKind('text\n```hcl\nx = 1\n```\n'), 'markdown');
  assert.equal(stdinKind('text\n  ~~~terraform\nx = 1\n~~~\n'), 'markdown');
  // A heredoc or a string holding backticks mid-line is still HCL.
  assert.equal(stdinKind('locals {\n  x = "```"\n}\n'), 'hcl');
});
