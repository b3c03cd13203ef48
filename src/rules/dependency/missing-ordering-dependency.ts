import type { Rule } from '../types.js';
import type { Block, Configuration } from '../../model/types.js';
import { attrExpr, blockAddress, exprToText, nestedBlocks, resources } from '../../model/query.js';
import { blockReferences, referencedBlocks } from '../util/b-refs.js';
import { resolvedString } from '../util/b-resolve.js';
import { joinsGlobalCluster } from '../util/dep-db.js';

/**
 * A well-known ordering requirement: `dependent` must be created after `prerequisites`, which Terraform cannot infer
 * because no attribute of the dependent references them.
 */
interface OrderingPair {
  dependent: RegExp;
  /** The prerequisites of one dependent (empty: the pair does not apply). */
  prerequisites(config: Configuration, dependent: Block): Block[];
  why: string;
  /** Orderings Terraform usually gets right by luck (the race is rare) are low; the others medium. */
  severity: 'low' | 'medium';
}

/** Attributes through which a resource takes its IAM role, by resource type. */
const ROLE_ATTRIBUTE: Record<string, string> = {
  aws_lambda_function: 'role',
  aws_sfn_state_machine: 'role_arn',
  aws_flow_log: 'iam_role_arn',
  aws_config_configuration_recorder: 'role_arn',
  aws_api_gateway_account: 'cloudwatch_role_arn',
  aws_codebuild_project: 'service_role',
  aws_glue_job: 'role_arn',
  aws_eks_cluster: 'role_arn',
  aws_eks_node_group: 'node_role_arn',
  aws_codepipeline: 'role_arn',
};

const ROLE_PERMISSION_TYPES = ['aws_iam_role_policy_attachment', 'aws_iam_role_policy'];

function rolePermissionBlocks(config: Configuration, fn: Block): Block[] {
  const key = ROLE_ATTRIBUTE[fn.labels[0] ?? ''];
  if (!key) return [];
  // A function is created whatever its role may do; only one in a VPC needs its permissions (to create its
  // network interfaces) at creation time. Otherwise the first invocations at worst, which a retry covers.
  if (fn.labels[0] === 'aws_lambda_function' && !nestedBlocks(fn, 'vpc_config').length) return [];
  const roles = referencedBlocks(config, attrExpr(fn, key), 'aws_iam_role');
  if (!roles.length) return [];
  return ROLE_PERMISSION_TYPES.flatMap((t) => resources(config, t)).filter((p) => roles.some((r) => blockReferences(p, r)));
}

/** Resources of `type` whose `attribute` references one of `targets`. */
function referringVia(config: Configuration, type: string, attribute: string, targets: Block[]): Block[] {
  return resources(config, type).filter((r) => referencedBlocks(config, attrExpr(r, attribute)).some((b) => targets.includes(b)));
}

function bucketPolicies(config: Configuration, buckets: Block[]): Block[] {
  return referringVia(config, 'aws_s3_bucket_policy', 'bucket', buckets);
}

/** `"/aws/lambda/${local.name}"` for a function named `"${local.name}"`: the group the function would create itself. */
function functionLogGroups(config: Configuration, fn: Block): Block[] {
  const name = attrExpr(fn, 'function_name');
  if (!name) return [];
  const fnText = unquote(exprToText(name));
  const literal = resolvedString(config, name);
  return resources(config, 'aws_cloudwatch_log_group').filter((g) => {
    const e = attrExpr(g, 'name');
    if (!e) return false;
    const text = unquote(exprToText(e));
    return text === `/aws/lambda/${fnText}` || (literal !== undefined && resolvedString(config, e) === `/aws/lambda/${literal}`);
  });
}

/** A secondary cluster of a global database: needs the primary cluster's instances to exist first. */
function primaryInstances(config: Configuration, cluster: Block): Block[] {
  if (!joinsGlobalCluster(cluster) || isPrimaryCluster(cluster)) return [];
  const globals = referencedBlocks(config, attrExpr(cluster, 'global_cluster_identifier'), 'aws_rds_global_cluster');
  if (!globals.length) return [];
  const primaries = referringVia(config, 'aws_rds_cluster', 'global_cluster_identifier', globals).filter((c) => c !== cluster && isPrimaryCluster(c));
  return referringVia(config, 'aws_rds_cluster_instance', 'cluster_identifier', primaries);
}

