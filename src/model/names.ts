/**
 * Argument names across front-ends: the schema stage and the rules both speak of a Terraform argument by the name a
 * CDKTF user writes, so the conversion sits below both.
 */

/** `default_tags` → `defaultTags`, `ipv6_cidr_block` → `ipv6CidrBlock`: the name CDKTF gives a Terraform argument. */
export function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}
