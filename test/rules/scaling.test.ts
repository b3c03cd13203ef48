import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as reserved } from '../../src/rules/scaling/lambda-reserved-concurrency.js';
import { rule as cooldown } from '../../src/rules/scaling/autoscaling-policy-no-cooldown.js';

test('lambda-reserved-concurrency fires on reservations, escalates 0, ignores -1 and absence', () => {
  const fn = (v?: string): string => `resource "aws_lambda_function" "f" {
  function_name = "f"
  ${v !== undefined ? `reserved_concurrent_executions = ${v}` : ''}
}`;
  const r = runRule(reserved, fn('100'));
  assert.equal(r.length, 1);
  assert.equal(r[0]!.severity, 'low');
  assert.equal(runRule(reserved, fn('0'))[0]!.severity, 'medium');
  assert.deepEqual(runRule(reserved, fn('-1')), []);
  assert.deepEqual(runRule(reserved, fn()), []);
  // A reservation the task asks for is its requirement; a zero still throttles everything.
  assert.deepEqual(runRule(reserved, fn('50'), { prompt: 'Set reserved concurrency to 50 for the processor.' }), []);
  assert.equal(runRule(reserved, fn('0'), { prompt: 'Set reserved concurrency to 50 for the processor.' })[0]!.location.line, 1);
  assert.deepEqual(runRule(reserved, fn('10'), { prompt: '- Concurrent execution limits: 10 for development, 100 for production' }), []);
  assert.equal(runRule(reserved, fn('10'), { prompt: 'Process uploads with a Lambda function.' }).length, 1);
});

test('autoscaling-policy-no-cooldown fires on target tracking without cooldowns', () => {
  const policy = (cooldowns: string): string => `resource "aws_appautoscaling_policy" "cpu" {
  name               = "cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.ecs.resource_id
  scalable_dimension = aws_appautoscaling_target.ecs.scalable_dimension
  service_namespace  = aws_appautoscaling_target.ecs.service_namespace
  target_tracking_scaling_policy_configuration {
    target_value = 70
    ${cooldowns}
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}`;
  assert.equal(runRule(cooldown, policy('')).length, 1);
  assert.deepEqual(runRule(cooldown, policy('scale_in_cooldown = 300\n    scale_out_cooldown = 60')), []);
});
