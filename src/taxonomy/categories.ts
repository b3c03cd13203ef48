/**
 * The failure taxonomy. Ids are a public contract (JSON output, SARIF, evaluation); descriptions are ours.
 * Add a category only when none fits; never rename one.
 */
export type FixClass = 'A' | 'B' | 'C';
export type Severity = 'critical' | 'high' | 'medium' | 'low';
export type Evidence = 'static' | 'diff' | 'log' | 'claim';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
export const EVIDENCE_KINDS: readonly Evidence[] = ['static', 'diff', 'log', 'claim'];

export interface CategoryInfo {
  id: string;
  description: string;
  fixClass: FixClass;
}

export const CATEGORIES = [
  { id: 'syntax', fixClass: 'C', description: 'Code that fails to parse or compile: HCL parse errors, TypeScript compile errors, broken JSON or YAML, unterminated heredocs.' },
  { id: 'schema', fixClass: 'C', description: 'Arguments or blocks the provider does not define, wrong nesting mode, wrongly typed literals, missing required arguments, values outside the allowed set.' },
  { id: 'reference', fixClass: 'C', description: 'References to undeclared variables, locals, resources, data sources, modules or outputs, including names that disagree across files.' },
  { id: 'deprecated', fixClass: 'C', description: 'Resources, arguments or syntax deprecated for the provider version the code targets.' },
  { id: 'provider-version', fixClass: 'B', description: 'Provider or Terraform version constraints that contradict the lock file or the features used.' },
  { id: 'backend', fixClass: 'B', description: 'Backend blocks that use variables or expressions, local state where remote state is expected, or missing partial configuration.' },
  { id: 'service-constraint', fixClass: 'B', description: 'AWS-side limits the configuration breaks: unsupported feature/instance combinations, outdated engine versions, name limits.' },
  { id: 'dependency', fixClass: 'B', description: 'Missing or wrong ordering between resources and apply-time races.' },
  { id: 'external-dependency', fixClass: 'B', description: 'The stack is not self-contained: it looks up or demands pre-existing VPCs, subnets, repositories, zones, certificates or parameters.' },
  { id: 'required-input', fixClass: 'B', description: 'Input variables without defaults that stop an unattended deployment.' },
  { id: 'optional-feature', fixClass: 'B', description: 'Optional features (custom domains, HTTPS, DNS, WAF) made mandatory instead of guarded by a flag or count.' },
  { id: 'destroyability', fixClass: 'B', description: 'Resources that block a clean destroy: final snapshots, deletion protection, prevent_destroy, retained buckets.' },
  { id: 'file-layout', fixClass: 'B', description: 'Project layout conventions: provider and terraform blocks outside the provider file, application code outside its folder, single-file stacks.' },
  { id: 'naming', fixClass: 'B', description: 'Names without the environment suffix, with hard-coded words, or named inconsistently.' },
  { id: 'tagging', fixClass: 'B', description: 'Missing or inconsistent tags, including default and Name tags.' },
  { id: 'iam-least-privilege', fixClass: 'A', description: 'Wildcard actions or resources, over-broad managed policies, permissive trust policies.' },
  { id: 'iam-missing-permission', fixClass: 'A', description: 'A role lacks a permission that a configured feature needs.' },
  { id: 'public-exposure', fixClass: 'A', description: 'Publicly reachable data or services: missing S3 public access blocks, public ACLs, open ingress to sensitive ports, public databases.' },
  { id: 'encryption', fixClass: 'A', description: 'Missing encryption at rest or in transit, missing KMS configuration, key rotation disabled.' },
  { id: 'key-policy', fixClass: 'A', description: 'KMS key policies that miss a needed service principal or carry unnecessary or over-broad statements.' },
  { id: 'secrets', fixClass: 'A', description: 'Hard-coded credentials, secrets in plain variables or outputs, secret formats that do not match their consumers.' },
  { id: 'network', fixClass: 'B', description: 'Network design: egress wildcards, missing VPC endpoints, wrong subnet tiers, NAT layout.' },
  { id: 'logging', fixClass: 'B', description: 'Missing log groups or retention, access or execution logs not configured.' },
  { id: 'monitoring', fixClass: 'A', description: 'Missing alarms, dashboards, notification topics or tracing.' },
  { id: 'backup-recovery', fixClass: 'B', description: 'Point-in-time recovery, backups, versioning or replication missing or wrong.' },
  { id: 'lifecycle-cost', fixClass: 'B', description: 'Missing or invalid S3 lifecycle rules, billing modes, capacity and cost settings.' },
  { id: 'scaling', fixClass: 'A', description: 'Auto-scaling policies, cooldowns and concurrency limits.' },
  { id: 'high-availability', fixClass: 'A', description: 'Single-AZ deployments where multi-AZ is needed, missing replicas or failover.' },
  { id: 'missing-resource', fixClass: 'A', description: 'A resource or service the task asks for is absent.' },
  { id: 'misconfiguration', fixClass: 'B', description: 'A resource is present but configured against the task: billing mode, architecture, runtime, region, incomplete CORS.' },
  { id: 'outputs', fixClass: 'C', description: 'Missing or wrong stack outputs.' },
  { id: 'hardcoded-value', fixClass: 'C', description: 'Hard-coded regions, account ids, availability zones or values that belong in variables or data sources.' },
  { id: 'application-code', fixClass: 'B', description: 'Bugs or gaps in application code shipped with the stack (Lambda handlers), such as missing instrumentation the configuration promises.' },
  { id: 'tests', fixClass: 'C', description: 'Missing or insufficient unit or integration tests.' },
  { id: 'documentation', fixClass: 'C', description: 'Missing or misleading documentation.' },
  { id: 'style', fixClass: 'C', description: 'Formatting and lint-only changes.' },
] as const satisfies readonly CategoryInfo[];

export type CategoryId = (typeof CATEGORIES)[number]['id'];

const BY_ID = new Map<string, CategoryInfo>(CATEGORIES.map((c) => [c.id, c]));

export function isCategoryId(id: string): id is CategoryId {
  return BY_ID.has(id);
}

export function categoryInfo(id: CategoryId): CategoryInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`unknown category ${id}`);
  return info;
}

export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
