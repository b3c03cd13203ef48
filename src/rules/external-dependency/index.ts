import type { Rule } from '../types.js';
import { rule as lookupOfPreexistingResource } from './lookup-of-preexisting-resource.js';
import { rule as externalResourceInput } from './external-resource-input.js';
import { rule as literalPreexistingId } from './literal-preexisting-id.js';
import { rule as fileOutsideStack } from './file-outside-stack.js';
import { rule as fileNotDelivered } from './file-not-delivered.js';

export const EXTERNAL_DEPENDENCY_RULES: Rule[] = [lookupOfPreexistingResource, externalResourceInput, literalPreexistingId, fileOutsideStack, fileNotDelivered];
