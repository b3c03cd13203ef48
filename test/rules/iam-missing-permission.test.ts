import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as sfn } from '../../src/rules/iam-missing-permission/sfn-logging-missing-log-delivery.js';
import { rule as vpc } from '../../src/rules/iam-missing-permission/lambda-vpc-missing-eni-permissions.js';
import { rule as kms } from '../../src/rules/iam-missing-permission/lambda-kms-missing-decrypt.js';
import { actionMatches } from '../../src/rules/util/b-iam.js';

const stateMachine = (extraActions: string): string => `
resource "aws_iam_role" "sfn" {
  name               = "sfn"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
resource "aws_iam_role_policy" "sfn" {
  role = aws_iam_role.sfn.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"${extraActions}]
        Resource = "*"
      }
    ]
  })
}
resource "aws_sfn_state_machine" "flow" {
  name       = "flow"
  role_arn   = aws_iam_role.sfn.arn
  definition = "{}"
  logging_configuration {
    log_destination        = "\${aws_cloudwatch_log_group.sfn.arn}:*"
    include_execution_data = true
    level                  = "ALL"
  }
}`;

test('sfn-logging-missing-log-delivery fires when the role lacks log-delivery actions', () => {
  const findings = runRule(sfn, stateMachine(''));
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /logs:CreateLogDelivery/);
});

test('sfn-logging-missing-log-delivery accepts explicit actions or logs:*', () => {
  const all = [
    'logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery',
    'logs:ListLogDeliveries', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups',
  ].map((a) => `, "${a}"`).join('');
  assert.deepEqual(runRule(sfn, stateMachine(all)), []);
  assert.deepEqual(runRule(sfn, stateMachine(', "logs:*"')), []);
});

const vpcLambda = (attachment: string): string => `
resource "aws_iam_role" "fn" {
  name               = "fn"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy_attachment" "fn" {
  role       = aws_iam_role.fn.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/${attachment}"
}
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = aws_iam_role.fn.arn
  vpc_config {
    subnet_ids         = [aws_subnet.a.id, aws_subnet.b.id]
    security_group_ids = [aws_security_group.fn.id]
  }
}`;

test('lambda-vpc-missing-eni-permissions fires with only the basic execution policy', () => {
  const findings = runRule(vpc, vpcLambda('AWSLambdaBasicExecutionRole'));
  assert.equal(findings.length, 1);
  assert.deepEqual(runRule(vpc, vpcLambda('AWSLambdaVPCAccessExecutionRole')), []);
});

test('lambda-vpc-missing-eni-permissions stays silent when an attached policy cannot be read', () => {
  const findings = runRule(
    vpc,
    vpcLambda('AWSLambdaBasicExecutionRole') +
      `
resource "aws_iam_role_policy_attachment" "extra" {
  role       = aws_iam_role.fn.name
  policy_arn = var.extra_policy_arn
}`,
  );
  assert.deepEqual(findings, []);
});

const kmsLambda = (actions: string): string => `
resource "aws_iam_role" "fn" {
  name = "fn"
  inline_policy {
    name   = "p"
    policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = [${actions}], Resource = "*" }] })
  }
}
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = aws_iam_role.fn.arn
  kms_key_arn   = aws_kms_key.env.arn
  environment {
    variables = { A = "b" }
  }
}`;

test('lambda-kms-missing-decrypt fires without kms:Decrypt and passes with it', () => {
  assert.equal(runRule(kms, kmsLambda('"dynamodb:GetItem"')).length, 1);
  assert.deepEqual(runRule(kms, kmsLambda('"kms:Decrypt"')), []);
});

test('actionMatches handles wildcards case-insensitively', () => {
  assert.ok(actionMatches('logs:*', 'logs:CreateLogDelivery'));
  assert.ok(actionMatches('Logs:Create*', 'logs:CreateLogDelivery'));
  assert.ok(actionMatches('*', 'kms:Decrypt'));
  assert.ok(actionMatches('logs:*Delivery', 'logs:GetLogDelivery'));
  assert.ok(!actionMatches('logs:*Delivery', 'logs:ListLogDeliveries'));
  assert.ok(!actionMatches('kms:Encrypt', 'kms:Decrypt'));
});

