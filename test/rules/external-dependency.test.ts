import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as lookup } from '../../src/rules/external-dependency/lookup-of-preexisting-resource.js';
import { rule as externalInput } from '../../src/rules/external-dependency/external-resource-input.js';

test('lookup-of-preexisting-resource: VPC and zone lookups', () => {
  const f = runRule(
    lookup,
    'variable "vpc_id" {}\ndata "aws_vpc" "existing" {\n  id = var.vpc_id\n}\ndata "aws_route53_zone" "z" {\n  name = "example.com"\n}\ndata "aws_vpc" "default" {\n  default = true\n}\n',
  );
  assert.deepEqual(f.map((x) => [x.resource, x.severity]).sort(), [
    ['data.aws_route53_zone.z', 'critical'],
    ['data.aws_vpc.default', 'medium'],
    ['data.aws_vpc.existing', 'critical'],
  ]);
});

test('lookup-of-preexisting-resource: account/region lookups, AWS-provided values, own resources and guarded lookups are fine', () => {
  const hcl =
    'data "aws_caller_identity" "c" {}\ndata "aws_region" "r" {}\ndata "aws_availability_zones" "a" {}\ndata "aws_iam_policy_document" "d" {}\ndata "aws_ami" "al2" {\n  most_recent = true\n}\n' +
    'data "aws_ssm_parameter" "ami" {\n  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"\n}\n' +
    'data "aws_kms_key" "s3" {\n  key_id = "alias/aws/s3"\n}\n' +
    'resource "aws_secretsmanager_secret" "s" {}\ndata "aws_secretsmanager_secret_version" "v" {\n  secret_id = aws_secretsmanager_secret.s.id\n}\n' +
    'data "aws_route53_zone" "z" {\n  count = var.enable_dns ? 1 : 0\n  name = "example.com"\n}\n';
  assert.deepEqual(runRule(lookup, hcl), []);
  assert.deepEqual(runRule(lookup, 'data "aws_vpc" "v" {\n  id = "vpc-1"\n}\n', { conventions: { selfSufficient: false } }), []);
});

test('external-resource-input: required id/ARN/URL inputs', () => {
  const f = runRule(
    externalInput,
    'variable "vpc_id" {}\nvariable "private_subnet_ids" {\n  type = list(string)\n}\nvariable "ecr_repository_url" {}\nvariable "domain_name" {}\nvariable "certificate_arn" {\n  default = ""\n}\nvariable "account_id" {}\n',
  );
  assert.deepEqual(f.map((x) => x.resource).sort(), ['var.ecr_repository_url', 'var.private_subnet_ids', 'var.vpc_id']);
  assert.ok(f.every((x) => x.category === 'external-dependency'));
});
