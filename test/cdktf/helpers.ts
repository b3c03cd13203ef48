/** Fixture loading and a small hand-written schema so front-end tests do not depend on the bundled artifact. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Block, Configuration, SourceFile } from '../../src/model/types.js';
import type { AttributeSchema, BlockSchema, NestedBlockSchema, SchemaIndex } from '../../src/schema/types.js';

export function fixture(name: string, path: string): SourceFile {
  const file = fileURLToPath(new URL(`../fixtures/cdktf/${name}`, import.meta.url));
  return { path, language: 'ts', content: readFileSync(file, 'utf8') };
}

export function ts(path: string, content: string): SourceFile {
  return { path, language: 'ts', content };
}

const a = (type: string, extra: Partial<AttributeSchema> = {}): AttributeSchema => ({ type, optional: true, ...extra });
const blk = (attributes: Record<string, AttributeSchema>, blocks: Record<string, NestedBlockSchema> = {}): BlockSchema => ({ attributes, blocks });
const nested = (nesting: NestedBlockSchema['nesting'], block: BlockSchema, maxItems?: number): NestedBlockSchema => ({
  nesting,
  block,
  ...(maxItems ? { maxItems } : {}),
});
const tags = { tags: a('map(string)'), tags_all: a('map(string)', { computedOnly: true }) };

const RESOURCES: Record<string, BlockSchema> = {
  aws_s3_bucket: blk({ bucket: a('string'), id: a('string', { computedOnly: true }), arn: a('string', { computedOnly: true }), ...tags }),
  aws_s3_bucket_public_access_block: blk({ bucket: a('string', { required: true }), block_public_acls: a('bool') }),
  aws_s3_bucket_versioning: blk({ bucket: a('string', { required: true }) }, { versioning_configuration: nested('list', blk({ status: a('string') }), 1) }),
  aws_dynamodb_table: blk(
    { name: a('string', { required: true }), billing_mode: a('string'), hash_key: a('string'), ...tags },
    {
      attribute: nested('set', blk({ name: a('string'), type: a('string') })),
      server_side_encryption: nested('list', blk({ enabled: a('bool', { required: true }), kms_key_arn: a('string') }), 1),
      point_in_time_recovery: nested('list', blk({ enabled: a('bool') }), 1),
    },
  ),
  aws_iam_role: blk({ name: a('string'), assume_role_policy: a('string', { required: true }), ...tags }),
  aws_lambda_function: blk(
    { function_name: a('string'), role: a('string'), runtime: a('string'), handler: a('string'), memory_size: a('number'), ...tags },
    { environment: nested('list', blk({ variables: a('map(string)') }), 1) },
  ),
  aws_api_gateway_method: blk({ rest_api_id: a('string'), resource_id: a('string'), http_method: a('string'), authorization: a('string') }),
  aws_vpc: blk({ cidr_block: a('string'), enable_dns_support: a('bool'), ipv6_cidr_block: a('string'), ...tags }),
  aws_security_group: blk(
    { vpc_id: a('string'), name: a('string'), ...tags },
    { ingress: nested('set', blk({ from_port: a('number'), to_port: a('number'), protocol: a('string'), cidr_blocks: a('list(string)') })) },
  ),
  aws_route53_record: blk({ zone_id: a('string'), name: a('string'), type: a('string'), ttl: a('number'), records: a('set(string)') }),
  aws_route53domains_domain: blk({ domain_name: a('string') }),
  aws_wafv2_web_acl: blk({ name: a('string'), scope: a('string') }),
};
const DATA: Record<string, BlockSchema> = {
  aws_vpc: blk({ default: a('bool'), id: a('string') }),
  aws_caller_identity: blk({ account_id: a('string', { computedOnly: true }) }),
};

export const testSchema: SchemaIndex = {
  providerVersion: 'test',
  source: 'test fixture',
  resource: (t) => RESOURCES[t],
  dataSource: (t) => DATA[t],
  resourceTypes: () => Object.keys(RESOURCES).sort(),
  dataSourceTypes: () => Object.keys(DATA).sort(),
};

export function block(config: Configuration, address: string): Block {
  const found = config.blocks.find((b) => {
    if (b.kind === 'resource') return `${b.labels[0]}.${b.labels[1]}` === address;
    if (b.kind === 'data') return `data.${b.labels[0]}.${b.labels[1]}` === address;
    return [b.kind, ...b.labels].join('.') === address;
  });
  if (!found) throw new Error(`no block ${address}; have ${config.blocks.map((b) => `${b.kind}.${b.labels.join('.')}`).join(', ')}`);
  return found;
}
