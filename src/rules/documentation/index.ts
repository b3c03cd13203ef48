import type { Rule } from '../types.js';
import { rule as narrativeResponse } from './narrative-response.js';
import { rule as documentationThinnerThanReference } from './documentation-thinner-than-reference.js';
import { rule as sparseCodeComments } from './sparse-code-comments.js';
import { rule as missingDescriptions } from './missing-descriptions.js';

export const DOCUMENTATION_RULES: Rule[] = [narrativeResponse, documentationThinnerThanReference, sparseCodeComments, missingDescriptions];
