/**
 * Converts the canonical `terraform providers schema -json` document into the artifact format.
 * Shape: { format_version, provider_schemas: { "<source address>": { provider, resource_schemas, data_source_schemas } } }
 * where each schema is { version, block: { attributes: {name: {type, required, optional, computed, deprecated,
 * nested_type}}, block_types: {name: {nesting_mode, min_items, max_items, block}} } }.
 */
import { buildArtifact, type SchemaArtifact } from './artifact.js';
import { GENERATOR_VERSION } from './generator-version.js';
import type { AttributeSchema, BlockSchema, NestingMode } from './types.js';

export const AWS_PROVIDER_ADDRESS = 'registry.terraform.io/hashicorp/aws';

interface TfAttribute {
  type?: unknown;
  nested_type?: { attributes?: Record<string, TfAttribute>; nesting_mode?: string };
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  deprecated?: boolean;
}
interface TfBlockType {
  nesting_mode?: string;
  min_items?: number;
  max_items?: number;
  block?: TfBlock;
  deprecated?: boolean;
}
interface TfBlock {
  attributes?: Record<string, TfAttribute>;
  block_types?: Record<string, TfBlockType>;
  deprecated?: boolean;
}

/** cty type JSON (`"string"`, `["list","string"]`, `["object",{...}]`) → `list(string)`, `object`, ... */
export function ctyTypeToString(t: unknown): string {
  if (typeof t === 'string') return t === 'dynamic' ? 'any' : t;
  if (Array.isArray(t) && typeof t[0] === 'string') {
    const [kind, elem] = t as [string, unknown];
    if (kind === 'list' || kind === 'set' || kind === 'map') return `${kind}(${ctyTypeToString(elem)})`;
    if (kind === 'object') return 'object';
    if (kind === 'tuple') return 'tuple';
  }
  return 'any';
}

function nestedTypeToString(nt: NonNullable<TfAttribute['nested_type']>): string {
  switch (nt.nesting_mode) {
    case 'list':
      return 'list(object)';
    case 'set':
      return 'set(object)';
    case 'map':
      return 'map(object)';
    default:
      return 'object';
  }
}

function convertBlock(b: TfBlock | undefined): BlockSchema {
  const out: BlockSchema = { attributes: {}, blocks: {} };
  if (!b) return out;
  for (const [name, a] of Object.entries(b.attributes ?? {})) {
    const s: AttributeSchema = { type: a.nested_type ? nestedTypeToString(a.nested_type) : ctyTypeToString(a.type) };
    if (a.required) s.required = true;
    if (a.optional) s.optional = true;
    if (a.computed && !a.optional && !a.required) s.computedOnly = true;
    if (a.deprecated) s.deprecated = true;
    out.attributes[name] = s;
  }
  for (const [name, bt] of Object.entries(b.block_types ?? {})) {
    const mode = bt.nesting_mode;
    // `group` behaves like a single block that is never null.
    const nesting: NestingMode = mode === 'list' || mode === 'set' || mode === 'map' ? mode : 'single';
    out.blocks[name] = {
      nesting,
      ...(bt.min_items ? { minItems: bt.min_items } : {}),
      ...(bt.max_items ? { maxItems: bt.max_items } : nesting === 'single' ? { maxItems: 1 } : {}),
      block: convertBlock(bt.block),
      ...(bt.deprecated || bt.block?.deprecated ? { deprecated: true } : {}),
    };
  }
  return out;
}

/**
 * @param providerVersion the version the schema was taken from; `terraform providers schema -json` does not record
 * it, so the caller passes it (from `.terraform.lock.hcl` or a flag), else `unknown`.
 */
export function artifactFromTerraformSchema(doc: unknown, opts: { providerVersion?: string; source: string }): SchemaArtifact {
  const root = doc as { provider_schemas?: Record<string, { resource_schemas?: Record<string, { block?: TfBlock }>; data_source_schemas?: Record<string, { block?: TfBlock }> }> };
  if (!root || typeof root !== 'object' || !root.provider_schemas || typeof root.provider_schemas !== 'object') {
    throw new Error('not a `terraform providers schema -json` document (no provider_schemas)');
  }
  const key =
    Object.keys(root.provider_schemas).find((k) => k === AWS_PROVIDER_ADDRESS) ??
    Object.keys(root.provider_schemas).find((k) => k.endsWith('/aws'));
  if (!key) throw new Error(`no ${AWS_PROVIDER_ADDRESS} provider in provider_schemas (found: ${Object.keys(root.provider_schemas).join(', ') || 'none'})`);
  const p = root.provider_schemas[key]!;
  const resources = new Map<string, BlockSchema>();
  const dataSources = new Map<string, BlockSchema>();
  for (const [type, s] of Object.entries(p.resource_schemas ?? {})) resources.set(type, convertBlock(s.block));
  for (const [type, s] of Object.entries(p.data_source_schemas ?? {})) dataSources.set(type, convertBlock(s.block));
  return buildArtifact({
    generatorVersion: GENERATOR_VERSION,
    providerName: key,
    providerVersion: opts.providerVersion ?? 'unknown',
    source: opts.source,
    resources,
    dataSources,
  });
}
