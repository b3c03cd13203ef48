import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as retention } from '../../src/rules/logging/log-group-without-retention.js';
import { rule as lambdaLogs } from '../../src/rules/logging/lambda-without-log-group.js';
import { rule as stageLogs } from '../../src/rules/logging/api-stage-without-access-logs.js';

test('log-group-without-retention', () => {
  const f = runRule(
    retention,
    'resource "aws_cloudwatch_log_group" "a" {\n  name = "/a"\n}\nresource "aws_cloudwatch_log_group" "b" {\n  name = "/b"\n  retention_in_days = 0\n}\nresource "aws_cloudwatch_log_group" "c" {\n  name = "/c"\n  retention_in_days = var.days\n}\n',
  );
  assert.deepEqual(f.map((x) => x.resource), ['aws_cloudwatch_log_group.a', 'aws_cloudwatch_log_group.b']);
  assert.ok(f.every((x) => x.category === 'logging'));
});

test('lambda-without-log-group: function with no /aws/lambda group', () => {
  const f = runRule(lambdaLogs, 'resource "aws_lambda_function" "f" {\n  function_name = "api-${var.environment_suffix}"\n}\nresource "aws_cloudwatch_log_group" "other" {\n  name = "/aws/lambda/worker"\n}\n');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_lambda_function.f');
});

test('lambda-without-log-group: group named by reference, by the same template, or by literal is fine', () => {
  const byRef = 'resource "aws_lambda_function" "f" {\n  function_name = "api"\n}\nresource "aws_cloudwatch_log_group" "g" {\n  name = "/aws/lambda/${aws_lambda_function.f.function_name}"\n}\n';
  assert.deepEqual(runRule(lambdaLogs, byRef), []);
  const sameTemplate =
    'resource "aws_lambda_function" "f" {\n  function_name = "api-${var.environment_suffix}"\n}\nresource "aws_cloudwatch_log_group" "g" {\n  name = "/aws/lambda/api-${var.environment_suffix}"\n}\n';
  assert.deepEqual(runRule(lambdaLogs, sameTemplate), []);
  const literal = 'resource "aws_lambda_function" "f" {\n  function_name = "api"\n}\nresource "aws_cloudwatch_log_group" "g" {\n  name = "/aws/lambda/api"\n}\n';
  assert.deepEqual(runRule(lambdaLogs, literal), []);
  // The group's name held in a local that spells the function's name template.
  const viaLocal =
    'locals {\n  stack = "orders"\n  lambda_log_group = "/aws/lambda/${local.stack}-processor"\n}\nresource "aws_lambda_function" "f" {\n  function_name = "${local.stack}-processor"\n}\nresource "aws_cloudwatch_log_group" "g" {\n  name = local.lambda_log_group\n}\n';
  assert.deepEqual(runRule(lambdaLogs, viaLocal), []);
  const otherLocal = viaLocal.replace('-processor"\n}\nresource "aws_cloudwatch', '-handler"\n}\nresource "aws_cloudwatch');
  assert.deepEqual(runRule(lambdaLogs, otherLocal).map((f) => [f.resource, f.location.line]), [['aws_lambda_function.f', 5]]);
});

test('api-stage-without-access-logs (low)', () => {
  const f = runRule(stageLogs, 'resource "aws_api_gateway_stage" "s" {\n  stage_name = "prod"\n}\n');
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'low');
  assert.deepEqual(runRule(stageLogs, 'resource "aws_api_gateway_stage" "s" {\n  access_log_settings {\n    destination_arn = "x"\n    format = "y"\n  }\n}\n'), []);
});

import { rule as requestedLogging } from '../../src/rules/logging/requested-logging-missing.js';

test('requested-logging-missing: flow logs and CloudTrail asked but absent', () => {
  const tf = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}';
  const prompt = 'Enable VPC flow logs and a CloudTrail trail for auditing.';
  const findings = runRule(requestedLogging, tf, { prompt });
  assert.equal(findings.length, 2);
  const complete = `${tf}
resource "aws_flow_log" "f" {
  vpc_id       = aws_vpc.main.id
  traffic_type = "ALL"
}
resource "aws_cloudtrail" "t" {
  name           = "t"
  s3_bucket_name = "trail"
}`;
  assert.deepEqual(runRule(requestedLogging, complete, { prompt }), []);
  assert.deepEqual(runRule(requestedLogging, tf, { prompt: 'Create a VPC.' }), []);
});

test('requested-logging-missing: load balancer access logs asked but not enabled', () => {
  const lb = (extra: string): string => `resource "aws_lb" "app" {\n  name = "app"\n  ${extra}\n}`;
  const prompt = 'Enable access logs for the application load balancer.';
  assert.equal(runRule(requestedLogging, lb(''), { prompt }).length, 1);
  assert.equal(runRule(requestedLogging, lb('access_logs {\n    bucket  = "logs"\n    enabled = false\n  }'), { prompt }).length, 1);
  assert.deepEqual(runRule(requestedLogging, lb('access_logs {\n    bucket  = "logs"\n    enabled = true\n  }'), { prompt }), []);
});

import { rule as flowScaffolding } from '../../src/rules/logging/flow-log-scaffolding-without-flow-log.js';

const FLOW_ROLE = `resource "aws_vpc" "core" {
  cidr_block = "10.20.0.0/16"
}
resource "aws_iam_role" "traffic" {
  name = "traffic-capture"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "vpc-flow-logs.amazonaws.com" } }]
  })
}
resource "aws_cloudwatch_log_group" "traffic" {
  name              = "/network/flowlogs/core"
  retention_in_days = 7
}`;

test('flow-log-scaffolding-without-flow-log fires when the role and log group exist but no aws_flow_log does', () => {
  const findings = runRule(flowScaffolding, FLOW_ROLE);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_iam_role.traffic');
});

test('flow-log-scaffolding-without-flow-log is quiet with the flow log, without scaffolding, or when the prompt-driven rule covers it', () => {
  const withFlow = `${FLOW_ROLE}
resource "aws_flow_log" "core" {
  vpc_id          = aws_vpc.core.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.traffic.arn
  iam_role_arn    = aws_iam_role.traffic.arn
}`;
  assert.deepEqual(runRule(flowScaffolding, withFlow), []);
  assert.deepEqual(runRule(flowScaffolding, 'resource "aws_vpc" "core" {\n  cidr_block = "10.20.0.0/16"\n}'), []);
  assert.deepEqual(runRule(flowScaffolding, FLOW_ROLE, { prompt: 'Enable VPC flow logs for the network.' }), []);
});

test('lambda-without-log-group: a child module function named by its caller takes the caller\'s /aws/lambda group', () => {
  const files = {
    'lib/modules/fn/main.tf': 'variable "function_name" {\n  type = string\n}\nresource "aws_lambda_function" "this" {\n  function_name = var.function_name\n}\n',
    'lib/main.tf': 'module "api" {\n  source        = "./modules/fn"\n  function_name = "api"\n}\nresource "aws_cloudwatch_log_group" "api" {\n  name = "/aws/lambda/api"\n}\n',
  };
  assert.deepEqual(runRule(lambdaLogs, files), []);
  // Without any Lambda log group in the stack the module's function is reported at its block.
  const withoutGroup = { ...files, 'lib/main.tf': 'module "api" {\n  source        = "./modules/fn"\n  function_name = "api"\n}\n' };
  assert.deepEqual(runRule(lambdaLogs, withoutGroup).map((f) => [f.resource, f.location.file, f.location.line]), [['aws_lambda_function.this', 'lib/modules/fn/main.tf', 4]]);
});
