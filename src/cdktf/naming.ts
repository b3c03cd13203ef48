/**
 * CDKTF ↔ Terraform naming. CDKTF (jsii) names are derived from Terraform names: module path `s3-bucket` ↔
 * resource `aws_s3_bucket`, class `S3Bucket`, property `serverSideEncryption` ↔ `server_side_encryption`.
 * The module path maps 1:1; class and property names lose underscores, so the reverse is ambiguous around digits
 * (`Route53DomainsDomain` is `aws_route53domains_domain`) and is checked against the schema when available.
 */
import { camelToSnake } from '../model/names.js';

/** `s3-bucket` → `s3_bucket`. */
export function kebabToSnake(name: string): string {
  return name.replace(/-/g, '_');
}

/** `aws` → `Aws`, `null` → `Null`. */
export function pascal(name: string): string {
  return name
    .split(/[_-]/)
    .filter(Boolean)
    .map((s) => s[0]!.toUpperCase() + s.slice(1))
    .join('');
}

/** Lowercase, underscores/dashes removed: the key under which CDKTF and Terraform names coincide. */
export function foldName(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

export interface TypeGuess {
  kind: 'resource' | 'data' | 'provider';
  /** Terraform type (`aws_s3_bucket`) or provider name (`aws`). */
  type: string;
}

/** From a provider package module path: `s3-bucket` → resource aws_s3_bucket; `data-aws-vpc` → data aws_vpc. */
export function typeFromModule(provider: string, module: string): TypeGuess {
  if (module === 'provider') return { kind: 'provider', type: provider };
  // jsii renames classes whose name is a reserved word: random_string is `StringResource` in `string-resource`.
  if (module === 'string-resource') return { kind: 'resource', type: `${provider}_string` };
  const dataPrefix = `data-${provider}-`;
  if (module.startsWith(dataPrefix)) return { kind: 'data', type: `${provider}_${kebabToSnake(module.slice(dataPrefix.length))}` };
  return { kind: 'resource', type: `${provider}_${kebabToSnake(module)}` };
}

/** From a class name alone: `S3BucketPublicAccessBlock` → aws_s3_bucket_public_access_block; `DataAwsVpc` → data aws_vpc. */
export function typeFromClassName(provider: string, className: string): TypeGuess {
  const prefix = pascal(provider);
  if (className === `${prefix}Provider`) return { kind: 'provider', type: provider };
  const dataPrefix = `Data${prefix}`;
  if (className.startsWith(dataPrefix) && className.length > dataPrefix.length) {
    return { kind: 'data', type: `${provider}_${camelToSnake(className.slice(dataPrefix.length))}` };
  }
  return { kind: 'resource', type: `${provider}_${camelToSnake(className)}` };
}

/** `s3Bucket` (a namespace member of the provider root) → module `s3-bucket`. */
export function moduleFromNamespaceMember(member: string): string {
  return camelToSnake(member).replace(/_/g, '-');
}

/** Provider name from a package specifier: `@cdktf/provider-aws/lib/s3-bucket` → aws; `.gen/providers/aws/...` → aws. */
export function providerPackage(specifier: string): { provider: string; module?: string } | undefined {
  // `@cdktf/provider-aws/lib` (or `/lib/index`) is the barrel: module namespaces only, like the package root.
  const prebuilt = /^@cdktf\/provider-([a-z0-9-]+)(?:\/lib(?:\/(?!index(?:\.js)?\/?$)([a-z0-9-]+))?(?:\/index(?:\.js)?)?)?\/?$/.exec(specifier);
  if (prebuilt) return { provider: kebabToSnake(prebuilt[1]!), module: prebuilt[2] };
  const generated = /(?:^|\/)\.gen\/providers\/([a-z0-9_-]+)(?:\/([a-z0-9-]+))?(?:\/index(?:\.js)?)?\/?$/.exec(specifier);
  if (generated) return { provider: kebabToSnake(generated[1]!), module: generated[2] };
  return undefined;
}
