/**
 * Scale-out: 4 shards run as separate processes with the environment a Kubernetes Indexed Job sets
 * (JOB_COMPLETION_INDEX 0..3, IACJUDGE_SHARD_COUNT=4), merged by `summarize`, give the same bytes as one run;
 * an incomplete, repeated or cut-short shard set is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inShard } from '../../src/corpus/discover.js';
import { shardFromEnv, shardSetProblems } from '../../src/corpus/shards.js';
import { DuplicateTaskError, renderSummaryMarkdown, resultFiles, summarizeResults, summaryJson } from '../../src/corpus/summarize.js';
import { renderDashboard } from '../../src/corpus/html.js';

const CLI = fileURLToPath(new URL('../fixtures/corpus/cli.ts', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI from source in its own process, with `env` added to a clean copy of the environment. */
function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = { ...process.env };
  delete base.JOB_COMPLETION_INDEX;
  delete base.IACJUDGE_SHARD_COUNT;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...base, ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

const SECURE_BUCKET = (name: string) => `resource "aws_s3_bucket" "b" {\n  bucket = "${name}-\${var.environment_suffix}"\n}\n\nvariable "environment_suffix" {\n  type = string\n}\n`;

/** Ten small tasks of different shapes: plain, with an ideal, a syntax error, an empty response, no score recorded. */
function makeCorpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'iacjudge-shards-'));
  for (let i = 0; i < 10; i++) {
    const dir = join(root, 'tf-hcl', `Pr${100 + i}`);
    mkdirSync(join(dir, 'lib'), { recursive: true });
    const meta: Record<string, unknown> = { platform: 'tf', language: 'hcl', complexity: 'medium' };
    if (i % 4 !== 3) meta.training_quality = 5 + (i % 5);
    writeFileSync(join(dir, 'metadata.json'), JSON.stringify(meta));
    writeFileSync(join(dir, 'lib', 'PROMPT.md'), `Create an S3 bucket named logs-${i} with an environment suffix.\n`);
    const body =
      i === 4
        ? 'resource "aws_s3_bucket" "b" {\n  bucket = \n'
        : i === 7
          ? ''
          : `${SECURE_BUCKET(`logs-${i}`)}${i % 2 ? `\nresource "aws_sqs_queue" "q" {\n  name = "q${i}"\n}\n` : ''}`;
    writeFileSync(join(dir, 'lib', 'MODEL_RESPONSE.md'), i === 7 ? '' : `Here is the stack.\n\n## lib/main.tf\n\n\`\`\`hcl\n${body}\`\`\`\n`);
    if (i % 3 === 0) writeFileSync(join(dir, 'lib', 'IDEAL_RESPONSE.md'), `## lib/main.tf\n\n\`\`\`hcl\n${SECURE_BUCKET(`logs-${i}`)}\`\`\`\n`);
  }
  return root;
}

test('shard from the environment an Indexed Job sets', () => {
  assert.equal(shardFromEnv({}), undefined);
  assert.deepEqual(shardFromEnv({ JOB_COMPLETION_INDEX: '0', IACJUDGE_SHARD_COUNT: '4' }), { index: 1, count: 4 });
  assert.deepEqual(shardFromEnv({ JOB_COMPLETION_INDEX: '3', IACJUDGE_SHARD_COUNT: '4' }), { index: 4, count: 4 });
  assert.throws(() => shardFromEnv({ JOB_COMPLETION_INDEX: '4', IACJUDGE_SHARD_COUNT: '4' }), /between 1 and n/);
  assert.throws(() => shardFromEnv({ JOB_COMPLETION_INDEX: '1' }), /IACJUDGE_SHARD_COUNT is not/);
  assert.throws(() => shardFromEnv({ IACJUDGE_SHARD_COUNT: '4' }), /JOB_COMPLETION_INDEX is not/);
  assert.throws(() => shardFromEnv({ JOB_COMPLETION_INDEX: '-1', IACJUDGE_SHARD_COUNT: '4' }), /whole number/);
});

test('a task twice in the results is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-dup-'));
  const line = JSON.stringify({ task: 'tf-hcl/a', status: 'error', error: 'x' });
  writeFileSync(join(dir, 'r.jsonl'), `${line}\n${line}\n`);
  await assert.rejects(summarizeResults(join(dir, 'r.jsonl')), DuplicateTaskError);
});

