import type { Rule } from '../types.js';
import { rule as s3LifecycleRuleMissingFilter } from './s3-lifecycle-rule-missing-filter.js';
import { rule as s3LogBucketNoLifecycle } from './s3-log-bucket-no-lifecycle.js';
import { rule as dynamodbProvisionedAutoscaling } from './dynamodb-provisioned-autoscaling.js';
import { rule as requestedS3LifecycleMissing } from './requested-s3-lifecycle-missing.js';
import { rule as natGatewayPerAzCost } from './nat-gateway-per-az-cost.js';

export const LIFECYCLE_COST_RULES: Rule[] = [s3LifecycleRuleMissingFilter, s3LogBucketNoLifecycle, dynamodbProvisionedAutoscaling, requestedS3LifecycleMissing, natGatewayPerAzCost];
