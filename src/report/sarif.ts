/**
 * SARIF 2.1.0 output: one run; the driver lists the rules of the catalog (and of any finding whose rule has
 * no catalog entry); results point at relative artifact URIs. Notes become tool notifications.
 */
import type { Log, ReportingDescriptor, Result, Notification } from 'sarif';
import type { AnalysisResult } from '../pipeline/types.js';
import type { Finding } from '../findings/types.js';
import type { RuleMeta } from '../rules/types.js';
import type { Severity } from '../taxonomy/categories.js';
import { categoryInfo, isCategoryId } from '../taxonomy/categories.js';
import { ruleMetas } from './metas.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://www.npmjs.com/package/iacjudge';

export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
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
    properties: { category: m.category, fixClass: m.fixClass, knowledgeGap: m.knowledgeGap },
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
    properties: { category: f.category, fixClass: f.fixClass },
  };
}

/** Artifact URIs are relative, forward-slashed, without leading `./`. */
function relativeUri(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^\/+/, '');
}

export function renderSarif(r: AnalysisResult): string {
  const metas = ruleMetas();
  const rules: ReportingDescriptor[] = [...metas.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(descriptorFromMeta);
  const index = new Map<string, number>(rules.map((d, i) => [d.id, i]));
  for (const f of r.findings) {
    if (index.has(f.ruleId)) continue;
    index.set(f.ruleId, rules.length);
    rules.push(descriptorFromFinding(f));
  }
  const results: Result[] = r.findings.map((f) => {
    const res: Result = {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId)!,
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(f.location.file || r.task.path) },
            region: { startLine: Math.max(1, f.location.line || 1) },
          },
          ...(f.resource ? { logicalLocations: [{ fullyQualifiedName: f.resource, kind: 'resource' }] } : {}),
        },
      ],
      properties: {
        category: f.category,
        severity: f.severity,
        evidence: f.evidence,
        fixClass: f.fixClass,
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