test('4 shards as separate processes (Indexed Job environment) merge to the bytes of one run', async () => {
  const corpus = makeCorpus();
  const out = mkdtempSync(join(tmpdir(), 'iacjudge-shards-out-'));
  const shardDir = join(out, 'shards');
  mkdirSync(shardDir);
  const single = join(out, 'single.jsonl');
  // The one-process run and the four shards, all at once; each shard is told its shard only by the environment.
  const [one, ...runs] = await Promise.all([
    cli(['corpus', corpus, '--out', single, '--jobs', '1']),
    ...[0, 1, 2, 3].map((i) => cli(['corpus', corpus, '--out', join(shardDir, `results-${i}.jsonl`), '--jobs', '1'], { JOB_COMPLETION_INDEX: String(i), IACJUDGE_SHARD_COUNT: '4' })),
  ]);
  assert.equal(one!.code, 0, one!.stderr);
  const singleLines = readFileSync(single, 'utf8').split('\n').filter(Boolean);
  assert.equal(singleLines.length, 10);
  const parsed = singleLines.map((l) => JSON.parse(l));
  // Real analyses, not error lines: the test compares results, not failures to start.
  assert.deepEqual(parsed.filter((l) => l.status !== 'ok').map((l) => l.error), []);
  assert.ok(parsed.some((l) => l.result.findings.length > 0));
  assert.ok(parsed.some((l) => l.result.score?.breakdown.blocker));
  const shardLines: string[] = [];
  for (const [i, r] of runs.entries()) {
    // A shard with no task of its own exits 2 ("no task folders ... in shard"); with these ten tasks every shard has some.
    assert.equal(r.code, 0, r.stderr);
    const file = join(shardDir, `results-${i}.jsonl`);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    const record = JSON.parse(readFileSync(`${file}.shard.json`, 'utf8'));
    assert.deepEqual(record, { shard: `${i + 1}/4`, tasks: lines.length });
    for (const l of lines) assert.ok(inShard(JSON.parse(l).task, { index: i + 1, count: 4 }));
    shardLines.push(...lines);
  }
  // Each task analyzed exactly once, with the same result as in the one-process run.
  assert.deepEqual([...shardLines].sort(), [...singleLines].sort());
  // Timings are the one run-dependent part (wall-clock per task): drop them on both sides before comparing bytes.
  for (const f of [single, ...readdirSync(shardDir).map((n) => join(shardDir, n))]) if (f.endsWith('.timings.jsonl')) rmSync(f);
  rmSync(`${single}.timings.jsonl`, { force: true });
  // Through the CLI: the folder of shards and the single file give the same dashboard bytes.
  const [mergedHtml, wholeHtml] = await Promise.all([cli(['summarize', shardDir, '--format', 'html']), cli(['summarize', single, '--format', 'html'])]);
  assert.equal(mergedHtml.code, 0, mergedHtml.stderr);
  assert.equal(wholeHtml.code, 0, wholeHtml.stderr);
  assert.ok(mergedHtml.stdout.length > 10_000);
  assert.equal(mergedHtml.stdout, wholeHtml.stdout, 'summarize --format html: merged shards differ from one run');
  // In process (the CLI's own steps), every format, the files named in another order.
  const files = [3, 1, 0, 2].map((i) => join(shardDir, `results-${i}.jsonl`));
  assert.deepEqual(await shardSetProblems(resultFiles([shardDir])), []);
  const merged = await summarizeResults(files);
  const whole = await summarizeResults(resultFiles([single]));
  assert.equal(summaryJson(merged), summaryJson(whole));
  assert.equal(renderSummaryMarkdown(merged), renderSummaryMarkdown(whole));
  assert.equal(renderDashboard(merged), renderDashboard(whole));

  // Incomplete, repeated or cut-short shard sets are refused, saying what is wrong.
  assert.deepEqual(await shardSetProblems(files.slice(0, 3)), ['shard(s) 3/4 missing']);
  const copy = join(out, 'again.jsonl');
  copyFileSync(files[0]!, copy);
  copyFileSync(`${files[0]!}.shard.json`, `${copy}.shard.json`);
  assert.deepEqual(await shardSetProblems([...files, copy]), ['shard 4/4 given more than once: results-3.jsonl, again.jsonl']);
  const cut = join(out, 'cut');
  mkdirSync(cut);
  for (const f of files) {
    const name = f.slice(shardDir.length + 1);
    copyFileSync(`${f}.shard.json`, join(cut, `${name}.shard.json`));
    const lines = readFileSync(f, 'utf8').split('\n').filter(Boolean);
    writeFileSync(join(cut, name), (name === 'results-1.jsonl' ? lines.slice(1) : lines).map((l) => `${l}\n`).join(''));
  }
  const short = await shardSetProblems(resultFiles([cut]));
  assert.equal(short.length, 1);
  assert.match(short[0]!, /^results-1\.jsonl \(shard 2\/4\) holds \d+ of its \d+ tasks: the shard did not finish/);
  const plain = join(out, 'plain.jsonl');
  copyFileSync(single, plain);
  assert.match((await shardSetProblems([...files, plain])).join('\n'), /no shard record .* plain\.jsonl/);
  // Through the CLI: a refused set exits 2 with the reason; half the Indexed Job environment is a usage error, not
  // a silent whole-corpus run.
  const [missing, half] = await Promise.all([
    cli(['summarize', ...files.slice(0, 3)]),
    cli(['corpus', corpus, '--out', join(out, 'half.jsonl')], { JOB_COMPLETION_INDEX: '0' }),
  ]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /not one complete run/);
  assert.match(missing.stderr, /shard\(s\) 3\/4 missing/);
  assert.equal(half.code, 2);
  assert.match(half.stderr, /IACJUDGE_SHARD_COUNT is not/);
  assert.ok(!existsSync(join(out, 'half.jsonl')));
});

test('the shipped scale-out examples agree on their shard count', () => {
  const dir = fileURLToPath(new URL('../../examples/scale-out/', import.meta.url));
  const k8s = readFileSync(join(dir, 'k8s-indexed-job.yaml'), 'utf8');
  const completions = /^\s*completions:\s*(\d+)/m.exec(k8s)?.[1];
  const count = /name: IACJUDGE_SHARD_COUNT\s*\n\s*value: "(\d+)"/.exec(k8s)?.[1];
  assert.ok(completions && count);
  assert.equal(count, completions, 'IACJUDGE_SHARD_COUNT must equal the Job\'s completions');
  assert.match(k8s, /completionMode: Indexed/);
  assert.match(k8s, /\$\{JOB_COMPLETION_INDEX\}/);
  const gha = readFileSync(join(dir, 'github-actions-matrix.yml'), 'utf8');
  const shards = /^\s*SHARDS:\s*(\d+)/m.exec(gha)?.[1];
  const index = /index: \[([\d, ]+)\]/.exec(gha)?.[1]?.split(',').map((x) => Number(x.trim()));
  assert.deepEqual(index, Array.from({ length: Number(shards) }, (_, i) => i));
  assert.match(gha, /JOB_COMPLETION_INDEX: \$\{\{ matrix\.index \}\}/);
  assert.match(gha, /iacjudge summarize results/);
});
