import type { Rule } from '../types.js';
import { rule as s3BucketWithoutPublicAccessBlock } from './s3-bucket-without-public-access-block.js';
import { rule as s3PublicAcl } from './s3-public-acl.js';
import { rule as openIngressSensitivePort } from './open-ingress-sensitive-port.js';
import { rule as publiclyAccessibleDatabase } from './publicly-accessible-database.js';
import { rule as computeInPublicSubnet } from './compute-in-public-subnet.js';

export const PUBLIC_EXPOSURE_RULES: Rule[] = [s3BucketWithoutPublicAccessBlock, s3PublicAcl, openIngressSensitivePort, publiclyAccessibleDatabase, computeInPublicSubnet];
