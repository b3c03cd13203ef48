import type { Rule } from '../types.js';
import { rule as dynamodbNoPitr } from './dynamodb-no-pitr.js';
import { rule as s3NoVersioning } from './s3-no-versioning.js';
import { rule as rdsBackupDisabled } from './rds-backup-disabled.js';
import { rule as auroraGlobalSecondaryNoIgnoreChanges } from './aurora-global-secondary-no-ignore-changes.js';

export const BACKUP_RECOVERY_RULES: Rule[] = [dynamodbNoPitr, s3NoVersioning, rdsBackupDisabled, auroraGlobalSecondaryNoIgnoreChanges];
