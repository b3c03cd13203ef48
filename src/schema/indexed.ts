/**
 * The bundled schema artifact, indexed by type: what the CLI loads at start-up instead of the whole gzip'd artifact.
 *
 * Why: inflating and parsing the whole artifact (about 1.7 MB of JSON for ~2,000 AWS types) was the largest single
 * cost of `analyze` on a small folder, which uses a handful of types. Here a short header (type names, provider
 * facts) is parsed at load, and a type's schema is inflated from a chunk of about 32 KB of its neighbours on first
 * use. The entries are the artifact's own per-type strings, so every type decodes to exactly what the artifact gives.
 *
 * Written by scripts/gen-schema.ts beside the artifact, and only from it (encodeIndexed(artifact)): a test checks
 * the committed file equals the one encoded from the committed artifact.
 *
 * Layout: `<header byte length>\n<header JSON><chunk 0><chunk 1>...`; each chunk is raw deflate of a JSON object
 * `{ "r:<type>" | "d:<type>": <compact block JSON string> }`; the header maps each type to its chunk.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ARTIFACT_FORMAT, stableStringify, type SchemaArtifact } from './artifact.js';

export const INDEXED_FORMAT = 'iacjudge-schema-index/1';
/** Uncompressed bytes per chunk: small enough to inflate in well under a millisecond, large enough to compress. */
const CHUNK_BYTES = 32 * 1024;

export interface IndexedHeader {
  format: typeof INDEXED_FORMAT;
  artifactFormat: typeof ARTIFACT_FORMAT;
  generatorVersion: string;
  provider: { name: string; version: string };
  source: string;
  /** [offset after the header, length] of each chunk. */
  chunks: [number, number][];
  resources: Record<string, number>;
  dataSources: Record<string, number>;
}

export function encodeIndexed(artifact: SchemaArtifact): Buffer {
  const entries: [string, string, 'resources' | 'dataSources', string][] = [
    ...Object.keys(artifact.resources).sort().map((t): [string, string, 'resources', string] => [`r:${t}`, t, 'resources', artifact.resources[t]!]),
    ...Object.keys(artifact.dataSources).sort().map((t): [string, string, 'dataSources', string] => [`d:${t}`, t, 'dataSources', artifact.dataSources[t]!]),
  ];
  const header: IndexedHeader = {
    format: INDEXED_FORMAT,
    artifactFormat: artifact.format,
    generatorVersion: artifact.generatorVersion,
    provider: artifact.provider,
    source: artifact.source,
    chunks: [],
    resources: {},
    dataSources: {},
  };
  const bodies: Buffer[] = [];
  let offset = 0;
  let current: Record<string, string> = {};
  let size = 0;
  const flush = () => {
    if (!size) return;
    const body = deflateRawSync(Buffer.from(stableStringify(current), 'utf8'), { level: 9 });
    header.chunks.push([offset, body.length]);
    bodies.push(body);
    offset += body.length;
    current = {};
    size = 0;
  };
  for (const [key, type, table, json] of entries) {
    current[key] = json;
    header[table][type] = header.chunks.length;
    size += key.length + json.length;
    if (size >= CHUNK_BYTES) flush();
  }
  flush();
  const head = Buffer.from(stableStringify(header), 'utf8');
  return Buffer.concat([Buffer.from(`${head.length}\n`, 'utf8'), head, ...bodies]);
}

export interface IndexedSchema {
  header: IndexedHeader;
  /** The compact block JSON string of a type (as in SchemaArtifact), or undefined. */
  entry(table: 'resources' | 'dataSources', type: string): string | undefined;
}

export function decodeIndexed(bytes: Buffer, origin: string): IndexedSchema {
  const nl = bytes.indexOf(10);
  const headLength = nl > 0 ? Number(bytes.subarray(0, nl).toString('latin1')) : NaN;
  if (!Number.isSafeInteger(headLength) || nl + 1 + headLength > bytes.length) throw new Error(`${origin}: not an indexed schema`);
  const header = JSON.parse(bytes.subarray(nl + 1, nl + 1 + headLength).toString('utf8')) as IndexedHeader;
  if (header.format !== INDEXED_FORMAT || header.artifactFormat !== ARTIFACT_FORMAT) throw new Error(`${origin}: not an indexed schema (format ${String(header.format)})`);
  const bodyStart = nl + 1 + headLength;
  const chunks = new Map<number, Record<string, string>>();
  return {
    header,
    entry(table, type) {
      const at = Object.prototype.hasOwnProperty.call(header[table], type) ? header[table][type] : undefined;
      if (at === undefined) return undefined;
      let chunk = chunks.get(at);
      if (!chunk) {
        const [off, len] = header.chunks[at]!;
        chunk = JSON.parse(inflateRawSync(bytes.subarray(bodyStart + off, bodyStart + off + len)).toString('utf8')) as Record<string, string>;
        chunks.set(at, chunk);
      }
      return chunk[`${table === 'resources' ? 'r' : 'd'}:${type}`];
    },
  };
}
