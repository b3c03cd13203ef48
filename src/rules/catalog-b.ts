/** Rules of the second catalog half (cost, monitoring, app code, service limits, network, secrets, tags, IAM gaps, backend, keys, tests, encryption, scaling, backups). */
import type { Rule } from './types.js';
import { LIFECYCLE_COST_RULES } from './lifecycle-cost/index.js';
import { MONITORING_RULES } from './monitoring/index.js';
import { APPLICATION_CODE_RULES } from './application-code/index.js';
import { MISCONFIGURATION_RULES } from './misconfiguration/index.js';
import { SERVICE_CONSTRAINT_RULES } from './service-constraint/index.js';
import { NETWORK_RULES } from './network/index.js';
import { SECRETS_RULES } from './secrets/index.js';
import { TAGGING_RULES } from './tagging/index.js';
import { IAM_MISSING_PERMISSION_RULES } from './iam-missing-permission/index.js';
import { BACKEND_RULES } from './backend/index.js';
import { KEY_POLICY_RULES } from './key-policy/index.js';
import { TESTS_RULES } from './tests/index.js';
import { ENCRYPTION_RULES } from './encryption/index.js';
import { SCALING_RULES } from './scaling/index.js';
import { BACKUP_RECOVERY_RULES } from './backup-recovery/index.js';
import { HIGH_AVAILABILITY_RULES } from './high-availability/index.js';
import { HARDCODED_VALUE_RULES } from './hardcoded-value/index.js';
import { OUTPUTS_RULES } from './outputs/index.js';
import { DEPENDENCY_RULES } from './dependency/index.js';
import { rule as cdktfUnknownExport } from './syntax/cdktf-unknown-export.js';
import { rule as responseTruncated } from './syntax/response-truncated.js';
import { rule as tsUseBeforeDeclaration } from './syntax/ts-use-before-declaration.js';
import { rule as cdktfStackMethodUndefined } from './syntax/cdktf-stack-method-undefined.js';
import { rule as cdktfFnMemberUndefined } from './syntax/cdktf-fn-member-undefined.js';
import { rule as cdktfStringInterpolationInvalid, policyVariableRule as cdktfPolicyVariableUnescaped } from './reference/cdktf-string-interpolation-invalid.js';
import { rule as cdktfModuleSuperArguments } from './syntax/cdktf-module-super-arguments.js';
import { rule as cdktfUntypedBlockCamelCase } from './schema/cdktf-untyped-block-camel-case.js';
import { rule as providerConfigInvalid } from './schema/provider-config-invalid.js';
import { rule as countAndForEach } from './syntax/count-and-for-each.js';
import { rule as variableDefaultNotConstant } from './syntax/variable-default-not-constant.js';
import { rule as cdktfNestedStack } from './syntax/cdktf-nested-stack.js';
import { rule as cdktfProviderBlockNotArray } from './syntax/cdktf-provider-block-not-array.js';
import { rule as cdktfDuplicateConstructId } from './syntax/cdktf-duplicate-construct-id.js';
import { rule as cdktfListAttributeGet } from './syntax/cdktf-list-attribute-get.js';
import { rule as cdktfAttributeCalled } from './syntax/cdktf-attribute-called.js';
import { rule as cdktfLambdaPackageMissing } from './application-code/cdktf-lambda-package-missing.js';

export const CATALOG_B: Rule[] = [
  ...LIFECYCLE_COST_RULES,
  ...MONITORING_RULES,
  ...APPLICATION_CODE_RULES,
  ...MISCONFIGURATION_RULES,
  ...SERVICE_CONSTRAINT_RULES,
  ...NETWORK_RULES,
  ...SECRETS_RULES,
  ...TAGGING_RULES,
  ...IAM_MISSING_PERMISSION_RULES,
  ...BACKEND_RULES,
  ...KEY_POLICY_RULES,
  ...TESTS_RULES,
  ...ENCRYPTION_RULES,
  ...SCALING_RULES,
  ...BACKUP_RECOVERY_RULES,
  ...HIGH_AVAILABILITY_RULES,
  ...HARDCODED_VALUE_RULES,
  ...OUTPUTS_RULES,
  ...DEPENDENCY_RULES,
  cdktfUnknownExport,
  responseTruncated,
  tsUseBeforeDeclaration,
  cdktfStackMethodUndefined,
  cdktfFnMemberUndefined,
  cdktfStringInterpolationInvalid,
  cdktfPolicyVariableUnescaped,
  cdktfModuleSuperArguments,
  cdktfUntypedBlockCamelCase,
  providerConfigInvalid,
  countAndForEach,
  variableDefaultNotConstant,
  cdktfNestedStack,
  cdktfProviderBlockNotArray,
  cdktfDuplicateConstructId,
  cdktfListAttributeGet,
  cdktfAttributeCalled,
  cdktfLambdaPackageMissing,
];
