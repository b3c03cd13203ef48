import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { artifactFromTerraformSchema, ctyTypeToString } from '../../src/schema/from-terraform.js';
import { encodeArtifact } from '../../src/schema/artifact.js';
import { activeSchema, loadSchema, loadSchemaFromFile, useSchema } from '../../src/schema/index.js';
import { schemaStage } from '../../src/schema/stage.js';
import { GENERATOR_VERSION } from '../../src/schema/generator-version.js';
import type { PipelineContext } from '../../src/contracts/pipeline.js';
import type { Task } from '../../src/contracts/task.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import { a, config, lit, nested, resource, terraformBlock } from './build.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/schema/terraform-schema.json');
const doc: unknown = JSON.parse(readFileSync(fixture, 'utf8'));

test('terraform providers schema -json converts to the artifact format', () => {
  const art = artifactFromTerraformSchema(doc, { providerVersion: '6.30.0', source: 'fixture' });
  assert.equal(art.generatorVersion, GENERATOR_VERSION);
  assert.equal(art.provider.version, '6.30.0');
  assert.deepEqual(Object.keys(art.resources), ['aws_queue'], 'only the AWS provider is taken');
  const dir = mkdtempSync(path.join(tmpdir(), 'iacjudge-schema-'));
  try {
    const file = path.join(dir, 's.json.gz');
    writeFileSync(file, encodeArtifact(art));
    const s = loadSchemaFromFile(file);
    const q = s.resource('aws_queue')!;
    assert.deepEqual(q.attributes.name, { type: 'string', required: true });
    assert.deepEqual(q.attributes.arn, { type: 'string', computedOnly: true });
    assert.deepEqual(q.attributes.id, { type: 'string', optional: true });
    assert.equal(q.attributes.labels!.type, 'map(string)');
    assert.equal(q.attributes.zones!.type, 'set(string)');
    assert.equal(q.attributes.legacy_mode!.deprecated, true);
    assert.equal(q.attributes.targets!.type, 'list(object)');
    assert.equal(q.blocks.encryption!.nesting, 'list');
    assert.equal(q.blocks.encryption!.maxItems, 1);
    assert.equal(q.blocks.rule!.nesting, 'set');
    assert.equal(q.blocks.rule!.minItems, 1);
    assert.equal(q.blocks.rule!.block.blocks.filter!.nesting, 'single');
    assert.deepEqual(s.dataSourceTypes(), ['aws_queue_info']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.throws(() => artifactFromTerraformSchema({ provider_schemas: {} }, { source: 'x' }), /no registry.terraform.io\/hashicorp\/aws/);
  assert.throws(() => artifactFromTerraformSchema([], { source: 'x' }), /provider_schemas/);
  assert.equal(ctyTypeToString(['list', ['map', 'string']]), 'list(map(string))');
  assert.equal(ctyTypeToString('dynamic'), 'any');
});

function ctxFor(blocks: ReturnType<typeof resource>[]): PipelineContext {
  const task = { path: 't', platform: 'tf-hcl', language: 'hcl', extraFiles: [], warnings: [] } as unknown as Task;
  return { task, options: { conventions: DEFAULT_CONVENTIONS }, model: config(blocks), ideal: null, findings: [], notes: [], warnings: [], score: null };
}

test('an imported schema replaces the bundled one in the stage', () => {
  const art = artifactFromTerraformSchema(doc, { providerVersion: '6.30.0', source: 'fixture' });
  const dir = mkdtempSync(path.join(tmpdir(), 'iacjudge-schema-'));
  const file = path.join(dir, 's.json.gz');
  writeFileSync(file, encodeArtifact(art));
  const blocks = [
    terraformBlock('~> 6.30'),
    resource('aws_queue', 'q', [a('name', lit('q')), a('fifo', lit('maybe'))], [nested('encryption', [a('enabled', lit(true))], [], 'block'), nested('encryption', [a('enabled', lit(true))], [], 'block')]),
  ];
  try {
    useSchema(loadSchemaFromFile(file));
    assert.equal(activeSchema().providerVersion, '6.30.0');
    const ctx = ctxFor(blocks);
    schemaStage.run(ctx);
    assert.deepEqual(ctx.findings.map((f) => f.ruleId).sort(), ['schema-missing-required', 'schema-nesting-mode', 'schema-wrong-type']);
    assert.equal(ctx.provider?.schemaVersion, '6.30.0');
  } finally {
    useSchema(undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(activeSchema(), loadSchema());
  const bundledCtx = ctxFor(blocks);
  schemaStage.run(bundledCtx);
  // The bundled 6.25.0 schema has no aws_queue, and ~> 6.30 is entirely newer: a note, no finding.
  assert.deepEqual(bundledCtx.findings, []);
  assert.match(bundledCtx.notes.join('\n'), /aws_queue/);
});
