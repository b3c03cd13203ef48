import type { Rule } from '../types.js';
import { rule as hclNotFormatted } from './hcl-not-formatted.js';
import { rule as tsUnusedDeclaration } from './ts-unused-declaration.js';
import { rule as tsNotPrettierFormatted } from './ts-not-prettier-formatted.js';
import { rule as hclUnusedVariable } from './hcl-unused-variable.js';

export const STYLE_RULES: Rule[] = [hclNotFormatted, tsUnusedDeclaration, tsNotPrettierFormatted, hclUnusedVariable];
