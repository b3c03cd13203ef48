/**
 * Attribution heuristics, as data: which failure category a model-vs-ideal change belongs to.
 * Three tables, tried in order:
 *  1. HEURISTICS: specific patterns (provider moved out of main.tf, backend, IAM narrowing, enable flags...).
 *  2. KEYWORD_CATEGORIES: the changed attribute or nested block name (deepest path element first).
 *  3. TYPE_CATEGORIES: the resource type (added/removed blocks, or changes inside themed resources).
 * Then generic patterns (literal → reference is a hard-coded value, a new resource type the prompt names is a
 * missing resource). What none of them explains is `misconfiguration`, low, heuristic `fallback`.
 */
import type { BlockKind, Expr } from '../model/types.js';
import type { CategoryId, Severity } from '../taxonomy/categories.js';
import type { ChangeKind, DiffChange } from './types.js';
import {
  addedPolicyCovered,
  anyLiteral,
  diffHas,
  fixesReference,
  idealAddsSuffix,
  hasReference,
  idealExpr,
  isStatic,
  isFlagGuard,
  isFlagName,
  lastKey,
  literalToReference,
  looksEnvironmentSpecific,
  mentionsSuffixIn,
  modelExpr,
  policyDelta,
  renameFixesReference,
  replacesExternal,
  retargetsSameType,
  SELF_DATA,
  type AttributionContext,
} from './predicates.js';

export interface Heuristic {
  id: string;
  category: CategoryId;
  severity: Severity;
  /** Finding title when this heuristic decides the group's most severe change. */
  title: string;
  /**
   * What it finds is churn or an unrequested best practice (outputs added for tests, tags, a moved block, a
   * provider meta-argument on every resource of a DR stack): its findings are observations, not failures.
   */
  observation?: true;
  kinds?: readonly ChangeKind[];
  blockKinds?: readonly BlockKind[];
  /** Tested against the block's type (resource/data type, provider name, or keyword). */
  type?: RegExp;
  /** Tested against every path element (attribute and nested block names). */
  key?: RegExp;
  when?: (c: DiffChange, x: AttributionContext) => boolean;
}

const ADDED: ChangeKind[] = ['block-added'];
const REMOVED: ChangeKind[] = ['block-removed'];
const INNER: ChangeKind[] = [
  'attribute-added',
  'attribute-removed',
  'attribute-changed',
  'nested-block-added',
  'nested-block-removed',
  'nested-block-changed',
  'meta-argument-added',
  'meta-argument-removed',
  'meta-argument-changed',
  'variable-default-added',
  'variable-default-removed',
];

const IAM_POLICY_HOLDERS = /^aws_iam_(role_policy|policy|role|user_policy|group_policy)$|^aws_iam_policy_document$/;
const RESOURCE_POLICIES = /^aws_(s3_bucket_policy|sqs_queue_policy|sns_topic_policy|lambda_permission|ecr_repository_policy|cloudwatch_log_resource_policy|secretsmanager_secret_policy|api_gateway_rest_api_policy|opensearch_domain_policy|elasticsearch_domain_policy)$/;
const NAME_KEYS = /^(name|name_prefix|bucket|bucket_prefix|function_name|identifier|cluster_identifier|table_name|queue_name|topic_name|role_name|alarm_name|dashboard_name|log_group_name|repository_name|domain_name|stream_name|state_machine_name|family|alias|db_name|cluster_name|service_name|user_pool_name|Name|tags\.Name)$|_name$/;

/** Numeric knobs whose value is a judgment call when both sides set one. */
const TUNING_KEYS = /^(threshold|evaluation_periods|period|datapoints_to_alarm|memory_size|timeout|min_size|max_size|desired_capacity|desired_count|min_capacity|max_capacity|cooldown|scale_in_cooldown|scale_out_cooldown|interval|healthy_threshold|unhealthy_threshold|target_value|visibility_timeout_seconds|batch_size|maximum_batching_window_in_seconds|health_check_grace_period|deregistration_delay|timeout_in_minutes|timeout_seconds|allocated_storage|max_allocated_storage|cpu|memory|read_capacity|write_capacity)$/;

function isPositiveNumber(e: Expr | undefined): boolean {
  const v = e?.kind === 'literal' ? e.value : undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
  return n > 0;
}

/** Literal CIDRs (one, or a list) none of which is open to the internet. */
function isPrivateCidrList(e: Expr | undefined): boolean {
  const items = e?.kind === 'tuple' ? e.items : e ? [e] : [];
  return items.length > 0 && items.every((i) => i.kind === 'literal' && typeof i.value === 'string' && /^[\d.:a-f]+\/\d+$/.test(i.value) && !OPEN_CIDR.test(i.value));
}

const MONITORING_TYPES = /^aws_cloudwatch_(metric_alarm|composite_alarm|dashboard|metric_stream|anomaly_detector)$|^aws_xray_|^aws_synthetics_|^aws_cloudwatch_log_metric_filter$/;
/** Prompt words that make monitoring part of the task. */
const MONITORING_WORDS = /monitor|alarm|alert|observab|cloudwatch|dashboard|metric|x-?ray|tracing|notif/;
const isIngress = (c: DiffChange) => c.path.some((p) => p === 'ingress' || p === 'dynamic.ingress') || /ingress_rule$/.test(c.blockType) || (c.blockType === 'aws_security_group_rule' && /"ingress"/.test(c.model?.snippet ?? c.ideal?.snippet ?? ''));
const OPEN_CIDR = /^(0\.0\.0\.0\/0|::\/0)$/;

