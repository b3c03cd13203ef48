import type { Rule } from '../types.js';
import { rule as providerRequirementMissing } from './provider-requirement-missing.js';

export const PROVIDER_VERSION_RULES: Rule[] = [providerRequirementMissing];
