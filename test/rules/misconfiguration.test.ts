import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as cors } from '../../src/rules/misconfiguration/apigw-cors-without-options.js';
import { rule as waf } from '../../src/rules/misconfiguration/wafv2-duplicate-rule-priority.js';
import { rule as wafCloudfront } from '../../src/rules/misconfiguration/wafv2-association-cloudfront.js';
import { rule as arm } from '../../src/rules/misconfiguration/lambda-arch-not-arm64.js';

const api = `
resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = "items"
}
resource "aws_api_gateway_resource" "item" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_resource.items.id
  path_part   = "{id}"
}
resource "aws_api_gateway_method" "items_get" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}
resource "aws_api_gateway_method_response" "items_get" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = aws_api_gateway_method.items_get.http_method
  status_code = "200"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = true
  }
}`;
const itemsOptions = `
resource "aws_api_gateway_method" "items_options" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "OPTIONS"
  authorization = "NONE"
}`;
const itemGet = `
resource "aws_api_gateway_method" "item_get" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.item.id
  http_method   = "GET"
  authorization = "NONE"
}`;

test('apigw-cors-without-options fires when a CORS header has no OPTIONS preflight', () => {
  const findings = runRule(cors, api);
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /aws_api_gateway_resource\.items\.id/);
});

test('apigw-cors-without-options: OPTIONS on the resource passes; a sibling resource without OPTIONS fires', () => {
  assert.deepEqual(runRule(cors, api + itemsOptions), []);
  const findings = runRule(cors, api + itemsOptions + itemGet);
  assert.deepEqual(findings.map((f) => f.resource), ['aws_api_gateway_method.item_get']);
});

const acl = (p1: number, p2: number): string => `
resource "aws_wafv2_web_acl" "main" {
  name  = "main"
  scope = "REGIONAL"
  default_action {
    allow {}
  }
  rule {
    name     = "common"
    priority = ${p1}
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "common"
      sampled_requests_enabled   = true
    }
  }
  rule {
    name     = "rate"
    priority = ${p2}
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = 2000
        aggregate_key_type = "IP"
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "rate"
      sampled_requests_enabled   = true
    }
  }
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "main"
    sampled_requests_enabled   = true
  }
}`;

test('wafv2-duplicate-rule-priority fires on shared priorities only', () => {
  const dup = runRule(waf, acl(1, 1));
  assert.equal(dup.length, 1);
  assert.match(dup[0]!.message, /1/);
  assert.deepEqual(runRule(waf, acl(1, 2)), []);
});

const lambda = (arch?: string): string => `
resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = aws_iam_role.r.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  ${arch ? `architectures = ["${arch}"]` : ''}
}`;

test('lambda-arch-not-arm64 fires only when the prompt asks for Graviton and the function is x86', () => {
  const prompt = 'Run all Lambda functions on Graviton (arm64) for cost savings.';
  assert.equal(runRule(arm, lambda(), { prompt }).length, 1);
  assert.equal(runRule(arm, lambda('x86_64'), { prompt }).length, 1);
  assert.deepEqual(runRule(arm, lambda('arm64'), { prompt }), []);
  assert.deepEqual(runRule(arm, lambda()), []);
});

test('apigw-cors-without-options: the task asks for CORS and no method has an OPTIONS counterpart', () => {
  const noHeaders = itemGet;
  assert.deepEqual(runRule(cors, noHeaders), []);
  const findings = runRule(cors, noHeaders, { prompt: 'The mobile app calls the API from the browser, so enable CORS.' });
  assert.equal(findings.length, 1);
  assert.deepEqual(runRule(cors, itemGet + itemsOptions.replace(/items/g, 'item'), { prompt: 'Enable CORS.' }), []);
});

import { rule as managedArn } from '../../src/rules/service-constraint/managed-policy-arn-invalid.js';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

