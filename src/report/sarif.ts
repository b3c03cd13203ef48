/**
 * SARIF 2.1.0 output: one run; the driver lists the rules of the catalog (and of any finding whose rule has
 * no catalog entry); results, in rank order, point at relative artifact URIs. Notes become tool notifications.
 * The failure tier is `error`/`warning`, observations `note`, so code scanning surfaces what a reviewer would
 * list; rule tags, `security-severity` and partial fingerprints are the properties GitHub code scanning reads.
 *
 * Paths: code scanning finds a file by a URI relative to the repository root, which is where the CLI runs in CI.
 * So each URI is the task path joined with the file's path in the task, relative to `%SRCROOT%`, the folder the
 * run started in; `run.originalUriBaseIds` says what `%SRCROOT%` is (an absolute file URI when the caller gives
 * it, as the CLI does).
 */
import { createHash } from 'node:crypto';
import { isAbsolute, posix, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, ReportingDescriptor, Result, Notification } from 'sarif';
import { markdownLocation, type AnalysisResult } from '../contracts/pipeline.js';
import { occurrenceCount, type Finding } from '../findings/types.js';
import type { RuleMeta } from '../contracts/check.js';
import type { CategoryId, Severity } from '../taxonomy/categories.js';
import { categoryInfo, isCategoryId } from '../taxonomy/categories.js';
import { ruleMetas } from './metas.js';
import { rankOrder, tierOf } from './tiers.js';
import { withoutTruncatedValues } from './markdown.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/iacjudge';

/** A rule's default level, by its default severity (a rule does not know the tier its findings will get). */
export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

/** A result's level: failures are errors (critical, high) or warnings (medium, low); observations are notes. */
export function resultLevel(f: Finding): 'error' | 'warning' | 'note' {
  if (tierOf(f) === 'observation') return 'note';
  return f.severity === 'critical' || f.severity === 'high' ? 'error' : 'warning';
}

/** Categories whose rules carry a GitHub `security-severity`, so code scanning files them as security alerts. */
export const SECURITY_CATEGORIES: ReadonlySet<string> = new Set<CategoryId>(['iam-least-privilege', 'iam-missing-permission', 'public-exposure', 'encryption', 'key-policy', 'secrets']);

/** GitHub's scale: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.0', high: '7.5', medium: '5.0', low: '3.0' };

/** Rule properties code scanning reads: tags to filter by, and a security severity on security rules. */
function ruleProperties(category: string, severity: Severity): Record<string, unknown> {
  const security = SECURITY_CATEGORIES.has(category);
  return {
    tags: security ? ['security', 'iac', category] : ['iac', category],
    ...(security ? { 'security-severity': SECURITY_SEVERITY[severity] } : {}),
  };
}

/**
 * Stable across runs and line moves: rule, resource and file, not the line, so an alert keeps its identity
 * when code above it changes.
 */
export function fingerprint(f: Finding): string {
  return createHash('sha256').update(`${f.ruleId}\u0000${f.resource ?? ''}\u0000${relativeUri(f.location.file)}`).digest('hex').slice(0, 32);
}

/** `fileLayout` style names from ids: SARIF's `name` is an identifier-like label. */
function pascal(id: string): string {
  return id
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function descriptorFromMeta(m: RuleMeta): ReportingDescriptor {
  const help = [m.fix, m.fixExample ? `\nExample:\n${m.fixExample}` : '', m.impact ? `\nImpact: ${m.impact}` : ''].join('');
  return {
    id: m.id,
    name: pascal(m.id),
    shortDescription: { text: m.title },
    fullDescription: { text: m.rootCause },
    helpUri: m.docs,
    help: { text: help },
    defaultConfiguration: { level: sarifLevel(m.severity) },
    properties: { category: m.category, fixClass: m.fixClass, knowledgeGap: m.knowledgeGap, ...ruleProperties(m.category, m.severity) },
  };
}

function descriptorFromFinding(f: Finding): ReportingDescriptor {
  const desc = isCategoryId(f.category) ? categoryInfo(f.category).description : f.title;
  return {
    id: f.ruleId,
    name: pascal(f.ruleId),
    shortDescription: { text: f.title },
    fullDescription: { text: desc },
    help: { text: desc },
    defaultConfiguration: { level: sarifLevel(f.severity) },
    properties: { category: f.category, fixClass: f.fixClass, ...ruleProperties(f.category, f.severity) },
  };
}

/** Artifact URIs are relative, forward-slashed, without leading `./`. */
function relativeUri(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
}

/** The base every result URI is relative to: the folder the run started in (the repository root in CI). */
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /**
   * Absolute path of the folder `%SRCROOT%` stands for, recorded in `originalUriBaseIds`; a relative task path is
   * taken as relative to it. Without it (the default, deterministic wherever it runs) `%SRCROOT%` is described, not
   * located, and a relative task path is taken as given.
   */
  srcRoot?: string;
}

