import type { Rule } from '../types.js';
import type { Block, Configuration, Expr } from '../../model/types.js';
import { attrExpr, blockAddress, dataSources, exprToText, nestedBlocks, resources } from '../../model/query.js';
import { blockReferences, referencedBlocks } from '../util/b-refs.js';
import { resolvedString } from '../util/b-resolve.js';

/** Data sources that list subnets, and the attribute/filter through which they select a VPC. */
const SUBNET_LOOKUPS = ['aws_subnets', 'aws_subnet_ids', 'aws_subnet'];

/** Data source type → managed resource type it can find by name, with the attributes holding the name on each side. */
const NAME_LOOKUPS: { type: string; dataKeys: string[]; filterNames: string[]; resourceKeys: string[] }[] = [
  { type: 'aws_vpc', dataKeys: [], filterNames: ['tag:Name'], resourceKeys: [] },
  { type: 'aws_subnet', dataKeys: [], filterNames: ['tag:Name'], resourceKeys: [] },
  { type: 'aws_security_group', dataKeys: ['name'], filterNames: ['group-name', 'tag:Name'], resourceKeys: ['name'] },
  { type: 'aws_iam_role', dataKeys: ['name'], filterNames: [], resourceKeys: ['name'] },
  { type: 'aws_s3_bucket', dataKeys: ['bucket'], filterNames: [], resourceKeys: ['bucket'] },
  { type: 'aws_kms_key', dataKeys: ['key_id'], filterNames: [], resourceKeys: [] },
  { type: 'aws_lb', dataKeys: ['name'], filterNames: [], resourceKeys: ['name'] },
  { type: 'aws_ecs_cluster', dataKeys: ['cluster_name'], filterNames: [], resourceKeys: ['name'] },
  { type: 'aws_sns_topic', dataKeys: ['name'], filterNames: [], resourceKeys: ['name'] },
  { type: 'aws_sqs_queue', dataKeys: ['name'], filterNames: [], resourceKeys: ['name'] },
  { type: 'aws_ssm_parameter', dataKeys: ['name'], filterNames: [], resourceKeys: ['name'] },
  { type: 'aws_secretsmanager_secret', dataKeys: ['name'], filterNames: [], resourceKeys: ['name'] },
  { type: 'aws_kms_alias', dataKeys: ['name'], filterNames: [], resourceKeys: ['name'] },
  { type: 'aws_iam_policy', dataKeys: ['name'], filterNames: [], resourceKeys: ['name'] },
  { type: 'aws_lambda_function', dataKeys: ['function_name'], filterNames: [], resourceKeys: ['function_name'] },
  { type: 'aws_dynamodb_table', dataKeys: ['name'], filterNames: [], resourceKeys: ['name'] },
  { type: 'aws_ecr_repository', dataKeys: ['name'], filterNames: [], resourceKeys: ['name'] },
  { type: 'aws_cloudwatch_log_group', dataKeys: ['name'], filterNames: [], resourceKeys: ['name'] },
];

/** A comparable form of a name: the resolved literal, or the expression text of a template. */
function nameKey(config: Configuration, e: Expr | undefined): string | undefined {
  if (!e) return undefined;
  const s = resolvedString(config, e);
  if (s !== undefined) return s === '' ? undefined : `"${s}"`;
  return e.kind === 'template' ? exprToText(e) : undefined;
}

function tagName(config: Configuration, block: Block): string | undefined {
  const tags = attrExpr(block, 'tags');
  // `tags = { Name = ... }` or `tags = merge(local.common, { Name = ... })`: the last Name wins.
  const objects = tags?.kind === 'object' ? [tags] : tags?.kind === 'call' && tags.name === 'merge' ? tags.args : [];
  let name: string | undefined;
  for (const o of objects) {
    if (o.kind !== 'object') continue;
    const entry = o.entries.find((en) => en.key === 'Name');
    if (entry) name = nameKey(config, entry.value);
  }
  return name;
}

/** The names a data source looks up: its name arguments, `filter { name = "tag:Name" values = [...] }`, `tags = { Name = ... }`. */
function lookedUpNames(config: Configuration, data: Block, dataKeys: string[], filterNames: string[]): string[] {
  const out: string[] = [];
  for (const k of dataKeys) {
    const n = nameKey(config, attrExpr(data, k));
    if (n) out.push(n);
  }
  for (const f of nestedBlocks(data, 'filter')) {
    const fname = resolvedString(config, attrExpr(f, 'name'));
    if (!fname || !filterNames.includes(fname)) continue;
    const values = attrExpr(f, 'values');
    const items = values?.kind === 'tuple' ? values.items : values ? [values] : [];
    for (const v of items) {
      const n = nameKey(config, v);
      if (n) out.push(n);
    }
  }
  if (filterNames.includes('tag:Name')) {
    const t = tagName(config, data);
    if (t) out.push(t);
  }
  return out;
}

