import type { Rule } from '../types.js';
import { rule as unguardedOptionalFeature } from './unguarded-optional-feature.js';
import { rule as httpsWithoutHttpPath } from './https-without-http-path.js';
import { rule as emptyInputPassedThrough } from './empty-input-passed-through.js';

export const OPTIONAL_FEATURE_RULES: Rule[] = [unguardedOptionalFeature, httpsWithoutHttpPath, emptyInputPassedThrough];
