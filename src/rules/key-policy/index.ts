import type { Rule } from '../types.js';
import { rule as kmsLogsPrincipalMissing } from './kms-logs-principal-missing.js';
import { rule as kmsUnnecessaryLambdaPrincipal } from './kms-unnecessary-lambda-principal.js';
import { rule as kmsWildcardPrincipal } from './kms-wildcard-principal.js';
import { rule as kmsServicePrincipalMissing } from './kms-service-principal-missing.js';
import { rule as cloudtrailKmsPolicyMissing } from './cloudtrail-kms-policy-missing.js';
import { rule as asgEbsKeyServiceRoleMissing } from './asg-ebs-key-service-role-missing.js';

export const KEY_POLICY_RULES: Rule[] = [kmsLogsPrincipalMissing, kmsUnnecessaryLambdaPrincipal, kmsWildcardPrincipal, kmsServicePrincipalMissing, cloudtrailKmsPolicyMissing, asgEbsKeyServiceRoleMissing];
