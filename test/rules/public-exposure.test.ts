import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as pab } from '../../src/rules/public-exposure/s3-bucket-without-public-access-block.js';
import { rule as publicAcl } from '../../src/rules/public-exposure/s3-public-acl.js';
import { rule as openIngress } from '../../src/rules/public-exposure/open-ingress-sensitive-port.js';
import { rule as publicDb } from '../../src/rules/public-exposure/publicly-accessible-database.js';
import { rule as computePublic } from '../../src/rules/public-exposure/compute-in-public-subnet.js';

const FULL_BLOCK = (ref: string): string =>
  `resource "aws_s3_bucket_public_access_block" "p" {\n  bucket = ${ref}\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n`;

test('s3-bucket-without-public-access-block: bucket without a block', () => {
  const f = runRule(pab, 'resource "aws_s3_bucket" "deploy" {\n  bucket = "deploy-x"\n}\n');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_s3_bucket.deploy');
  assert.equal(f[0]!.category, 'public-exposure');
  assert.match(f[0]!.modelSnippet?.code ?? '', /resource "aws_s3_bucket" "deploy"/);
  // New buckets block public access by default: without a public ACL the missing block is hardening (low).
  assert.equal(f[0]!.severity, 'low');
  const publicAcl = runRule(pab, 'resource "aws_s3_bucket" "deploy" {\n  bucket = "deploy-x"\n}\nresource "aws_s3_bucket_acl" "deploy" {\n  bucket = aws_s3_bucket.deploy.id\n  acl    = "public-read"\n}\n');
  assert.deepEqual(publicAcl.map((x) => [x.resource, x.severity, x.location.line]), [['aws_s3_bucket.deploy', 'high', 1]]);
});

test('s3-bucket-without-public-access-block: a block with a flag off is reported with the flag', () => {
  const hcl = 'resource "aws_s3_bucket" "b" {}\n' + FULL_BLOCK('aws_s3_bucket.b.id').replace('ignore_public_acls = true', 'ignore_public_acls = false');
  const f = runRule(pab, hcl);
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /ignore_public_acls/);
  assert.equal(f[0]!.severity, 'high');
});

test('s3-bucket-without-public-access-block: complete block by reference, by count index, or by literal name', () => {
  assert.deepEqual(runRule(pab, 'resource "aws_s3_bucket" "b" {}\n' + FULL_BLOCK('aws_s3_bucket.b.id')), []);
  assert.deepEqual(runRule(pab, 'resource "aws_s3_bucket" "b" {\n  count = 1\n}\n' + FULL_BLOCK('aws_s3_bucket.b[0].id')), []);
  assert.deepEqual(runRule(pab, 'resource "aws_s3_bucket" "b" {\n  bucket = "lit-name"\n}\n' + FULL_BLOCK('"lit-name"')), []);
});

test('s3-public-acl: public-read and public-read-write', () => {
  const f = runRule(
    publicAcl,
    'resource "aws_s3_bucket_acl" "a" {\n  bucket = "x"\n  acl = "public-read"\n}\nresource "aws_s3_bucket" "w" {\n  acl = "public-read-write"\n}\nresource "aws_s3_bucket_acl" "p" {\n  bucket = "x"\n  acl = "private"\n}\n',
  );
  assert.deepEqual(f.map((x) => [x.resource, x.severity]), [
    ['aws_s3_bucket.w', 'critical'],
    ['aws_s3_bucket_acl.a', 'high'],
  ]);
});

