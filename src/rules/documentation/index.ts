import type { Rule } from '../types.js';
import { rule as narrativeResponse } from './narrative-response.js';
import { rule as documentationThinnerThanReference } from './documentation-thinner-than-reference.js';
import { rule as sparseCodeComments } from './sparse-code-comments.js';

export const DOCUMENTATION_RULES: Rule[] = [narrativeResponse, documentationThinnerThanReference, sparseCodeComments];
