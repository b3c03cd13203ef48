/** From a log diagnostic to a finding: match the pattern catalog, then locate the cause in the code. */
import type { Finding } from '../findings/types.js';
import type { Configuration } from '../model/types.js';
import { blockAddress, resources } from '../model/query.js';
import { categoryInfo } from '../taxonomy/categories.js';
import { LOG_PATTERNS, type LogPattern } from './patterns.js';
import type { LogDiagnostic } from './parse.js';

export function matchPattern(diag: LogDiagnostic): { pattern: LogPattern; match: RegExpExecArray } | undefined {
  const text = `${diag.summary}\n${diag.detail}`;
  for (const pattern of LOG_PATTERNS) {
    const match = pattern.pattern.exec(text);
    if (match) return { pattern, match };
  }
  return undefined;
}

interface Located {
  file: string;
  line: number;
  resource?: string;
}

function locate(diag: LogDiagnostic, pattern: LogPattern, name: string | undefined, config: Configuration | null, logPath: string): Located {
  if (config) {
    if (diag.address) {
      const address = diag.address.replace(/^module\.[^.]+\./, '');
      const block = config.blocks.find((b) => blockAddress(b) === address);
      if (block) return { file: block.span.file, line: block.span.line, resource: address };
    }
    if (diag.file) {
      const base = diag.file.replace(/^\.\//, '');
      const file = config.files.find((f) => f.path === base || f.path.endsWith(`/${base}`));
      if (file) {
        // Logs can say line 0 (`x.ts(0,0)`) or anything in -json ranges: locations are 1-based integers.
        const line = diag.line !== undefined && Number.isInteger(diag.line) && diag.line >= 1 ? diag.line : 1;
        const block = config.blocks.find((b) => b.span.file === file.path && b.span.line <= line && b.span.endLine >= line);
        return { file: file.path, line, resource: block && ['resource', 'data'].includes(block.kind) ? blockAddress(block) : undefined };
      }
    }
    if (name && pattern.id === 'undeclared-variable') {
      const ref = config.references.find((r) => r.target === `var.${name}`);
      if (ref?.span) return { file: ref.span.file, line: ref.span.line };
    }
    if (name && pattern.nameGroup) {
      for (const block of config.blocks) {
        const a = block.attributes.find((x) => x.name === name);
        if (a && block.kind === 'resource') return { file: a.span.file, line: a.span.line, resource: blockAddress(block) };
      }
    }
    for (const type of pattern.resourceTypes ?? []) {
      const block = resources(config, type)[0];
      if (block) return { file: block.span.file, line: block.span.line, resource: blockAddress(block) };
    }
  }
  return { file: logPath, line: diag.logLine };
}

export function classifyDiagnostic(diag: LogDiagnostic, config: Configuration | null, logPath: string): Finding | undefined {
  const hit = matchPattern(diag);
  if (!hit) return undefined;
  const { pattern, match } = hit;
  const name = pattern.nameGroup ? match[pattern.nameGroup] : undefined;
  const where = locate(diag, pattern, name, config, logPath);
  const summary = diag.summary.length > 300 ? `${diag.summary.slice(0, 300)}…` : diag.summary;
  return {
    ruleId: `log-${pattern.id}`,
    category: pattern.category,
    severity: pattern.severity,
    evidence: ['log'],
    fixClass: categoryInfo(pattern.category).fixClass,
    title: pattern.explanation.split(/[:;.]/)[0]!,
    message: `${logPath}:${diag.logLine}: ${summary} — ${pattern.explanation}`,
    location: { file: where.file, line: where.line },
    ...(where.resource ? { resource: where.resource } : {}),
    logExcerpt: diag.excerpt,
  };
}
