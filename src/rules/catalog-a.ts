/** Rules of the first catalog half (layout, naming, exposure, inputs, IAM wildcards, features, logs, lookups, references, destroy). */
import type { Rule } from './types.js';
import { FILE_LAYOUT_RULES } from './file-layout/index.js';
import { PROVIDER_VERSION_RULES } from './provider-version/index.js';
import { NAMING_RULES } from './naming/index.js';
import { PUBLIC_EXPOSURE_RULES } from './public-exposure/index.js';
import { REQUIRED_INPUT_RULES } from './required-input/index.js';
import { IAM_LEAST_PRIVILEGE_RULES } from './iam-least-privilege/index.js';
import { OPTIONAL_FEATURE_RULES } from './optional-feature/index.js';
import { LOGGING_RULES } from './logging/index.js';
import { EXTERNAL_DEPENDENCY_RULES } from './external-dependency/index.js';
import { REFERENCE_RULES } from './reference/index.js';
import { DESTROYABILITY_RULES } from './destroyability/index.js';
import { STYLE_RULES } from './style/index.js';
import { DOCUMENTATION_RULES } from './documentation/index.js';
import { MISSING_RESOURCE_RULES } from './missing-resource/index.js';
import { DEPRECATED_RULES } from './deprecated/index.js';

export const CATALOG_A: Rule[] = [
  ...FILE_LAYOUT_RULES,
  ...PROVIDER_VERSION_RULES,
  ...NAMING_RULES,
  ...PUBLIC_EXPOSURE_RULES,
  ...REQUIRED_INPUT_RULES,
  ...IAM_LEAST_PRIVILEGE_RULES,
  ...OPTIONAL_FEATURE_RULES,
  ...LOGGING_RULES,
  ...EXTERNAL_DEPENDENCY_RULES,
  ...REFERENCE_RULES,
  ...DESTROYABILITY_RULES,
  ...STYLE_RULES,
  ...DOCUMENTATION_RULES,
  ...MISSING_RESOURCE_RULES,
  ...DEPRECATED_RULES,
];
