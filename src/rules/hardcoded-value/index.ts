import type { Rule } from '../types.js';
import { rule as hardcodedRegion } from './hardcoded-region.js';
import { rule as hardcodedAccountId } from './hardcoded-account-id.js';
import { rule as hardcodedAvailabilityZone } from './hardcoded-availability-zone.js';

export const HARDCODED_VALUE_RULES: Rule[] = [hardcodedRegion, hardcodedAccountId, hardcodedAvailabilityZone];
