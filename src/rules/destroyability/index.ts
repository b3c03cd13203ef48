import type { Rule } from '../types.js';
import { rule as finalSnapshotRequired } from './final-snapshot-required.js';
import { rule as deletionProtectionEnabled } from './deletion-protection-enabled.js';
import { rule as preventDestroy } from './prevent-destroy.js';
import { rule as bucketWithoutForceDestroy } from './bucket-without-force-destroy.js';

export const DESTROYABILITY_RULES: Rule[] = [finalSnapshotRequired, deletionProtectionEnabled, preventDestroy, bucketWithoutForceDestroy];
