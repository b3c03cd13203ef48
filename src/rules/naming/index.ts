import type { Rule } from '../types.js';
import { rule as missingSuffixVariable } from './missing-suffix-variable.js';
import { rule as nameWithoutSuffix } from './name-without-suffix.js';
import { rule as suffixFixedInTfvars } from './suffix-fixed-in-tfvars.js';

export const NAMING_RULES: Rule[] = [missingSuffixVariable, nameWithoutSuffix, suffixFixedInTfvars];
