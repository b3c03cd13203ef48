import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeFindings } from '../../src/findings/merge.js';
import type { Finding } from '../../src/findings/types.js';

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'r',
    category: 'logging',
    severity: 'medium',
    evidence: ['static'],
    fixClass: 'B',
    title: 't',
    message: 'm',
    location: { file: 'lib/main.tf', line: 1 },
    ...over,
  };
}

test('same rule on the same resource is reported once', () => {
  const out = mergeFindings([finding({ resource: 'aws_s3_bucket.b' }), finding({ resource: 'aws_s3_bucket.b', location: { file: 'lib/main.tf', line: 9 } })]);
  assert.equal(out.length, 1);
});

test('diff and log evidence fold into the static finding of the same category and resource', () => {
  const out = mergeFindings([
    finding({ ruleId: 'log-x', evidence: ['log'], severity: 'critical', resource: 'aws_sfn_state_machine.m', category: 'iam-missing-permission', logExcerpt: 'not authorized' }),
    finding({ ruleId: 'diff-iam', evidence: ['diff'], resource: 'aws_sfn_state_machine.m', category: 'iam-missing-permission', idealSnippet: { file: 'lib/a.tf', line: 1, language: 'hcl', code: 'x' } }),
    finding({ ruleId: 'sfn-logs', evidence: ['static'], severity: 'high', resource: 'aws_sfn_state_machine.m', category: 'iam-missing-permission' }),
  ]);
  assert.equal(out.length, 1);
  assert.deepEqual(out[0]!.evidence, ['static', 'diff', 'log']);
  assert.equal(out[0]!.ruleId, 'sfn-logs');
  assert.equal(out[0]!.severity, 'critical');
  assert.equal(out[0]!.logExcerpt, 'not authorized');
  assert.ok(out[0]!.idealSnippet);
});

test('different static rules on one resource stay separate; different categories never merge', () => {
  const out = mergeFindings([
    finding({ ruleId: 'a', resource: 'aws_s3_bucket.b' }),
    finding({ ruleId: 'b', resource: 'aws_s3_bucket.b' }),
    finding({ ruleId: 'c', resource: 'aws_s3_bucket.b', category: 'naming', evidence: ['diff'] }),
  ]);
  assert.equal(out.length, 3);
});

test('output order is deterministic regardless of input order', () => {
  const items = [
    finding({ ruleId: 'a', severity: 'low', resource: 'x.a' }),
    finding({ ruleId: 'b', severity: 'critical', resource: 'x.b', category: 'naming' }),
    finding({ ruleId: 'c', severity: 'high', resource: 'x.c', category: 'syntax' }),
  ];
  const one = mergeFindings(items).map((f) => f.ruleId);
  const two = mergeFindings([...items].reverse()).map((f) => f.ruleId);
  assert.deepEqual(one, two);
  assert.deepEqual(one, ['b', 'c', 'a']);
});