function managedNames(config: Configuration, r: Block, resourceKeys: string[]): string[] {
  const out = resourceKeys.map((k) => nameKey(config, attrExpr(r, k))).filter((n): n is string => !!n);
  const t = tagName(config, r);
  if (t) out.push(t);
  return out;
}

function isCounted(block: Block): boolean {
  return attrExpr(block, 'count') !== undefined || attrExpr(block, 'for_each') !== undefined;
}

/** Subnet resources created in a managed VPC that a subnet lookup filters on. */
function subnetsOfLookedUpVpc(config: Configuration, data: Block): Block[] {
  const vpcExprs: Expr[] = [];
  const direct = attrExpr(data, 'vpc_id');
  if (direct) vpcExprs.push(direct);
  for (const f of nestedBlocks(data, 'filter')) {
    if (resolvedString(config, attrExpr(f, 'name')) !== 'vpc-id') continue;
    const v = attrExpr(f, 'values');
    if (v) vpcExprs.push(v);
  }
  const vpcs = vpcExprs.flatMap((e) => referencedBlocks(config, e, 'aws_vpc')).filter((b) => b.kind === 'resource');
  if (!vpcs.length) return [];
  return resources(config, 'aws_subnet').filter((s) => referencedBlocks(config, attrExpr(s, 'vpc_id'), 'aws_vpc').some((v) => vpcs.includes(v)));
}

export const rule: Rule = {
  meta: {
    id: 'data-source-reads-managed-resource',
    category: 'dependency',
    severity: 'medium',
    fixClass: 'B',
    title: 'Data source looks up a resource the same configuration creates',
    rootCause:
      'Models look up subnets, VPCs or security groups with data sources even when the configuration creates them. A data source is read as soon as its own arguments are known, so it runs before (or without) the resources it is meant to find.',
    fix: 'Reference the managed resources directly (`aws_subnet.private[*].id`); if a lookup is really needed, add `depends_on` on the resources it must see.',
    fixExample: `resource "aws_db_subnet_group" "db" {
  name       = "db-\${var.environment_suffix}"
  subnet_ids = aws_subnet.private[*].id # not data.aws_subnets.private.ids
}`,
    docs: 'https://developer.hashicorp.com/terraform/language/data-sources#data-resource-dependencies',
    knowledgeGap: 'Data sources are not ordered after resources they do not reference; use resource attributes for things the configuration creates.',
    impact: 'Plan or apply fails on first deployment (no matching VPC/subnets found) or silently uses an empty or partial list.',
  },
  check(ctx) {
    for (const data of dataSources(ctx.config)) {
      const type = data.labels[0] ?? '';
      if (SUBNET_LOOKUPS.includes(type) && !isCounted(data)) {
        const subnets = subnetsOfLookedUpVpc(ctx.config, data);
        if (subnets.length && !subnets.some((s) => blockReferences(data, s))) {
          ctx.report({
            block: data,
            message: `${blockAddress(data)} lists the subnets of a VPC this configuration creates, but does not depend on ${subnets.slice(0, 2).map(blockAddress).join(', ')}: it can be read before the subnets exist.`,
          });
          continue;
        }
      }
      const lookup = NAME_LOOKUPS.find((l) => l.type === type);
      if (!lookup) continue;
      // `count = var.use_existing ? 1 : 0` on the lookup: the usual "use an existing one or create it" switch.
      if (isCounted(data)) continue;
      const wanted = lookedUpNames(ctx.config, data, lookup.dataKeys, lookup.filterNames);
      if (!wanted.length) continue;
      const managed = resources(ctx.config, type).filter((r) => managedNames(ctx.config, r, lookup.resourceKeys).some((n) => wanted.includes(n)));
      if (!managed.length || managed.some((r) => blockReferences(data, r))) continue;
      ctx.report({
        block: data,
        message: `${blockAddress(data)} looks up ${wanted[0]} by name, which ${blockAddress(managed[0]!)} creates in this configuration; the lookup does not wait for it. Reference the resource instead.`,
      });
    }
  },
};
