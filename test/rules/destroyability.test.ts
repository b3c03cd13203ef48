import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as snapshot } from '../../src/rules/destroyability/final-snapshot-required.js';
import { rule as protection } from '../../src/rules/destroyability/deletion-protection-enabled.js';
import { rule as prevent } from '../../src/rules/destroyability/prevent-destroy.js';
import { rule as forceDestroy } from '../../src/rules/destroyability/bucket-without-force-destroy.js';

test('final-snapshot-required: false or absent (default false)', () => {
  const f = runRule(snapshot, 'resource "aws_rds_cluster" "a" {\n  skip_final_snapshot = false\n}\nresource "aws_db_instance" "b" {}\n');
  assert.deepEqual(f.map((x) => x.resource).sort(), ['aws_db_instance.b', 'aws_rds_cluster.a']);
  assert.match(f.find((x) => x.resource === 'aws_db_instance.b')!.message, /default false/);
});

test('final-snapshot-required: true, variables, replicas and conventions.destroyable=false are fine', () => {
  const hcl = 'resource "aws_rds_cluster" "a" {\n  skip_final_snapshot = true\n}\nresource "aws_db_instance" "b" {\n  skip_final_snapshot = var.skip\n}\nresource "aws_db_instance" "r" {\n  replicate_source_db = aws_db_instance.b.identifier\n}\n';
  assert.deepEqual(runRule(snapshot, hcl), []);
  assert.deepEqual(runRule(snapshot, 'resource "aws_db_instance" "b" {}\n', { conventions: { destroyable: false } }), []);
});

test('deletion-protection-enabled: RDS, ALB, DynamoDB', () => {
  const hcl =
    'resource "aws_db_instance" "d" {\n  deletion_protection = true\n}\nresource "aws_lb" "l" {\n  enable_deletion_protection = true\n}\n' +
    'resource "aws_dynamodb_table" "t" {\n  deletion_protection_enabled = true\n}\nresource "aws_lb" "off" {\n  enable_deletion_protection = false\n}\n' +
    'resource "aws_rds_cluster" "c" {\n  deletion_protection = var.env == "prod" ? true : false\n}\n';
  const f = runRule(protection, hcl);
  assert.deepEqual(f.map((x) => x.resource).sort(), ['aws_db_instance.d', 'aws_dynamodb_table.t', 'aws_lb.l']);
});

test('prevent-destroy', () => {
  const f = runRule(prevent, 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.location.line, 3);
  assert.deepEqual(runRule(prevent, 'resource "aws_s3_bucket" "b" {\n  lifecycle {\n    prevent_destroy = false\n    ignore_changes = [tags]\n  }\n}\n'), []);
});

test('bucket-without-force-destroy: log target without force_destroy (low); buckets nothing writes to are fine', () => {
  const hcl =
    'resource "aws_s3_bucket" "logs" {}\nresource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket" "forced" {\n  force_destroy = true\n}\n' +
    'resource "aws_s3_bucket_logging" "l" {\n  bucket = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "x/"\n}\n' +
    'resource "aws_lb" "alb" {\n  access_logs {\n    bucket = aws_s3_bucket.forced.id\n    enabled = true\n  }\n}\n';
  const f = runRule(forceDestroy, hcl);
  assert.deepEqual(f.map((x) => [x.resource, x.severity]), [['aws_s3_bucket.logs', 'low']]);
});

test('final-snapshot-required: a named final snapshot is a low residue, not a blocker', () => {
  const f = runRule(snapshot, 'resource "aws_rds_cluster" "c" {\n  skip_final_snapshot       = false\n  final_snapshot_identifier = "c-final"\n}\n');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'low');
  assert.equal(f[0]!.resource, 'aws_rds_cluster.c');
  assert.equal(f[0]!.location.line, 1);
  assert.match(f[0]!.message, /leaves a snapshot behind/);
});
