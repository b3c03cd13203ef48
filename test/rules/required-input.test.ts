import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule } from '../../src/rules/required-input/variable-without-default.js';

test('variable-without-default: one finding per input without default; ARN/ID inputs are critical', () => {
  const hcl =
    'variable "domain_name" {\n  type = string\n}\nvariable "certificate_arn" {\n  type = string\n}\nvariable "alarm_email" {}\n' +
    'variable "region" {\n  default = "us-east-1"\n}\nvariable "optional" {\n  default = null\n}\n';
  const f = runRule(rule, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.severity]).sort(), [
    ['var.alarm_email', 'high'],
    ['var.certificate_arn', 'critical'],
    ['var.domain_name', 'high'],
  ]);
  assert.ok(f.every((x) => x.category === 'required-input'));
});

test('variable-without-default: the suffix variable is supplied by the pipeline', () => {
  assert.deepEqual(runRule(rule, 'variable "environment_suffix" {\n  type = string\n}\n'), []);
  assert.equal(runRule(rule, 'variable "environment_suffix" {}\n', { conventions: { suffixVariable: 'suffix' } }).length, 1);
});

test('variable-without-default: an input the response assigns in its tfvars files is supplied', () => {
  const files = {
    'lib/variables.tf': 'variable "shard_count" {\n  type = number\n}\nvariable "alert_email" {\n  type = string\n}\n',
    'lib/dev.tfvars': 'shard_count = 1\n',
  };
  const f = runRule(rule, files);
  assert.deepEqual(f.map((x) => [x.resource, x.location.file, x.location.line]), [['var.alert_email', 'lib/variables.tf', 4]]);
});
