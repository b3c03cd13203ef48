/**
 * Loading the provider schema: the bundled artifact (generated from @cdktf/provider-aws, see scripts/gen-schema.ts)
 * or an imported one (`iacjudge schema import`). Per-type schemas are decoded on first use only.
 */
import { existsSync } from 'node:fs';
import { MAX_DECOMPRESSED_BYTES, readBounded } from '../io/read.js';
import { fileURLToPath } from 'node:url';
import { decodeArtifact, expandBlock, type CompactBlock, type SchemaArtifact } from './artifact.js';
import { decodeIndexed } from './indexed.js';
import type { BlockSchema, SchemaIndex } from './types.js';

export type { SchemaIndex, BlockSchema, NestedBlockSchema, AttributeSchema, NestingMode } from './types.js';

export const BUNDLED_ARTIFACT_NAME = 'aws.schema.json.gz';
/** The same schema indexed by type (src/schema/indexed.ts), written beside the artifact by the generator. */
export const BUNDLED_INDEX_NAME = 'aws.schema.idx';

/** Where the bundled artifact lives: next to this module in src/, or under src/schema/data when running from dist/. */
export function bundledArtifactPath(name = BUNDLED_ARTIFACT_NAME): string {
  const candidates = [new URL(`./data/${name}`, import.meta.url), new URL(`../../../src/schema/data/${name}`, import.meta.url)];
  for (const c of candidates) {
    const p = fileURLToPath(c);
    if (existsSync(p)) return p;
  }
  throw new Error(`bundled schema artifact ${name} not found (run \`npm run gen:schema\`)`);
}

export interface LoadedSchema extends SchemaIndex {
  /** Recorded by the generator; checked by tests. */
  generatorVersion: string;
  providerName: string;
}

export function schemaFromArtifact(artifact: SchemaArtifact): LoadedSchema {
  const own = (table: Record<string, string>, type: string) => (Object.prototype.hasOwnProperty.call(table, type) ? table[type] : undefined);
  return lazySchema(artifact, artifact.resources, artifact.dataSources, (table, type) => own(artifact[table], type));
}

/** A schema whose per-type entries (compact block JSON strings) are read and expanded on first use only. */
function lazySchema(
  facts: Pick<SchemaArtifact, 'provider' | 'source' | 'generatorVersion'>,
  resources: object,
  dataSources: object,
  entry: (table: 'resources' | 'dataSources', type: string) => string | undefined,
): LoadedSchema {
  const cache = new Map<string, BlockSchema | undefined>();
  const decode = (table: 'resources' | 'dataSources', prefix: string, type: string): BlockSchema | undefined => {
    const key = prefix + type;
    if (cache.has(key)) return cache.get(key);
    const raw = entry(table, type);
    const block = raw === undefined ? undefined : expandBlock(JSON.parse(raw) as CompactBlock);
    cache.set(key, block);
    return block;
  };
  let resourceTypes: string[] | undefined;
  let dataSourceTypes: string[] | undefined;
  return {
    providerVersion: facts.provider.version,
    providerName: facts.provider.name,
    source: facts.source,
    generatorVersion: facts.generatorVersion,
    resource: (type) => decode('resources', 'r:', type),
    dataSource: (type) => decode('dataSources', 'd:', type),
    resourceTypes: () => (resourceTypes ??= Object.keys(resources).sort()),
    dataSourceTypes: () => (dataSourceTypes ??= Object.keys(dataSources).sort()),
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

/** The bundled schema, loaded once per process: from its per-type index (start-up reads only the header). */
export function loadSchema(): LoadedSchema {
  bundled ??= loadBundledIndex();
  return bundled;
}

function loadBundledIndex(): LoadedSchema {
  const path = bundledArtifactPath(BUNDLED_INDEX_NAME);
  const got = readBounded(path, { label: BUNDLED_INDEX_NAME, maxBytes: MAX_DECOMPRESSED_BYTES });
  if (!got.ok) throw new Error(`cannot read schema ${got.message}`);
  const { header, entry } = decodeIndexed(got.bytes, BUNDLED_INDEX_NAME);
  return lazySchema(header, header.resources, header.dataSources, entry);
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
