import type { Rule } from '../types.js';
import { rule as lambdaTracingWithoutXraySdk } from './lambda-tracing-without-xray-sdk.js';

export const APPLICATION_CODE_RULES: Rule[] = [lambdaTracingWithoutXraySdk];
