import type { Rule } from '../types.js';
import { rule as variableWithoutDefault } from './variable-without-default.js';

export const REQUIRED_INPUT_RULES: Rule[] = [variableWithoutDefault];