import { rule as dlqMissingSend } from '../../src/rules/iam-missing-permission/lambda-dlq-missing-send.js';
import { rule as trustCondition } from '../../src/rules/iam-missing-permission/lambda-trust-condition-blocks-service.js';

const LAMBDA_WITH_DLQ = (policyActions: string) => `resource "aws_sqs_queue" "dlq" {
  name = "dlq"
}
resource "aws_iam_role" "fn" {
  name               = "fn"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }] })
}
resource "aws_iam_role_policy" "fn" {
  role   = aws_iam_role.fn.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = [${policyActions}], Resource = "*" }] })
}
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = aws_iam_role.fn.arn
  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }
}
`;

test('lambda-dlq-missing-send: a dead-letter queue the role cannot send to fails the function creation', () => {
  const f = runRule(dlqMissingSend, LAMBDA_WITH_DLQ('"logs:PutLogEvents"'));
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_lambda_function.fn');
  assert.equal(f[0]!.location.line, 12);
  assert.match(f[0]!.message, /has no sqs:SendMessage/);
  assert.deepEqual(runRule(dlqMissingSend, LAMBDA_WITH_DLQ('"logs:PutLogEvents", "sqs:SendMessage"')), []);
  assert.deepEqual(runRule(dlqMissingSend, LAMBDA_WITH_DLQ('"sqs:*"')), []);
  // A managed policy that grants it (AmazonSQSFullAccess), or whose actions are not known, may grant it: nothing to say.
  const managed = (name: string) => LAMBDA_WITH_DLQ('"logs:PutLogEvents"') + `resource "aws_iam_role_policy_attachment" "sqs" {\n  role       = aws_iam_role.fn.name\n  policy_arn = "arn:aws:iam::aws:policy/${name}"\n}\n`;
  assert.deepEqual(runRule(dlqMissingSend, managed('AmazonSQSFullAccess')), []);
  assert.deepEqual(runRule(dlqMissingSend, managed('AmazonMQFullAccess')), []);
  assert.equal(runRule(dlqMissingSend, managed('AWSXRayDaemonWriteAccess')).length, 1);
});

test('lambda-dlq-missing-send: SendMessage granted on another queue only does not reach the dead-letter queue', () => {
  const onOther = LAMBDA_WITH_DLQ('"sqs:SendMessage"').replace('Resource = "*"', 'Resource = aws_sqs_queue.work.arn') + 'resource "aws_sqs_queue" "work" {\n  name = "work"\n}\n';
  assert.deepEqual(runRule(dlqMissingSend, onOther).map((f) => [f.resource, f.location.line]), [['aws_lambda_function.fn', 12]]);
  assert.deepEqual(runRule(dlqMissingSend, onOther.replace('Resource = aws_sqs_queue.work.arn', 'Resource = [aws_sqs_queue.work.arn, aws_sqs_queue.dlq.arn]')), []);
});

test('lambda-trust-condition-blocks-service: an ExternalId condition on the Lambda trust makes the role unusable', () => {
  const withCondition = LAMBDA_WITH_DLQ('"sqs:SendMessage"').replace(
    'Principal = { Service = "lambda.amazonaws.com" } }',
    'Principal = { Service = "lambda.amazonaws.com" }, Condition = { StringEquals = { "sts:ExternalId" = "x" } } }',
  );
  const f = runRule(trustCondition, withCondition);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_iam_role.fn');
  assert.equal(f[0]!.location.line, 4);
  assert.match(f[0]!.message, /only with sts:ExternalId/);
  // A source-account condition is what Lambda sends: fine.
  assert.deepEqual(runRule(trustCondition, withCondition.replace('"sts:ExternalId"', '"aws:SourceAccount"')), []);
  assert.deepEqual(runRule(trustCondition, LAMBDA_WITH_DLQ('"sqs:SendMessage"')), []);
});
