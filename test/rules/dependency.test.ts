import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as apigw } from '../../src/rules/dependency/apigw-deployment-race.js';
import { rule as ecs } from '../../src/rules/dependency/ecs-service-listener-dependency.js';

const api = `
resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_rest_api.api.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}
resource "aws_api_gateway_integration" "get" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_rest_api.api.root_resource_id
  http_method = aws_api_gateway_method.get.http_method
  type        = "AWS_PROXY"
}`;

test('apigw-deployment-race fires on a deployment that only references the API', () => {
  const findings = runRule(apigw, `${api}
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}`);
  assert.equal(findings.length, 1);
});

test('apigw-deployment-race accepts depends_on or triggers referencing integrations', () => {
  assert.deepEqual(
    runRule(apigw, `${api}
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  depends_on  = [aws_api_gateway_integration.get]
}`),
    [],
  );
  assert.deepEqual(
    runRule(apigw, `${api}
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  triggers = {
    redeploy = sha1(jsonencode([aws_api_gateway_integration.get.id]))
  }
}`),
    [],
  );
});

const ecsStack = (dependsOn: string): string => `
resource "aws_lb_target_group" "app" {
  name = "app"
}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.app.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
resource "aws_ecs_service" "app" {
  name = "app"
  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = "app"
    container_port   = 80
  }
  ${dependsOn}
}`;

test('ecs-service-listener-dependency fires without depends_on on the listener', () => {
  assert.equal(runRule(ecs, ecsStack('')).length, 1);
  assert.deepEqual(runRule(ecs, ecsStack('depends_on = [aws_lb_listener.http]')), []);
});
