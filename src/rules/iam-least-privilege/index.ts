import type { Rule } from '../types.js';
import { rule as iamWildcardAction } from './iam-wildcard-action.js';
import { rule as iamWildcardResource } from './iam-wildcard-resource.js';
import { rule as iamTrustAnyPrincipal } from './iam-trust-any-principal.js';
import { rule as adminManagedPolicy } from './admin-managed-policy.js';
import { rule as iamWildcardArn } from './iam-wildcard-arn.js';

export const IAM_LEAST_PRIVILEGE_RULES: Rule[] = [iamWildcardAction, iamWildcardResource, iamTrustAnyPrincipal, adminManagedPolicy, iamWildcardArn];