/** 1. Specific patterns, first match wins. */
export const HEURISTICS: readonly Heuristic[] = [
  // --- layout ---
  {
    id: 'provider-moved-file',
    category: 'file-layout',
    severity: 'high',
    title: 'Provider/terraform configuration outside the provider file',
    kinds: ['moved-file'],
    blockKinds: ['provider', 'terraform'],
    when: (c) => /\.tf(\.json)?$/.test(c.model?.span.file ?? ''),
  },
  { id: 'block-moved-file', observation: true, category: 'file-layout', severity: 'low', title: 'Block moved to another file', kinds: ['moved-file'] },
  {
    id: 'lambda-code-folder',
    category: 'file-layout',
    severity: 'medium',
    title: 'Lambda code outside the lambda folder',
    kinds: ['attribute-changed', 'attribute-added', 'attribute-removed'],
    key: /^(source_file|source_dir|filename|output_path|source_code_hash|asset|path)$/,
    when: (c) => {
      const lambdaDir = /(^|\/)lambdas?(\/|$)/;
      const inIdeal = c.kind === 'attribute-removed' ? c.ideal!.block.attributes.some((a) => anyLiteral(a.expr, lambdaDir)) : anyLiteral(idealExpr(c), lambdaDir);
      return inIdeal && !anyLiteral(modelExpr(c), lambdaDir);
    },
  },
  // --- terraform block ---
  { id: 'backend', category: 'backend', severity: 'high', title: 'Backend configuration changed', blockKinds: ['terraform'], key: /^backend$|^cloud$/ },
  {
    id: 'provider-version-constraint',
    category: 'provider-version',
    severity: 'high',
    title: 'Provider version constraint changed',
    blockKinds: ['terraform'],
    key: /^required_providers$/,
  },
  { id: 'terraform-version', category: 'provider-version', severity: 'medium', title: 'Terraform version constraint changed', blockKinds: ['terraform'] },
  // --- references and schema (deploy blockers) ---
  {
    id: 'renamed-to-referenced-name',
    category: 'reference',
    severity: 'critical',
    title: 'Declaration renamed to the name its users reference',
    kinds: ['block-renamed'],
    when: renameFixesReference,
  },
  {
    id: 'undeclared-reference-fixed',
    category: 'reference',
    severity: 'critical',
    title: 'Reference to an undeclared name fixed',
    kinds: ['attribute-changed', 'attribute-removed', 'meta-argument-changed', 'meta-argument-removed'],
    when: fixesReference,
  },
  {
    id: 'ideal-hardcodes-environment',
    category: 'hardcoded-value',
    severity: 'low',
    title: 'The ideal hard-codes a region, account or AZ the model derives',
    observation: true,
    kinds: ['attribute-changed'],
    // `availability_zone = data.aws_availability_zones.x.names[0]` → `"us-east-1a"`: the model's is the better form.
    when: (c) => hasReference(modelExpr(c)) && isStatic(idealExpr(c)) && looksEnvironmentSpecific(idealExpr(c)),
  },
  {
    id: 'reference-retargeted',
    category: 'misconfiguration',
    severity: 'low',
    title: 'Points at another resource of the same type',
    observation: true,
    kinds: ['attribute-changed'],
    // The ideal laid out its resources differently (one route table per AZ, renamed NAT gateways); the model's
    // reference is consistent with its own layout.
    when: retargetsSameType,
  },
  {
    id: 'declaration-added-for-reference',
    category: 'reference',
    severity: 'critical',
    title: 'Declaration the model references was missing',
    kinds: ADDED,
    when: (c, x) => x.model.references.some((r) => r.target === c.address) && !x.model.symbols.has(c.address),
  },
  {
    id: 'nesting-form',
    category: 'schema',
    severity: 'critical',
    title: 'Wrong nesting form (array vs object)',
    kinds: ['nested-block-changed'],
    when: (c) => !!c.model?.nested?.form && !!c.ideal?.nested?.form && c.model.nested.form !== c.ideal.nested.form,
  },
  {
    id: 'attribute-vs-block',
    category: 'schema',
    severity: 'high',
    title: 'Argument written as block (or block as argument)',
    kinds: ['attribute-removed', 'nested-block-added', 'attribute-added', 'nested-block-removed'],
    when: (c, x) =>
      diffHas(
        x,
        (o) =>
          o !== c &&
          o.address === c.address &&
          o.path.join('.') === c.path.join('.') &&
          ((c.kind.startsWith('attribute') && o.kind.startsWith('nested-block')) || (c.kind.startsWith('nested-block') && o.kind.startsWith('attribute'))),
      ),
  },
  {
    id: 'invalid-http-method',
    category: 'schema',
    severity: 'high',
    title: 'Invalid enum value (HTTP method)',
    when: (c) => anyLiteral(c.model?.expr ?? undefined, /^\*$/) && /http_method$/.test(lastKey(c)),
  },
  {
    id: 'invalid-method-resource-removed',
    category: 'schema',
    severity: 'high',
    title: 'Resource with an invalid enum value removed',
    kinds: REMOVED,
    type: /^aws_api_gateway_(method|integration|method_response|integration_response)$/,
    when: (c) => anyLiteral(c.model?.block.attributes.find((a) => a.name === 'http_method')?.expr, /^\*$/),
  },
  // --- deprecated patterns ---
  {
    id: 'managed-policy-arns',
    category: 'deprecated',
    severity: 'medium',
    title: 'Deprecated managed_policy_arns / inline_policy on the role',
    kinds: ['attribute-removed', 'nested-block-removed'],
    type: /^aws_iam_role$/,
    key: /^(managed_policy_arns|inline_policy)$/,
  },
  {
    id: 'policy-attachment-for-managed-arns',
    category: 'deprecated',
    severity: 'medium',
    title: 'Policy attachment replaces deprecated managed_policy_arns',
    kinds: ADDED,
    type: /^aws_iam_role_policy_attachment$|^aws_iam_role_policies_exclusive$|^aws_iam_role_policy_attachments_exclusive$/,
    when: (_c, x) => diffHas(x, (o) => o.blockType === 'aws_iam_role' && lastKey(o) === 'managed_policy_arns' && o.kind === 'attribute-removed'),
  },
  {
    id: 's3-inline-subresource',
    category: 'deprecated',
    severity: 'medium',
    title: 'Deprecated inline S3 bucket sub-configuration',
    kinds: ['attribute-removed', 'nested-block-removed'],
    type: /^aws_s3_bucket$/,
    key: /^(versioning|lifecycle_rule|server_side_encryption_configuration|logging|acl|website|cors_rule|replication_configuration|policy|object_lock_configuration|acceleration_status|request_payer)$/,
  },
  {
    id: 's3-subresource-for-inline',
    category: 'deprecated',
    severity: 'medium',
    title: 'Separate S3 sub-resource replaces deprecated inline configuration',
    kinds: ADDED,
    type: /^aws_s3_bucket_/,
    when: (c, x) => {
      const sub = c.blockType.replace(/^aws_s3_bucket_/, '');
      return diffHas(x, (o) => o.blockType === 'aws_s3_bucket' && o.kind === 'nested-block-removed' && sub.startsWith(o.path[0] ?? '\u0000'));
    },
  },
  {
    id: 'deprecated-type',
    category: 'deprecated',
    severity: 'medium',
    title: 'Deprecated resource type replaced',
    kinds: REMOVED,
    type: /^aws_(s3_bucket_object|db_security_group|alb|alb_listener|alb_target_group|iam_policy_attachment|elasticache_security_group|redshift_security_group|dynamodb_global_table|s3_bucket_encryption|elb)$|_v2$/,
  },
  {
    id: 'deprecated-argument',
    category: 'deprecated',
    severity: 'medium',
    title: 'Deprecated argument replaced',
    kinds: ['attribute-removed', 'attribute-changed'],
    key: /^(vpc|enable_classiclink|engine_name|hash_key|range_key|data_trace_enabled|throttling_burst_limit|throttling_rate_limit|source_security_group_id|stage_name|dead_letter_config)$/,
    when: (c) => (c.blockType === 'aws_eip' && lastKey(c) === 'vpc') || (c.blockType === 'aws_api_gateway_deployment' && lastKey(c) === 'stage_name'),
  },
  // --- IAM ---
  {
    id: 'kms-key-policy',
    category: 'key-policy',
    severity: 'high',
    title: 'KMS key policy changed',
    type: /^aws_kms_key(_policy)?$/,
    key: /^policy$/,
  },
  {
    id: 'kms-key-policy-added',
    category: 'key-policy',
    severity: 'high',
    title: 'KMS key policy added',
    kinds: ADDED,
    type: /^aws_kms_key_policy$/,
  },
  {
    id: 'iam-trust-policy',
    category: 'iam-least-privilege',
    severity: 'medium',
    title: 'Role trust policy changed',
    kinds: INNER,
    key: /^assume_role_policy$/,
  },
  {
    id: 'iam-policy-added-narrower',
    category: 'iam-least-privilege',
    severity: 'medium',
    title: 'Over-broad IAM policy narrowed',
    kinds: ADDED,
    type: IAM_POLICY_HOLDERS,
    // The ideal's new policy grants only what a model wildcard already allows: the model grants more, not less.
    when: (c, x) => {
      const p = addedPolicyCovered(c, x);
      return p.covered && p.broader;
    },
  },
  {
    id: 'iam-policy-added-covered',
    category: 'iam-least-privilege',
    severity: 'low',
    title: 'Policy split or renamed; the model already grants these actions',
    observation: true,
    kinds: ADDED,
    type: new RegExp(`${IAM_POLICY_HOLDERS.source}|${RESOURCE_POLICIES.source}`),
    when: (c, x) => addedPolicyCovered(c, x).covered,
  },
  {
    id: 'iam-actions-added',
    category: 'iam-missing-permission',
    severity: 'high',
    title: 'Missing IAM permissions',
    kinds: [...INNER, 'block-renamed'],
    type: IAM_POLICY_HOLDERS,
    when: (c, x) => (c.path.length === 0 || /policy|statement|actions?|inline_policy/.test(c.path.join('.'))) && policyDelta(c, x).addedActions.length > 0,
  },
  {
    id: 'iam-narrowed',
    category: 'iam-least-privilege',
    severity: 'high',
    title: 'Over-broad IAM policy narrowed',
    kinds: [...INNER, 'block-renamed'],
    type: IAM_POLICY_HOLDERS,
    when: (c, x) => {
      const d = policyDelta(c, x);
      return d.readable && (d.narrowedWildcards || d.removedActions.length > 0 || /resources?|condition/i.test(c.path.join('.')));
    },
  },
  {
    id: 'resource-policy-public',
    category: 'public-exposure',
    severity: 'high',
    title: 'Public principal removed from a resource policy',
    type: RESOURCE_POLICIES,
    when: (c) => anyLiteral(modelExpr(c), /^\*$/) && !anyLiteral(idealExpr(c), /^\*$/) && /"Principal"|principal/i.test(c.model?.snippet ?? ''),
  },
  {
    id: 'resource-policy-actions-added',
    category: 'iam-missing-permission',
    severity: 'high',
    title: 'Resource policy grants a missing permission',
    type: RESOURCE_POLICIES,
    when: (c, x) => policyDelta(c, x).addedActions.length > 0,
  },
  { id: 'resource-policy', category: 'iam-least-privilege', severity: 'medium', title: 'Resource policy changed', type: RESOURCE_POLICIES, kinds: INNER },
  {
    id: 'managed-policy-arn',
    category: 'iam-least-privilege',
    severity: 'medium',
    title: 'Attached managed policy changed',
    key: /^policy_arns?$|^managed_policy_arns$/,
    kinds: ['attribute-changed', 'attribute-removed'],
  },
  // --- variables ---
  { id: 'variable-default-added', category: 'required-input', severity: 'high', title: 'Required input without default', kinds: ['variable-default-added'] },
  { id: 'variable-default-removed', observation: true, category: 'required-input', severity: 'low', title: 'Variable default removed', kinds: ['variable-default-removed'] },
  {
    id: 'required-input-removed',
    category: 'external-dependency',
    severity: 'high',
    title: 'Input for a pre-existing resource removed',
    kinds: REMOVED,
    blockKinds: ['variable'],
    when: (c) => /(vpc|subnet|zone|certificate|cert|ecr|repository|image|ami|key_pair|key_name|security_group|hosted|bucket|role|kms|secret|cluster|arn|_id|_ids|_url)s?$|^existing_/.test(snake(c.address.replace(/^var\./, ''))) && !hasDefault(c),
  },
  {
    id: 'suffix-variable-added',
    category: 'naming',
    severity: 'high',
    title: 'Environment suffix input missing',
    kinds: ADDED,
    blockKinds: ['variable'],
    when: (c, x) => c.address === `var.${x.conventions.suffixVariable}` || c.address === `var.${x.conventions.suffixVariableCdktf}`,
  },
  {
    id: 'flag-variable-added', observation: true,
    category: 'optional-feature',
    severity: 'medium',
    title: 'Feature flag added',
    kinds: ADDED,
    blockKinds: ['variable', 'locals'],
    when: (c) => isFlagName(c.address.replace(/^(var|local)\./, '')),
  },
  // --- meta-arguments ---
  {
    id: 'count-on-flag',
    category: 'optional-feature',
    severity: 'high',
    title: 'Optional feature not guarded by a flag',
    kinds: ['meta-argument-added', 'meta-argument-changed'],
    key: /^(count|for_each)$/,
    when: (c) => isFlagGuard(idealExpr(c)) && !isFlagGuard(modelExpr(c)),
  },
  {
    id: 'flag-guarded-resource',
    category: 'optional-feature',
    severity: 'medium',
    title: 'Optional feature added behind a flag',
    kinds: ADDED,
    blockKinds: ['resource', 'module'],
    type: /^aws_(route53_|acm_|lb_listener|cloudfront|wafv2_web_acl_association|api_gateway_domain_name|api_gateway_base_path_mapping|apigatewayv2_domain_name|apigatewayv2_api_mapping)/,
    when: (c) => isFlagGuard(c.ideal?.block.attributes.find((a) => a.name === 'count' || a.name === 'for_each')?.expr),
  },
  {
    id: 'count-az',
    category: 'high-availability',
    severity: 'medium',
    title: 'Resource count across availability zones',
    kinds: ['meta-argument-added', 'meta-argument-changed'],
    key: /^(count|for_each)$/,
    when: (c) => /az|availability_zone|zones/i.test(c.ideal?.snippet ?? ''),
  },
  {
    id: 'count-changed',
    category: 'misconfiguration',
    severity: 'low',
    title: 'Instance count written differently',
    observation: true,
    kinds: ['meta-argument-added', 'meta-argument-changed', 'meta-argument-removed'],
    key: /^(count|for_each)$/,
    // `count = 2` vs `count = length(var.subnets)`: the same resources, parametrized; not a feature toggle.
  },
  { id: 'depends-on', category: 'dependency', severity: 'medium', title: 'Missing explicit dependency', key: /^depends_on$/ },
  { id: 'prevent-destroy', category: 'destroyability', severity: 'high', title: 'Resource blocks a clean destroy', key: /^prevent_destroy$/ },
  {
    id: 'lifecycle-prevent-destroy',
    category: 'destroyability',
    severity: 'high',
    title: 'Resource blocks a clean destroy',
    kinds: ['meta-argument-added', 'meta-argument-removed'],
    key: /^lifecycle$/,
    when: (c) => [c.model?.nested, c.ideal?.nested].some((n) => n?.type === 'lifecycle' && n.attributes.some((a) => a.name === 'prevent_destroy')),
  },
  { id: 'create-before-destroy', observation: true, category: 'dependency', severity: 'low', title: 'Replacement ordering changed', key: /^create_before_destroy$/ },
  { id: 'ignore-changes', observation: true, category: 'misconfiguration', severity: 'low', title: 'Lifecycle ignore_changes changed', key: /^(ignore_changes|replace_triggered_by)$/ },
  { id: 'provider-meta', observation: true, category: 'high-availability', severity: 'medium', title: 'Provider (region) of a resource changed', key: /^providers?$/, kinds: ['meta-argument-added', 'meta-argument-changed'] },
  // --- provider blocks ---
  { id: 'provider-default-tags', observation: true, category: 'tagging', severity: 'low', title: 'Default tags changed', blockKinds: ['provider'], key: /^default_tags$|^tags$/ },
  {
    id: 'provider-region-hardcoded',
    category: 'hardcoded-value',
    severity: 'medium',
    title: 'Hard-coded region',
    blockKinds: ['provider'],
    key: /^region$/,
    when: (c) => c.kind === 'attribute-changed' && literalToReference(c),
  },
  { id: 'provider-region', category: 'misconfiguration', severity: 'medium', title: 'Provider region differs from the task', blockKinds: ['provider'], key: /^region$/ },
  { id: 'provider-alias-added', category: 'high-availability', severity: 'medium', title: 'Provider for another region added', kinds: ADDED, blockKinds: ['provider'], when: (c) => !!c.ideal?.block.attributes.some((a) => a.name === 'alias') },
  { id: 'provider-config', observation: true, category: 'provider-version', severity: 'low', title: 'Provider configuration changed', blockKinds: ['provider'] },
  // --- naming ---
  {
    id: 'name-suffix',
    category: 'naming',
    severity: 'high',
    title: 'Resource name without the environment suffix',
    kinds: ['attribute-changed', 'attribute-added'],
    when: (c, x) => NAME_KEYS.test(lastKey(c)) && idealAddsSuffix(c, x),
  },
  {
    id: 'local-suffix',
    category: 'naming',
    severity: 'high',
    title: 'Naming prefix without the environment suffix',
    blockKinds: ['locals'],
    when: (c, x) => mentionsSuffixIn(idealExpr(c) ?? c.ideal?.block.attributes[0]?.expr, x.ideal, x.conventions) && !mentionsSuffixIn(modelExpr(c) ?? c.model?.block.attributes[0]?.expr, x.model, x.conventions),
  },
  {
    id: 'name-tag', observation: true,
    category: 'naming',
    severity: 'low',
    title: 'Name tag changed',
    kinds: ['attribute-changed'],
    key: /^tags$/,
    // Only the Name changed; when other keys were added or changed too, the change is about tagging.
    when: (c) => nameTagChanged(c) && !otherTagKeysChanged(c),
  },
  {
    id: 'random-suffix',
    category: 'naming',
    severity: 'medium',
    title: 'Random suffix for unique names',
    kinds: ADDED,
    type: /^random_(string|id|pet|uuid)$/,
  },
  // --- exposure and network specifics ---
  {
    id: 'open-ingress',
    category: 'public-exposure',
    severity: 'high',
    title: 'Ingress open to the internet',
    // The CIDR itself changed (or the whole rule went): a description added beside an open CIDR is not a fix.
    when: (c) =>
      isIngress(c) &&
      (/cidr/.test(lastKey(c)) || !c.kind.startsWith('attribute')) &&
      (anyLiteral(modelExpr(c) ?? undefined, OPEN_CIDR) || /0\.0\.0\.0\/0/.test(c.model?.snippet ?? '')) &&
      !/0\.0\.0\.0\/0/.test(c.ideal?.snippet ?? ''),
  },
  { id: 'ingress', category: 'network', severity: 'medium', title: 'Security group ingress changed', when: isIngress },
  { id: 'egress', category: 'network', severity: 'medium', title: 'Egress rules changed', key: /^egress$|^dynamic\.egress$/ },
  {
    id: 'performance-insights-instance',
    category: 'service-constraint',
    severity: 'critical',
    title: 'Feature not supported by the instance class',
    key: /^performance_insights_(enabled|retention_period|kms_key_id)$/,
    // The model turns the feature on and the ideal turns it off; the ideal adding it says nothing of the model.
    kinds: ['attribute-removed', 'attribute-changed'],
    when: (c) => c.model?.expr?.kind !== 'literal' || c.model.expr.value !== false,
  },
  {
    id: 'cors-options',
    category: 'misconfiguration',
    severity: 'medium',
    title: 'Incomplete CORS configuration',
    kinds: ADDED,
    type: /^aws_api_gateway_(method|integration|method_response|integration_response)$/,
    when: (c) => /OPTIONS/.test(c.ideal?.snippet ?? ''),
  },
  {
    id: 'external-lookup-removed',
    category: 'external-dependency',
    severity: 'high',
    title: 'Stack depends on pre-existing resources',
    kinds: REMOVED,
    blockKinds: ['data'],
    when: (c) => !SELF_DATA.test(c.blockType),
  },
  {
    id: 'external-replaced-by-resource',
    category: 'external-dependency',
    severity: 'critical',
    title: 'Stack depends on pre-existing resources',
    kinds: ADDED,
    when: replacesExternal,
  },
  {
    id: 'lookup-changed',
    category: 'external-dependency',
    severity: 'medium',
    title: 'Lookup of existing resources changed',
    blockKinds: ['data'],
    kinds: INNER,
    when: (c) => !SELF_DATA.test(c.blockType),
  },
  {
    id: 'account-region-data',
    category: 'hardcoded-value',
    severity: 'medium',
    title: 'Hard-coded account/region/AZ replaced by a data source',
    kinds: ADDED,
    blockKinds: ['data'],
    type: /^aws_(caller_identity|region|partition|availability_zones|ami|ssm_parameter)$/,
  },
  {
    id: 'ideal-lookup-added',
    category: 'external-dependency',
    severity: 'low',
    title: 'The ideal looks up an existing resource',
    observation: true,
    kinds: ADDED,
    blockKinds: ['data'],
    // The ideal depending on something that must already exist (the default VPC) is no defect of a model that
    // creates it; account, region, AZ and AMI lookups are account-region-data's, above.
    when: (c) => !SELF_DATA.test(c.blockType),
  },
  {
    id: 'az-lookup-removed', observation: true,
    category: 'high-availability',
    severity: 'low',
    title: 'Availability zone lookup removed',
    kinds: REMOVED,
    blockKinds: ['data'],
    type: /^aws_availability_zones$/,
  },
  {
    id: 'account-lookup-removed', observation: true,
    category: 'hardcoded-value',
    severity: 'low',
    title: 'Account/region lookup removed',
    kinds: REMOVED,
    blockKinds: ['data'],
    type: /^aws_(caller_identity|region|partition)$/,
  },
  {
    id: 'env-literal-to-reference',
    category: 'hardcoded-value',
    severity: 'medium',
    title: 'Hard-coded region, account or AZ',
    kinds: ['attribute-changed'],
    when: (c) => literalToReference(c) && looksEnvironmentSpecific(modelExpr(c)),
  },
  { id: 'tfvars', category: 'required-input', severity: 'low', title: 'Input values (tfvars) differ', blockKinds: ['unknown'], type: /^tfvars$/ },
  // --- application code and tag maps ---
  {
    id: 'lambda-runtime',
    category: 'service-constraint',
    severity: 'high',
    title: 'Lambda runtime deprecated or unsupported',
    kinds: ['attribute-changed'],
    type: /^aws_lambda_(function|layer_version)$/,
    key: /^(runtime|compatible_runtimes)$/,
  },
  {
    id: 'lambda-handler',
    category: 'application-code',
    severity: 'medium',
    title: 'Lambda handler entry point changed',
    kinds: ['attribute-changed', 'attribute-added'],
    type: /^aws_lambda_function$/,
    key: /^handler$/,
  },
  {
    id: 'tag-map-changed', observation: true,
    category: 'tagging',
    severity: 'low',
    title: 'Common tag map changed',
    blockKinds: ['variable', 'locals'],
    when: (c) => /tags?$/i.test(c.address) || /(^|_)tags$/i.test(lastKey(c)),
  },
  // --- tuning ---
  {
    id: 'cidr-chosen',
    category: 'network',
    severity: 'low',
    title: 'Address range chosen differently',
    observation: true,
    kinds: ['attribute-changed'],
    key: /cidr/,
    // "10.10.1.0/24" vs "10.0.1.0/24": both private ranges the author picked; open ranges are open-ingress's.
    when: (c) => isPrivateCidrList(modelExpr(c)) && isPrivateCidrList(idealExpr(c)),
  },
  {
    id: 'value-tuned',
    category: 'misconfiguration',
    severity: 'low',
    title: 'Numeric setting tuned differently',
    observation: true,
    kinds: ['attribute-changed'],
    key: TUNING_KEYS,
    // Both sides set a number (an alarm threshold 80 vs 75, a timeout 30 vs 60): a judgment call, not a defect.
    when: (c) => isPositiveNumber(modelExpr(c)) && isPositiveNumber(idealExpr(c)),
  },
  // --- best practice the task did not ask for ---
  {
    id: 'unrequested-monitoring',
    category: 'monitoring',
    severity: 'low',
    title: 'Monitoring the task did not ask for',
    observation: true,
    kinds: ADDED,
    type: MONITORING_TYPES,
    // An ideal that adds alarms to a prompt that never mentions monitoring shows a best practice, not a failure.
    when: (_c, x) => x.prompt !== '' && !MONITORING_WORDS.test(x.prompt),
  },
  {
    id: 'unrequested-monitoring-setting',
    category: 'monitoring',
    severity: 'low',
    title: 'Monitoring setting the task did not ask for',
    observation: true,
    kinds: ['attribute-added', 'nested-block-added', 'attribute-changed'],
    key: /^(monitoring|monitoring_interval|monitoring_role_arn|tracing_config|tracing_enabled|xray_tracing_enabled|container_insights|performance_insights_enabled|performance_insights_retention_period|enhanced_monitoring|metrics_enabled|detailed_metrics_enabled|insights_configuration)$/,
    when: (_c, x) => x.prompt !== '' && !MONITORING_WORDS.test(x.prompt),
  },
  // --- outputs ---
  { id: 'output-sensitive', category: 'secrets', severity: 'medium', title: 'Sensitive output not marked', blockKinds: ['output'], key: /^sensitive$/ },
  { id: 'output', observation: true, category: 'outputs', severity: 'low', title: 'Stack outputs changed', blockKinds: ['output'] },
];

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function hasDefault(c: DiffChange): boolean {
  return !!c.model?.block.attributes.some((a) => a.name === 'default');
}

