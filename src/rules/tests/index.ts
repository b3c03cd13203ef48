import type { Rule } from '../types.js';
import { rule as testsMissing } from './tests-missing.js';
import { rule as lambdaCodeUntested } from './lambda-code-untested.js';

export const TESTS_RULES: Rule[] = [testsMissing, lambdaCodeUntested];
