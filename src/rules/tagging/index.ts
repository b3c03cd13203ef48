import type { Rule } from '../types.js';
import { rule as inconsistentTags } from './inconsistent-tags.js';
import { rule as untaggedResources } from './untagged-resources.js';
import { rule as requiredTagKeysMissing } from './required-tag-keys-missing.js';
import { rule as tagValueHardcodesEnvironment } from './tag-value-hardcodes-environment.js';

export const TAGGING_RULES: Rule[] = [inconsistentTags, untaggedResources, requiredTagKeysMissing, tagValueHardcodesEnvironment];
