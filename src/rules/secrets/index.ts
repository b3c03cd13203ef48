import type { Rule } from '../types.js';
import { rule as ecsSecretJsonKeyMissing } from './ecs-secret-json-key-missing.js';
import { rule as hardcodedPassword } from './hardcoded-password.js';
import { rule as sensitiveOutputNotMarked } from './sensitive-output-not-marked.js';
import { rule as sensitiveVariableNotMarked } from './sensitive-variable-not-marked.js';
import { rule as rdsPasswordInvalidCharacters } from './rds-password-invalid-characters.js';
import { rule as elasticacheAuthTokenInvalid } from './elasticache-auth-token-invalid.js';

export const SECRETS_RULES: Rule[] = [ecsSecretJsonKeyMissing, hardcodedPassword, sensitiveOutputNotMarked, sensitiveVariableNotMarked, rdsPasswordInvalidCharacters, elasticacheAuthTokenInvalid];
