import type { Rule } from '../types.js';
import { rule as providerOutsideProviderFile } from './provider-outside-provider-file.js';
import { rule as lambdaCodeOutsideLambdaDir } from './lambda-code-outside-lambda-dir.js';
import { rule as singleFileStack } from './single-file-stack.js';

export const FILE_LAYOUT_RULES: Rule[] = [providerOutsideProviderFile, lambdaCodeOutsideLambdaDir, singleFileStack];
