import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as logs } from '../../src/rules/key-policy/kms-logs-principal-missing.js';
import { rule as lambdaPrincipal } from '../../src/rules/key-policy/kms-unnecessary-lambda-principal.js';
import { rule as wildcard } from '../../src/rules/key-policy/kms-wildcard-principal.js';

const root = `{
        Sid       = "Root"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      }`;
const logsStatement = `{
        Sid       = "Logs"
        Effect    = "Allow"
        Principal = { Service = "logs.\${var.aws_region}.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"]
        Resource  = "*"
      }`;
const keyWith = (statements: string[]): string => `
resource "aws_kms_key" "logs" {
  enable_key_rotation = true
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [${statements.join(',')}]
  })
}
resource "aws_cloudwatch_log_group" "app" {
  name       = "/app"
  kms_key_id = aws_kms_key.logs.arn
}`;

test('kms-logs-principal-missing fires when a log-group key lacks the logs principal', () => {
  const findings = runRule(logs, keyWith([root]));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.resource, 'aws_kms_key.logs');
});

test('kms-logs-principal-missing: a regional logs principal passes; the default policy fails', () => {
  assert.deepEqual(runRule(logs, keyWith([root, logsStatement])), []);
  const defaultPolicy = runRule(
    logs,
    `resource "aws_kms_key" "k" {}
resource "aws_cloudwatch_log_group" "g" {
  kms_key_id = aws_kms_key.k.arn
}`,
  );
  assert.equal(defaultPolicy.length, 1);
  assert.match(defaultPolicy[0]!.message, /default policy/);
});

const lambdaKey = (consumer: string): string => `
resource "aws_kms_key" "env" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [${root}, {
      Sid       = "Lambda"
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = ["kms:Decrypt"]
      Resource  = "*"
    }]
  })
}
resource "aws_kms_alias" "env" {
  name          = "alias/env"
  target_key_id = aws_kms_key.env.key_id
}
${consumer}`;

test('kms-unnecessary-lambda-principal fires when only Lambda functions use the key', () => {
  const findings = runRule(lambdaPrincipal, lambdaKey(`resource "aws_lambda_function" "f" {
  kms_key_arn = aws_kms_key.env.arn
}`));
  assert.equal(findings.length, 1);
});

test('kms-unnecessary-lambda-principal is quiet when other services also use the key', () => {
  const findings = runRule(
    lambdaPrincipal,
    lambdaKey(`resource "aws_lambda_function" "f" {
  kms_key_arn = aws_kms_key.env.arn
}
resource "aws_sqs_queue" "q" {
  kms_master_key_id = aws_kms_key.env.id
}`),
  );
  assert.deepEqual(findings, []);
});

test('kms-wildcard-principal fires on unconditioned "*" principals only', () => {
  const open = `{
        Effect    = "Allow"
        Principal = "*"
        Action    = "kms:Decrypt"
        Resource  = "*"
      }`;
  const conditioned = `{
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "kms:Decrypt"
        Resource  = "*"
        Condition = { StringEquals = { "kms:CallerAccount" = "111122223333" } }
      }`;
  assert.equal(runRule(wildcard, keyWith([root, open])).length, 1);
  assert.deepEqual(runRule(wildcard, keyWith([root, conditioned])), []);
});

import { rule as servicePrincipal } from '../../src/rules/key-policy/kms-service-principal-missing.js';
import { rule as cloudtrailKms } from '../../src/rules/key-policy/cloudtrail-kms-policy-missing.js';

const alarmTopic = (policy: string): string => `
resource "aws_kms_key" "sns" {
  description = "sns"
  ${policy}
}
resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.sns.id
}
resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name    = "errors"
  alarm_actions = [aws_sns_topic.alerts.arn]
}`;

test('kms-service-principal-missing fires when alarms publish to a topic whose key only has the default policy', () => {
  const findings = runRule(servicePrincipal, alarmTopic(''));
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /cloudwatch\.amazonaws\.com/);
});

