import type { Rule } from '../types.js';
import { rule as backendUsesVariables } from './backend-uses-variables.js';
import { rule as backendLocal } from './backend-local.js';

export const BACKEND_RULES: Rule[] = [backendUsesVariables, backendLocal];
