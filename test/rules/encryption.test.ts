import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as lambdaEnv } from '../../src/rules/encryption/lambda-env-without-kms.js';
import { rule as rds } from '../../src/rules/encryption/rds-storage-not-encrypted.js';
import { rule as rotation } from '../../src/rules/encryption/kms-rotation-disabled.js';
import { rule as requested } from '../../src/rules/encryption/requested-encryption-missing.js';
import { rule as arnRequired } from '../../src/rules/encryption/kms-key-id-where-arn-required.js';
import { rule as albLogsKms } from '../../src/rules/service-constraint/alb-access-logs-kms-bucket.js';
import { rule as etagKms } from '../../src/rules/encryption/s3-object-etag-with-kms.js';

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

test('requested-encryption-missing: launch configurations without encrypted block devices', () => {
  const prompt = 'All EBS volumes must be encrypted at rest.';
  const lc = (enc: string): string => `resource "aws_launch_configuration" "web" {
  image_id      = "ami-123"
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 20
    ${enc}
  }
}`;
  assert.equal(runRule(requested, lc(''), { prompt }).length, 1);
  assert.deepEqual(runRule(requested, lc('encrypted = true'), { prompt }), []);
  assert.deepEqual(runRule(requested, lc(''), { prompt: 'Run a web tier behind a load balancer.' }), []);
});

test('kms-key-id-where-arn-required: key IDs in ARN-only arguments', () => {
  const tf = (attr: string): string => `resource "aws_kms_key" "logs" {
  enable_key_rotation = true
}
resource "aws_cloudwatch_log_group" "app" {
  name       = "/app/orders"
  kms_key_id = aws_kms_key.logs.${attr}
}
resource "aws_rds_cluster_instance" "db" {
  cluster_identifier              = "orders"
  instance_class                  = "db.r6g.large"
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.logs.${attr}
}
resource "aws_sqs_queue" "q" {
  name              = "orders"
  kms_master_key_id = aws_kms_key.logs.id
}`;
  const findings = runRule(arnRequired, tf('key_id'));
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.message.includes('aws_kms_key.logs.arn')));
  assert.equal(runRule(arnRequired, tf('id')).length, 2);
  // ARNs are fine, and SQS accepts a key ID.
  assert.deepEqual(runRule(arnRequired, tf('arn')), []);
});

test('alb-access-logs-kms-bucket: ALB access logs need an SSE-S3 bucket', () => {
  const tf = (algo: string, lbType = 'application'): string => `resource "aws_s3_bucket" "lb_logs" {
  bucket = "lb-logs-example"
}
resource "aws_s3_bucket_server_side_encryption_configuration" "lb_logs" {
  bucket = aws_s3_bucket.lb_logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "${algo}"
    }
  }
}
resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "${lbType}"
  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    enabled = true
  }
}`;
  const findings = runRule(albLogsKms, tf('aws:kms'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_s3_bucket_server_side_encryption_configuration.lb_logs');
  assert.deepEqual(runRule(albLogsKms, tf('AES256')), []);
  assert.deepEqual(runRule(albLogsKms, tf('aws:kms', 'network')), []);
});

test('s3-object-etag-with-kms: etag is incompatible with SSE-KMS objects', () => {
  const obj = (extra: string): string => `resource "aws_s3_object" "pkg" {
  bucket = "artifacts-example"
  key    = "fn.zip"
  source = "build/fn.zip"
  etag   = filemd5("build/fn.zip")
  ${extra}
}`;
  assert.equal(runRule(etagKms, obj('server_side_encryption = "aws:kms"\n  kms_key_id = aws_kms_key.a.arn')).length, 1);
  assert.equal(runRule(etagKms, obj('kms_key_id = aws_kms_key.a.arn')).length, 1);
  assert.deepEqual(runRule(etagKms, obj('server_side_encryption = "AES256"')), []);
  assert.deepEqual(runRule(etagKms, obj('').replace(/ {2}etag[^\n]*\n/, '  source_hash = filemd5("build/fn.zip")\n  kms_key_id = aws_kms_key.a.arn\n')), []);
});

test('kms-key-id-where-arn-required: a literal alias or key id in an ARN-only argument', () => {
  const lg = (key: string) => `resource "aws_cloudwatch_log_group" "app" {\n  name       = "/app/x"\n  kms_key_id = "${key}"\n}\n`;
  const f = runRule(arnRequired, lg('alias/aws/logs'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_cloudwatch_log_group.app', 3]]);
  assert.match(f[0]!.message, /"alias\/aws\/logs", a key alias; this argument requires the ARN/);
  assert.match(runRule(arnRequired, lg('1234abcd-12ab-34cd-56ef-1234567890ab'))[0]!.message, /a key ID/);
  assert.deepEqual(runRule(arnRequired, lg('arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab')), []);
  // SNS accepts an alias.
  assert.deepEqual(runRule(arnRequired, 'resource "aws_sns_topic" "t" {\n  kms_master_key_id = "alias/aws/sns"\n}\n'), []);
});
