import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as missingFilter } from '../../src/rules/lifecycle-cost/s3-lifecycle-rule-missing-filter.js';
import { rule as logBucket } from '../../src/rules/lifecycle-cost/s3-log-bucket-no-lifecycle.js';
import { rule as provisioned } from '../../src/rules/lifecycle-cost/dynamodb-provisioned-autoscaling.js';

test('s3-lifecycle-rule-missing-filter fires on a rule without filter or prefix', () => {
  const findings = runRule(
    missingFilter,
    `resource "aws_s3_bucket_lifecycle_configuration" "docs" {
  bucket = aws_s3_bucket.docs.id
  rule {
    id     = "archive"
    status = "Enabled"
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
  }
}`,
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_s3_bucket_lifecycle_configuration.docs');
  assert.equal(findings[0]!.location.line, 1);
  // A plan warning since provider 5.90, not an error: medium, and the message says so.
  assert.equal(findings[0]!.severity, 'medium');
  assert.match(findings[0]!.message, /5\.90 and later warn/);
});

test('s3-lifecycle-rule-missing-filter accepts filter {} and filter with prefix', () => {
  const findings = runRule(
    missingFilter,
    `resource "aws_s3_bucket_lifecycle_configuration" "docs" {
  bucket = aws_s3_bucket.docs.id
  rule {
    id     = "all"
    status = "Enabled"
    filter {}
    expiration { days = 90 }
  }
  rule {
    id     = "tmp"
    status = "Enabled"
    filter {
      prefix = "tmp/"
    }
    expiration { days = 1 }
  }
}`,
  );
  assert.deepEqual(findings, []);
});

test('s3-lifecycle-rule-missing-filter stays silent where the model pins a provider that never warns', () => {
  const rule = `resource "aws_s3_bucket_lifecycle_configuration" "docs" {
  bucket = aws_s3_bucket.docs.id
  rule {
    id     = "archive"
    status = "Enabled"
    expiration { days = 90 }
  }
}`;
  const pinned = (v: string) => `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "${v}"
    }
  }
}
${rule}`;
  assert.deepEqual(runRule(missingFilter, pinned('~> 4.0')), []);
  assert.deepEqual(runRule(missingFilter, pinned('>= 5.0, < 5.90')), []);
  // A range that admits 5.90 or later warns; the finding sits on the configuration after the terraform block.
  const open = runRule(missingFilter, pinned('~> 5.0'));
  assert.equal(open.length, 1);
  assert.equal(open[0]!.location.line, 9);
});

const albWithLogs = `
resource "aws_s3_bucket" "lb_store" {
  bucket = "store-\${var.environment_suffix}"
}
resource "aws_lb" "app" {
  name = "app"
  access_logs {
    bucket  = aws_s3_bucket.lb_store.id
    enabled = true
  }
}`;

test('s3-log-bucket-no-lifecycle fires on the ALB access-log target without lifecycle', () => {
  const findings = runRule(logBucket, albWithLogs);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_s3_bucket.lb_store');
});

test('s3-log-bucket-no-lifecycle is quiet when a lifecycle configuration targets the bucket, and on data buckets', () => {
  const withLifecycle = `${albWithLogs}
resource "aws_s3_bucket_lifecycle_configuration" "lb_store" {
  bucket = aws_s3_bucket.lb_store.id
  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration { days = 90 }
  }
}`;
  assert.deepEqual(runRule(logBucket, withLifecycle), []);
  assert.deepEqual(runRule(logBucket, `resource "aws_s3_bucket" "catalog" { bucket = "catalog-data" }`), []);
});

test('s3-log-bucket-no-lifecycle recognizes a bucket named for logs', () => {
  const findings = runRule(logBucket, `resource "aws_s3_bucket" "audit" { bucket = "cloudtrail-logs-\${var.environment_suffix}" }`);
  assert.equal(findings.length, 1);
});

const provisionedTable = `
resource "aws_dynamodb_table" "users" {
  name           = "users"
  billing_mode   = "PROVISIONED"
  read_capacity  = 5
  write_capacity = 5
  hash_key       = "id"
  attribute {
    name = "id"
    type = "S"
  }
}`;

test('dynamodb-provisioned-autoscaling fires on provisioned tables with app auto-scaling targets', () => {
  const findings = runRule(
    provisioned,
    `${provisionedTable}
resource "aws_appautoscaling_target" "read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/\${aws_dynamodb_table.users.name}"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}`,
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_dynamodb_table.users');
});

test('dynamodb-provisioned-autoscaling: on-demand tables pass; provisioned without scaling fires only if the prompt asks on-demand', () => {
  assert.deepEqual(
    runRule(provisioned, `resource "aws_dynamodb_table" "t" {
  name         = "t"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
}`),
    [],
  );
  assert.deepEqual(runRule(provisioned, provisionedTable), []);
  const asked = runRule(provisioned, provisionedTable, { prompt: 'Use DynamoDB with on-demand capacity for the users table.' });
  assert.equal(asked.length, 1);
  assert.equal(asked[0]!.severity, 'high');
});

import { rule as onDemandTarget } from '../../src/rules/misconfiguration/dynamodb-on-demand-scaling-target.js';

test('dynamodb-on-demand-scaling-target: a scaling target on an on-demand table fails at apply; on a provisioned one it is the cost check\'s', () => {
  const tf = (mode: string) => `resource "aws_dynamodb_table" "t" {
  name         = "t"
  billing_mode = "${mode}"
  hash_key     = "id"
}
resource "aws_appautoscaling_target" "read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/\${aws_dynamodb_table.t.name}"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
}`;
  const f = runRule(onDemandTarget, tf('PAY_PER_REQUEST'));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['aws_dynamodb_table.t', 6, 'misconfiguration']]);
  assert.match(f[0]!.message, /on-demand \(PAY_PER_REQUEST\), yet 1 application auto-scaling target/);
  // The cost check leaves the on-demand case to it, and keeps the provisioned one.
  assert.deepEqual(runRule(provisioned, tf('PAY_PER_REQUEST')), []);
  assert.deepEqual(runRule(onDemandTarget, tf('PROVISIONED')), []);
  assert.equal(runRule(provisioned, tf('PROVISIONED')).length, 1);
});

