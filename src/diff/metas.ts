/**
 * Rule ids and metadata of diff findings. A finding decided by a named heuristic (HEURISTICS and the generic
 * decisions) carries `diff-<heuristic id>`, so readers and the judge know what fired; one decided by the
 * keyword or type tables, or by nothing (fallback), carries `diff-<category>`.
 *
 * `defaultTier: 'observation'` marks what is churn or an unrequested best practice: outputs, descriptions,
 * tags, renames, moved blocks, the provider meta-argument, and the unexplained remainder (misconfiguration).
 */
import type { RuleMeta } from '../contracts/check.js';
import { CATEGORIES, categoryInfo, type CategoryId } from '../taxonomy/categories.js';
import { GENERIC_DECISIONS, HEURISTICS } from './heuristics.js';

export function diffRuleId(category: CategoryId): string {
  return `diff-${category}`;
}

/** Heuristics that name their finding: every entry of HEURISTICS, then the generic decisions. */
const NAMED = new Map<string, { category: CategoryId; severity: RuleMeta['severity']; title: string; observation?: true }>([
  ...HEURISTICS.map((h) => [h.id, h] as const),
  ...Object.values(GENERIC_DECISIONS).map((g) => [g.id, g] as const),
]);

/** The rule id of a change's finding: its heuristic's when it is a named one, else its category's. */
export function diffRuleIdOf(c: { heuristic: string; category: CategoryId }): string {
  return NAMED.has(c.heuristic) ? `diff-${c.heuristic}` : diffRuleId(c.category);
}

/** Categories whose keyword/type/fallback findings are churn, not failures. */
const OBSERVATION_CATEGORIES: ReadonlySet<CategoryId> = new Set<CategoryId>(['documentation', 'tagging', 'naming', 'outputs', 'misconfiguration']);

const DEFAULT_SEVERITY: Partial<Record<CategoryId, RuleMeta['severity']>> = {
  reference: 'critical',
  schema: 'high',
  backend: 'high',
  'provider-version': 'high',
  'external-dependency': 'high',
  'required-input': 'high',
  'iam-least-privilege': 'high',
  'iam-missing-permission': 'high',
  'public-exposure': 'high',
  encryption: 'high',
  'key-policy': 'high',
  secrets: 'high',
  destroyability: 'high',
  naming: 'medium',
  'file-layout': 'medium',
  tagging: 'low',
  outputs: 'low',
  misconfiguration: 'low',
  documentation: 'low',
};

const DOCS: Partial<Record<CategoryId, string>> = {
  backend: 'https://developer.hashicorp.com/terraform/language/backend',
  'provider-version': 'https://developer.hashicorp.com/terraform/language/providers/requirements',
  'iam-least-privilege': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  'iam-missing-permission': 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html',
  encryption: 'https://docs.aws.amazon.com/kms/latest/developerguide/overview.html',
  'key-policy': 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
  'public-exposure': 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  logging: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html',
  monitoring: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html',
  dependency: 'https://developer.hashicorp.com/terraform/language/meta-arguments/depends_on',
  'optional-feature': 'https://developer.hashicorp.com/terraform/language/meta-arguments/count',
  destroyability: 'https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle',
  reference: 'https://developer.hashicorp.com/terraform/language/expressions/references',
  deprecated: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-5-upgrade',
  'file-layout': 'https://developer.hashicorp.com/terraform/language/files',
  naming: 'https://developer.hashicorp.com/terraform/language/values/variables',
  'required-input': 'https://developer.hashicorp.com/terraform/language/values/variables#default-values',
  outputs: 'https://developer.hashicorp.com/terraform/language/values/outputs',
  'hardcoded-value': 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/data-sources/caller_identity',
  schema: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs',
};

