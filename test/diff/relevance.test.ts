import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../src/model/types.js';
import { parseHclFiles } from '../../src/hcl/index.js';
import { attributedDiff } from '../../src/diff/index.js';
import { DEFAULT_CONVENTIONS } from '../../src/rules/conventions.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../fixtures/diff');

function load(caseName: string, which: 'model' | 'ideal'): SourceFile[] {
  const dir = path.join(fixtures, caseName, which);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ path: `lib/${name}`, language: 'hcl', content: readFileSync(path.join(dir, name), 'utf8') }));
}

function diffCase(caseName: string, prompt = '') {
  const model = parseHclFiles(load(caseName, 'model'));
  const ideal = parseHclFiles(load(caseName, 'ideal'));
  return attributedDiff({ model, ideal, prompt, conventions: DEFAULT_CONVENTIONS });
}

const where = (c: { kind: string; address: string; path: string[] }) => `${c.kind} ${c.address}${c.path.length ? ' ' + c.path.join('.') : ''}`;

test('an ideal that shows a 5-line excerpt of main.tf removes none of the blocks it leaves out', () => {
  const d = diffCase('excerpt');
  // The ideal shows variables.tf and outputs.tf whole, so it is not a snippet ideal overall; main.tf is an excerpt.
  assert.deepEqual(
    d.changes.filter((c) => c.kind === 'block-removed').map(where),
    [],
  );
  assert.ok(d.result.partialIdeal);
  assert.deepEqual(d.changes.map(where), ['attribute-changed aws_s3_bucket.data bucket']);
  assert.ok(!d.findings.some((f) => /removes/.test(f.message)), d.findings.map((f) => f.message).join('\n'));
});

test('a whole ideal file still removes the blocks it drops', () => {
  const d = diffCase('pab-removed');
  // The ideal file has about as many blocks as the model's: what it leaves out is gone, not elided.
  const removed = [...d.changes, ...d.ignored.map((g) => g.change)].filter((c) => c.kind === 'block-removed').map((c) => c.address).sort();
  assert.deepEqual(removed, ['aws_s3_bucket_public_access_block.site', 'aws_s3_bucket_server_side_encryption_configuration.site']);
});

test('an ideal that removes a public access block, SSE or encryption is not the model exposing anything', () => {
  const d = diffCase('pab-removed');
  assert.deepEqual(
    d.findings.filter((f) => f.category === 'public-exposure' || f.category === 'encryption').map((f) => `${f.ruleId} ${f.message}`),
    [],
  );
  const ignored = d.ignored.map((g) => `${where(g.change)} ${g.reason}`).sort();
  assert.deepEqual(ignored, [
    'attribute-changed aws_db_instance.db publicly_accessible ideal-weakens-protection',
    'attribute-changed aws_db_instance.db storage_encrypted ideal-weakens-protection',
    'block-removed aws_s3_bucket_public_access_block.site ideal-weakens-protection',
    'block-removed aws_s3_bucket_server_side_encryption_configuration.site ideal-weakens-protection',
  ]);
});

test('the model granting s3:* where the ideal grants s3:GetObject is least privilege, never a missing permission', () => {
  const d = diffCase('iam-broader');
  const byAddress = new Map(d.changes.map((c) => [c.address, c] as const));
  assert.equal(byAddress.get('aws_iam_role_policy.app')!.category, 'iam-least-privilege');
  // A new policy whose action a model wildcard already allows is the model granting more, not less.
  const reader = byAddress.get('aws_iam_role_policy.reader')!;
  assert.notEqual(reader.category, 'iam-missing-permission');
  assert.equal(reader.heuristic, 'iam-policy-added-narrower');
  // What the model really lacks still is a missing permission.
  const missing = d.findings.filter((f) => f.category === 'iam-missing-permission');
  assert.deepEqual(missing.map((f) => `${f.ruleId} ${f.resource}`), ['diff-iam-actions-added aws_iam_role_policy.writer']);
});

test('provider defaults written out are no change; a destroy blocker the ideal adds is not the model blocking destroy', () => {
  const d = diffCase('defaults');
  const ignored = d.ignored.map((g) => `${where(g.change)} ${g.reason}`).sort();
  assert.deepEqual(ignored, [
    'attribute-added aws_db_instance.db deletion_protection ideal-adds-destroy-blocker',
    'attribute-added aws_kms_key.data deletion_window_in_days provider-default',
    'attribute-removed aws_db_instance.db publicly_accessible provider-default',
  ]);
  const kept = d.changes.map((c) => `${where(c)} → ${c.category}`);
  assert.ok(kept.includes('attribute-added aws_kms_key.data enable_key_rotation → encryption'), kept.join('\n'));
  assert.ok(kept.includes('attribute-changed aws_db_instance.db skip_final_snapshot → destroyability'), kept.join('\n'));
});

test('messages say what changed in one sentence, with whole values', () => {
  const d = diffCase('defaults');
  const byResource = new Map(d.findings.map((f) => [`${f.resource} ${f.category}`, f.message] as const));
  assert.equal(byResource.get('aws_kms_key.data encryption'), 'The ideal sets `enable_key_rotation = true` on aws_kms_key.data; the model leaves it unset.');
  assert.equal(byResource.get('aws_db_instance.db destroyability'), 'The ideal sets `skip_final_snapshot = true` on aws_db_instance.db; the model has false.');
  const target = d.findings.find((f) => f.resource === 'aws_cloudwatch_event_target.t')!;
  assert.equal(target.message, '`retry_policy.maximum_event_age` is not an argument of aws_cloudwatch_event_target; the ideal uses `maximum_event_age_in_seconds` (on aws_cloudwatch_event_target.t).');
  for (const f of d.findings) assert.ok(!f.message.includes('…'), `truncated: ${f.message}`);
});
