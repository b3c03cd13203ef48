/**
 * Converts the canonical `terraform providers schema -json` document into the artifact format.
 * Shape: { format_version, provider_schemas: { "<source address>": { provider, resource_schemas, data_source_schemas } } }
 * where each schema is { version, block: { attributes: {name: {type, required, optional, computed, deprecated,
 * nested_type}}, block_types: {name: {nesting_mode, min_items, max_items, block}} } }.
 */
import { buildArtifact, type SchemaArtifact } from './artifact.js';
import { GENERATOR_VERSION } from './generator-version.js';
import { boundList, stripControls, truncateText } from '../io/text.js';
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

/** Primitive cty type names; anything else in a document is not a type the checks know. */
const KNOWN_PRIMITIVES = new Set(['string', 'number', 'bool', 'any']);

/** cty type JSON (`"string"`, `["list","string"]`, `["object",{...}]`) → `list(string)`, `object`, ... */
export function ctyTypeToString(t: unknown, depth = 0): string {
  if (typeof t === 'string') return t === 'dynamic' ? 'any' : KNOWN_PRIMITIVES.has(t) ? t : 'any';
  // Real types nest a few levels; a hostile document nests thousands (the recursion would overflow the stack).
  if (Array.isArray(t) && typeof t[0] === 'string' && depth < 32) {
    const [kind, elem] = t as [string, unknown];
    if (kind === 'list' || kind === 'set' || kind === 'map') return `${kind}(${ctyTypeToString(elem, depth + 1)})`;
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

/** A JSON object (not an array, not null), or an error naming where the document has another shape. */
function objectAt<T>(v: unknown, where: string, optional = true): T | undefined {
  if (v === undefined && optional) return undefined;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${where}: expected an object`);
  return v as T;
}

/** A name from the document for an error message: bounded and without control characters. */
function shown(name: string): string {
  return truncateText(stripControls(name), 80);
}

function convertBlock(b: TfBlock | undefined, where: string, depth = 0): BlockSchema {
  // Null-prototype maps: the names come from an input file, and `__proto__` assigned on a plain object rewires it.
  const out: BlockSchema = { attributes: Object.create(null) as BlockSchema['attributes'], blocks: Object.create(null) as BlockSchema['blocks'] };
  // Garbage shapes are refused with the path to the first bad node, instead of producing a schema of nonsense.
  b = objectAt<TfBlock>(b, where);
  if (!b) return out;
  if (depth > 32) throw new Error(`${where}: blocks nested more than 32 deep`);
  const attributes = objectAt<Record<string, TfAttribute>>(b.attributes, `${where}.attributes`) ?? {};
  const blockTypes = objectAt<Record<string, TfBlockType>>(b.block_types, `${where}.block_types`) ?? {};
  for (const [name, a] of Object.entries(attributes)) {
    objectAt(a, `${where}.attributes.${shown(name)}`, false);
    const s: AttributeSchema = { type: a.nested_type ? nestedTypeToString(a.nested_type) : ctyTypeToString(a.type) };
    if (a.required) s.required = true;
    if (a.optional) s.optional = true;
    if (a.computed && !a.optional && !a.required) s.computedOnly = true;
    if (a.deprecated) s.deprecated = true;
    out.attributes[name] = s;
  }
  for (const [name, bt] of Object.entries(blockTypes)) {
    objectAt(bt, `${where}.block_types.${shown(name)}`, false);
    const mode = bt.nesting_mode;
    // `group` behaves like a single block that is never null.
    const nesting: NestingMode = mode === 'list' || mode === 'set' || mode === 'map' ? mode : 'single';
    out.blocks[name] = {
      nesting,
      ...(typeof bt.min_items === 'number' && bt.min_items > 0 ? { minItems: bt.min_items } : {}),
      ...(typeof bt.max_items === 'number' && bt.max_items > 0 ? { maxItems: bt.max_items } : nesting === 'single' ? { maxItems: 1 } : {}),
      block: convertBlock(bt.block, `${where}.block_types.${shown(name)}.block`, depth + 1),
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
  if (!key) throw new Error(`no ${AWS_PROVIDER_ADDRESS} provider in provider_schemas (found: ${boundList(Object.keys(root.provider_schemas).map(shown)).join(', ') || 'none'})`);
  const at = `provider_schemas.${shown(key)}`;
  const p = objectAt<NonNullable<typeof root.provider_schemas>[string]>(root.provider_schemas[key], at, false)!;
  const resources = new Map<string, BlockSchema>();
  const dataSources = new Map<string, BlockSchema>();
  const table = (v: unknown, where: string) => Object.entries(objectAt<Record<string, { block?: TfBlock }>>(v, where) ?? {});
  for (const [type, s] of table(p.resource_schemas, `${at}.resource_schemas`)) {
    const where = `${at}.resource_schemas.${shown(type)}`;
    resources.set(type, convertBlock(objectAt<{ block?: TfBlock }>(s, where, false)!.block, `${where}.block`));
  }
  for (const [type, s] of table(p.data_source_schemas, `${at}.data_source_schemas`)) {
    const where = `${at}.data_source_schemas.${shown(type)}`;
    dataSources.set(type, convertBlock(objectAt<{ block?: TfBlock }>(s, where, false)!.block, `${where}.block`));
  }
  // An empty table would make every resource "unknown": not a usable schema.
  if (resources.size === 0) throw new Error(`${at}: no resource schemas`);
  return buildArtifact({
    generatorVersion: GENERATOR_VERSION,
    providerName: key,
    providerVersion: opts.providerVersion ?? 'unknown',
    source: opts.source,
    resources,
    dataSources,
  });
}