/** A tag map (an object, or the object argument of `merge(...)`) as key → value without spans; undefined when not written out. */
function tagEntries(e: DiffChange['model']): Map<string, string> | undefined {
  const ex = e?.expr;
  if (!ex) return undefined;
  const obj = ex.kind === 'object' ? ex : ex.kind === 'call' ? ex.args.find((a) => a.kind === 'object') : undefined;
  if (!obj || obj.kind !== 'object') return undefined;
  const out = new Map<string, string>();
  for (const en of obj.entries) if (en.key !== undefined && !out.has(en.key)) out.set(en.key, JSON.stringify(en.value, (k, val) => (k === 'span' ? undefined : val)));
  return out;
}

function nameTagChanged(c: DiffChange): boolean {
  const m = tagEntries(c.model)?.get('Name');
  const i = tagEntries(c.ideal)?.get('Name');
  return m !== undefined && i !== undefined && m !== i;
}

/** Keys other than Name that differ between the two tag maps (added, removed or with another value). */
function otherTagKeysChanged(c: DiffChange): boolean {
  const m = tagEntries(c.model);
  const i = tagEntries(c.ideal);
  if (!m || !i) return false;
  m.delete('Name');
  i.delete('Name');
  if (m.size !== i.size) return true;
  for (const [k, v] of m) if (i.get(k) !== v) return true;
  return false;
}

