import type { Rule } from '../types.js';
import { rule as inconsistentTags } from './inconsistent-tags.js';

export const TAGGING_RULES: Rule[] = [inconsistentTags];
