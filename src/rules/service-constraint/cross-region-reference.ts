import type { Block, Configuration } from '../../model/types.js';
import type { Rule } from '../types.js';
import { allAttributes, attrExpr, blockAddress, blocksOfKind, exprToText, referencesIn, referenceTarget, resources } from '../../model/query.js';
import { resolvedString } from '../util/b-resolve.js';
import { isChildModuleFile, isHclConfig } from '../util/files.js';

/**
 * Arguments whose value must name a resource of the same region: the API looks the id or name up in the region
 * the resource is created in. Policies, replication destinations, replica sources, DNS aliases and subscription
 * endpoints may point to another region and are not listed.
 */
const SAME_REGION_ARGUMENTS = new Set([
  'kms_key_id',
  'kms_master_key_id',
  'kms_key_arn',
  'db_subnet_group_name',
  'db_parameter_group_name',
  'db_cluster_parameter_group_name',
  'parameter_group_name',
  'subnet_group_name',
  'vpc_security_group_ids',
  'security_group_ids',
  'security_groups',
  'subnet_ids',
  'subnet_id',
  'subnets',
  'vpc_id',
  'alarm_actions',
  'ok_actions',
  'insufficient_data_actions',
  'target_group_arn',
  'target_group_arns',
  'load_balancer_arn',
  'launch_template',
  'log_group_name',
  'role_arn_for_logs',
]);

/** Resource types that live in one region (their ids and names mean nothing in another). */
const REGIONAL_TARGET = /^aws_(kms_key|kms_alias|db_subnet_group|db_parameter_group|rds_cluster_parameter_group|elasticache_subnet_group|elasticache_parameter_group|security_group|subnet|vpc|sns_topic|lb_target_group|alb_target_group|lb|alb|launch_template|cloudwatch_log_group)$/;

/** Region of each provider configuration (`aws` for the default, `aws.<alias>`), where it resolves to a literal. */
function providerRegions(config: Configuration): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of blocksOfKind(config, 'provider')) {
    if (p.labels[0] !== 'aws' || isChildModuleFile(p.span.file)) continue;
    const alias = resolvedString(config, attrExpr(p, 'alias'));
    const region = resolvedString(config, attrExpr(p, 'region'));
    if (region) out.set(alias ? `aws.${alias}` : 'aws', region);
  }
  return out;
}

/** The provider configuration a block uses: its `provider` argument, else the default. */
function providerOf(block: Block): string {
  const e = attrExpr(block, 'provider');
  return e ? exprToText(e).trim() : 'aws';
}

export const rule: Rule = {
  meta: {
    id: 'cross-region-reference',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // The API looks the id up in the resource's own region and fails (not found): listed whatever the measured
    // precision unless the reviewer's ideal does the same.
    applyFailure: true,
    title: 'Resource in one region given an id that exists only in another region',
    rootCause:
      'Multi-region answers create the secondary stack with `provider = aws.secondary` but wire it to the primary region\'s key, subnet group, parameter group, security group or topic.',
    fix: 'Create the region-scoped dependencies once per region (a key, subnet group, parameter group per provider) and reference the one of the same region.',
    fixExample: 'resource "aws_db_subnet_group" "secondary" {\n  provider   = aws.secondary\n  subnet_ids = aws_subnet.secondary[*].id\n}\n\nresource "aws_rds_cluster" "secondary" {\n  provider             = aws.secondary\n  db_subnet_group_name = aws_db_subnet_group.secondary.name\n  kms_key_id           = aws_kms_key.secondary.arn\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/providers/configuration#alias-multiple-provider-configurations',
    knowledgeGap: 'Region-scoped resources: ids, names and ARNs of one region cannot be used by resources of another.',
    impact: '`terraform apply` fails in the other region (DBSubnetGroupNotFoundFault, DBClusterParameterGroupNotFound, InvalidGroup.NotFound, KMS key not found).',
  },
  check(ctx) {
    if (!isHclConfig(ctx.config)) return;
    const regions = providerRegions(ctx.config);
    // Aliases named for their region (`aws.us_east_2`) used where no provider block of the response sets one (the
    // project's provider file does): the alias says the region.
    for (const block of resources(ctx.config)) {
      const alias = providerOf(block);
      const m = /^aws\.((?:us|eu|ap|sa|ca|me|af|il|mx)_[a-z]+_\d)$/.exec(alias);
      if (m && !regions.has(alias)) regions.set(alias, m[1]!.replace(/_/g, '-'));
    }
    if (new Set(regions.values()).size < 2) return;
    const byAddress = new Map(ctx.config.blocks.filter((b) => b.kind === 'resource').map((b) => [blockAddress(b), b]));
    for (const block of ctx.config.blocks) {
      if (block.kind !== 'resource' || isChildModuleFile(block.span.file)) continue;
      const region = regions.get(providerOf(block));
      if (!region) continue;
      const crossed: string[] = [];
      for (const { attribute, path } of allAttributes(block)) {
        // A `replica` block (DynamoDB global tables) describes the copy in its own region: its key is that region's.
        if (!SAME_REGION_ARGUMENTS.has(path[path.length - 1] ?? '') || path.includes('replica')) continue;
        for (const ref of referencesIn(attribute.expr)) {
          const target = byAddress.get(referenceTarget(ref.parts) ?? '');
          if (!target || !REGIONAL_TARGET.test(target.labels[0] ?? '')) continue;
          const targetRegion = regions.get(providerOf(target));
          if (!targetRegion || targetRegion === region) continue;
          crossed.push(`\`${path.join('.')}\` → ${blockAddress(target)} (${targetRegion})`);
        }
      }
      if (!crossed.length) continue;
      ctx.report({
        block,
        message: `${blockAddress(block)} is created in ${region} (${providerOf(block)}) but reads ${[...new Set(crossed)].slice(0, 3).join(', ')}${crossed.length > 3 ? ', …' : ''}: the API looks these up in ${region} and does not find them.`,
      });
    }
  },
};
