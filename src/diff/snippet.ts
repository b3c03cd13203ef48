/** Source text of a span, from the configuration's file contents, cut to a few lines. */
import type { Configuration, SourceSpan } from '../model/types.js';
import type { Snippet } from '../findings/types.js';
import { sourceLines } from '../model/lines.js';
import { fileByPath } from '../model/query.js';

export const MAX_CHANGE_SNIPPET_LINES = 12;

export function spanText(config: Configuration, span: SourceSpan, maxLines = MAX_CHANGE_SNIPPET_LINES): string {
  const file = fileByPath(config.files, span.file);
  if (!file) return '';
  const lines = sourceLines(file.content);
  const start = Math.max(1, span.line);
  const last = Math.min(lines.length, Math.max(start, span.endLine));
  const end = Math.min(last, start + maxLines - 1);
  const body = lines.slice(start - 1, end);
  if (end < last) body.push(`${indentOf(body[0] ?? '')}  ...`);
  return dedent(body).join('\n').trimEnd();
}

export function toSnippet(config: Configuration, span: SourceSpan, maxLines = 40): Snippet | undefined {
  const code = spanText(config, span, maxLines);
  if (!code.trim()) return undefined;
  const file = fileByPath(config.files, span.file);
  return { file: span.file, line: span.line, language: file?.language ?? 'text', code };
}

function indentOf(line: string): string {
  return /^\s*/.exec(line)?.[0] ?? '';
}

/** Removes the common leading indentation, so nested snippets read well. */
function dedent(lines: string[]): string[] {
  let min = Infinity;
  for (const l of lines) if (l.trim()) min = Math.min(min, indentOf(l).length);
  if (!Number.isFinite(min) || min === 0) return lines;
  return lines.map((l) => l.slice(Math.min(min, indentOf(l).length)));
}
