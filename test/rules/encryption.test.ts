import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as lambdaEnv } from '../../src/rules/encryption/lambda-env-without-kms.js';
import { rule as rds } from '../../src/rules/encryption/rds-storage-not-encrypted.js';
import { rule as rotation } from '../../src/rules/encryption/kms-rotation-disabled.js';
import { rule as requested } from '../../src/rules/encryption/requested-encryption-missing.js';

const fn = (kms: boolean): string => `
resource "aws_lambda_function" "f" {
  function_name = "f"
  ${kms ? 'kms_key_arn = aws_kms_key.env.arn' : ''}
  environment {
    variables = { TABLE = "t" }
  }
}`;

test('lambda-env-without-kms is prompt-aware and needs an environment block', () => {
  const prompt = 'Environment variables must be encrypted with a KMS key.';
  assert.equal(runRule(lambdaEnv, fn(false), { prompt }).length, 1);
  assert.deepEqual(runRule(lambdaEnv, fn(true), { prompt }), []);
  assert.deepEqual(runRule(lambdaEnv, fn(false)), []);
  assert.deepEqual(runRule(lambdaEnv, 'resource "aws_lambda_function" "f" {\n  function_name = "f"\n}', { prompt }), []);
});

test('rds-storage-not-encrypted fires on absent or false storage_encrypted', () => {
  const findings = runRule(
    rds,
    `resource "aws_db_instance" "a" {
  engine = "postgres"
}
resource "aws_rds_cluster" "b" {
  engine            = "aurora-postgresql"
  storage_encrypted = false
}
resource "aws_rds_cluster" "c" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
}
resource "aws_db_instance" "replica" {
  replicate_source_db = aws_db_instance.a.identifier
}`,
  );
  assert.deepEqual(findings.map((f) => f.resource).sort(), ['aws_db_instance.a', 'aws_rds_cluster.b']);
});

test('kms-rotation-disabled skips asymmetric keys', () => {
  const findings = runRule(
    rotation,
    `resource "aws_kms_key" "a" {}
resource "aws_kms_key" "b" {
  enable_key_rotation = true
}
resource "aws_kms_key" "sign" {
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}`,
  );
  assert.deepEqual(findings.map((f) => f.resource), ['aws_kms_key.a']);
});

test('requested-encryption-missing checks only the services the prompt asks to encrypt', () => {
  const tf = `
resource "aws_sns_topic" "alerts" {
  name = "alerts"
}
resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
resource "aws_sns_topic" "done" {
  name              = "done"
  kms_master_key_id = aws_kms_key.k.id
}`;
  const findings = runRule(requested, tf, { prompt: 'All SNS topics must be encrypted at rest.' });
  assert.deepEqual(findings.map((f) => f.resource), ['aws_sns_topic.alerts']);
  assert.deepEqual(runRule(requested, tf), []);
  const sqs = runRule(requested, tf, { prompt: 'Encrypt the SQS queue with a customer managed KMS key.' });
  assert.deepEqual(sqs.map((f) => f.resource), ['aws_sqs_queue.jobs']);
});
