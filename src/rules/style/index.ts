import type { Rule } from '../types.js';
import { rule as hclNotFormatted } from './hcl-not-formatted.js';
import { rule as tsUnusedDeclaration } from './ts-unused-declaration.js';

export const STYLE_RULES: Rule[] = [hclNotFormatted, tsUnusedDeclaration];
