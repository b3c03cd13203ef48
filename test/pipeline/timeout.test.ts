/**
 * The analysis deadline (`--timeout`, issue 20): checked before each stage on an injected clock, so nothing here
 * waits. Past it, the remaining stages are skipped, the bookkeeping ones (suppress, judge, rule levels) still
 * run, the findings of the finished stages are kept and a `timeout:` warning names the stage cut before.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeTaskDetailed } from '../../src/pipeline/run.js';
import { runStagesOutcome } from '../../src/pipeline/analyze.js';
import { STAGES } from '../../src/pipeline/stages.js';
import type { Stage } from '../../src/contracts/pipeline.js';
import { resolveConventions } from '../../src/rules/config.js';

const root = mkdtempSync(join(tmpdir(), 'iacjudge-timeout-'));
after(() => rmSync(root, { recursive: true, force: true }));

// A schema finding (an attribute the provider does not have) and a rule finding (a wildcard IAM action).
const dir = join(root, 'task');
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'main.tf'),
  [
    'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  bukket = "y"\n}\n',
    'resource "aws_iam_policy" "p" {\n  name   = "p"\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })\n}\n',
  ].join('\n'),
);

const ids = (findings: { ruleId: string }[]): string[] => [...new Set(findings.map((f) => f.ruleId))].sort();

test('timeout: a stage that runs past the deadline finishes; the next is skipped; its findings are kept', () => {
  const full = analyzeTaskDetailed(dir);
  assert.equal(full.cutBefore, undefined);
  assert.ok(!full.result.warnings.some((w) => w.startsWith('timeout')));
  // The full run has the schema finding and the rules stage's (the wildcard action, the bucket's checks).
  assert.ok(['iam-wildcard-action', 's3-bucket-without-public-access-block', 'schema-unknown-argument'].every((id) => ids(full.result.findings).includes(id)));

  // The fake clock stands still until the schema stage ends, then jumps 5 s: past a 1 s limit.
  let now = 0;
  const clock = (): number => now;
  const ran: string[] = [];
  const stages: Stage[] = STAGES.map((s) => ({
    ...s,
    run: (ctx) => {
      ran.push(s.name);
      s.run(ctx);
      if (s.name === 'schema') now += 5000;
    },
  }));
  const options = { conventions: resolveConventions(undefined), deadline: { started: 0, at: 1000, now: clock } };
  const out = runStagesOutcome(full.task, full.model, full.ideal, options, stages);
  assert.equal(out.cutBefore, 'rules');
  // syntax and schema ran; of the rest only the bookkeeping stages.
  assert.deepEqual(ran, ['syntax', 'schema', 'suppress', 'judge', 'rule-levels']);
  assert.equal(out.result.warnings[0], 'timeout: analysis cut before stage rules after 5.0 s (limit 1 s); skipped: rules, diff, logs, claims, score; findings are those of the stages before');
  // The schema stage's finding is kept (judged as in a full run); none of the rules stage's is there.
  assert.deepEqual(ids(out.result.findings), ['schema-unknown-argument']);
  const judged = (fs: typeof out.result.findings) => fs.find((f) => f.ruleId === 'schema-unknown-argument');
  assert.deepEqual(judged(out.result.findings), judged(full.result.findings));
  assert.equal(out.result.score, null);
  assert.ok(out.result.findings.every((f) => f.tier === 'failure' || f.tier === 'observation'));
});

test('timeout: the clock starts with the analysis and is read before each stage', () => {
  // 1 s per reading: the start reads 0, syntax 1 s, schema 2 s, rules 3 s > 2.5 s.
  let calls = 0;
  const cut = analyzeTaskDetailed(dir, { timeoutMs: 2500, clock: () => 1000 * calls++ });
  assert.equal(cut.cutBefore, 'rules');
  assert.match(cut.result.warnings[0]!, /^timeout: analysis cut before stage rules after 3\.0 s \(limit 2\.5 s\)/);
  // A limit the clock never passes cuts nothing, and the result is the full one.
  const roomy = analyzeTaskDetailed(dir, { timeoutMs: 1e9, clock: () => 0 });
  assert.equal(roomy.cutBefore, undefined);
  assert.deepEqual(roomy.result, analyzeTaskDetailed(dir).result);
});
