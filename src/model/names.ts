/**
 * Argument names across front-ends: the schema stage, the rules, the judge and the CDKTF front-end all convert
 * between a Terraform argument's name and the one a CDKTF user writes, so both conversions sit below them all.
 */

/** `default_tags` → `defaultTags`, `ipv6_cidr_block` → `ipv6CidrBlock`: the name CDKTF gives a Terraform argument. */
export function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** `serverSideEncryption` → `server_side_encryption`; `ipv6CidrBlock` → `ipv6_cidr_block` (digits stay attached). */
export function camelToSnake(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i]!;
    const isUpper = ch >= 'A' && ch <= 'Z';
    if (isUpper) {
      const prev = i > 0 ? name[i - 1]! : '';
      const next = i + 1 < name.length ? name[i + 1]! : '';
      const prevLowerOrDigit = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9');
      // `ARNValue`: a run of capitals ends where a lowercase letter starts a new word.
      const acronymEnd = prev >= 'A' && prev <= 'Z' && next >= 'a' && next <= 'z';
      if (out.length > 0 && (prevLowerOrDigit || acronymEnd) && !out.endsWith('_')) out += '_';
      out += ch.toLowerCase();
    } else {
      out += ch;
    }
  }
  return out;
}

/** Resource types the AWS provider accepts under two names for the same resource (`aws_alb` is `aws_lb`). */
const RESOURCE_TYPE_ALIASES: Readonly<Record<string, string>> = {
  aws_alb: 'aws_lb',
  aws_alb_listener: 'aws_lb_listener',
  aws_alb_listener_certificate: 'aws_lb_listener_certificate',
  aws_alb_listener_rule: 'aws_lb_listener_rule',
  aws_alb_target_group: 'aws_lb_target_group',
  aws_alb_target_group_attachment: 'aws_lb_target_group_attachment',
};

/** The provider's main name of a resource type: the same for both of its names. */
export function canonicalResourceType(type: string): string {
  return RESOURCE_TYPE_ALIASES[type] ?? type;
}