test('managed-policy-arn-invalid fires on a service-role policy without its path and on renamed policies', () => {
  const tf = `
resource "aws_iam_role_policy_attachment" "lambda" {
  role       = aws_iam_role.fn.name
  policy_arn = "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"
}
resource "aws_iam_role_policy_attachment" "config" {
  role       = aws_iam_role.config.name
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/AWSConfigRole"
}`;
  const findings = runRule(managedArn, tf);
  assert.equal(findings.length, 2);
  assert.match(findings[0]!.message, /service-role\/AWSLambdaBasicExecutionRole/);
});

test('managed-policy-arn-invalid: an invented name is no managed policy; the generated list is the pinned package\'s', () => {
  const tf = 'resource "aws_iam_role_policy_attachment" "autoscale" {\n  role       = aws_iam_role.a.name\n  policy_arn = "arn:aws:iam::aws:policy/service-role/DynamoDBAutoscaleRole"\n}\n';
  const f = runRule(managedArn, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_iam_role_policy_attachment.autoscale', 1]]);
  assert.match(f[0]!.message, /DynamoDBAutoscaleRole is not an AWS managed policy ARN/);
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts/gen-managed-policies.ts'), '--check'], { cwd: repo, encoding: 'utf8' });
  assert.equal(res.status, 0, `${res.stdout}${res.stderr}`);
});

test('managed-policy-arn-invalid accepts correct ARNs and customer policies', () => {
  const tf = `
resource "aws_iam_role_policy_attachment" "lambda" {
  role       = aws_iam_role.fn.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}
resource "aws_iam_role_policy_attachment" "ssm" {
  role       = aws_iam_role.fn.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}
resource "aws_iam_role_policy_attachment" "own" {
  role       = aws_iam_role.fn.name
  policy_arn = aws_iam_policy.own.arn
}`;
  assert.deepEqual(runRule(managedArn, tf), []);
});

test('managed-policy-arn-invalid: Config role written as ConfigRole and EKS policies under service-role/', () => {
  const tf = `
resource "aws_iam_role_policy_attachment" "recorder" {
  role       = aws_iam_role.recorder.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/ConfigRole"
}
resource "aws_iam_role_policy_attachment" "eks" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEKSClusterPolicy"
}
resource "aws_iam_role_policy_attachment" "eks_ok" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
}`;
  const findings = runRule(managedArn, tf);
  assert.deepEqual(findings.map((f) => f.resource).sort(), ['aws_iam_role_policy_attachment.eks', 'aws_iam_role_policy_attachment.recorder']);
  assert.match(findings.find((f) => f.resource === 'aws_iam_role_policy_attachment.recorder')!.message, /service-role\/AWS_ConfigRole/);
});

import { rule as alarmUnit } from '../../src/rules/misconfiguration/alarm-threshold-wrong-unit.js';

const storageAlarm = (threshold: string, metric = 'FreeStorageSpace', ns = 'AWS/RDS'): string => `
variable "low_storage" {
  type    = number
  default = ${threshold}
}
resource "aws_cloudwatch_metric_alarm" "storage" {
  alarm_name          = "db-storage-low"
  namespace           = "${ns}"
  metric_name         = "${metric}"
  comparison_operator = "LessThanThreshold"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = var.low_storage
}`;

test('alarm-threshold-wrong-unit fires on a FreeStorageSpace/FreeableMemory threshold written in MB or GB', () => {
  const findings = runRule(alarmUnit, storageAlarm('5120'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.ruleId, 'alarm-threshold-wrong-unit');
  assert.equal(runRule(alarmUnit, storageAlarm('2', 'FreeableMemory', 'AWS/ElastiCache')).length, 1);
});

test('alarm-threshold-wrong-unit accepts byte thresholds and non-byte metrics', () => {
  assert.deepEqual(runRule(alarmUnit, storageAlarm('5368709120')), []);
  assert.deepEqual(runRule(alarmUnit, storageAlarm('80', 'CPUUtilization')), []);
  assert.deepEqual(runRule(alarmUnit, storageAlarm('100', 'FreeStorageSpace', 'AWS/EC2')), []);
});

import { rule as hubArn, standardsArnProblem } from '../../src/rules/misconfiguration/securityhub-standards-arn-invalid.js';

test('securityhub-standards-arn-invalid fires on invented paths and mixed ruleset/standards forms', () => {
  const tf = `
resource "aws_securityhub_standards_subscription" "fsbp" {
  standards_arn = "arn:aws:securityhub:::ruleset/aws-foundational-security-best-practices/v/1.0.0"
}
resource "aws_securityhub_standards_subscription" "cis" {
  standards_arn = "arn:aws:securityhub:\${var.region}::standards/cis-aws-foundations-benchmark/v/1.2.0"
}
resource "aws_securityhub_standards_subscription" "pci" {
  standards_arn = "arn:aws:securityhub:\${var.region}::standards/pci-dss/v/3.2.1"
}`;
  const findings = runRule(hubArn, tf);
  assert.deepEqual(findings.map((f) => f.resource).sort(), ['aws_securityhub_standards_subscription.cis', 'aws_securityhub_standards_subscription.fsbp']);
});

test('securityhub-standards-arn-invalid accepts the documented ARNs', () => {
  const tf = `
resource "aws_securityhub_standards_subscription" "cis" {
  standards_arn = "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0"
}
resource "aws_securityhub_standards_subscription" "fsbp" {
  standards_arn = "arn:\${data.aws_partition.current.partition}:securityhub:\${data.aws_region.current.name}::standards/aws-foundational-security-best-practices/v/1.0.0"
}
resource "aws_securityhub_standards_subscription" "ref" {
  standards_arn = local.standard_arn
}`;
  assert.deepEqual(runRule(hubArn, tf), []);
  assert.match(standardsArnProblem('arn:aws:securityhub:::standards/nist-800-53/v/5.0.0') ?? '', /region/);
  assert.match(standardsArnProblem('arn:aws:securityhub:us-east-1::standards/cis-benchmark/v/9') ?? '', /unknown standard/);
});

test('config-recorder-not-started: a recorder without a status resource, or one that stops it', async () => {
  const { rule: recorderNotStarted } = await import('../../src/rules/misconfiguration/config-recorder-not-started.js');
  const recorder = 'resource "aws_config_configuration_recorder" "main" {\n  name     = "main"\n  role_arn = aws_iam_role.config.arn\n}\n';
  const f = runRule(recorderNotStarted, recorder);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_config_configuration_recorder.main', 1]]);
  assert.match(f[0]!.message, /no aws_config_configuration_recorder_status/);
  const status = (enabled: string) => `resource "aws_config_configuration_recorder_status" "main" {\n  name       = aws_config_configuration_recorder.main.name\n  is_enabled = ${enabled}\n}\n`;
  assert.deepEqual(runRule(recorderNotStarted, recorder + status('true')), []);
  assert.match(runRule(recorderNotStarted, recorder + status('false'))[0]!.message, /is_enabled = false/);
  // An enabled flag read from an input is taken as enabled.
  assert.deepEqual(runRule(recorderNotStarted, recorder + status('var.enable_config')), []);
});

test('wafv2-association-cloudfront fires on an association with a distribution, not with a load balancer', () => {
  const association = (target: string): string =>
    `resource "aws_wafv2_web_acl" "main" {\n  name  = "main"\n  scope = "REGIONAL"\n}\n\nresource "aws_wafv2_web_acl_association" "a" {\n  resource_arn = ${target}\n  web_acl_arn  = aws_wafv2_web_acl.main.arn\n}\n`;
  const found = runRule(wafCloudfront, association('aws_cloudfront_distribution.site.arn'));
  assert.deepEqual(found.map((f) => [f.resource, f.location.line]), [['aws_wafv2_web_acl_association.a', 6]]);
  assert.match(found[0]!.message, /aws_cloudfront_distribution\.site: WAFv2 associations take regional resources only/);
  assert.deepEqual(runRule(wafCloudfront, association('aws_lb.main.arn')), []);
});