import { rule as requestedLifecycle } from '../../src/rules/lifecycle-cost/requested-s3-lifecycle-missing.js';
import { rule as natCost } from '../../src/rules/lifecycle-cost/nat-gateway-per-az-cost.js';

test('requested-s3-lifecycle-missing fires when the task asks for archiving and no bucket has lifecycle rules', () => {
  const tf = 'resource "aws_s3_bucket" "data" {\n  bucket = "data"\n}';
  const prompt = 'Move objects to Glacier after 90 days.';
  assert.equal(runRule(requestedLifecycle, tf, { prompt }).length, 1);
  const withRules = `${tf}
resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    id     = "archive"
    status = "Enabled"
  }
}`;
  assert.deepEqual(runRule(requestedLifecycle, withRules, { prompt }), []);
  assert.deepEqual(runRule(requestedLifecycle, tf, { prompt: 'Store uploads in a bucket.' }), []);
  // Archiving records into a bucket, or a token expiry, is not a storage-class request.
  assert.deepEqual(runRule(requestedLifecycle, tf, { prompt: 'A Lambda archives each order into a private S3 bucket. Tokens expire hourly.' }), []);
  assert.equal(runRule(requestedLifecycle, tf, { prompt: 'Expire old log files after 30 days.' }).length, 1);
});

test('nat-gateway-per-az-cost fires on per-AZ NAT gateways when HA is not asked', () => {
  const tf = (count: string): string => `resource "aws_nat_gateway" "n" {\n  count     = ${count}\n  subnet_id = aws_subnet.public[count.index].id\n}`;
  assert.equal(runRule(natCost, tf('3'), { prompt: 'A development VPC with private subnets.' }).length, 1);
  assert.deepEqual(runRule(natCost, tf('3'), { prompt: 'A highly available VPC across three AZs.' }), []);
  assert.deepEqual(runRule(natCost, tf('var.single_nat ? 1 : 3'), { prompt: 'A development VPC.' }), []);
  assert.deepEqual(runRule(natCost, 'resource "aws_nat_gateway" "n" {\n  subnet_id = aws_subnet.public.id\n}', { prompt: 'A dev VPC.' }), []);
});

test('nat-gateway-per-az-cost compares with the reference when the prompt asks for HA', () => {
  const perAz = 'resource "aws_nat_gateway" "n" {\n  count     = length(var.azs)\n  subnet_id = aws_subnet.public[count.index].id\n}';
  const single = 'resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_nat_gateway" "n" {\n  subnet_id = aws_subnet.public[0].id\n}';
  const prompt = 'A production-grade, highly available EKS cluster.';
  const fired = runRule(natCost, perAz, { prompt, ideal: single });
  assert.equal(fired.length, 1);
  assert.match(fired[0]!.message, /reference needs one/);
  // Same design as the reference, or no reference at all: nothing to say.
  assert.deepEqual(runRule(natCost, perAz, { prompt, ideal: perAz }), []);
  assert.deepEqual(runRule(natCost, perAz, { prompt }), []);
  // A reference without a VPC of its own (existing network, modules) gives no NAT baseline.
  assert.deepEqual(runRule(natCost, perAz, { prompt, ideal: 'resource "aws_s3_bucket" "b" {}' }), []);
});
