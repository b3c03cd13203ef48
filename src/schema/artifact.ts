/**
 * The on-disk schema artifact: a gzip'd JSON document whose per-type schemas are stored as JSON strings,
 * so loading parses only the types a configuration uses. Written by scripts/gen-schema.ts (from the
 * @cdktf/provider-aws jsii assembly) or by `iacjudge schema import` (from `terraform providers schema -json`).
 *
 * Compact block encoding (keeps the bundled artifact small):
 *   { "a": { name: [type, flags, cdktfName?] }, "b": { name: [nesting, minItems, maxItems, block, flags, cdktfName?] } }
 * flags: r = required, o = optional, c = computed only, d = deprecated, x = block also accepted as an attribute.
 */
import { gzipSync } from 'node:zlib';
import { gunzipBounded, isGzip, jsonErrorMessage } from '../io/read.js';
import type { AttributeSchema, BlockSchema, NestedBlockSchema, NestingMode } from './types.js';

export const ARTIFACT_FORMAT = 'iacjudge-schema/1';

export interface SchemaArtifact {
  format: typeof ARTIFACT_FORMAT;
  /** Version of the generator that wrote it (GENERATOR_VERSION in scripts/gen-schema.ts / src/schema/convert.ts). */
  generatorVersion: string;
  provider: { name: string; version: string };
  /** Human-readable origin, e.g. `bundled (@cdktf/provider-aws 21.22.1)`. */
  source: string;
  resources: Record<string, string>;
  dataSources: Record<string, string>;
}

export type CompactAttribute = [string, string] | [string, string, string];
export type CompactNested = [NestingMode, number, number, CompactBlock, string] | [NestingMode, number, number, CompactBlock, string, string];
export interface CompactBlock {
  a?: Record<string, CompactAttribute>;
  b?: Record<string, CompactNested>;
}

function sortedKeys<T>(rec: Record<string, T>): string[] {
  return Object.keys(rec).sort();
}

export function compactBlock(block: BlockSchema): CompactBlock {
  const out: CompactBlock = {};
  const attrNames = sortedKeys(block.attributes);
  if (attrNames.length) {
    out.a = Object.create(null) as NonNullable<CompactBlock['a']>; // `out.a['__proto__'] = x` on a plain object is lost
    for (const n of attrNames) {
      const a = block.attributes[n]!;
      const flags = `${a.required ? 'r' : ''}${a.optional ? 'o' : ''}${a.computedOnly ? 'c' : ''}${a.deprecated ? 'd' : ''}`;
      out.a[n] = a.cdktfName ? [a.type, flags, a.cdktfName] : [a.type, flags];
    }
  }
  const blockNames = sortedKeys(block.blocks);
  if (blockNames.length) {
    out.b = Object.create(null) as NonNullable<CompactBlock['b']>;
    for (const n of blockNames) {
      const b = block.blocks[n]!;
      const flags = `${b.deprecated ? 'd' : ''}${b.asAttribute ? 'x' : ''}`;
      const child = compactBlock(b.block);
      out.b[n] = b.cdktfName ? [b.nesting, b.minItems ?? 0, b.maxItems ?? 0, child, flags, b.cdktfName] : [b.nesting, b.minItems ?? 0, b.maxItems ?? 0, child, flags];
    }
  }
  return out;
}

export function expandBlock(c: CompactBlock): BlockSchema {
  // Null-prototype maps: an argument named `constructor`, `toString` or `__proto__` must look up as unknown, not
  // as Object.prototype's function (which made the schema stage throw and drop every schema check of the task).
  const attributes: Record<string, AttributeSchema> = Object.create(null) as Record<string, AttributeSchema>;
  const blocks: Record<string, NestedBlockSchema> = Object.create(null) as Record<string, NestedBlockSchema>;
  for (const [n, [type, flags, cdktfName]] of Object.entries(c.a ?? {})) {
    const a: AttributeSchema = { type };
    if (cdktfName) a.cdktfName = cdktfName;
    if (flags.includes('r')) a.required = true;
    if (flags.includes('o')) a.optional = true;
    if (flags.includes('c')) a.computedOnly = true;
    if (flags.includes('d')) a.deprecated = true;
    attributes[n] = a;
  }
  for (const [n, [nesting, min, max, child, flags, cdktfName]] of Object.entries(c.b ?? {})) {
    const b: NestedBlockSchema = { nesting, block: expandBlock(child) };
    if (cdktfName) b.cdktfName = cdktfName;
    if (min) b.minItems = min;
    if (max) b.maxItems = max;
    if (flags.includes('d')) b.deprecated = true;
    if (flags.includes('x')) b.asAttribute = true;
    blocks[n] = b;
  }
  return { attributes, blocks };
}

/** Deterministic JSON: object keys sorted at every level. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const rec = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(rec).sort().map((k) => [k, rec[k]]));
    }
    return v;
  });
}

export function buildArtifact(opts: {
  generatorVersion: string;
  providerName: string;
  providerVersion: string;
  source: string;
  resources: Map<string, BlockSchema>;
  dataSources: Map<string, BlockSchema>;
}): SchemaArtifact {
  const enc = (m: Map<string, BlockSchema>): Record<string, string> =>
    Object.fromEntries([...m.keys()].sort().map((k) => [k, stableStringify(compactBlock(m.get(k)!))]));
  return {
    format: ARTIFACT_FORMAT,
    generatorVersion: opts.generatorVersion,
    provider: { name: opts.providerName, version: opts.providerVersion },
    source: opts.source,
    resources: enc(opts.resources),
    dataSources: enc(opts.dataSources),
  };
}

/** gzip with fixed settings: Node writes mtime 0, so identical input gives identical bytes. */
export function encodeArtifact(artifact: SchemaArtifact): Buffer {
  return gzipSync(Buffer.from(stableStringify(artifact) + '\n', 'utf8'), { level: 9 });
}

export function decodeArtifact(bytes: Buffer, origin: string): SchemaArtifact {
  let text: string;
  // Accept both the gzip'd artifact and plain JSON (handy for hand-inspection).
  if (isGzip(bytes)) {
    // Capped: a few kilobytes of gzip can expand to gigabytes.
    const out = gunzipBounded(bytes, origin);
    if (!out.ok) throw new Error(`${out.message}`);
    text = out.bytes.toString('utf8');
  } else text = bytes.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`${origin}: not a schema artifact (invalid JSON: ${jsonErrorMessage(err)})`);
  }
  const a = parsed as Partial<SchemaArtifact>;
  if (!a || a.format !== ARTIFACT_FORMAT || typeof a.resources !== 'object' || typeof a.dataSources !== 'object') {
    throw new Error(`${origin}: not a schema artifact (expected format ${ARTIFACT_FORMAT}; convert terraform output with \`iacjudge schema import\`)`);
  }
  if (!a.provider || typeof a.provider.version !== 'string') throw new Error(`${origin}: schema artifact without provider version`);
  return a as SchemaArtifact;
}