test('kms-service-principal-missing accepts a key policy that grants the service', () => {
  const policy = `policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = ["kms:GenerateDataKey*", "kms:Decrypt"]
      Resource  = "*"
    }]
  })`;
  assert.deepEqual(runRule(servicePrincipal, alarmTopic(policy)), []);
  assert.deepEqual(runRule(servicePrincipal, alarmTopic('').replace('kms_master_key_id = aws_kms_key.sns.id', '')), []);
});

test('cloudtrail-kms-policy-missing: a looked-up key has a policy the configuration does not show; a created key with the default policy fails the trail', () => {
  const lookedUp = `
data "aws_kms_key" "existing" {
  key_id = "alias/audit"
}
resource "aws_cloudtrail" "trail" {
  name           = "audit"
  s3_bucket_name = "audit-logs"
  kms_key_id     = data.aws_kms_key.existing.arn
}`;
  assert.deepEqual(runRule(cloudtrailKms, lookedUp), []);
  const created = lookedUp.replace('data "aws_kms_key" "existing" {\n  key_id = "alias/audit"\n}', 'resource "aws_kms_key" "existing" {\n  description = "audit"\n}').replace('data.aws_kms_key', 'aws_kms_key');
  // A trail's key is cloudtrail-kms-policy-missing's (CreateTrail fails), not the silent-drop check's.
  assert.deepEqual(runRule(cloudtrailKms, created).map((f) => [f.resource, f.location.line]), [['aws_kms_key.existing', 2]]);
  assert.deepEqual(runRule(servicePrincipal, created), []);
  const granted = created.replace('description = "audit"', 'description = "audit"\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "cloudtrail.amazonaws.com" }, Action = "kms:GenerateDataKey*", Resource = "*" }] })');
  assert.deepEqual(runRule(cloudtrailKms, granted), []);
});

test('asg-ebs-key-service-role-missing: an Auto Scaling launch template encrypting with a key whose policy leaves out the service-linked role', async () => {
  const { rule: asgKey } = await import('../../src/rules/key-policy/asg-ebs-key-service-role-missing.js');
  const stack = (policy: string, extra = '') =>
    [
      'resource "aws_kms_key" "ebs" {',
      `  description = "ebs"${policy}`,
      '}',
      'resource "aws_launch_template" "app" {',
      '  block_device_mappings {',
      '    device_name = "/dev/xvda"',
      '    ebs {',
      '      encrypted  = true',
      '      kms_key_id = aws_kms_key.ebs.arn',
      '    }',
      '  }',
      '}',
      'resource "aws_autoscaling_group" "app" {',
      '  min_size = 1',
      '  max_size = 2',
      '  launch_template {',
      '    id      = aws_launch_template.app.id',
      '    version = "$Latest"',
      '  }',
      '}',
      extra,
    ].join('\n');
  const f = runRule(asgKey, stack(''));
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_kms_key.ebs', 1]]);
  assert.match(f[0]!.message, /aws_launch_template\.app encrypts its EBS volumes with aws_kms_key\.ebs.*default policy does not allow the AWSServiceRoleForAutoScaling/);
  // The key policy names the service-linked role: nothing.
  const named =
    '\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling" }, Action = ["kms:Decrypt"], Resource = "*" }] })';
  assert.deepEqual(runRule(asgKey, stack(named)), []);
  // A grant to the role: nothing.
  const grant = 'resource "aws_kms_grant" "asg" {\n  key_id            = aws_kms_key.ebs.key_id\n  grantee_principal = "arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"\n  operations        = ["Decrypt"]\n}\n';
  assert.deepEqual(runRule(asgKey, stack('', grant)), []);
  // No Auto Scaling group launches from the template (instances launched by the caller's credentials): nothing.
  assert.deepEqual(runRule(asgKey, stack('').replace(/resource "aws_autoscaling_group"[^]*$/, '')), []);
});
