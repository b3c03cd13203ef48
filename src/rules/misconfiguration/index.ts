import type { Rule } from '../types.js';
import { rule as apigwCorsWithoutOptions } from './apigw-cors-without-options.js';
import { rule as wafv2DuplicateRulePriority } from './wafv2-duplicate-rule-priority.js';
import { rule as wafv2AssociationCloudfront } from './wafv2-association-cloudfront.js';
import { rule as lambdaArchNotArm64 } from './lambda-arch-not-arm64.js';
import { rule as alarmThresholdWrongUnit } from './alarm-threshold-wrong-unit.js';
import { rule as securityhubStandardsArnInvalid } from './securityhub-standards-arn-invalid.js';
import { rule as containerImageFloatingTag } from './container-image-floating-tag.js';
import { rule as configRecorderNotStarted } from './config-recorder-not-started.js';
import { rule as dynamodbOnDemandScalingTarget } from './dynamodb-on-demand-scaling-target.js';

export const MISCONFIGURATION_RULES: Rule[] = [apigwCorsWithoutOptions, wafv2DuplicateRulePriority, wafv2AssociationCloudfront, lambdaArchNotArm64, alarmThresholdWrongUnit, securityhubStandardsArnInvalid, containerImageFloatingTag, configRecorderNotStarted, dynamodbOnDemandScalingTarget];