/** 2. By attribute / nested block name; every path element is tried, deepest first. */
export interface KeywordCategory {
  id: string;
  key: RegExp;
  category: CategoryId;
  severity: Severity;
  title: string;
}

export const KEYWORD_CATEGORIES: readonly KeywordCategory[] = [
  { id: 'kw-docs', key: /^(description|comment)$/, category: 'documentation', severity: 'low', title: 'Descriptions differ' },
  { id: 'kw-destroy', key: /^(skip_final_snapshot|deletion_protection|final_snapshot_identifier|force_destroy|deletion_window_in_days|recovery_window_in_days|force_delete|termination_protection|disable_api_termination|enable_deletion_protection|delete_automated_backups|retain_on_delete|deletion_policy|prevent_destroy|force_detach_policies)$/, category: 'destroyability', severity: 'high', title: 'Resource blocks a clean destroy' },
  { id: 'kw-encryption', key: /kms|encrypt|(^|_)sse(_|$)|server_side_encryption|key_rotation|(^|_)ssl(_|$)|(^|_)tls(_|$)|https_only|enforce_https|secure_transport|at_rest|in_transit|cmk|customer_master_key|encryption/, category: 'encryption', severity: 'high', title: 'Encryption missing or wrong' },
  { id: 'kw-secrets', key: /password|secret|credential|(^|_)token(_|$)|api_key|sensitive|master_user|manage_master|(^|_)username$/, category: 'secrets', severity: 'high', title: 'Secret handling' },
  { id: 'kw-logging', key: /(^|_)logs?(_|$)|logging|retention_in_days|access_log|log_group|log_destination|log_config|log_format|logs_export|cloudwatch_logs|log_level|log_type|firehose|(^|_)audit(_|$)/, category: 'logging', severity: 'medium', title: 'Logging missing or incomplete' },
  { id: 'kw-monitoring', key: /tracing|xray|x_ray|monitoring|container_insights|(^|_)insights|alarm|metric|dashboard|notification|alert|ok_actions|treat_missing_data|evaluation_periods|threshold|statistic|comparison_operator|datapoints|(^|_)sns(_|$)|anomaly|health_check/, category: 'monitoring', severity: 'medium', title: 'Monitoring missing or incomplete' },
  { id: 'kw-public', key: /public|^acl$|block_public|ignore_public|restrict_public|(^|_)internal$|authorization$|authorizer|api_key_required|origin_access|viewer_protocol_policy|waf|web_acl/, category: 'public-exposure', severity: 'high', title: 'Public exposure' },
  { id: 'kw-backup', key: /point_in_time|versioning|backup|snapshot|replication|(^|_)restore|object_lock|copy_tags|pitr/, category: 'backup-recovery', severity: 'medium', title: 'Backup or recovery missing' },
  { id: 'kw-ha', key: /multi_az|availability_zones?$|replica|failover|az_mode|zone_awareness|num_cache|number_cache|replicas_per|cross_zone|(^|_)global|standby|multi_region|(^|_)azs?(_|$)/, category: 'high-availability', severity: 'medium', title: 'High availability' },
  { id: 'kw-scaling', key: /autoscal|scaling|cooldown|(^|_)(min|max)_size$|desired_capacity|desired_count|min_capacity|max_capacity|reserved_concurrent|provisioned_concurrent|target_value|concurrency|throttl|burst_limit|rate_limit|(^|_)quota(_|$)|(^|_)warm/, category: 'scaling', severity: 'medium', title: 'Scaling configuration' },
  { id: 'kw-lifecycle', key: /lifecycle_rule|lifecycle_policy|(^|_)expiration|transition|noncurrent|abort_incomplete|billing_mode|read_capacity|write_capacity|(^|_)capacity|storage_class|intelligent_tiering|(^|_)cost|budget|storage_type|(^|_)iops|throughput|allocated_storage|(^|_)ttl(_|$)|message_retention|retention_period|image_tag_mutability|table_class/, category: 'lifecycle-cost', severity: 'medium', title: 'Lifecycle or cost setting' },
  { id: 'kw-service', key: /engine_version|^engine$|instance_class|node_type|engine_mode|^family$|major_engine_version|instance_type|db_cluster_instance_class|cache_node_type|(^|_)version$|solution_stack|platform_version|kafka_version/, category: 'service-constraint', severity: 'medium', title: 'Service constraint (engine, version or instance class)' },
  { id: 'kw-tagging', key: /(^|_)tags$|^tags_all$|default_tags|^tag$|propagate_tags|^tag_specifications$/, category: 'tagging', severity: 'low', title: 'Tags missing or inconsistent' },
  { id: 'kw-network', key: /vpc|subnet|security_group|cidr|(^|_)routes?(_|$)|route_table|nat_|(^|_)endpoint|private_dns|(^|_)dns|network|(^|_)ports?$|from_port|to_port|gateway|(^|_)eip|peering|transit|elastic_ip|ip_address|(^|_)ipv6/, category: 'network', severity: 'medium', title: 'Network configuration' },
  { id: 'kw-iam', key: /(^|_)role(_|$)|role_arn|policy|principal|permission|assume_role|(^|_)iam(_|$)|(^|_)statement$|(^|_)actions?$|source_arn|source_account|instance_profile/, category: 'iam-least-privilege', severity: 'medium', title: 'IAM configuration' },
  { id: 'kw-naming', key: NAME_KEYS, category: 'naming', severity: 'low', title: 'Resource naming' },
  { id: 'kw-optional', key: /^(enable|enabled|create|count)$|^enable_|_enabled$/, category: 'optional-feature', severity: 'low', title: 'Feature toggle' },
  { id: 'kw-dependency', key: /depends_on|wait_for|triggers/, category: 'dependency', severity: 'medium', title: 'Ordering between resources' },
];

