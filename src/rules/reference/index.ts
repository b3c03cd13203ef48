import type { Rule } from '../types.js';
import { rule as unknownFunction } from './unknown-function.js';
import { rule as undeclaredReference } from './undeclared-reference.js';
import { rule as duplicateDeclaration } from './duplicate-declaration.js';
import { rule as providerInputUndeclared } from './provider-input-undeclared.js';
import { rule as providerReferenceInvalid } from './provider-reference-invalid.js';
import { rule as moduleInputMismatch } from './module-input-mismatch.js';
import { rule as moduleOutputUndeclared } from './module-output-undeclared.js';
import { rule as moduleSourceMissing } from './module-source-missing.js';
import { rule as providerDefaultMissing } from './provider-default-missing.js';
import { rule as referenceMissingInstanceKey } from './reference-missing-instance-key.js';
import { rule as cdktfLiteralReferenceUndeclared } from './cdktf-literal-reference-undeclared.js';

export const REFERENCE_RULES: Rule[] = [undeclaredReference, duplicateDeclaration, providerInputUndeclared, providerReferenceInvalid, moduleInputMismatch, moduleOutputUndeclared, moduleSourceMissing, providerDefaultMissing, referenceMissingInstanceKey, cdktfLiteralReferenceUndeclared, unknownFunction];