/** The cluster that creates the data (credentials set) rather than replicating it. */
function isPrimaryCluster(cluster: Block): boolean {
  return ['master_username', 'manage_master_user_password', 'snapshot_identifier'].some((k) => attrExpr(cluster, k) !== undefined);
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

const PAIRS: OrderingPair[] = [
  {
    dependent: /^aws_nat_gateway$/,
    prerequisites: (config, nat) => (resolvedString(config, attrExpr(nat, 'connectivity_type')) === 'private' ? [] : resources(config, 'aws_internet_gateway')),
    why: 'a public NAT gateway needs the internet gateway attached to the VPC first',
    severity: 'medium',
  },
  {
    dependent: new RegExp(`^(${Object.keys(ROLE_ATTRIBUTE).join('|')})$`),
    prerequisites: rolePermissionBlocks,
    why: 'the role it assumes gets its permissions from separate policy resources, which may not exist yet when it is created',
    severity: 'low',
  },
  {
    dependent: /^aws_s3_bucket_notification$/,
    prerequisites: (config, n) => {
      const fns = nestedBlocks(n, 'lambda_function').flatMap((l) => referencedBlocks(config, attrExpr(l, 'lambda_function_arn'), 'aws_lambda_function'));
      const queues = nestedBlocks(n, 'queue').flatMap((q) => referencedBlocks(config, attrExpr(q, 'queue_arn'), 'aws_sqs_queue'));
      const topics = nestedBlocks(n, 'topic').flatMap((t) => referencedBlocks(config, attrExpr(t, 'topic_arn'), 'aws_sns_topic'));
      return [
        ...referringVia(config, 'aws_lambda_permission', 'function_name', fns),
        ...referringVia(config, 'aws_sqs_queue_policy', 'queue_url', queues),
        ...referringVia(config, 'aws_sns_topic_policy', 'arn', topics),
      ];
    },
    why: 'S3 validates the destination permission when the notification is created',
    severity: 'medium',
  },
  {
    dependent: /^aws_cloudtrail$/,
    prerequisites: (config, trail) => bucketPolicies(config, referencedBlocks(config, attrExpr(trail, 's3_bucket_name'), 'aws_s3_bucket')),
    why: 'CloudTrail checks the bucket policy allows it to write when the trail is created',
    severity: 'medium',
  },
  {
    dependent: /^aws_(lb|alb)$/,
    prerequisites: (config, lb) =>
      bucketPolicies(config, nestedBlocks(lb, 'access_logs').flatMap((l) => referencedBlocks(config, attrExpr(l, 'bucket'), 'aws_s3_bucket'))),
    why: 'the load balancer checks the log bucket policy when access logging is enabled',
    severity: 'medium',
  },
  {
    dependent: /^aws_s3_bucket_policy$/,
    prerequisites: (config, p) => referringVia(config, 'aws_s3_bucket_public_access_block', 'bucket', referencedBlocks(config, attrExpr(p, 'bucket'), 'aws_s3_bucket')),
    why: 'applying a policy while the public access block is being changed fails intermittently',
    severity: 'low',
  },
  {
    dependent: /^aws_api_gateway_stage$/,
    prerequisites: (config, s) => (nestedBlocks(s, 'access_log_settings').length ? resources(config, 'aws_api_gateway_account') : []),
    why: 'access logging needs the account-level CloudWatch role set first',
    severity: 'medium',
  },
  {
    dependent: /^aws_config_configuration_recorder_status$/,
    prerequisites: (config) => resources(config, 'aws_config_delivery_channel'),
    why: 'a recorder cannot start before its delivery channel exists',
    severity: 'medium',
  },
  {
    dependent: /^aws_rds_cluster$/,
    prerequisites: primaryInstances,
    why: 'a secondary cluster can join the global database only after the primary cluster has a writer instance',
    severity: 'medium',
  },
  {
    dependent: /^helm_release$/,
    prerequisites: (config) =>
      resources(config, 'aws_eks_addon').filter((a) => /^(vpc-cni|coredns)$/.test(resolvedString(config, attrExpr(a, 'addon_name')) ?? '')),
    why: 'chart pods cannot get IPs or resolve DNS until the vpc-cni and coredns add-ons are active, so the release times out',
    severity: 'low',
  },
  {
    dependent: /^aws_lambda_function$/,
    prerequisites: functionLogGroups,
    why: 'otherwise the function can create its own log group first (without retention), and the managed one then fails with "already exists"',
    severity: 'medium',
  },
];

export const rule: Rule = {
  meta: {
    id: 'missing-ordering-dependency',
    category: 'dependency',
    severity: 'medium',
    fixClass: 'B',
    // A race that apply usually wins: read against the code on dev tasks, the NAT gateway and policy-attachment
    // orderings were judged noise beside the task's real failures (2 of 2 readings). Listed among observations.
    defaultTier: 'observation',
    title: 'Resource not ordered after a prerequisite Terraform cannot infer',
    rootCause:
      'Terraform orders resources only by references. Models rely on that and omit `depends_on` where AWS needs something to exist first that the resource does not reference: IAM policy attachments, the internet gateway, bucket policies, Lambda permissions, log groups, the primary instances of a global database, the EKS networking add-ons.',
    fix: 'Add `depends_on` listing the prerequisite resources.',
    fixExample: `resource "aws_lambda_function" "fn" {
  # ...
  role       = aws_iam_role.fn.arn
  depends_on = [aws_iam_role_policy_attachment.fn_logs, aws_cloudwatch_log_group.fn]
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public[0].id
  depends_on    = [aws_internet_gateway.main]
}`,
    docs: 'https://developer.hashicorp.com/terraform/language/meta-arguments/depends_on',
    knowledgeGap: 'Hidden ordering requirements between AWS resources need explicit depends_on.',
    impact: 'Apply fails intermittently (race conditions), or creates resources that cannot work until a second apply.',
  },
  check(ctx) {
    for (const r of resources(ctx.config)) {
      const type = r.labels[0] ?? '';
      for (const pair of PAIRS) {
        if (!pair.dependent.test(type)) continue;
        const prereqs = pair.prerequisites(ctx.config, r).filter((p) => p !== r);
        if (!prereqs.length) continue;
        if (prereqs.some((p) => blockReferences(r, p))) continue;
        const names = prereqs.slice(0, 3).map(blockAddress).join(', ');
        ctx.report({ block: r, severity: pair.severity, message: `${blockAddress(r)} does not depend on ${names}${prereqs.length > 3 ? ', ...' : ''}: ${pair.why}.` });
      }
    }
  },
};
