import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as singleAz } from '../../src/rules/high-availability/rds-single-az.js';
import { rule as singleSubnet } from '../../src/rules/high-availability/single-subnet-load-balancer.js';

const prompt = 'The database must be highly available across multiple AZs.';

test('rds-single-az fires on non-Multi-AZ instances and single-instance Aurora clusters when HA is asked', () => {
  const findings = runRule(
    singleAz,
    `resource "aws_db_instance" "a" {
  engine = "postgres"
}
resource "aws_db_instance" "b" {
  engine   = "postgres"
  multi_az = true
}
resource "aws_rds_cluster" "c" {
  engine = "aurora-postgresql"
}
resource "aws_rds_cluster_instance" "c1" {
  cluster_identifier = aws_rds_cluster.c.id
}`,
    { prompt },
  );
  assert.deepEqual(findings.map((f) => f.resource).sort(), ['aws_db_instance.a', 'aws_rds_cluster.c']);
});

test('rds-single-az is quiet without an HA request or with counted instances', () => {
  assert.deepEqual(runRule(singleAz, 'resource "aws_db_instance" "a" {\n  engine = "postgres"\n}'), []);
  const counted = `resource "aws_rds_cluster" "c" {
  engine = "aurora-postgresql"
}
resource "aws_rds_cluster_instance" "c1" {
  count              = 2
  cluster_identifier = aws_rds_cluster.c.id
}`;
  assert.deepEqual(runRule(singleAz, counted, { prompt }), []);
});

test('single-subnet-load-balancer fires on an ALB with one subnet, not on splats or NLBs', () => {
  assert.equal(runRule(singleSubnet, 'resource "aws_lb" "a" {\n  subnets = [aws_subnet.public.id]\n}').length, 1);
  assert.deepEqual(runRule(singleSubnet, 'resource "aws_lb" "a" {\n  subnets = aws_subnet.public[*].id\n}'), []);
  assert.deepEqual(runRule(singleSubnet, 'resource "aws_lb" "a" {\n  subnets = [aws_subnet.a.id, aws_subnet.b.id]\n}'), []);
  assert.deepEqual(
    runRule(singleSubnet, 'resource "aws_lb" "n" {\n  load_balancer_type = "network"\n  subnets = [aws_subnet.a.id]\n}'),
    [],
  );
});
