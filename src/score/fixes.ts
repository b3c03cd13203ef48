/**
 * Which findings are "fixes" in the rubric's sense: changes the reviewer made between the model and the ideal.
 * - diff evidence: the ideal changed this code → a fix;
 * - log evidence: a deploy/validation error the ideal had to resolve → a fix;
 * - static only: a fix when the ideal no longer has the problem (the same rule does not fire on the same
 *   resource of the ideal, or the flagged block differs in the ideal); without an ideal every static finding counts;
 * - claim only: not a fix (nothing in the code shows it).
 * Fixes are then grouped (one per category and resource) so that one mistake repeated on 20 resources is one fix.
 */
import type { Finding } from '../findings/types.js';
import type { Block, Configuration } from '../model/types.js';
import type { FixClass } from '../taxonomy/categories.js';
import type { FixCounts } from './rubric.js';
import { blockAddress } from '../model/query.js';
import { sourceLines } from '../model/lines.js';

export type FixGrouping = 'finding' | 'category-resource' | 'category';

export interface FixItem {
  key: string;
  fixClass: FixClass;
  category: string;
  findings: Finding[];
}

export interface IdealProbe {
  /** Findings of the same rules run on the ideal configuration, when they could be computed. */
  idealFindings: Finding[] | null;
  /** Rule ids that were run on the ideal (findings of other rules fall back to block comparison). */
  probedRules: Set<string>;
  ideal: Configuration | null;
  model: Configuration | null;
  /** How many model findings each rule produced. */
  modelRuleCounts: Map<string, number>;
}

function normalizedText(config: Configuration, block: Block): string {
  const file = config.files.find((f) => f.path === block.span.file);
  if (!file) return '';
  const lines = sourceLines(file.content).slice(block.span.line - 1, block.span.endLine);
  return lines
    .map((l) => l.replace(/(?<!\s)\s+(?:#|\/\/)[^]*$/, ''))
    .join('\n')
    .replace(/\s+/g, ' ')
    .trim();
}

function findBlock(config: Configuration, address: string): Block | undefined {
  return config.blocks.find((b) => blockAddress(b) === address);
}

/** Whether a static finding's problem is gone in the ideal. */
export function fixedInIdeal(f: Finding, probe: IdealProbe): boolean {
  const { ideal, model } = probe;
  if (!ideal) return true;
  if (f.category === 'syntax') {
    return !ideal.diagnostics.some((d) => d.severity === 'error' && f.message.endsWith(d.message));
  }
  if (probe.idealFindings && probe.probedRules.has(f.ruleId)) {
    const same = probe.idealFindings.filter((g) => g.ruleId === f.ruleId);
    if (f.resource) {
      if (same.some((g) => g.resource === f.resource)) return false;
      if (findBlock(ideal, f.resource)) return true;
      // The resource was renamed or removed: fixed only if the rule fires less often on the ideal.
      return same.length < (probe.modelRuleCounts.get(f.ruleId) ?? 1);
    }
    return same.length === 0;
  }
  if (f.resource && model) {
    const mb = findBlock(model, f.resource);
    const ib = findBlock(ideal, f.resource);
    if (!mb || !ib) return true;
    return normalizedText(model, mb) !== normalizedText(ideal, ib);
  }
  // No resource: the flagged line no longer appears in the ideal.
  const line = f.modelSnippet?.code.split('\n')[0]?.trim();
  if (!line) return true;
  return !ideal.files.some((file) => file.content.includes(line));
}

export function isFix(f: Finding, probe: IdealProbe): boolean {
  if (f.evidence.includes('diff') || f.evidence.includes('log')) return true;
  if (f.evidence.includes('static')) return fixedInIdeal(f, probe);
  return false;
}

const CLASS_RANK: Record<FixClass, number> = { A: 0, B: 1, C: 2 };

export function groupFixes(findings: Finding[], grouping: FixGrouping): FixItem[] {
  const groups = new Map<string, FixItem>();
  for (const f of findings) {
    const key =
      grouping === 'finding'
        ? `${f.ruleId}\u0000${f.resource ?? `${f.location.file}:${f.location.line}`}`
        : grouping === 'category'
          ? f.category
          : `${f.category}\u0000${f.resource ?? f.location.file}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { key, fixClass: f.fixClass, category: f.category, findings: [f] });
    else {
      g.findings.push(f);
      if (CLASS_RANK[f.fixClass] < CLASS_RANK[g.fixClass]) g.fixClass = f.fixClass;
    }
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function countFixes(items: FixItem[]): FixCounts {
  const c: FixCounts = { A: 0, B: 0, C: 0 };
  for (const i of items) c[i.fixClass] += 1;
  return c;
}
