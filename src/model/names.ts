/**
 * Argument names across front-ends: the schema stage and the rules both speak of a Terraform argument by the name a
 * CDKTF user writes, so the conversion sits below both.
 */

/** `default_tags` → `defaultTags`, `ipv6_cidr_block` → `ipv6CidrBlock`: the name CDKTF gives a Terraform argument. */
export function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
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