/** 2b. Generic configuration keywords: tried after the resource type, which says more. */
export const GENERIC_KEYWORDS: readonly KeywordCategory[] = [
  { id: 'kw-misconfig', key: /architectures?|runtime|memory_size|(^|_)memory$|timeout|handler|ephemeral_storage|http_method|integration_http_method|protocol|(^|_)cors|(^|_)type$|(^|_)mode$|status|environment|variables|source_code_hash|filename|s3_key|s3_bucket|s3_object_version|image_uri|image_config|content_type|layers|package_type|(^|_)cpu$|schedule|event_pattern|batch_size|visibility_timeout|starting_position|uri$|integration|response|request|stage|deployment|method|route_key|target|listener|default_action|condition|action|rule|definition|(^|_)source(_|$)|destination|container_definitions|health|(^|_)path$|query|filter|attribute|hash_key|range_key|key_schema|index|dimensions|period|(^|_)port$|(^|_)user_data|(^|_)ami|(^|_)image|(^|_)value$|fifo|deduplication|maintenance_window|delay_seconds|max_message_size|receive_wait/, category: 'misconfiguration', severity: 'medium', title: 'Resource configured against the task' },
];

/** 3. By resource type: added/removed blocks, and changes inside resources of a themed type. */
export interface TypeCategory {
  id: string;
  type: RegExp;
  category: CategoryId;
  severity: Severity;
  title: string;
  /** Applies only to these kinds (default: all). */
  kinds?: readonly ChangeKind[];
}

