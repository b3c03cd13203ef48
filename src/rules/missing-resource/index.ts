import type { Rule } from '../types.js';
import { rule as resourceTypeMissingVsReference } from './resource-type-missing-vs-reference.js';
import { rule as responseWithoutInfrastructure } from './response-without-infrastructure.js';
import { rule as responseOffTask } from './response-off-task.js';

export const MISSING_RESOURCE_RULES: Rule[] = [resourceTypeMissingVsReference, responseWithoutInfrastructure, responseOffTask];
