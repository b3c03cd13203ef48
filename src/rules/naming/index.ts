import type { Rule } from '../types.js';
import { rule as missingSuffixVariable } from './missing-suffix-variable.js';
import { rule as nameWithoutSuffix } from './name-without-suffix.js';
import { rule as namesUniqueWithoutSuffixInput } from './names-unique-without-suffix-input.js';
import { rule as suffixFixedInTfvars } from './suffix-fixed-in-tfvars.js';
import { rule as hardcodedEnvironmentName } from './hardcoded-environment-name.js';
import { rule as tsShadowedImport } from './ts-shadowed-import.js';
import { rule as nameChangesEveryRun } from './name-changes-every-run.js';

export const NAMING_RULES: Rule[] = [missingSuffixVariable, namesUniqueWithoutSuffixInput, nameWithoutSuffix, suffixFixedInTfvars, hardcodedEnvironmentName, tsShadowedImport, nameChangesEveryRun];
