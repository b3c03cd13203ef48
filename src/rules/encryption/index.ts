import type { Rule } from '../types.js';
import { rule as lambdaEnvWithoutKms } from './lambda-env-without-kms.js';
import { rule as rdsStorageNotEncrypted } from './rds-storage-not-encrypted.js';
import { rule as kmsRotationDisabled } from './kms-rotation-disabled.js';
import { rule as requestedEncryptionMissing } from './requested-encryption-missing.js';
import { rule as inTransitEncryptionMissing } from './in-transit-encryption-missing.js';
import { rule as kmsKeyIdWhereArnRequired } from './kms-key-id-where-arn-required.js';
import { rule as s3ObjectEtagWithKms } from './s3-object-etag-with-kms.js';

export const ENCRYPTION_RULES: Rule[] = [
  lambdaEnvWithoutKms,
  rdsStorageNotEncrypted,
  kmsRotationDisabled,
  requestedEncryptionMissing,
  inTransitEncryptionMissing,
  kmsKeyIdWhereArnRequired,
  s3ObjectEtagWithKms,
];
