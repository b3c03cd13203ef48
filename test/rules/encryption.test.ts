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

import { rule as inTransit } from '../../src/rules/encryption/in-transit-encryption-missing.js';

test('requested-encryption-missing covers EBS root volumes, EFS and EKS secrets', () => {
  const prompt = 'All storage must be encrypted at rest with KMS customer managed keys, including EBS volumes, EFS and EKS secrets.';
  const tf = `
resource "aws_instance" "web" {
  ami           = "ami-123"
  instance_type = "t3.micro"
}
resource "aws_efs_file_system" "fs" {
  creation_token = "fs"
}
resource "aws_eks_cluster" "c" {
  name     = "c"
  role_arn = aws_iam_role.c.arn
}`;
  const found = runRule(requested, tf, { prompt }).map((f) => f.resource).sort();
  assert.deepEqual(found, ['aws_efs_file_system.fs', 'aws_eks_cluster.c', 'aws_instance.web']);
  const fixed = tf
    .replace('instance_type = "t3.micro"', 'instance_type = "t3.micro"\n  root_block_device {\n    encrypted = true\n  }')
    .replace('creation_token = "fs"', 'creation_token = "fs"\n  encrypted      = true')
    .replace('role_arn = aws_iam_role.c.arn', 'role_arn = aws_iam_role.c.arn\n  encryption_config {\n    resources = ["secrets"]\n  }');
  assert.deepEqual(runRule(requested, fixed, { prompt }), []);
  assert.deepEqual(runRule(requested, tf, { prompt: 'Create a web server.' }), []);
});

test('in-transit-encryption-missing: HTTP-only load balancer and plain ElastiCache when TLS is asked', () => {
  const tf = `
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP"
}
resource "aws_elasticache_replication_group" "r" {
  replication_group_id = "r"
  description          = "r"
}`;
  const prompt = 'Encrypt all data in transit using TLS.';
  const found = runRule(inTransit, tf, { prompt }).map((f) => f.resource).sort();
  assert.deepEqual(found, ['aws_elasticache_replication_group.r', 'aws_lb_listener.http']);
  const fixed = `${tf.replace('description          = "r"', 'description          = "r"\n  transit_encryption_enabled = true')}
resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = aws_acm_certificate.c.arn
}`;
  assert.deepEqual(runRule(inTransit, fixed, { prompt }), []);
  assert.deepEqual(runRule(inTransit, tf, { prompt: 'Build a web app.' }), []);
});

test('in-transit-encryption-missing: buckets without a SecureTransport deny when HTTPS-only access is asked', () => {
  const tf = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}';
  const prompt = 'The S3 bucket must enforce SSL/TLS (HTTPS only) for all requests.';
  assert.equal(runRule(inTransit, tf, { prompt }).length, 1);
  const withPolicy = `${tf}
data "aws_iam_policy_document" "tls" {
  statement {
    effect = "Deny"
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}`;
  assert.deepEqual(runRule(inTransit, withPolicy, { prompt }), []);
});
