import type { Rule } from '../types.js';
import { rule as performanceInsightsUnsupportedClass } from './performance-insights-unsupported-class.js';
import { rule as outdatedEngineVersion } from './outdated-engine-version.js';
import { rule as lambdaRuntimeDeprecated } from './lambda-runtime-deprecated.js';
import { rule as nameLengthLimit } from './name-length-limit.js';
import { rule as nameInvalidFormat } from './name-format.js';
import { rule as sqsFifoMismatch } from './sqs-fifo-mismatch.js';
import { rule as auroraBacktrackUnsupported } from './aurora-backtrack-unsupported.js';
import { rule as accountSingletonUnguarded } from './account-singleton-unguarded.js';
import { rule as managedPolicyArnInvalid } from './managed-policy-arn-invalid.js';
import { rule as rdsMonitoringRoleMissing } from './rds-monitoring-role-missing.js';
import { rule as dbMasterCredentialsInvalid } from './db-master-credentials-invalid.js';
import { rule as lambdaReservedEnvKey } from './lambda-reserved-env-key.js';
import { rule as auroraInstanceClassUnsupported } from './aurora-instance-class-unsupported.js';
import { rule as engineVersionUnavailable } from './engine-version-unavailable.js';
import { rule as albAccessLogsKmsBucket } from './alb-access-logs-kms-bucket.js';
import { rule as route53ZoneReservedDomain } from './route53-zone-reserved-domain.js';

export const SERVICE_CONSTRAINT_RULES: Rule[] = [performanceInsightsUnsupportedClass, outdatedEngineVersion, lambdaRuntimeDeprecated, nameLengthLimit, nameInvalidFormat, sqsFifoMismatch, auroraBacktrackUnsupported, accountSingletonUnguarded, managedPolicyArnInvalid, rdsMonitoringRoleMissing, dbMasterCredentialsInvalid, lambdaReservedEnvKey, auroraInstanceClassUnsupported, engineVersionUnavailable, albAccessLogsKmsBucket, route53ZoneReservedDomain];
