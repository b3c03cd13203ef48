/**
 * End to end on the fixture task test/fixtures/tasks/tf-basic: exact JSON, Markdown and SARIF output.
 * The expected files live in test/fixtures/golden/tf-basic/. They follow the rule catalog, so after an
 * intended change to rules, the diff, the score or the renderers, regenerate them with
 *   UPDATE_GOLDEN=1 npm test -- test/report/golden-task
 * and review the diff of the golden files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTask } from '../../src/pipeline/run.js';
import { renderJson, renderMarkdown, renderSarif } from '../../src/report/index.js';
import { sarifErrors } from './sarif-schema.js';

const TASK = 'test/fixtures/tasks/tf-basic';
const GOLDEN = 'test/fixtures/golden/tf-basic';

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`golden file ${path} was missing and has been written; re-run the tests`);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `${path} differs (UPDATE_GOLDEN=1 regenerates it)`);
}

function analyzed() {
  const r = analyzeTask(TASK);
  // The tool's own version is not part of what the golden files pin.
  r.tool.version = '0.0.0-test';
  return r;
}

test('fixture task: the model failures the fixture plants are found and scored', () => {
  const r = analyzed();
  const cats = new Set(r.findings.map((f) => f.category));
  for (const c of ['iam-least-privilege', 'public-exposure', 'file-layout']) assert.ok(cats.has(c as never), `no ${c} finding: ${[...cats].join(', ')}`);
  assert.ok(r.score);
  assert.equal(r.score.breakdown.blocker, null);
  // The score counts the failure tier by fix class (observations never count).
  const tierA = r.findings.filter((f) => f.tier === 'failure' && f.fixClass === 'A' && f.evidence.some((e) => e !== 'claim')).length;
  assert.ok(tierA >= 1, 'no Category A failure in the tier');
  assert.equal(r.score.breakdown.counts.A, tierA, JSON.stringify(r.score.breakdown.counts));
  assert.equal(r.score.breakdown.steps.at(-1)!.value, r.score.trainingQuality);
});

test('fixture task: JSON golden', () => {
  golden('analysis.json', renderJson(analyzed()));
});

test('fixture task: Markdown golden', () => {
  golden('MODEL_FAILURES.md', renderMarkdown(analyzed()));
});

test('fixture task: SARIF golden, valid against the schema', () => {
  const text = renderSarif(analyzed());
  assert.deepEqual(sarifErrors(JSON.parse(text)), []);
  golden('analysis.sarif', text);
});

test('fixture task: output is deterministic across runs', () => {
  assert.equal(renderJson(analyzed()), renderJson(analyzed()));
});
