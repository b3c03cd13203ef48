// Property: the whole pipeline on a task folder built from generated documents returns a result valid against the
// JSON contract, in time, with no stage failing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import { analyzeTask } from '../../src/index.js';
import { ANALYSIS_RESULT_SCHEMA } from '../../src/pipeline/result-schema.js';
import { failuresDoc, logText, markdownDoc, RUNS, SEED, seedText, withMutations } from './arbitraries.js';
import { timed } from './helpers.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile(ANALYSIS_RESULT_SCHEMA);

const metadata = fc.oneof(
  fc.constantFrom('tf', 'cdktf', 'cdk', 'pulumi', '', 7).map((platform) => JSON.stringify({ platform, language: platform === 'cdktf' ? 'ts' : 'hcl', aws_services: ['S3', 'IAM'], complexity: 'medium' })),
  fc.string({ maxLength: 30 }),
);

const taskFiles = fc.record({
  metadata,
  model: withMutations(markdownDoc, [seedText('response.md')]),
  ideal: withMutations(markdownDoc, [seedText('response.md')]),
  failures: withMutations(failuresDoc, [seedText('failures.md')]),
  prompt: fc.string({ maxLength: 200 }),
  log: fc.option(withMutations(logText, [seedText('apply.log')])),
});

/** Analysis runs every stage: fewer runs than the front-end properties, same seed. */
const ANALYZE_RUNS = Math.max(4, Math.ceil(RUNS / 3));

test('analyze: task folders from generated documents give a valid result, in time, with no stage failing', () => {
  const root = mkdtempSync(join(tmpdir(), 'iacjudge-fuzz-'));
  let n = 0;
  try {
    fc.assert(
      fc.property(taskFiles, (t) => {
        const dir = join(root, `t${n++}`);
        mkdirSync(join(dir, 'lib'), { recursive: true });
        writeFileSync(join(dir, 'metadata.json'), t.metadata);
        writeFileSync(join(dir, 'lib/MODEL_RESPONSE.md'), t.model);
        writeFileSync(join(dir, 'lib/IDEAL_RESPONSE.md'), t.ideal);
        writeFileSync(join(dir, 'lib/MODEL_FAILURES.md'), t.failures);
        writeFileSync(join(dir, 'lib/PROMPT.md'), t.prompt);
        if (t.log !== null) writeFileSync(join(dir, 'deploy.log'), t.log);
        const result = timed('analyzeTask', () => analyzeTask(dir), 10_000);
        assert.ok(validate(result), JSON.stringify(validate.errors));
        const failed = result.warnings.filter((w) => /^stage \S+ failed/.test(w));
        assert.deepEqual(failed, [], 'no stage fails');
        // task.path is the folder as given; nothing else may carry it.
        assert.ok(!JSON.stringify({ ...result, task: { ...result.task, path: '' } }).includes(root), 'no absolute temp path in the result');
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: ANALYZE_RUNS, seed: SEED },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
