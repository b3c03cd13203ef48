import type { Rule } from '../types.js';
import { rule as sfnLoggingMissingLogDelivery } from './sfn-logging-missing-log-delivery.js';
import { rule as lambdaVpcMissingEniPermissions } from './lambda-vpc-missing-eni-permissions.js';
import { rule as lambdaKmsMissingDecrypt } from './lambda-kms-missing-decrypt.js';
import { rule as lambdaDlqMissingSend } from './lambda-dlq-missing-send.js';
import { rule as lambdaTrustConditionBlocksService } from './lambda-trust-condition-blocks-service.js';

export const IAM_MISSING_PERMISSION_RULES: Rule[] = [sfnLoggingMissingLogDelivery, lambdaVpcMissingEniPermissions, lambdaKmsMissingDecrypt, lambdaDlqMissingSend, lambdaTrustConditionBlocksService];
