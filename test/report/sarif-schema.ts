/**
 * The official SARIF 2.1.0 JSON schema (2.1.0-rtm.5, the final 2.1.0 schema, draft-04), as shipped by the
 * `@microsoft/jest-sarif` dev dependency, compiled with Ajv's draft-04 class.
 * `unicodeRegExp: false`: one of the schema's patterns is not valid in unicode mode.
 */
import { createRequire } from 'node:module';
import type { Options, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
// ajv-draft-04 is CommonJS with `module.exports = Ajv`: load it as such.
const Ajv04 = require('ajv-draft-04') as new (opts: Options) => { compile(schema: object): ValidateFunction };
const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

const ajv = new Ajv04({ strict: false, unicodeRegExp: false, validateFormats: false, logger: false, allErrors: true });
const validate = ajv.compile(schema);

/** Schema errors of a SARIF document, as readable lines; empty when valid. */
export function sarifErrors(doc: unknown): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e: { instancePath: string; message?: string; keyword: string }) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}
