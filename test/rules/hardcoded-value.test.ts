import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as region } from '../../src/rules/hardcoded-value/hardcoded-region.js';
import { rule as account } from '../../src/rules/hardcoded-value/hardcoded-account-id.js';
import { rule as az } from '../../src/rules/hardcoded-value/hardcoded-availability-zone.js';

const bad = `
resource "aws_vpc_endpoint" "s3" {
  vpc_id       = aws_vpc.main.id
  service_name = "com.amazonaws.us-east-1.s3"
}
resource "aws_iam_role_policy" "p" {
  role = aws_iam_role.r.id
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = "sqs:SendMessage"
      Resource = "arn:aws:sqs:us-west-2:123456789012:jobs"
    }]
  })
}
resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  availability_zone = "us-east-1a"
}`;
const good = `
resource "aws_vpc_endpoint" "s3" {
  service_name = "com.amazonaws.\${data.aws_region.current.name}.s3"
}
resource "aws_subnet" "a" {
  availability_zone = data.aws_availability_zones.available.names[0]
}
resource "aws_iam_role_policy_attachment" "x" {
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}
variable "aws_region" {
  default = "us-east-1"
}`;

test('hardcoded-region finds regions in endpoints and ARNs', () => {
  assert.deepEqual(runRule(region, bad).map((f) => f.resource).sort(), ['aws_iam_role_policy.p', 'aws_vpc_endpoint.s3']);
  assert.deepEqual(runRule(region, good), []);
});

test('hardcoded-account-id finds 12-digit accounts in ARNs, not AWS managed policy ARNs', () => {
  assert.deepEqual(runRule(account, bad).map((f) => f.resource), ['aws_iam_role_policy.p']);
  assert.deepEqual(runRule(account, good), []);
});

test('hardcoded-availability-zone finds AZ literals outside variables', () => {
  assert.deepEqual(runRule(az, bad).map((f) => f.resource), ['aws_subnet.a']);
  assert.deepEqual(runRule(az, good + '\nvariable "azs" {\n  default = ["us-east-1a"]\n}'), []);
});