export const TYPE_CATEGORIES: readonly TypeCategory[] = [
  { id: 'type-monitoring', type: /^aws_cloudwatch_(metric_alarm|composite_alarm|dashboard|metric_stream)$|^aws_sns_topic|^aws_xray_|^aws_synthetics|^aws_config_|^aws_guardduty|^aws_securityhub|^aws_cloudwatch_anomaly|^aws_inspector|^aws_macie|^aws_route53_health_check$|^aws_cloudwatch_log_metric_filter$/, category: 'monitoring', severity: 'medium', title: 'Monitoring missing or incomplete' },
  { id: 'type-logging', type: /^aws_cloudwatch_log_|^aws_flow_log$|^aws_cloudtrail|^aws_s3_bucket_logging$|^aws_api_gateway_account$|^aws_cloudwatch_query_definition$|^aws_kinesis_firehose|^aws_wafv2_web_acl_logging|^aws_elb_service_account$/, category: 'logging', severity: 'medium', title: 'Logging missing or incomplete' },
  { id: 'type-key-policy', type: /^aws_kms_key_policy$/, category: 'key-policy', severity: 'high', title: 'KMS key policy' },
  { id: 'type-encryption', type: /^aws_kms_|_server_side_encryption_configuration$|^aws_ebs_encryption_by_default$|^aws_acm_/, category: 'encryption', severity: 'high', title: 'Encryption missing or wrong' },
  { id: 'type-public', type: /^aws_s3_bucket_public_access_block$|^aws_s3_account_public_access_block$|^aws_s3_bucket_ownership_controls$|^aws_s3_bucket_acl$|^aws_wafv2_|^aws_waf_|^aws_shield|^aws_cloudfront_origin_access|^aws_api_gateway_authorizer$|^aws_cognito_/, category: 'public-exposure', severity: 'high', title: 'Public exposure' },
  { id: 'type-backup', type: /^aws_s3_bucket_versioning$|^aws_backup_|^aws_s3_bucket_replication_configuration$|^aws_db_snapshot|^aws_dynamodb_table_replica$|^aws_s3_bucket_object_lock/, category: 'backup-recovery', severity: 'medium', title: 'Backup or recovery missing' },
  { id: 'type-lifecycle', type: /^aws_s3_bucket_lifecycle_configuration$|^aws_ecr_lifecycle_policy$|^aws_budgets_|^aws_s3_bucket_intelligent_tiering|^aws_ce_|^aws_dlm_/, category: 'lifecycle-cost', severity: 'medium', title: 'Lifecycle or cost setting' },
  { id: 'type-scaling', type: /^aws_appautoscaling_|^aws_autoscaling_(policy|schedule|group)$|^aws_lambda_provisioned_concurrency|^aws_launch_template$|^aws_api_gateway_usage_plan/, category: 'scaling', severity: 'medium', title: 'Scaling configuration' },
  { id: 'type-ha', type: /^aws_rds_global_cluster$|^aws_dynamodb_global_table$|^aws_elasticache_replication_group$|^aws_db_instance_automated_backups_replication$|^aws_route53_record$/, category: 'high-availability', severity: 'medium', title: 'High availability' },
  { id: 'type-network', type: /^aws_vpc|^aws_nat_gateway$|^aws_eip|^aws_internet_gateway$|^aws_egress_only|^aws_route$|^aws_route_table|^aws_subnet|^aws_network_acl|^aws_default_(route_table|network_acl|security_group|vpc)|^aws_security_group|^aws_db_subnet_group$|^aws_elasticache_subnet_group$|^aws_ec2_transit|^aws_networkfirewall|^aws_service_discovery/, category: 'network', severity: 'medium', title: 'Network configuration' },
  { id: 'type-secrets', type: /^aws_secretsmanager_|^aws_ssm_parameter$|^random_password$/, category: 'secrets', severity: 'high', title: 'Secret handling' },
  { id: 'type-iam-added', type: /^aws_iam_|^aws_lambda_permission$|_policy$/, category: 'iam-missing-permission', severity: 'high', title: 'Missing IAM permissions', kinds: ADDED },
  { id: 'type-iam', type: /^aws_iam_|^aws_lambda_permission$/, category: 'iam-least-privilege', severity: 'medium', title: 'IAM configuration' },
  { id: 'type-naming', type: /^random_(string|id|pet|uuid)$/, category: 'naming', severity: 'medium', title: 'Random suffix for unique names' },
  { id: 'type-dependency', type: /^time_sleep$|^null_resource$|^terraform_data$/, category: 'dependency', severity: 'medium', title: 'Ordering between resources' },
  { id: 'type-optional', type: /^aws_route53_|^aws_api_gateway_domain_name$|^aws_api_gateway_base_path_mapping$|^aws_apigatewayv2_(domain_name|api_mapping)$/, category: 'optional-feature', severity: 'medium', title: 'Optional feature (DNS, domain, HTTPS)' },
  { id: 'type-code', type: /^archive_file$|^local_file$/, category: 'application-code', severity: 'low', title: 'Application code packaging' },
];

