import type { Rule } from '../types.js';
import { rule as lambdaReservedConcurrency } from './lambda-reserved-concurrency.js';
import { rule as autoscalingPolicyNoCooldown } from './autoscaling-policy-no-cooldown.js';

export const SCALING_RULES: Rule[] = [lambdaReservedConcurrency, autoscalingPolicyNoCooldown];
