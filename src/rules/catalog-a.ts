/** Rules of the first catalog half (layout, naming, exposure, inputs, IAM wildcards, features, logs, lookups, references, destroy). */
import type { Rule } from './types.js';

export const CATALOG_A: Rule[] = [];
