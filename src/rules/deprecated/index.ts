import type { Rule } from '../types.js';
import { rule as deprecatedVsReference } from './deprecated-vs-reference.js';

export const DEPRECATED_RULES: Rule[] = [deprecatedVsReference];
