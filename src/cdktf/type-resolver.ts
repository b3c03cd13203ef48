/**
 * Maps a CDKTF construct class to its Terraform block type. The module path is authoritative; the class name is the
 * fallback. When a provider schema is available the derived type is verified and, if it does not exist, looked up by
 * its folded name (the class name lowercased equals the type without underscores).
 */
import type { SchemaIndex } from '../schema/types.js';
import { foldName, moduleFromNamespaceMember, pascal, typeFromClassName, typeFromModule, type TypeGuess } from './naming.js';

export interface ClassTarget {
  provider: string;
  /** Module under lib/ when the import names it (`s3-bucket`). */
  module?: string;
  /** Namespace member of the provider root (`s3Bucket` in `aws.s3Bucket.S3Bucket`). */
  namespaceMember?: string;
  className: string;
}

export interface ResolvedType extends TypeGuess {
  /** True when the schema knows the type (or the target is a provider block). */
  verified: boolean;
  /**
   * `schema`: verified; `module`: derived from the module path of a provider the schema does not describe (the path
   * maps 1:1, so this is reliable); `guess`: from a class or namespace name that no schema confirms; `meant`: the
   * resource an invented class plainly means (see intendedResourceType).
   */
  confidence: 'schema' | 'module' | 'guess' | 'meant';
}

interface ProviderIndex {
  resources: Set<string>;
  data: Set<string>;
  foldedResources: Map<string, string>;
  foldedData: Map<string, string>;
}

export class TypeResolver {
  private readonly indexes = new Map<string, ProviderIndex | null>();
  private readonly cache = new Map<string, ResolvedType>();

  constructor(private readonly schema: SchemaIndex | undefined) {}

