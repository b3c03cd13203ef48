import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { GENERATOR_VERSION } from '../../scripts/gen-schema.js';
import { BUNDLED_INDEX_NAME, bundledArtifactPath, loadSchema, schemaFromArtifact } from '../../src/schema/index.js';
import { encodeIndexed } from '../../src/schema/indexed.js';
import { compactBlock, decodeArtifact, encodeArtifact, expandBlock, buildArtifact } from '../../src/schema/artifact.js';
import type { BlockSchema } from '../../src/schema/types.js';

test('the committed artifact records the generator version and the provider version (never hand-edited)', () => {
  const raw = JSON.parse(gunzipSync(readFileSync(bundledArtifactPath())).toString('utf8')) as Record<string, unknown>;
  assert.equal(raw.generatorVersion, GENERATOR_VERSION);
  const provider = raw.provider as { name: string; version: string };
  assert.match(provider.version, /^\d+\.\d+\.\d+$/);
  assert.equal(provider.name, 'registry.terraform.io/hashicorp/aws');
  assert.match(String(raw.source), /@cdktf\/provider-aws \d+\.\d+\.\d+/);
});

test('bundled schema: nesting modes inferred from the jsii assembly', () => {
  const s = loadSchema();
  const ddb = s.resource('aws_dynamodb_table')!;
  assert.equal(ddb.blocks.server_side_encryption!.nesting, 'single');
  assert.equal(ddb.blocks.attribute!.nesting, 'set');
  assert.equal(ddb.attributes.name!.required, true);
  assert.equal(ddb.attributes.arn!.computedOnly, true);
  assert.equal(ddb.attributes.tags!.type, 'map(string)');
  const lc = s.resource('aws_s3_bucket_lifecycle_configuration')!;
  assert.equal(lc.blocks.rule!.nesting, 'list');
  assert.ok(lc.blocks.rule!.block.blocks.filter, 'rule has a filter block');
  const sg = s.resource('aws_security_group')!;
  assert.equal(sg.blocks.ingress!.asAttribute, true, 'ingress may be written as an attribute');
  assert.equal(s.resource('aws_dynamodb_table')!.blocks.attribute!.asAttribute, undefined);
  assert.ok(s.dataSource('aws_region')!.attributes.region);
  assert.equal(s.resource('aws_not_a_thing'), undefined);
  assert.ok(s.resourceTypes().length > 1000);
  assert.ok(s.dataSourceTypes().includes('aws_iam_policy_document'));
});

test('artifact encoding is deterministic and round-trips', () => {
  const block: BlockSchema = {
    attributes: { z: { type: 'string', optional: true }, a: { type: 'number', required: true, deprecated: true } },
    blocks: { b: { nesting: 'list', minItems: 1, maxItems: 3, asAttribute: true, block: { attributes: { c: { type: 'bool', computedOnly: true } }, blocks: {} } } },
  };
  // Through JSON: expanded maps have a null prototype (hostile argument names), the literal here does not.
  assert.deepEqual(JSON.parse(JSON.stringify(expandBlock(compactBlock(block)))), block);
  const mk = () =>
    buildArtifact({ generatorVersion: 'x', providerName: 'p', providerVersion: '1.2.3', source: 's', resources: new Map([['aws_b', block], ['aws_a', block]]), dataSources: new Map() });
  const one = encodeArtifact(mk());
  assert.ok(one.equals(encodeArtifact(mk())));
  assert.deepEqual(Object.keys(decodeArtifact(one, 't').resources), ['aws_a', 'aws_b']);
  assert.throws(() => decodeArtifact(Buffer.from('{"format":"nope"}'), 'bad.json'), /not a schema artifact/);
});

test('the bundled index (what loadSchema reads) is the one encoded from the committed artifact, and decodes alike', () => {
  const artifact = decodeArtifact(readFileSync(bundledArtifactPath()), 'artifact');
  assert.ok(encodeIndexed(artifact).equals(readFileSync(bundledArtifactPath(BUNDLED_INDEX_NAME))), 'run `npm run gen:schema`');
  const fromIndex = loadSchema();
  const fromArtifact = schemaFromArtifact(artifact);
  assert.deepEqual(fromIndex.resourceTypes(), fromArtifact.resourceTypes());
  assert.deepEqual(fromIndex.dataSourceTypes(), fromArtifact.dataSourceTypes());
  for (const t of fromArtifact.resourceTypes()) assert.deepEqual(fromIndex.resource(t), fromArtifact.resource(t), t);
  for (const t of fromArtifact.dataSourceTypes()) assert.deepEqual(fromIndex.dataSource(t), fromArtifact.dataSource(t), t);
  assert.equal(fromIndex.resource('constructor'), undefined);
  assert.equal(fromIndex.resource('aws_not_a_thing'), undefined);
  for (const k of ['providerVersion', 'providerName', 'source', 'generatorVersion'] as const) assert.equal(fromIndex[k], fromArtifact[k]);
});
