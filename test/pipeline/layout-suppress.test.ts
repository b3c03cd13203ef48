/**
 * Pipeline conventions only where they apply (src/pipeline/layout.ts), inline suppressions and settings of every
 * finding id (src/pipeline/suppress.ts, src/rules/config.ts).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeTask } from '../../src/pipeline/run.js';
import { knownFindingIds } from '../../src/pipeline/suppress.js';
import { PIPELINE_CONVENTION_RULES } from '../../src/pipeline/layout.js';
import { ruleMetas } from '../../src/report/metas.js';

const root = mkdtempSync(join(tmpdir(), 'iacjudge-layout-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

function folder(files: Record<string, string>): string {
  const dir = join(root, `t${n++}`);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

const BUCKET = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n';
const ids = (dir: string, opts = {}): string[] => analyzeTask(dir, opts).findings.map((f) => f.ruleId);

test('a plain folder of .tf files gets neither the pipeline conventions nor a score', () => {
  const r = analyzeTask(folder({ 'main.tf': BUCKET }));
  assert.equal(r.score, null);
  assert.ok(r.findings.length > 0, 'general rules still run');
  for (const f of r.findings) assert.ok(!PIPELINE_CONVENTION_RULES.includes(f.ruleId), f.ruleId);
});

test('the task layout turns the conventions and the score on', () => {
  const dir = folder({
    'metadata.json': JSON.stringify({ platform: 'tf', language: 'hcl' }),
    'lib/PROMPT.md': 'Create a bucket.\n',
    'lib/MODEL_RESPONSE.md': '```hcl\n' + BUCKET + '```\n',
  });
  const r = analyzeTask(dir);
  assert.ok(r.findings.some((f) => f.ruleId === 'missing-suffix-variable'));
  assert.notEqual(r.score, null);
});

test('.iacjudge.json asks for the conventions on a plain folder', () => {
  const pipeline = analyzeTask(folder({ 'main.tf': BUCKET, '.iacjudge.json': '{"pipeline": true}' }));
  assert.ok(pipeline.findings.some((f) => f.ruleId === 'missing-suffix-variable'));
  assert.notEqual(pipeline.score, null);
  // A conventions object turns the conventions on, not the score.
  const conv = analyzeTask(folder({ 'main.tf': BUCKET, '.iacjudge.json': '{"conventions": {"suffixVariable": "env"}}' }));
  assert.ok(conv.findings.some((f) => f.ruleId === 'missing-suffix-variable'));
  assert.equal(conv.score, null);
});

test('# iacjudge-ignore above a block suppresses that finding only, and lists it with its reason', () => {
  const dir = folder({
    'main.tf':
      '# iacjudge-ignore s3-bucket-without-public-access-block: public website\nresource "aws_s3_bucket" "site" {\n  bucket = "x"\n}\n\n' +
      'resource "aws_s3_bucket" "other" {\n  bucket = "y"\n}\n',
  });
  const r = analyzeTask(dir);
  const pab = r.findings.filter((f) => f.ruleId === 's3-bucket-without-public-access-block');
  assert.deepEqual(
    pab.map((f) => f.resource),
    ['aws_s3_bucket.other'],
  );
  assert.equal(r.suppressed?.length, 1);
  assert.equal(r.suppressed![0]!.ruleId, 's3-bucket-without-public-access-block');
  assert.equal(r.suppressed![0]!.reason, 'public website');
  assert.equal(r.suppressed![0]!.location.line, 2);
});

test('a finding inside a block is suppressed by a comment on its line or above its block; // works too', () => {
  const rule = 's3-bucket-without-public-access-block';
  const trailing = analyzeTask(folder({ 'main.tf': `resource "aws_s3_bucket" "b" { // iacjudge-ignore ${rule}: ok\n  bucket = "x"\n}\n` }));
  assert.ok(!trailing.findings.some((f) => f.ruleId === rule));
  assert.equal(trailing.suppressed?.[0]?.reason, 'ok');
  // Another id in the comment suppresses nothing of this rule.
  const other = analyzeTask(folder({ 'main.tf': `# iacjudge-ignore some-other-rule: no\n${BUCKET}` }));
  assert.ok(other.findings.some((f) => f.ruleId === rule));
  assert.equal(other.suppressed, undefined);
});

test('tflint-ignore and checkov:skip are honoured only for iacjudge ids', () => {
  const rule = 's3-bucket-without-public-access-block';
  const tflint = analyzeTask(folder({ 'main.tf': `# tflint-ignore: terraform_naming_convention, ${rule}\n${BUCKET}` }));
  assert.ok(!tflint.findings.some((f) => f.ruleId === rule));
  const all = analyzeTask(folder({ 'main.tf': `# tflint-ignore: all\n${BUCKET}` }));
  assert.ok(all.findings.some((f) => f.ruleId === rule));
  const checkov = analyzeTask(folder({ 'main.tf': `#checkov:skip=${rule}:website bucket\n${BUCKET}` }));
  assert.ok(!checkov.findings.some((f) => f.ruleId === rule));
  assert.equal(checkov.suppressed?.[0]?.reason, 'website bucket');
  const foreign = analyzeTask(folder({ 'main.tf': `#checkov:skip=CKV2_AWS_6:website\n${BUCKET}` }));
  assert.ok(foreign.findings.some((f) => f.ruleId === rule));
});

test('every id iacjudge rules lists (and claim ids) is addressable in .iacjudge.json', () => {
  const known = knownFindingIds();
  for (const id of ruleMetas().keys()) assert.ok(known.has(id), id);
  const diffId = [...known].find((id) => id.startsWith('diff-'))!;
  const schemaId = [...known].find((id) => id.startsWith('schema-'))!;
  const logId = [...known].find((id) => id.startsWith('log-'))!;
  const config = JSON.stringify({ rules: { [diffId]: 'off', [schemaId]: 'warn', [logId]: 'error', 'claim-encryption': 'off', 'syntax-error': { severity: 'high' } } });
  assert.doesNotThrow(() => analyzeTask(folder({ 'main.tf': BUCKET, '.iacjudge.json': config })));
  assert.throws(() => analyzeTask(folder({ 'main.tf': BUCKET, '.iacjudge.json': '{"rules": {"diff-no-such": "off"}}' })), /unknown rule id/);
  assert.throws(() => analyzeTask(folder({ 'main.tf': BUCKET, '.iacjudge.json': '{"rules": {"syntax-error": "loud"}}' })), /expected "off", "warn", "error"/);
});

test('settings reach findings that no catalog rule produces: a schema finding off, warn and error', () => {
  const tf = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  no_such_argument = 1\n}\n';
  const base = analyzeTask(folder({ 'main.tf': tf }));
  const schema = base.findings.find((f) => f.ruleId.startsWith('schema-'));
  assert.ok(schema, `a schema finding: ${base.findings.map((f) => f.ruleId).join(', ')}`);
  assert.ok(!ids(folder({ 'main.tf': tf }), { ruleSettings: { [schema.ruleId]: 'off' } }).includes(schema.ruleId));
  const warn = analyzeTask(folder({ 'main.tf': tf }), { ruleSettings: { [schema.ruleId]: 'warn' } });
  assert.equal(warn.findings.find((f) => f.ruleId === schema.ruleId)?.tier, 'observation');
  // The schema finding sits on line 3, inside the block: the comment above the block covers it.
  const above = analyzeTask(folder({ 'main.tf': `# iacjudge-ignore ${schema.ruleId}: provider fork\n${tf}` }));
  assert.ok(!above.findings.some((f) => f.ruleId === schema.ruleId));
  assert.deepEqual(above.suppressed?.map((s) => [s.ruleId, s.location.line]), [[schema.ruleId, schema.location.line + 1]]);
  assert.ok(schema.location.line > 1);
  const error = analyzeTask(folder({ 'main.tf': tf }), { ruleSettings: { 's3-bucket-without-public-access-block': 'error' } });
  assert.equal(error.findings.find((f) => f.ruleId === 's3-bucket-without-public-access-block')?.tier, 'failure');
});

test('// iacjudge-ignore above a CDKTF construct suppresses its finding', () => {
  const source = readFileSync(join(import.meta.dirname, '../fixtures/cdktf/tap-stack.ts.txt'), 'utf8');
  const plain = analyzeTask(folder({ 'lib/tap-stack.ts': source }), { platform: 'cdktf-ts' });
  const target = plain.findings.find((f) => f.ruleId === 'lambda-without-log-group');
  assert.ok(target, 'the fixture has the finding');
  const lines = source.split('\n');
  // The comment goes on its own line right above the construct's first line.
  lines.splice(target.location.line - 1, 0, '    // iacjudge-ignore lambda-without-log-group: logs go to a shared group');
  const r = analyzeTask(folder({ 'lib/tap-stack.ts': lines.join('\n') }), { platform: 'cdktf-ts' });
  assert.ok(!r.findings.some((f) => f.ruleId === 'lambda-without-log-group'));
  assert.deepEqual(r.suppressed, [{ ruleId: 'lambda-without-log-group', location: { file: target.location.file, line: target.location.line + 1 }, reason: 'logs go to a shared group' }]);
});
