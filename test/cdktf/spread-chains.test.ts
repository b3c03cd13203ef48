// `const a2 = { ...a1, ...a1 }` chains: each line read the previous name twice, so the work (and, over an unknown
// value, the expression tree) doubled per line: 20 lines took 12 s. Counted in calls, not timed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseResponse } from '../../src/pipeline/parse.js';
import { Evaluator, MAX_EXPR_NODES } from '../../src/cdktf/evaluate.js';
import { BlockBuilder } from '../../src/cdktf/blocks.js';

function stack(n: number, base: string, use: string): string {
  const lines = [`const a0 = ${base};`];
  for (let i = 1; i <= n; i++) lines.push(`const a${i} = { ...a${i - 1}, ...a${i - 1} };`);
  return `import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
export class TapStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ${lines.join('\n    ')}
    ${use.replace(/\$N/g, String(n))}
  }
}
`;
}

/** Calls of the evaluator's and block builder's recursive entry points while parsing `code`. */
function countCalls(code: string): { calls: number; json: number } {
  const ev = Evaluator.prototype as unknown as { value: (...a: unknown[]) => unknown };
  const bb = BlockBuilder.prototype as unknown as { properties: (...a: unknown[]) => unknown };
  const value = ev.value;
  const properties = bb.properties;
  let calls = 0;
  ev.value = function (this: unknown, ...a: unknown[]) {
    calls++;
    return value.apply(this, a);
  };
  bb.properties = function (this: unknown, ...a: unknown[]) {
    calls++;
    return properties.apply(this, a);
  };
  try {
    const c = parseResponse([{ path: 'lib/tap-stack.ts', language: 'ts', content: code }], 'cdktf-ts');
    return { calls, json: JSON.stringify(c.blocks).length };
  } finally {
    ev.value = value;
    bb.properties = properties;
  }
}

const CASES: Record<string, [string, string]> = {
  'spread into the config': [`{ bucket: 'x', env: 'dev' }`, `new S3Bucket(this, 'b', { ...a$N });`],
  'used as an attribute value': [`{ bucket: 'x', env: 'dev' }`, `new S3Bucket(this, 'b', { bucket: 'x', tags: a$N });`],
  'over an unknown value': [`JSON.parse(process.env.X ?? '{}')`, `new S3Bucket(this, 'b', { bucket: 'x', tags: a$N });`],
};

for (const [name, [base, use]] of Object.entries(CASES)) {
  test(`spread chain ${name}: work grows linearly with the chain`, () => {
    const small = countCalls(stack(10, base, use));
    const large = countCalls(stack(20, base, use));
    // Exponential growth would multiply the calls by about 2^10 = 1024 between 10 and 20 lines.
    assert.ok(large.calls < small.calls * 4, `${small.calls} → ${large.calls} calls`);
    // The expression kept from one literal is bounded, so the parsed model stays small.
    assert.ok(large.json < MAX_EXPR_NODES * 100, `${large.json} characters of blocks`);
  });
}

test('spread chains still resolve to the merged object', () => {
  const code = stack(6, `{ bucket: 'x', env: 'dev' }`, `new S3Bucket(this, 'b', { ...a$N, tags: a$N });`);
  const c = parseResponse([{ path: 'lib/tap-stack.ts', language: 'ts', content: code }], 'cdktf-ts');
  const b = c.blocks.find((x) => x.kind === 'resource')!;
  const bucket = b.attributes.find((a) => a.name === 'bucket')!;
  assert.deepEqual(bucket.expr.kind === 'literal' && bucket.expr.value, 'x');
  const tags = b.attributes.find((a) => a.name === 'tags')!;
  assert.equal(tags.expr.kind, 'object');
  assert.deepEqual(tags.expr.kind === 'object' && tags.expr.entries.map((e) => e.key), ['bucket', 'env']);
});
