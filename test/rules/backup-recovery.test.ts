import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as pitr } from '../../src/rules/backup-recovery/dynamodb-no-pitr.js';
import { rule as versioning } from '../../src/rules/backup-recovery/s3-no-versioning.js';
import { rule as backups } from '../../src/rules/backup-recovery/rds-backup-disabled.js';

test('dynamodb-no-pitr fires without an enabled PITR block', () => {
  const findings = runRule(
    pitr,
    `resource "aws_dynamodb_table" "a" {
  name     = "a"
  hash_key = "id"
}
resource "aws_dynamodb_table" "b" {
  name     = "b"
  hash_key = "id"
  point_in_time_recovery {
    enabled = false
  }
}
resource "aws_dynamodb_table" "c" {
  name     = "c"
  hash_key = "id"
  point_in_time_recovery {
    enabled = true
  }
}`,
  );
  assert.deepEqual(findings.map((f) => f.resource).sort(), ['aws_dynamodb_table.a', 'aws_dynamodb_table.b']);
});

test('s3-no-versioning is prompt-gated and accepts aws_s3_bucket_versioning', () => {
  const tf = `resource "aws_s3_bucket" "data" {
  bucket = "data"
}
resource "aws_s3_bucket" "docs" {
  bucket = "docs"
}
resource "aws_s3_bucket_versioning" "docs" {
  bucket = aws_s3_bucket.docs.id
  versioning_configuration {
    status = "Enabled"
  }
}`;
  const prompt = 'Enable versioning on all S3 buckets for data protection.';
  assert.deepEqual(runRule(versioning, tf, { prompt }).map((f) => f.resource), ['aws_s3_bucket.data']);
  assert.deepEqual(runRule(versioning, tf), []);
});

test('rds-backup-disabled fires on a zero retention period only', () => {
  assert.equal(runRule(backups, 'resource "aws_db_instance" "d" {\n  backup_retention_period = 0\n}').length, 1);
  assert.deepEqual(runRule(backups, 'resource "aws_db_instance" "d" {\n  backup_retention_period = 7\n}'), []);
});

import { rule as replication } from '../../src/rules/dependency/s3-replication-versioning.js';

const crr = (replicaVersioning: string, dependsOn: string): string => `
resource "aws_s3_bucket" "source" {
  bucket = "source"
}
resource "aws_s3_bucket" "replica" {
  bucket = "replica"
}
resource "aws_s3_bucket_versioning" "source" {
  bucket = aws_s3_bucket.source.id
  versioning_configuration {
    status = "Enabled"
  }
}
${replicaVersioning}
resource "aws_s3_bucket_replication_configuration" "crr" {
  ${dependsOn}
  bucket = aws_s3_bucket.source.id
  role   = aws_iam_role.replication.arn
  rule {
    id     = "all"
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.replica.arn
    }
  }
}`;

const replicaVersioned = `
resource "aws_s3_bucket_versioning" "replica" {
  bucket = aws_s3_bucket.replica.id
  versioning_configuration {
    status = "Enabled"
  }
}`;

test('s3-replication-versioning fires on an unversioned destination and on a missing depends_on', () => {
  const unversioned = runRule(replication, crr('', 'depends_on = [aws_s3_bucket_versioning.source]'));
  assert.equal(unversioned.length, 1);
  assert.match(unversioned[0]!.message, /aws_s3_bucket\.replica/);
  const unordered = runRule(replication, crr(replicaVersioned, ''));
  assert.equal(unordered.length, 1);
  assert.equal(unordered[0]!.severity, 'medium');
});

test('s3-replication-versioning fires when only the source versioning is ordered before replication', () => {
  const findings = runRule(replication, crr(replicaVersioned, 'depends_on = [aws_s3_bucket_versioning.source]'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'medium');
  assert.match(findings[0]!.message, /aws_s3_bucket_versioning\.replica/);
  assert.doesNotMatch(findings[0]!.message, /aws_s3_bucket_versioning\.source/);
});

test('s3-replication-versioning accepts versioned buckets with both dependencies', () => {
  assert.deepEqual(runRule(replication, crr(replicaVersioned, 'depends_on = [aws_s3_bucket_versioning.source, aws_s3_bucket_versioning.replica]')), []);
});

import { rule as globalSecondary } from '../../src/rules/backup-recovery/aurora-global-secondary-no-ignore-changes.js';

const globalDb = (secondaryLifecycle: string): string => `
resource "aws_rds_global_cluster" "g" {
  global_cluster_identifier = "ledger"
  engine                    = "aurora-mysql"
}
resource "aws_rds_cluster" "main" {
  cluster_identifier        = "ledger-main"
  global_cluster_identifier = aws_rds_global_cluster.g.id
  master_username           = "admin"
  manage_master_user_password = true
}
resource "aws_rds_cluster" "replica" {
  provider                  = aws.west
  cluster_identifier        = "ledger-replica"
  global_cluster_identifier = aws_rds_global_cluster.g.id
  ${secondaryLifecycle}
}`;

test('aurora-global-secondary-no-ignore-changes fires on a secondary cluster without ignore_changes', () => {
  const findings = runRule(globalSecondary, globalDb(''));
  assert.deepEqual(findings.map((f) => f.resource), ['aws_rds_cluster.replica']);
  assert.deepEqual(runRule(globalSecondary, globalDb('lifecycle {\n    ignore_changes = [tags]\n  }')).length, 1);
});

test('aurora-global-secondary-no-ignore-changes accepts ignored replication source and plain clusters', () => {
  assert.deepEqual(runRule(globalSecondary, globalDb('lifecycle {\n    ignore_changes = [replication_source_identifier]\n  }')), []);
  assert.deepEqual(runRule(globalSecondary, 'resource "aws_rds_cluster" "solo" {\n  cluster_identifier = "solo"\n}'), []);
});
