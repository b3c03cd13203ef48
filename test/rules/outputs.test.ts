import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule } from '../../src/rules/outputs/no-outputs.js';

const three = `resource "aws_s3_bucket" "a" {}
resource "aws_sqs_queue" "b" {}
resource "aws_sns_topic" "c" {}`;

test('no-outputs fires on a stack with resources and no outputs', () => {
  const findings = runRule(rule, three);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'low');
});

test('no-outputs is quiet with an output or a tiny stack', () => {
  assert.deepEqual(runRule(rule, `${three}\noutput "q" {\n  value = aws_sqs_queue.b.url\n}`), []);
  assert.deepEqual(runRule(rule, 'resource "aws_s3_bucket" "a" {}'), []);
});
