// Names that are also Object.prototype members (`constructor`, `toString`, `__proto__`, `hasOwnProperty`, `valueOf`)
// as arguments, blocks, labels, variables, locals, tags, modules and outputs: every stage runs, and the schema
// stage still reports them as unknown arguments (an argument named `constructor` made it throw and drop all checks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeTask } from '../../src/index.js';
import { activeSchema } from '../../src/schema/index.js';
import { artifactFromTerraformSchema } from '../../src/schema/from-terraform.js';
import { schemaFromArtifact } from '../../src/schema/index.js';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

function task(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-names-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

const fence = (lang: string, body: string) => `## main\n\n\`\`\`${lang}\n${body}\n\`\`\`\n`;

function hcl(): string {
  const args = NAMES.map((n) => `  ${n} = "v"`).join('\n');
  const blocks = NAMES.map((n) => `  ${n} {\n    ${n} = 1\n  }`).join('\n');
  return [
    ...NAMES.map((n) => `variable "${n}" {\n  type = string\n}`),
    `locals {\n${NAMES.map((n) => `  ${n} = var.${n}`).join('\n')}\n}`,
    `resource "aws_s3_bucket" "constructor" {\n  bucket = "\${var.__proto__}-\${local.toString}"\n${args}\n${blocks}\n  tags = {\n${args}\n  }\n}`,
    `resource "aws_s3_bucket_versioning" "__proto__" {\n  bucket = aws_s3_bucket.constructor.id\n  versioning_configuration {\n    status = aws_s3_bucket.toString.valueOf\n    constructor = 1\n  }\n}`,
    `resource "toString" "hasOwnProperty" {\n  constructor = 1\n}`,
    `data "aws_iam_policy_document" "valueOf" {\n  statement {\n    actions = ["s3:constructor"]\n    resources = [aws_s3_bucket.__proto__.arn]\n  }\n}`,
    `module "__proto__" {\n  source = "./constructor"\n  toString = 1\n}`,
    ...NAMES.map((n) => `output "${n}" {\n  value = module.__proto__.${n}\n}`),
  ].join('\n\n');
}

function cdktf(): string {
  const props = NAMES.filter((n) => n !== '__proto__').map((n) => `${n}: 'v'`).join(', ');
  return `import { Construct } from 'constructs';
import { TerraformStack, TerraformOutput } from 'cdktf';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
export class TapStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const toString = { constructor: 'a', __proto__: { b: 1 } };
    const valueOf = new S3Bucket(this, 'constructor', { bucket: 'x', ${props}, tags: { ...toString, ${props} } } as any);
    new S3Bucket(this, '__proto__', { bucket: valueOf.constructor, hasOwnProperty: valueOf.toString } as any);
    new TerraformOutput(this, 'valueOf', { value: valueOf.bucket });
  }
}`;
}

const failedStages = (warnings: string[]) => warnings.filter((w) => /^stage \S+ failed/.test(w));

test('HCL: every stage runs on prototype-member names; the schema stage reports them', () => {
  const body = hcl();
  const dir = task({
    'metadata.json': JSON.stringify({ platform: 'tf', language: 'hcl' }),
    'lib/MODEL_RESPONSE.md': fence('hcl', body),
    // An ideal differing in a few values, so the diff compares blocks with these names too.
    'lib/IDEAL_RESPONSE.md': fence('hcl', body.replace(/"v"/g, '"w"')),
  });
  const result = analyzeTask(dir);
  assert.deepEqual(failedStages(result.warnings), []);
  const text = JSON.stringify(result);
  assert.match(text, /has no argument \\"constructor\\"/);
  assert.match(text, /schema-unknown-argument/);
});

test('CDKTF: every stage runs on prototype-member names', () => {
  const dir = task({
    'metadata.json': JSON.stringify({ platform: 'cdktf', language: 'ts' }),
    'lib/MODEL_RESPONSE.md': fence('typescript', `// lib/tap-stack.ts\n${cdktf()}`),
  });
  const result = analyzeTask(dir);
  assert.deepEqual(failedStages(result.warnings), []);
  assert.ok(result.findings.some((f) => f.ruleId === 'schema-unknown-argument'));
});

test('schema lookups: prototype-member names are unknown, in the bundled schema and an imported one', () => {
  const bucket = activeSchema().resource('aws_s3_bucket')!;
  for (const n of NAMES) {
    assert.equal(bucket.attributes[n], undefined, n);
    assert.equal(bucket.blocks[n], undefined, n);
  }
  assert.equal(activeSchema().resource('constructor'), undefined);
  // An imported document whose names are prototype members: stored as data, and the prototype is untouched.
  const doc = JSON.parse(
    '{"provider_schemas":{"registry.terraform.io/hashicorp/aws":{"resource_schemas":{"aws_x":{"block":{"attributes":{"__proto__":{"type":"string","optional":true},"constructor":{"type":"number","required":true}}}}}}}}',
  );
  const s = schemaFromArtifact(artifactFromTerraformSchema(doc, { source: 't' }));
  const x = s.resource('aws_x')!;
  assert.deepEqual(Object.keys(x.attributes).sort(), ['__proto__', 'constructor']);
  assert.equal(x.attributes['constructor' as string]!.required, true);
  assert.equal(Object.getPrototypeOf(x.attributes), null);
  assert.equal(x.attributes.toString, undefined);
});

test('schema import: garbage shapes are refused with the path of the first bad node', () => {
  const aws = (rs: unknown) => ({ provider_schemas: { 'registry.terraform.io/hashicorp/aws': { resource_schemas: rs } } });
  assert.throws(() => artifactFromTerraformSchema(aws([1, 2]), { source: 't' }), /resource_schemas: expected an object/);
  assert.throws(() => artifactFromTerraformSchema(aws({ aws_x: 'x' }), { source: 't' }), /resource_schemas\.aws_x: expected an object/);
  assert.throws(() => artifactFromTerraformSchema(aws({ aws_x: { block: { attributes: { a: 7 } } } }), { source: 't' }), /attributes\.a: expected an object/);
  assert.throws(() => artifactFromTerraformSchema(aws({ aws_x: { block: { block_types: [] } } }), { source: 't' }), /block_types: expected an object/);
  assert.throws(() => artifactFromTerraformSchema(aws({}), { source: 't' }), /no resource schemas/);
  const weird = artifactFromTerraformSchema(aws({ aws_x: { block: { attributes: { a: { type: '\u001b[31mred' } } } } }), { source: 't' });
  assert.equal(schemaFromArtifact(weird).resource('aws_x')!.attributes.a!.type, 'any');
});
