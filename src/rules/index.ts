/** The rule catalog: every rule, in a stable order. */
import type { Rule } from './types.js';
import { CATALOG_A } from './catalog-a.js';
import { CATALOG_B } from './catalog-b.js';
import { CATALOG_C } from './catalog-c.js';

export const ALL_RULES: Rule[] = [...CATALOG_A, ...CATALOG_B, ...CATALOG_C];