  resolve(target: ClassTarget): ResolvedType {
    const key = `${target.provider}|${target.module ?? ''}|${target.namespaceMember ?? ''}|${target.className}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.compute(target);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private compute(t: ClassTarget): ResolvedType {
    const index = this.providerIndex(t.provider);
    const fromModule = t.module ? typeFromModule(t.provider, t.module) : undefined;
    const fromClass = typeFromClassName(t.provider, t.className);
    const fromMember = t.namespaceMember ? typeFromModule(t.provider, moduleFromNamespaceMember(t.namespaceMember)) : undefined;
    const candidates = [fromModule, fromClass, fromMember].filter((c): c is TypeGuess => c !== undefined);
    if (candidates.some((c) => c.kind === 'provider')) {
      return { kind: 'provider', type: t.provider, verified: true, confidence: 'schema' };
    }
    if (!index) return fromModule ? { ...fromModule, verified: false, confidence: 'module' } : { ...fromClass, verified: false, confidence: 'guess' };
    if (fromModule && !namesModuleClass(t.className, t.module!)) {
      // `import { NatGateway } from '.../lib/vpc'`: the module does not export the class (a compile error the export
      // check reports); what the model meant is the class, never the module's own resource.
      if (this.exists(index, fromClass)) return { ...fromClass, verified: true, confidence: 'schema' };
      const folded = this.foldedLookup(index, { ...t, namespaceMember: undefined });
      if (folded) return { ...folded, verified: true, confidence: 'schema' };
      const meant = fromClass.kind === 'resource' ? intendedResourceType(t.provider, fromClass.type, index) : undefined;
      return meant ? { kind: 'resource', type: meant, verified: false, confidence: 'meant' } : { ...fromClass, verified: false, confidence: 'guess' };
    }
    for (const c of candidates) if (this.exists(index, c)) return { ...c, verified: true, confidence: 'schema' };
    const folded = this.foldedLookup(index, t);
    if (folded) return { ...folded, verified: true, confidence: 'schema' };
    // Unknown to the schema (often a class the model invented). The export check reports the class; when the
    // resource meant is plain (`CloudtrailTrail`, `S3BucketVersioningV2`), the block is read as that resource so the
    // checks of what it configures still run (a trail with no bucket policy is a second failure, not part of the
    // first). Otherwise keep the most literal reading.
    const literal = fromModule ?? fromClass;
    const meant = literal.kind === 'resource' ? intendedResourceType(t.provider, literal.type, index) : undefined;
    if (meant) return { kind: 'resource', type: meant, verified: false, confidence: 'meant' };
    return { ...literal, verified: false, confidence: 'guess' };
  }

  private exists(index: ProviderIndex, guess: TypeGuess): boolean {
    return guess.kind === 'data' ? index.data.has(guess.type) : index.resources.has(guess.type);
  }

  private foldedLookup(index: ProviderIndex, t: ClassTarget): TypeGuess | undefined {
    const dataPrefix = `Data${pascal(t.provider)}`;
    const names = [t.className];
    // jsii appends `A` when a class name collides with a struct of another module (S3BucketVersioningA).
    if (/[a-z0-9]A$/.test(t.className)) names.push(t.className.slice(0, -1));
    for (const name of names) {
      if (name.startsWith(dataPrefix) && name.length > dataPrefix.length) {
        const hit = index.foldedData.get(foldName(name.slice(dataPrefix.length)));
        if (hit) return { kind: 'data', type: hit };
      }
      const hit = index.foldedResources.get(foldName(name));
      if (hit) return { kind: 'resource', type: hit };
    }
    if (t.namespaceMember) {
      const member = t.namespaceMember;
      const dataMember = `data${pascal(t.provider)}`;
      if (member.startsWith(dataMember)) {
        const hit = index.foldedData.get(foldName(member.slice(dataMember.length)));
        if (hit) return { kind: 'data', type: hit };
      }
      const hit = index.foldedResources.get(foldName(member));
      if (hit) return { kind: 'resource', type: hit };
    }
    return undefined;
  }

  /** The schema's types for one provider, or null when the schema does not describe that provider. */
  private providerIndex(provider: string): ProviderIndex | null {
    if (this.indexes.has(provider)) return this.indexes.get(provider)!;
    let index: ProviderIndex | null = null;
    if (this.schema) {
      const prefix = `${provider}_`;
      const resources = this.schema.resourceTypes().filter((t) => t.startsWith(prefix));
      const data = this.schema.dataSourceTypes().filter((t) => t.startsWith(prefix));
      if (resources.length || data.length) {
        index = {
          resources: new Set(resources),
          data: new Set(data),
          foldedResources: foldedMap(resources, prefix),
          foldedData: foldedMap(data, prefix),
        };
      }
    }
    this.indexes.set(provider, index);
    return index;
  }
}

function foldedMap(types: string[], prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  // Sorted input and first-wins keep the choice deterministic if two types fold alike.
  for (const t of [...types].sort()) {
    const k = foldName(t.slice(prefix.length));
    if (!out.has(k)) out.set(k, t);
  }
  return out;
}

/** Whether a class name is the one a provider module exports (letters folded; jsii may append `A`). */
function namesModuleClass(className: string, module: string): boolean {
  const folded = foldName(className);
  const base = foldName(module);
  return folded === base || folded === `${base}a`;
}

/**
 * Resource names models invent for a service the provider calls otherwise: the invented part of the Terraform type
 * (after `<provider>_`) → the provider's. Read off the dev corpus' CDKTF responses, where each was the only spelling
 * of its service in the response.
 */
const INVENTED_RESOURCE_NAMES: Readonly<Record<string, string>> = {
  application_load_balancer: 'lb',
  load_balancer: 'lb',
  ec2_instance: 'instance',
  ec2_launch_template: 'launch_template',
  rds_instance: 'db_instance',
  rds_db_instance: 'db_instance',
  rds_subnet_group: 'db_subnet_group',
  eventbridge_rule: 'cloudwatch_event_rule',
  eventbridge_target: 'cloudwatch_event_target',
  eventbridge_bus: 'cloudwatch_event_bus',
  vpc_flow_log: 'flow_log',
};

/**
 * The provider's resource type an invented one means, when exactly one reading exists in the schema: a version
 * suffix dropped (`aws_s3_bucket_logging_v2`), the provider name doubled (`aws_aws_config_config_rule`,
 * `random_random_string`), a last word that repeats the end of the one before (`aws_cloudtrail_trail`), or a
 * service the provider names otherwise (INVENTED_RESOURCE_NAMES).
 */
function intendedResourceType(provider: string, type: string, index: ProviderIndex): string | undefined {
  const prefix = `${provider}_`;
  if (!type.startsWith(prefix)) return undefined;
  let rest = type.slice(prefix.length);
  while (rest.startsWith(prefix)) rest = rest.slice(prefix.length);
  const versionless = /_v\d$/.test(rest) ? rest.slice(0, -3) : rest;
  const words = versionless.split('_');
  const last = words[words.length - 1]!;
  const beforeLast = words[words.length - 2];
  const readings = [
    versionless,
    INVENTED_RESOURCE_NAMES[versionless],
    words.length > 1 && beforeLast !== undefined && beforeLast !== last && beforeLast.endsWith(last) ? words.slice(0, -1).join('_') : undefined,
  ];
  const found = [...new Set(readings.filter((r): r is string => r !== undefined).map((r) => prefix + r))].filter((r) => r !== type && index.resources.has(r));
  return found.length === 1 ? found[0] : undefined;
}

