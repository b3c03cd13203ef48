import type { Rule } from '../types.js';
import { rule as noOutputs } from './no-outputs.js';

export const OUTPUTS_RULES: Rule[] = [noOutputs];
