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

import { rule as asgSingleSubnet } from '../../src/rules/high-availability/asg-single-subnet.js';

test('asg-single-subnet: one subnet for the group where the task asks for high availability', () => {
  const asg = 'resource "aws_autoscaling_group" "app" {\n  min_size            = 1\n  max_size            = 2\n  vpc_zone_identifier = [aws_subnet.private.id]\n}\n';
  const f = runRule(asgSingleSubnet, asg, { prompt: 'Deploy a highly available web tier.' });
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.severity]), [['aws_autoscaling_group.app', 1, 'medium']]);
  assert.deepEqual(runRule(asgSingleSubnet, asg, { prompt: 'Deploy a web tier.' }), []);
  assert.deepEqual(runRule(asgSingleSubnet, asg.replace('[aws_subnet.private.id]', 'aws_subnet.private[*].id'), { prompt: 'Deploy a highly available web tier.' }), []);
});

import { rule as singleNat } from '../../src/rules/high-availability/single-nat-gateway.js';
import { rule as subnetsSingleAz, literalZones } from '../../src/rules/high-availability/subnets-single-az.js';

const natStack = (natCount: string): string => `
resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  availability_zone = data.aws_availability_zones.available.names[count.index]
}
resource "aws_nat_gateway" "main" {
  ${natCount}
  subnet_id = aws_subnet.public[0].id
}`;

test('single-nat-gateway fires when HA is asked and private subnets share one NAT gateway', () => {
  const prompt = 'Build a highly available VPC across two AZs.';
  assert.equal(runRule(singleNat, natStack(''), { prompt }).length, 1);
  assert.deepEqual(runRule(singleNat, natStack('count = 2'), { prompt }), []);
  assert.deepEqual(runRule(singleNat, natStack(''), { prompt: 'A small dev VPC.' }), []);
});

test('subnets-single-az fires on subnets without an AZ or all in one literal AZ', () => {
  const unplaced = 'resource "aws_subnet" "a" {\n  cidr_block = "10.0.1.0/24"\n}';
  assert.equal(runRule(subnetsSingleAz, unplaced).length, 1);
  const same = 'resource "aws_subnet" "a" {\n  availability_zone = "us-east-1a"\n}\nresource "aws_subnet" "b" {\n  availability_zone = "us-east-1a"\n}';
  assert.equal(runRule(subnetsSingleAz, same).length, 1);
  const spread = same.replace(/us-east-1a"\n}$/, 'us-east-1b"\n}');
  assert.deepEqual(runRule(subnetsSingleAz, spread), []);
  assert.deepEqual(runRule(subnetsSingleAz, natStack('')), []);
});

test('subnet-zones-not-looked-up fires on literal AZ names without the AZ data source', () => {
  const literal = 'resource "aws_subnet" "a" {\n  availability_zone = "us-east-1a"\n}';
  assert.equal(runRule(literalZones, literal).length, 1);
  assert.deepEqual(runRule(literalZones, `${literal}\ndata "aws_availability_zones" "available" {\n  state = "available"\n}`), []);
  assert.deepEqual(runRule(literalZones, natStack('')), []);
});

import { rule as singleNode } from '../../src/rules/high-availability/single-node-service.js';

test('single-node-service-under-ha fires on a one-node replication group and a one-task service', () => {
  const tf = `resource "aws_elasticache_replication_group" "cache" {
  replication_group_id = "cache"
  description          = "cache"
  node_type            = "cache.t4g.micro"
  num_cache_clusters   = 1
}
resource "aws_ecs_service" "web" {
  name          = "web"
  desired_count = 1
}`;
  const haPrompt = 'Run the web tier highly available across multiple availability zones.';
  assert.deepEqual(runRule(singleNode, tf, { prompt: haPrompt }).map((f) => f.resource).sort(), ['aws_ecs_service.web', 'aws_elasticache_replication_group.cache']);
  // Without an HA request the small shape is fine.
  assert.deepEqual(runRule(singleNode, tf, { prompt: 'A small web app with a cache.' }), []);
});

test('single-node-service-under-ha accepts failover-enabled groups and several tasks', () => {
  const tf = `resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "cache"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
}
resource "aws_ecs_service" "web" {
  name          = "web"
  desired_count = 2
}`;
  assert.deepEqual(runRule(singleNode, tf, { prompt: 'Highly available web tier.' }), []);
});
