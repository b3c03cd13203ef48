import type { Rule } from '../types.js';
import { rule as backendUsesVariables } from './backend-uses-variables.js';
import { rule as backendLocal } from './backend-local.js';
import { rule as backendMissing } from './backend-missing.js';
import { rule as s3BackendWithoutLocking } from './s3-backend-without-locking.js';
import { rule as backendUnknownArgument } from './backend-unknown-argument.js';

export const BACKEND_RULES: Rule[] = [backendUsesVariables, backendLocal, backendMissing, s3BackendWithoutLocking, backendUnknownArgument];
