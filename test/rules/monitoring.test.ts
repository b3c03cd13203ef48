import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as lambdaAlarm } from '../../src/rules/monitoring/lambda-no-error-alarm.js';
import { rule as noActions } from '../../src/rules/monitoring/alarms-without-notification.js';
import { rule as noAlarms } from '../../src/rules/monitoring/no-alarms-when-requested.js';
import { rule as dashboard } from '../../src/rules/monitoring/dashboard-few-widgets.js';

const fn = `
resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.r.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
}
resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.r.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
}`;
const apiAlarm = `
resource "aws_cloudwatch_metric_alarm" "api_4xx" {
  alarm_name          = "api-4xx"
  namespace           = "AWS/ApiGateway"
  metric_name         = "4XXError"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  period              = 60
  statistic           = "Sum"
  threshold           = 10
  alarm_actions       = [aws_sns_topic.alerts.arn]
}`;
const apiErrors = `
resource "aws_cloudwatch_metric_alarm" "api_errors" {
  alarm_name          = "api-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 1
  period              = 60
  statistic           = "Sum"
  threshold           = 1
  dimensions = {
    FunctionName = aws_lambda_function.api.function_name
  }
  alarm_actions = [aws_sns_topic.alerts.arn]
}`;

test('lambda-no-error-alarm fires per function when the stack alarms on other things only', () => {
  const findings = runRule(lambdaAlarm, fn + apiAlarm);
  assert.deepEqual(findings.map((f) => f.resource).sort(), ['aws_lambda_function.api', 'aws_lambda_function.worker']);
});

test('lambda-no-error-alarm accepts an Errors alarm with the function dimension and stays quiet without alarms or prompt', () => {
  const findings = runRule(lambdaAlarm, fn + apiAlarm + apiErrors);
  assert.deepEqual(findings.map((f) => f.resource), ['aws_lambda_function.worker']);
  assert.deepEqual(runRule(lambdaAlarm, fn), []);
  assert.equal(runRule(lambdaAlarm, fn, { prompt: 'Add CloudWatch alarms for failures.' }).length, 2);
});

test('alarms-without-notification fires when no alarm has actions', () => {
  const bare = `
resource "aws_cloudwatch_metric_alarm" "cpu" {
  alarm_name          = "cpu"
  namespace           = "AWS/ECS"
  metric_name         = "CPUUtilization"
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 2
  period              = 60
  statistic           = "Average"
  threshold           = 80
  alarm_actions       = []
}`;
  assert.equal(runRule(noActions, bare).length, 1);
  assert.deepEqual(runRule(noActions, apiAlarm), []);
  assert.deepEqual(runRule(noActions, fn), []);
});

test('no-alarms-when-requested needs both the request and monitorable resources without alarms', () => {
  const prompt = 'Create CloudWatch alarms for Lambda errors.';
  assert.equal(runRule(noAlarms, fn, { prompt }).length, 1);
  assert.deepEqual(runRule(noAlarms, fn), []);
  assert.deepEqual(runRule(noAlarms, fn + apiAlarm, { prompt }), []);
});

test('dashboard-few-widgets counts widgets in a jsonencode body', () => {
  const body = (n: number): string =>
    `resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = "main"
  dashboard_body = jsonencode({
    widgets = [${Array.from({ length: n }, (_, i) => `{ type = "metric", x = ${i}, y = 0, properties = { metrics = [["AWS/Lambda", "Errors"]] } }`).join(',\n')}]
  })
}`;
  const one = runRule(dashboard, body(1));
  assert.equal(one.length, 1);
  assert.equal(one[0]!.severity, 'low');
  assert.deepEqual(runRule(dashboard, body(4)), []);
});
