// Property: the Terraform JSON front-end never throws, answers within the time limit, and every span points into the
// file, on generated JSON documents, Terraform-shaped ones with templates, mutations of the fixture, and large inputs.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseTerraformJsonSource } from '../../src/hcl/index.js';
import { enlarged, hclExpr, mutated, RUNS, SEED } from './arbitraries.js';
import { assertSpansWithin, lineCount, timed } from './helpers.js';

const PATH = 'lib/main.tf.json';
const SEEDS = [readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures/hcl/tf-json/json/main.tf.json'), 'utf8')];

/** A resource-shaped document whose strings hold generated HCL expressions as interpolations. */
const terraformShaped = fc
  .tuple(fc.constantFrom('aws_s3_bucket', 'aws_security_group', 'unknown_type'), fc.array(fc.tuple(fc.constantFrom('bucket', 'ingress', 'tags', 'lifecycle', 'dynamic', 'depends_on', 'x'), hclExpr), { maxLength: 6 }))
  .map(([type, props]) => {
    const body: Record<string, unknown> = {};
    for (const [name, expr] of props) body[name] = name === 'ingress' || name === 'lifecycle' ? [{ a: `\${${expr}}` }] : name === 'depends_on' ? [expr] : `x-\${${expr}}`;
    return JSON.stringify({ resource: { [type]: { r: body } }, locals: { l: `\${${props[0]?.[1] ?? '1'}}` } }, null, 2);
  });

const documents = fc.oneof(fc.json({ maxDepth: 6 }), terraformShaped, mutated(terraformShaped), mutated(fc.constantFrom(...SEEDS)));

function check(content: string): void {
  for (const values of [false, true]) {
    const result = timed(`parseTerraformJsonSource (${content.length} chars)`, () => parseTerraformJsonSource(content, PATH, { values }));
    assertSpansWithin(result, new Map([[PATH, lineCount(content)]]));
  }
}

test('tf.json: generated and mutated documents parse without throwing, in time, with spans inside the file', () => {
  fc.assert(fc.property(documents, check), { numRuns: RUNS, seed: SEED });
});

test('tf.json: large inputs (up to 50 KB) stay within the time limit', () => {
  fc.assert(fc.property(enlarged(mutated(fc.constantFrom(...SEEDS))), check), { numRuns: Math.max(3, Math.ceil(RUNS / 10)), seed: SEED });
});