/**
 * How a task-relative path becomes an artifact location: the task folder's path relative to `%SRCROOT%` joined
 * with the file's. A task outside it (or an absolute task path without a root) gets absolute file URIs, which take
 * no base. A task path that names no folder (`-`, stdin) adds nothing.
 */
function artifactLocator(taskPath: string, srcRoot: string | undefined): (file: string) => { uri: string; uriBaseId?: string } {
  if (taskPath === '-' || taskPath === '') return (file) => ({ uri: relativeUri(file), uriBaseId: SRCROOT });
  const taskDir = srcRoot ? relative(srcRoot, resolve(taskPath)) : isAbsolute(taskPath) ? null : taskPath;
  if (taskDir === null || isAbsolute(taskDir) || /^\.\.([\\/]|$)/.test(taskDir)) {
    const abs = resolve(taskPath);
    return (file) => ({ uri: pathToFileURL(resolve(abs, file)).href });
  }
  const prefix = relativeUri(taskDir);
  return (file) => ({ uri: posix.join(prefix || '.', relativeUri(file)).replace(/^\.\//, '') || '.', uriBaseId: SRCROOT });
}

/** A folder as an absolute file URI ending in `/`, as SARIF wants a base URI. */
function folderUri(dir: string): string {
  const href = pathToFileURL(resolve(dir)).href;
  return href.endsWith('/') ? href : href + '/';
}

export function renderSarif(r: AnalysisResult, options: SarifOptions = {}): string {
  const locate = artifactLocator(r.task.path, options.srcRoot);
  const metas = ruleMetas();
  const rules: ReportingDescriptor[] = [...metas.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(descriptorFromMeta);
  const index = new Map<string, number>(rules.map((d, i) => [d.id, i]));
  for (const f of r.findings) {
    if (index.has(f.ruleId)) continue;
    index.set(f.ruleId, rules.length);
    rules.push(descriptorFromFinding(f));
  }
  /** A location in SARIF: in the markdown the file was extracted from, when it was (that file exists). */
  const place = (file: string, line: number): { file: string; line: number; extracted: boolean } => {
    const md = markdownLocation(r.origins, file, line);
    return md ? { file: md.file, line: md.line, extracted: true } : { file, line: Math.max(1, line || 1), extracted: false };
  };
  const results: Result[] = rankOrder(r.findings).map((f) => {
    const primary = place(f.location.file, f.location.line);
    const occurrences = f.occurrences ?? [];
    // The other places of a grouped failure; the primary location is the finding's own.
    const related: Location[] = occurrences
      .filter((o) => !(o.location.file === f.location.file && o.location.line === f.location.line && o.resource === f.resource))
      .map((o, i) => ({
        id: i,
        physicalLocation: (() => {
          const p = o.location.file ? place(o.location.file, o.location.line) : { file: primary.file, line: Math.max(1, o.location.line || 1) };
          return { artifactLocation: locate(p.file), region: { startLine: p.line } };
        })(),
        ...(o.message || o.resource ? { message: { text: o.message ? withoutTruncatedValues(o.message) : o.resource! } } : {}),
        ...(o.resource ? { logicalLocations: [{ fullyQualifiedName: o.resource, kind: 'resource' }] } : {}),
      }));
    const res: Result = {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId)!,
      level: resultLevel(f),
      message: { text: withoutTruncatedValues(f.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: locate(primary.file),
            region: { startLine: primary.line },
          },
          ...(f.resource ? { logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }] } : {}),
        },
      ],
      ...(related.length ? { relatedLocations: related } : {}),
      partialFingerprints: { 'iacjudgeFinding/v1': fingerprint(f) },
      properties: {
        tier: tierOf(f),
        ...(primary.extracted ? { extractedLocation: `${f.location.file}:${f.location.line}` } : {}),
        ...(f.rank !== undefined ? { rank: f.rank } : {}),
        category: f.category,
        severity: f.severity,
        evidence: f.evidence,
        fixClass: f.fixClass,
        occurrences: occurrenceCount(f),
        ...(f.resource ? { resource: f.resource } : {}),
      },
    };
    return res;
  });
  const notifications: Notification[] = [
    ...r.notes.map((n) => ({ message: { text: n }, level: 'note' as const })),
    ...r.warnings.map((w) => ({ message: { text: w }, level: 'warning' as const })),
  ];
  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: r.tool.name, version: r.tool.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: {
          [SRCROOT]: options.srcRoot
            ? { uri: folderUri(options.srcRoot) }
            : { description: { text: 'The folder iacjudge ran in (the repository root in CI): every relative result URI is relative to it.' } },
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        results,
        properties: {
          task: r.task.path,
          platform: r.task.platform,
          ...(r.score ? { trainingQuality: r.score.trainingQuality } : {}),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
