import type { Rule } from '../types.js';
import { rule as lambdaTracingWithoutXraySdk } from './lambda-tracing-without-xray-sdk.js';
import { rule as lambdaEnvVarNotSet } from './lambda-env-var-not-set.js';
import { rule as handlerWithoutErrorHandling } from './handler-without-error-handling.js';
import { rule as lambdaPackageMissing } from './lambda-package-missing.js';
import { rule as lambdaWithoutSourceCodeHash } from './lambda-without-source-code-hash.js';
import { rule as lambdaHandlerFileMismatch } from './lambda-handler-file-mismatch.js';
import { rule as lambdaFunctionWithoutPackage } from './lambda-function-without-package.js';
import { rule as lambdaDependencyNotBundled } from './lambda-dependency-not-bundled.js';
import { rule as archiveSourceMissing } from './archive-source-missing.js';


export const APPLICATION_CODE_RULES: Rule[] = [lambdaTracingWithoutXraySdk, lambdaEnvVarNotSet, handlerWithoutErrorHandling, lambdaPackageMissing, lambdaWithoutSourceCodeHash, lambdaHandlerFileMismatch, lambdaFunctionWithoutPackage, lambdaDependencyNotBundled, archiveSourceMissing];