test('open-ingress-sensitive-port: SSH and DB ports open to the world; all ports critical', () => {
  const hcl =
    'resource "aws_security_group" "bastion" {\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n' +
    'resource "aws_security_group_rule" "db" {\n  type = "ingress"\n  from_port = 5432\n  to_port = 5432\n  protocol = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n  security_group_id = "sg-1"\n}\n' +
    'resource "aws_vpc_security_group_ingress_rule" "all" {\n  ip_protocol = "-1"\n  cidr_ipv4 = "0.0.0.0/0"\n  security_group_id = "sg-1"\n}\n';
  const f = runRule(openIngress, hcl);
  assert.equal(f.length, 3);
  const bastion = f.find((x) => x.resource === 'aws_security_group.bastion')!;
  assert.match(bastion.message, /22 \(SSH\)/);
  assert.equal(bastion.location.line, 2, 'points at the ingress block');
  assert.equal(f.find((x) => x.resource === 'aws_vpc_security_group_ingress_rule.all')!.severity, 'critical');
  // A database port open to the world exposes the data (critical); SSH alone stays high unless the task restricts it.
  assert.equal(f.find((x) => x.resource === 'aws_security_group_rule.db')!.severity, 'critical');
  assert.equal(bastion.severity, 'high');
  const restricted = runRule(openIngress, hcl, { prompt: 'Web servers accept HTTP from the internet. Restrict SSH to the corporate CIDR 203.0.113.0/24.' });
  assert.equal(restricted.find((x) => x.resource === 'aws_security_group.bastion')!.severity, 'critical');
  assert.match(restricted.find((x) => x.resource === 'aws_security_group.bastion')!.message, /task restricts SSH/);
  const open = runRule(openIngress, hcl, { prompt: 'The EC2 group should allow HTTP and SSH from anywhere.' });
  assert.equal(open.find((x) => x.resource === 'aws_security_group.bastion')!.severity, 'high');
});

test('open-ingress-sensitive-port: HTTPS to the world, SSH from a private CIDR, and egress are fine', () => {
  const hcl =
    'resource "aws_security_group" "alb" {\n  ingress {\n    from_port = 443\n    to_port = 443\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n' +
    '  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["10.0.0.0/8"]\n  }\n' +
    '  egress {\n    from_port = 0\n    to_port = 0\n    protocol = "-1"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
  assert.deepEqual(runRule(openIngress, hcl), []);
});

test('publicly-accessible-database', () => {
  assert.equal(runRule(publicDb, 'resource "aws_db_instance" "d" {\n  publicly_accessible = true\n}\n').length, 1);
  assert.equal(runRule(publicDb, 'resource "aws_db_instance" "d" {\n  publicly_accessible = false\n}\nresource "aws_db_instance" "e" {}\n').length, 0);
});

const SUBNETS = [
  'resource "aws_subnet" "public" {',
  '  count                   = 2',
  '  map_public_ip_on_launch = true',
  '}',
  'resource "aws_subnet" "private" {',
  '  count = 2',
  '}',
].join('\n');

test('compute-in-public-subnet: ASG in public subnets, instance with a public IP, template assigning public IPs', () => {
  const hcl = [
    SUBNETS,
    'resource "aws_autoscaling_group" "app" {',
    '  vpc_zone_identifier = aws_subnet.public[*].id',
    '}',
    'resource "aws_instance" "worker" {',
    '  subnet_id = aws_subnet.public[0].id',
    '}',
    'resource "aws_launch_template" "app" {',
    '  network_interfaces {',
    '    associate_public_ip_address = true',
    '  }',
    '}',
  ].join('\n');
  const f = runRule(computePublic, hcl);
  assert.deepEqual(f.map((x) => x.resource).sort(), ['aws_autoscaling_group.app', 'aws_instance.worker', 'aws_launch_template.app']);
  assert.ok(f.every((x) => x.category === 'public-exposure'));
});

test('compute-in-public-subnet: private subnets and bastion hosts are fine', () => {
  const hcl = [
    SUBNETS,
    'resource "aws_autoscaling_group" "app" {',
    '  vpc_zone_identifier = aws_subnet.private[*].id',
    '}',
    'resource "aws_instance" "bastion" {',
    '  subnet_id                   = aws_subnet.public[0].id',
    '  associate_public_ip_address = true',
    '}',
  ].join('\n');
  assert.equal(runRule(computePublic, hcl).length, 0);
});

test('compute-in-public-subnet: what the reference also exposes is the task design', () => {
  const hcl = SUBNETS + '\nresource "aws_instance" "web" {\n  subnet_id = aws_subnet.public[0].id\n}\n';
  assert.equal(runRule(computePublic, hcl).length, 1);
  assert.equal(runRule(computePublic, hcl, { ideal: hcl }).length, 0);
});
