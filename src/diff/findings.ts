/**
 * Turns attributed changes into findings: one finding per (block, category, tier), so thirty retouched
 * attributes of one bucket under "encryption" read as one finding listing them, not thirty, and churn never
 * hides inside a failure (or a failure inside churn). Moves of ordinary blocks between two files are one
 * finding per file pair; outputs the ideal adds or removes are one finding.
 */
import type { Block, Configuration } from '../model/types.js';
import { allAttributes, referencesIn, referenceTarget } from '../model/query.js';
import type { Finding, FindingLocation } from '../findings/types.js';
import { categoryInfo, SEVERITY_RANK } from '../taxonomy/categories.js';
import type { AttributedChange, DiffResult } from './types.js';
import { heuristicTitle } from './attribute.js';
import { toSnippet } from './snippet.js';
import { diffRuleIdOf, isObservationRule } from './metas.js';
import { groupSentence } from './summary.js';

export { diffRuleId, diffRuleIdOf, diffRuleMetas, isObservationRule } from './metas.js';

/** At most this many change sentences in one finding's message. */
const MAX_LISTED = 6;

export function diffFindings(changes: readonly AttributedChange[], result: DiffResult, model: Configuration, ideal: Configuration): Finding[] {
  const groups = new Map<string, AttributedChange[]>();
  const resourceOf = new Map<AttributedChange, string>();
  for (const c of changes) {
    const movedOrdinary = c.kind === 'moved-file' && c.blockKind !== 'provider' && c.blockKind !== 'terraform';
    const resource = findingResource(c, result, model);
    resourceOf.set(c, resource);
    const tier = isObservationRule(diffRuleIdOf(c)) ? 'observation' : 'failure';
    const key = movedOrdinary ? `moved\u0000${c.model!.span.file}\u0000${c.ideal!.span.file}` : `${resource}\u0000${c.category}\u0000${tier}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  const out: Finding[] = [];
  for (const [key, group] of groups) {
    const lead = [...group].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0]!;
    const grouped = key.startsWith('moved\u0000');
    const finding: Finding = {
      ruleId: diffRuleIdOf(lead),
      category: lead.category,
      severity: lead.severity,
      evidence: ['diff'],
      fixClass: categoryInfo(lead.category).fixClass,
      title: heuristicTitle(lead.heuristic) ?? `Ideal differs (${lead.category})`,
      message: message(group),
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
 * the ideal has, `outputs` for outputs, the model resource it attaches to (`aws_s3_bucket_public_access_block` → its bucket), else its
 * type (all added alarms are one "no alarms" finding, all added subnets one finding).
 */
export function findingResource(c: AttributedChange, result: DiffResult, model: Configuration): string {
  if (c.kind === 'moved-file' && (c.blockKind === 'provider' || c.blockKind === 'terraform')) return `file:${c.model!.span.file}`;
  // Outputs the ideal adds or drops are one finding, not one per output (83 outputs added for tests).
  if (c.blockKind === 'output' && (c.kind === 'block-added' || c.kind === 'block-removed')) return 'outputs';
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
  // Blocks of one type the ideal adds are one finding (four subnets of a second region, not four findings):
  // no static finding can sit on an address only the ideal has.
  return c.blockType;
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

/** What changed and why, one sentence per change (or one for a run of added/removed blocks of one kind). */
function message(group: AttributedChange[]): string {
  const sentences = groupSentence(group);
  const listed = sentences.slice(0, MAX_LISTED).join(' ');
  const more = sentences.length > MAX_LISTED ? ` The ideal makes ${sentences.length - MAX_LISTED} more change${sentences.length - MAX_LISTED === 1 ? '' : 's'} of this kind here.` : '';
  return listed + more;
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