/** Why models get it wrong, and what the ideal does, per named heuristic. Docs default to the category's. */
const NOTES: Record<string, { rootCause: string; fix: string; docs?: string }> = {
  'provider-moved-file': { rootCause: 'The model put provider or terraform blocks next to resources instead of in the provider file the project keeps them in.', fix: 'Move the provider and terraform blocks to the provider file (provider.tf).' },
  'block-moved-file': { rootCause: 'The model laid out blocks across files differently from the ideal; Terraform reads all files of a module alike.', fix: 'Optional: follow the ideal file layout.' },
  'lambda-code-folder': { rootCause: 'The model packaged Lambda code from a path outside the lambda folder the project uses.', fix: 'Point the package at the lambda folder.' },
  backend: { rootCause: 'The model configured state storage differently from the project (local state, variables in the backend block, missing locking).', fix: 'Use the backend block the ideal uses.' },
  'provider-version-constraint': { rootCause: 'The model pinned provider versions that conflict with the project or with the arguments it uses.', fix: 'Use the provider constraint the ideal uses.' },
  'terraform-version': { rootCause: 'The model required a Terraform version the project does not use.', fix: 'Use the required_version the ideal uses.' },
  'renamed-to-referenced-name': { rootCause: 'The model declared a name and referenced another: the configuration does not validate.', fix: 'Declare the name the references use.' },
  'undeclared-reference-fixed': { rootCause: 'The model referenced a variable, local or resource it never declared: the configuration does not validate.', fix: 'Reference a declared name.' },
  'declaration-added-for-reference': { rootCause: 'The model referenced a declaration it never wrote: the configuration does not validate.', fix: 'Add the missing declaration.' },
  'nesting-form': { rootCause: 'The model wrote a nested block as a list where the provider expects one object (or the reverse).', fix: 'Use the nesting form the provider schema defines.' },
  'attribute-vs-block': { rootCause: 'The model wrote an argument as a nested block (or a block as an argument), which the provider rejects.', fix: 'Use the form the provider schema defines.' },
  'invalid-http-method': { rootCause: 'The model used a value outside the set the API accepts.', fix: 'Use a valid HTTP method.' },
  'invalid-method-resource-removed': { rootCause: 'The model declared an API Gateway method with a value the API rejects.', fix: 'Remove or correct the invalid method.' },
  'managed-policy-arns': { rootCause: 'The model used the deprecated managed_policy_arns / inline_policy arguments of aws_iam_role.', fix: 'Attach policies with aws_iam_role_policy_attachment / aws_iam_role_policy.' },
  'policy-attachment-for-managed-arns': { rootCause: 'The model used the deprecated managed_policy_arns argument of aws_iam_role.', fix: 'Attach policies with aws_iam_role_policy_attachment.' },
  's3-inline-subresource': { rootCause: 'The model configured S3 features inline on aws_s3_bucket, deprecated since AWS provider v4.', fix: 'Use the separate aws_s3_bucket_* resources.' },
  's3-subresource-for-inline': { rootCause: 'The model configured S3 features inline on aws_s3_bucket, deprecated since AWS provider v4.', fix: 'Use the separate aws_s3_bucket_* resources.' },
  'deprecated-type': { rootCause: 'The model used a deprecated resource type.', fix: 'Use the current resource type.' },
  'deprecated-argument': { rootCause: 'The model used a deprecated argument.', fix: 'Use the current argument.' },
  'kms-key-policy': { rootCause: 'The model wrote a KMS key policy that misses a principal the stack needs, or is too broad.', fix: 'Use the key policy the ideal uses.' },
  'kms-key-policy-added': { rootCause: 'The model left the KMS key on the default key policy, which does not let the services that use it encrypt.', fix: 'Add the key policy the ideal adds.' },
  'iam-trust-policy': { rootCause: 'The model wrote a role trust policy that trusts the wrong principal or too many.', fix: 'Use the trust policy the ideal uses.' },
  'iam-actions-added': { rootCause: 'The model granted fewer IAM actions than the workload calls: it fails at run time with AccessDenied.', fix: 'Grant the actions the ideal adds.' },
  'iam-narrowed': { rootCause: 'The model granted wildcard actions or resources where the workload needs a few.', fix: 'Narrow the policy to the actions and resources the ideal grants.' },
  'resource-policy-public': { rootCause: 'The model wrote a resource policy with a public principal.', fix: 'Restrict the principal as the ideal does.' },
  'resource-policy-actions-added': { rootCause: 'The model wrote a resource policy that does not let a needed service or role act.', fix: 'Grant the actions the ideal adds.' },
  'resource-policy': { rootCause: 'The model wrote a resource policy different from the ideal.', fix: 'Use the resource policy the ideal uses.' },
  'managed-policy-arn': { rootCause: 'The model attached a broader (or wrong) managed policy.', fix: 'Attach the policy the ideal attaches.' },
  'variable-default-added': { rootCause: 'The model declared an input without a default: an unattended plan stops and asks for it.', fix: 'Give the variable the default the ideal gives it.' },
  'variable-default-removed': { rootCause: 'The model gave a variable a default the ideal leaves out.', fix: 'Optional: drop the default.' },
  'required-input-removed': { rootCause: 'The model asked for an existing resource as an input instead of creating it.', fix: 'Create the resource in the stack.' },
  'suffix-variable-added': { rootCause: 'The model did not declare the environment suffix input the project uses to keep names unique.', fix: 'Declare the suffix variable and use it in names.' },
  'flag-variable-added': { rootCause: 'The ideal adds a feature flag the task did not require.', fix: 'Optional: add the flag.' },
  'count-on-flag': { rootCause: 'The model created an optional feature unconditionally.', fix: 'Guard it with a count on an enable flag, as the ideal does.' },
  'flag-guarded-resource': { rootCause: 'The model left out an optional feature (domain, certificate, DNS) the ideal adds behind a flag.', fix: 'Add it behind a flag, as the ideal does.' },
  'count-az': { rootCause: 'The model created a single instance where the ideal spreads one per availability zone.', fix: 'Use a count or for_each over the availability zones.' },
  'depends-on': { rootCause: 'The model left out an ordering Terraform cannot infer from references.', fix: 'Add the depends_on the ideal adds.' },
  'prevent-destroy': { rootCause: 'The model set prevent_destroy, so the stack cannot be destroyed.', fix: 'Remove prevent_destroy.' },
  'lifecycle-prevent-destroy': { rootCause: 'The model set prevent_destroy, so the stack cannot be destroyed.', fix: 'Remove prevent_destroy.' },
  'create-before-destroy': { rootCause: 'The ideal orders replacement differently.', fix: 'Optional: follow the ideal lifecycle.' },
  'ignore-changes': { rootCause: 'The ideal ignores different attribute drift.', fix: 'Optional: follow the ideal lifecycle.' },
  'provider-meta': { rootCause: 'The ideal pins resources to an aliased provider explicitly; the effect depends on the provider the model used.', fix: 'Check which region each resource must live in.' },
  'provider-default-tags': { rootCause: 'The ideal tags through the provider default_tags differently.', fix: 'Optional: use default_tags as the ideal does.' },
  'provider-region-hardcoded': { rootCause: 'The model hard-coded the region in the provider.', fix: 'Take the region from a variable.' },
  'provider-region': { rootCause: 'The model deployed to a region other than the task asks for.', fix: 'Use the region the ideal uses.' },
  'provider-alias-added': { rootCause: 'The model left out the provider for the second region the task needs.', fix: 'Add the aliased provider the ideal adds.' },
  'provider-config': { rootCause: 'The ideal configures the provider block differently.', fix: 'Optional: follow the ideal provider block.' },
  'name-suffix': { rootCause: 'The model named a resource without the environment suffix: two deployments collide.', fix: 'Append the environment suffix to the name.' },
  'local-suffix': { rootCause: 'The model built its naming prefix without the environment suffix: two deployments collide.', fix: 'Include the environment suffix in the prefix.' },
  'name-tag': { rootCause: 'The ideal names the Name tag differently.', fix: 'Optional: follow the ideal Name tag.' },
  'random-suffix': { rootCause: 'The model used fixed names for globally unique resources.', fix: 'Add a random suffix as the ideal does.' },
  'open-ingress': { rootCause: 'The model opened a security group to 0.0.0.0/0.', fix: 'Restrict the source to the CIDR or security group the ideal uses.' },
  ingress: { rootCause: 'The model wrote different security group ingress than the ideal.', fix: 'Use the ingress the ideal uses.' },
  egress: { rootCause: 'The model wrote different security group egress than the ideal.', fix: 'Use the egress the ideal uses.' },
  'performance-insights-instance': { rootCause: 'The model enabled Performance Insights on an instance class that does not support it: the create fails.', fix: 'Drop Performance Insights or use a class that supports it.' },
  'cors-options': { rootCause: 'The model left out the OPTIONS method CORS preflight needs.', fix: 'Add the OPTIONS method and its integration.' },
  'external-lookup-removed': { rootCause: 'The model looked up resources that must already exist, so the stack does not deploy in a fresh account.', fix: 'Create the resources in the stack.' },
  'external-replaced-by-resource': { rootCause: 'The model looked up resources that must already exist, so the stack does not deploy in a fresh account.', fix: 'Create the resources in the stack.' },
  'lookup-changed': { rootCause: 'The model looked up an existing resource differently from the ideal.', fix: 'Use the lookup the ideal uses.' },
  'account-region-data': { rootCause: 'The model hard-coded the account, region or availability zones.', fix: 'Read them from the aws_caller_identity / aws_region / aws_availability_zones data sources.' },
  'az-lookup-removed': { rootCause: 'The ideal drops an availability zone lookup.', fix: 'Optional.' },
  'account-lookup-removed': { rootCause: 'The ideal drops an account or region lookup.', fix: 'Optional.' },
  'env-literal-to-reference': { rootCause: 'The model hard-coded a region, account id or availability zone.', fix: 'Use a variable or data source, as the ideal does.' },
  tfvars: { rootCause: 'The ideal ships different input values.', fix: 'Use the values the ideal uses.' },
  'lambda-handler': { rootCause: 'The model named a handler that does not match the packaged code.', fix: 'Use the handler the ideal uses.' },
  'tag-map-changed': { rootCause: 'The ideal uses a different common tag map.', fix: 'Optional: follow the ideal tags.' },
  'output-sensitive': { rootCause: 'The model exposed a secret in an output not marked sensitive.', fix: 'Mark the output sensitive.' },
  output: { rootCause: 'The ideal declares other outputs (often for its integration tests).', fix: 'Optional: add the outputs the tests read.' },
  'unrequested-monitoring-setting': { rootCause: 'The ideal turns on detailed monitoring or tracing the task did not ask for.', fix: 'Optional.' },
  'unrequested-monitoring': { rootCause: 'The ideal adds monitoring the task did not ask for.', fix: 'Optional: add the alarms.' },
  renamed: { rootCause: 'The ideal names the block differently.', fix: 'Optional: use the ideal name.' },
  'missing-resource-prompt': { rootCause: 'The model left out a resource the task asks for.', fix: 'Add the resource the ideal adds.' },
  'missing-resource-type': { rootCause: 'The model has no resource of a type the ideal adds.', fix: 'Add the resource the ideal adds.' },
  'literal-to-reference': { rootCause: 'The model hard-coded a value the ideal derives from another resource or input.', fix: 'Reference the value as the ideal does.' },
  'variable-added': { rootCause: 'The ideal adds an input variable.', fix: 'Optional: add the variable.' },
  'variable-removed': { rootCause: 'The ideal drops an input variable.', fix: 'Optional: drop the variable.' },
  description: { rootCause: 'The ideal words a description or comment differently.', fix: 'Optional.' },
  'ideal-hardcodes-environment': { rootCause: 'The ideal writes a literal region, account or AZ where the model derives it.', fix: 'None: the model form is the portable one.' },
  'reference-retargeted': { rootCause: 'The ideal organizes its resources differently, so its references point at other resources of the same type.', fix: 'Optional.' },
  'cidr-chosen': { rootCause: 'Both responses pick a private address range; the ideal picked another.', fix: 'Optional.' },
  'value-tuned': { rootCause: 'Both responses set this number; the ideal picked another value.', fix: 'Optional: use the value the ideal uses.' },
  'ideal-lookup-added': { rootCause: 'The ideal looks up a resource that must already exist where the model creates or parametrizes it.', fix: 'None: a self-contained stack is the project convention.' },
  'local-changed': { rootCause: 'The ideal organizes its local values differently.', fix: 'Optional.' },
  'ideal-omits': { rootCause: 'The model writes a setting the ideal does not show; usually the ideal shows only what it changed.', fix: 'Optional.' },
  'count-changed': { rootCause: 'The ideal writes the instance count differently (a literal vs. the length of a list).', fix: 'Optional: derive the count from the input it depends on.' },
  'lambda-runtime': { rootCause: 'The model picked a Lambda runtime that is deprecated or not the one the code needs; AWS refuses to create functions on deprecated runtimes.', fix: 'Use the runtime the ideal uses.', docs: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html' },
  'iam-policy-added-narrower': { rootCause: 'The model granted a wildcard where the ideal grants specific actions in a policy of its own.', fix: 'Replace the wildcard by the actions the ideal grants.' },
  'iam-policy-added-covered': { rootCause: 'The ideal splits or renames a policy; the model already grants its actions.', fix: 'Optional.' },
};

function categoryMeta(c: (typeof CATEGORIES)[number]): RuleMeta {
  const meta: RuleMeta = {
    id: diffRuleId(c.id),
    category: c.id,
    severity: DEFAULT_SEVERITY[c.id] ?? 'medium',
    fixClass: c.fixClass,
    title: `Ideal response fixes: ${c.id}`,
    rootCause: `The reviewed ideal response changed the model's configuration in a way attributed to "${c.id}": ${c.description}`,
    fix: 'Apply the change the ideal response made (see the ideal snippet).',
    docs: DOCS[c.id] ?? 'https://developer.hashicorp.com/terraform/language',
    knowledgeGap: c.description,
  };
  if (OBSERVATION_CATEGORIES.has(c.id)) meta.defaultTier = 'observation';
  return meta;
}

function heuristicMeta(id: string, h: { category: CategoryId; severity: RuleMeta['severity']; title: string; observation?: true }): RuleMeta {
  const note = NOTES[id];
  const info = categoryInfo(h.category);
  const meta: RuleMeta = {
    id: `diff-${id}`,
    category: h.category,
    severity: h.severity,
    fixClass: info.fixClass,
    title: h.title,
    rootCause: note?.rootCause ?? `The ideal response changed this (${h.title.toLowerCase()}).`,
    fix: note?.fix ?? 'Apply the change the ideal response made (see the ideal snippet).',
    docs: note?.docs ?? DOCS[h.category] ?? 'https://developer.hashicorp.com/terraform/language',
    knowledgeGap: info.description,
  };
  if (h.observation) meta.defaultTier = 'observation';
  return meta;
}

/**
 * Rule metadata for each diff finding id, for docs, SARIF and the judge: one per reportable category
 * (keyword/type/fallback attributions), then one per named heuristic, which wins where an id coincides
 * (`diff-backend`).
 */
export const diffRuleMetas: RuleMeta[] = (() => {
  const byId = new Map<string, RuleMeta>();
  for (const c of CATEGORIES) if (!['syntax', 'tests', 'style'].includes(c.id)) byId.set(diffRuleId(c.id), categoryMeta(c));
  for (const [id, h] of NAMED) byId.set(`diff-${id}`, heuristicMeta(id, h));
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
})();

const OBSERVATION_IDS: ReadonlySet<string> = new Set(diffRuleMetas.filter((m) => m.defaultTier === 'observation').map((m) => m.id));

/** Whether a diff rule id is churn (an observation) rather than a failure. */
export function isObservationRule(ruleId: string): boolean {
  return OBSERVATION_IDS.has(ruleId);
}