/**
 * 4. Generic decisions attribute.ts takes when no table entry matched (renames, a new resource type, a literal
 * made a reference). They are heuristics in their own right, with their own rule ids; `fallback` is not here:
 * what nothing explains keeps the category id `diff-misconfiguration`.
 */
export interface GenericDecision {
  id: string;
  category: CategoryId;
  severity: Severity;
  title: string;
  observation?: true;
}

export const GENERIC_DECISIONS = {
  renamed: { id: 'renamed', category: 'naming', severity: 'low', title: 'Block renamed', observation: true },
  'missing-resource-prompt': { id: 'missing-resource-prompt', category: 'missing-resource', severity: 'medium', title: 'Resource the task asks for is missing' },
  'missing-resource-type': { id: 'missing-resource-type', category: 'missing-resource', severity: 'medium', title: 'Resource type missing from the model' },
  'literal-to-reference': { id: 'literal-to-reference', category: 'hardcoded-value', severity: 'low', title: 'Hard-coded value replaced by a reference' },
  'variable-added': { id: 'variable-added', category: 'hardcoded-value', severity: 'low', title: 'Input variable added', observation: true },
  'variable-removed': { id: 'variable-removed', category: 'hardcoded-value', severity: 'low', title: 'Input variable removed', observation: true },
  // Keeps the category the tables chose (network, lifecycle-cost...): the finding says what kind of setting it is.
  'ideal-omits': { id: 'ideal-omits', category: 'misconfiguration', severity: 'low', title: 'The ideal leaves out a setting the model writes', observation: true },
  'local-changed': { id: 'local-changed', category: 'hardcoded-value', severity: 'low', title: 'Local value added or removed', observation: true },
  description: { id: 'description', category: 'documentation', severity: 'low', title: 'Description or comment reworded', observation: true },
} as const satisfies Record<string, GenericDecision>;
