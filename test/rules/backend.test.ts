import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as vars } from '../../src/rules/backend/backend-uses-variables.js';
import { rule as local } from '../../src/rules/backend/backend-local.js';

test('backend-uses-variables fires on interpolation in the backend block', () => {
  const findings = runRule(
    vars,
    `terraform {
  backend "s3" {
    bucket         = "terraform-state-\${var.environment_suffix}"
    key            = "app/terraform.tfstate"
    region         = "us-east-1"
    dynamodb_table = var.lock_table
  }
}`,
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'critical');
  assert.match(findings[0]!.message, /bucket/);
  assert.match(findings[0]!.message, /dynamodb_table/);
});

test('backend-uses-variables accepts literals and partial configuration', () => {
  assert.deepEqual(runRule(vars, 'terraform {\n  backend "s3" {}\n}'), []);
  assert.deepEqual(runRule(vars, 'terraform {\n  backend "s3" {\n    key = "app/terraform.tfstate"\n    encrypt = true\n  }\n}'), []);
});

test('backend-local fires only when remote state is the convention', () => {
  const tf = 'terraform {\n  backend "local" {\n    path = "terraform.tfstate"\n  }\n}';
  assert.equal(runRule(local, tf).length, 1);
  assert.deepEqual(runRule(local, tf, { conventions: { remoteState: false } }), []);
  assert.deepEqual(runRule(local, 'terraform {\n  backend "s3" {}\n}'), []);
});
