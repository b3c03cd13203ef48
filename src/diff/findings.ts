/**
 * Turns attributed changes into findings: one finding per (block, category), so thirty retouched
 * attributes of one bucket under "encryption" read as one finding listing them, not thirty.
 * Moves of ordinary blocks between two files are one finding per file pair.
 */
import type { Block, Configuration } from '../model/types.js';
import { allAttributes, referencesIn, referenceTarget } from '../model/query.js';
import type { Finding, FindingLocation } from '../findings/types.js';
import type { RuleMeta } from '../rules/types.js';
import { CATEGORIES, categoryInfo, SEVERITY_RANK, type CategoryId } from '../taxonomy/categories.js';
import type { AttributedChange, DiffResult } from './types.js';
import { heuristicTitle } from './attribute.js';
import { toSnippet } from './snippet.js';

/** At most this many change lines in one finding's message. */
const MAX_LISTED = 6;

export function diffRuleId(category: CategoryId): string {
  return `diff-${category}`;
}

export function diffFindings(changes: readonly AttributedChange[], result: DiffResult, model: Configuration, ideal: Configuration): Finding[] {
  const groups = new Map<string, AttributedChange[]>();
  const resourceOf = new Map<AttributedChange, string>();
  for (const c of changes) {
    const movedOrdinary = c.kind === 'moved-file' && c.blockKind !== 'provider' && c.blockKind !== 'terraform';
    const resource = findingResource(c, result, model);
    resourceOf.set(c, resource);
    const key = movedOrdinary ? `moved\u0000${c.model!.span.file}\u0000${c.ideal!.span.file}` : `${resource}\u0000${c.category}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const out: Finding[] = [];
  for (const [key, group] of groups) {
    const lead = [...group].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0]!;
    const grouped = key.startsWith('moved\u0000');
    const finding: Finding = {
      ruleId: diffRuleId(lead.category),
      category: lead.category,
      severity: lead.severity,
      evidence: ['diff'],
      fixClass: categoryInfo(lead.category).fixClass,
      title: heuristicTitle(lead.heuristic) ?? `Ideal differs (${lead.category})`,
      message: message(group, grouped),
      location: locationOf(lead, result, model, ideal),
    };
    if (!grouped) finding.resource = resourceOf.get(lead)!;
    const withModel = lead.model ?? group.find((c) => c.model)?.model;
    const withIdeal = lead.ideal ?? group.find((c) => c.ideal)?.ideal;
    const ms = withModel ? toSnippet(model, withModel.span) : undefined;
    const is = withIdeal ? toSnippet(ideal, withIdeal.span) : undefined;
    if (ms) finding.modelSnippet = ms;
    if (is) finding.idealSnippet = is;
    out.push(finding);
  }
  return out;
}

/**
 * The resource key a diff finding carries, chosen so it meets the static finding about the same problem in
 * mergeFindings (same category + resource): the block address in general; `file:<model file>` for provider
 * and terraform blocks in the wrong file; `terraform.backend.<label>` for backend changes; for a block only
 * the ideal has, the model resource it attaches to (`aws_s3_bucket_public_access_block` → its bucket), or its
 * type when the model has no block of that type at all (all added alarms are one "no alarms" finding).
 */
export function findingResource(c: AttributedChange, result: DiffResult, model: Configuration): string {
  if (c.kind === 'moved-file' && (c.blockKind === 'provider' || c.blockKind === 'terraform')) return `file:${c.model!.span.file}`;
  if (c.blockKind === 'terraform' && c.path[0] === 'backend') {
    const label = (c.model?.block ?? c.ideal!.block).blocks.find((b) => b.type === 'backend')?.labels[0] ?? c.ideal?.block.blocks.find((b) => b.type === 'backend')?.labels[0];
    return `terraform.backend.${label ?? 'none'}`;
  }
  if (c.kind !== 'block-added' || c.blockKind !== 'resource') return c.address;
  const back = new Map(Object.entries(result.renames).map(([from, to]) => [to, from] as const));
  for (const r of referencedResources(c.ideal!.block)) {
    const parentType = r.split('.')[0]!;
    const modelAddr = back.get(r) ?? r;
    if (c.blockType.startsWith(parentType + '_') && model.symbols.has(modelAddr)) return modelAddr;
  }
  if (!model.blocks.some((b) => b.kind === 'resource' && b.labels[0] === c.blockType)) return c.blockType;
  return c.address;
}

function referencedResources(block: Block): string[] {
  const out: string[] = [];
  for (const { attribute } of allAttributes(block)) {
    for (const ref of referencesIn(attribute.expr)) {
      const t = referenceTarget(ref.parts);
      if (t && !/^(var|local|data|module)\./.test(t) && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

function message(group: AttributedChange[], grouped: boolean): string {
  const lines = group.map((c) => c.summary);
  const listed = lines.slice(0, MAX_LISTED).join('; ');
  const more = lines.length > MAX_LISTED ? `; and ${lines.length - MAX_LISTED} more` : '';
  const addresses = [...new Set(group.map((c) => c.address))];
  const head = grouped ? 'Ideal moves blocks between files' : `Ideal changes ${addresses.slice(0, 3).join(', ')}${addresses.length > 3 ? ', ...' : ''}`;
  return `${head}: ${listed}${more}.`;
}

/** At the model block; for blocks only the ideal has, line 1 of the model file where the block would go. */
function locationOf(c: AttributedChange, result: DiffResult, model: Configuration, ideal: Configuration): FindingLocation {
  if (c.model) return { file: c.model.block.span.file, line: c.model.block.span.line };
  const idealFile = c.ideal!.span.file;
  const mapped = Object.entries(result.fileMap)
    .filter(([, to]) => to === idealFile)
    .map(([from]) => from)
    .sort()[0];
  const modelFiles = [...new Set(model.blocks.map((b) => b.span.file))].sort();
  const file =
    mapped ??
    (model.files.some((f) => f.path === idealFile) ? idealFile : undefined) ??
    modelFiles.find((f) => /(^|\/)(main|tap_stack|tap-stack)\.(tf|ts)$/.test(f)) ??
    modelFiles[0] ??
    model.files[0]?.path ??
    ideal.files[0]?.path ??
    idealFile;
  return { file, line: 1 };
}

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
};

/** Rule metadata for each diff finding id, for docs and SARIF. One per category the diff can report. */
export const diffRuleMetas: RuleMeta[] = CATEGORIES.filter((c) => !['syntax', 'tests', 'style'].includes(c.id)).map((c) => ({
  id: diffRuleId(c.id),
  category: c.id,
  severity: DEFAULT_SEVERITY[c.id] ?? 'medium',
  fixClass: c.fixClass,
  title: `Ideal response fixes: ${c.id}`,
  rootCause: `The reviewed ideal response changed the model's configuration in a way attributed to "${c.id}": ${c.description}`,
  fix: 'Apply the change the ideal response made (see the ideal snippet).',
  docs: DOCS[c.id] ?? 'https://developer.hashicorp.com/terraform/language',
  knowledgeGap: c.description,
}));
