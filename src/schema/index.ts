/**
 * Loading the provider schema: the bundled artifact (generated from @cdktf/provider-aws, see scripts/gen-schema.ts)
 * or an imported one (`iacjudge schema import`). Per-type schemas are decoded on first use only.
 */
import { existsSync } from 'node:fs';
import { MAX_DECOMPRESSED_BYTES, readBounded } from '../io/read.js';
import { fileURLToPath } from 'node:url';
import { decodeArtifact, expandBlock, type CompactBlock, type SchemaArtifact } from './artifact.js';
import type { BlockSchema, SchemaIndex } from './types.js';

export type { SchemaIndex, BlockSchema, NestedBlockSchema, AttributeSchema, NestingMode } from './types.js';

export const BUNDLED_ARTIFACT_NAME = 'aws.schema.json.gz';

/** Where the bundled artifact lives: next to this module in src/, or under src/schema/data when running from dist/. */
export function bundledArtifactPath(): string {
  const candidates = [
    new URL(`./data/${BUNDLED_ARTIFACT_NAME}`, import.meta.url),
    new URL(`../../../src/schema/data/${BUNDLED_ARTIFACT_NAME}`, import.meta.url),
  ];
  for (const c of candidates) {
    const p = fileURLToPath(c);
    if (existsSync(p)) return p;
  }
  throw new Error(`bundled schema artifact ${BUNDLED_ARTIFACT_NAME} not found (run \`npm run gen:schema\`)`);
}

export interface LoadedSchema extends SchemaIndex {
  /** Recorded by the generator; checked by tests. */
  generatorVersion: string;
  providerName: string;
}

export function schemaFromArtifact(artifact: SchemaArtifact): LoadedSchema {
  const cache = new Map<string, BlockSchema | undefined>();
  const decode = (table: Record<string, string>, prefix: string, type: string): BlockSchema | undefined => {
    const key = prefix + type;
    if (cache.has(key)) return cache.get(key);
    const raw = Object.prototype.hasOwnProperty.call(table, type) ? table[type] : undefined;
    const block = raw === undefined ? undefined : expandBlock(JSON.parse(raw) as CompactBlock);
    cache.set(key, block);
    return block;
  };
  const resourceTypes = Object.keys(artifact.resources).sort();
  const dataSourceTypes = Object.keys(artifact.dataSources).sort();
  return {
    providerVersion: artifact.provider.version,
    providerName: artifact.provider.name,
    source: artifact.source,
    generatorVersion: artifact.generatorVersion,
    resource: (type) => decode(artifact.resources, 'r:', type),
    dataSource: (type) => decode(artifact.dataSources, 'd:', type),
    resourceTypes: () => resourceTypes,
    dataSourceTypes: () => dataSourceTypes,
  };
}

export function loadSchemaFromFile(path: string, label = path): LoadedSchema {
  // Bounded: a FIFO or /dev/zero given as --schema hung or aborted the process.
  const got = readBounded(path, { label, maxBytes: MAX_DECOMPRESSED_BYTES });
  if (!got.ok) throw new Error(`cannot read schema ${got.message}`);
  const bytes = got.bytes;
  const s = schemaFromArtifact(decodeArtifact(bytes, label));
  return s;
}

let bundled: LoadedSchema | undefined;

/** The bundled schema, loaded once per process. */
export function loadSchema(): LoadedSchema {
  bundled ??= loadSchemaFromFile(bundledArtifactPath(), BUNDLED_ARTIFACT_NAME);
  return bundled;
}

let active: SchemaIndex | undefined;

/**
 * The schema the checks use: an imported one set with `useSchema` (the CLI does this for `--schema FILE` or the
 * `schema` key of .iacjudge.json), else the bundled one.
 */
export function activeSchema(): SchemaIndex {
  return active ?? loadSchema();
}

/** Replace (or with `undefined`, reset to bundled) the schema used by the checks. */
export function useSchema(schema: SchemaIndex | undefined): void {
  active = schema;
}
