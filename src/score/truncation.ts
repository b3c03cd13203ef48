/**
 * Whether a response has code at all, and whether it was cut off so it cannot deploy. Only the end of the
 * response counts: an unclosed fence, heredoc or brace at its end means the generation stopped mid-file.
 * Plain scanning of the text (strings and comments skipped), nothing is evaluated.
 */
import type { ResponseFiles } from '../contracts/task.js';
import type { SourceFile } from '../model/types.js';

export interface Truncation {
  kind: 'no-code' | 'truncated';
  detail: string;
}

const CODE_LANGUAGES = new Set(['hcl', 'ts', 'js', 'py', 'python', 'go', 'json', 'yaml']);

function isCode(f: SourceFile): boolean {
  return !/\.(md|txt)$/i.test(f.path) && (CODE_LANGUAGES.has(f.language) || /\.(tf|ts|tsx|js|py|go|json|ya?ml)$/i.test(f.path));
}

/**
 * Unclosed `{`/`(`/`[` depth at the end of a file, and whether a heredoc (`<<EOF`, `<<-EOF`) is still open.
 * Quoted strings (with `\` escapes), template literals and line/block comments are skipped.
 */
export function openAtEnd(content: string): { depth: number; heredoc: string | null } {
  let depth = 0;
  let heredoc: string | null = null;
  const lines = content.split(/\r?\n/);
  let inBlockComment = false;
  let quote: string | null = null;
  for (const line of lines) {
    if (heredoc !== null) {
      if (line.trim() === heredoc) heredoc = null;
      continue;
    }
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      const next = line[i + 1];
      if (inBlockComment) {
        if (ch === '*' && next === '/') {
          inBlockComment = false;
          i += 1;
        }
        continue;
      }
      if (quote !== null) {
        if (ch === '\\') i += 1;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === '#' || (ch === '/' && next === '/')) break;
      if (ch === '/' && next === '*') {
        inBlockComment = true;
        i += 1;
      } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
      else if (ch === '<' && next === '<') {
        const m = /^<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*$/.exec(line.slice(i));
        if (m) {
          heredoc = m[1]!;
          break;
        }
        i += 1;
      } else if (ch === '{' || ch === '(' || ch === '[') depth += 1;
      else if (ch === '}' || ch === ')' || ch === ']') depth -= 1;
    }
    // A single or double quote never spans lines in HCL/TS/Python source; a template literal may.
    if (quote === '"' || quote === "'") quote = null;
  }
  return { depth, heredoc };
}

/** The file whose content (or last part) comes last in the markdown document: where a cut-off generation ends. */
function lastInDocument(files: SourceFile[]): SourceFile {
  const end = (f: SourceFile) => Math.max(f.markdownLine ?? 0, ...(f.segments ?? []).map((s) => s.markdownLine));
  return files.reduce((best, f) => (end(f) >= end(best) ? f : best), files[0]!);
}

/** No code in the response, or its last code file cut off (unclosed fence and an unclosed heredoc or brace). */
export function responseTruncation(response: ResponseFiles | null): Truncation | null {
  if (!response) return null;
  const code = response.files.filter(isCode);
  if (code.length === 0) return { kind: 'no-code', detail: `${response.origin} contains no code files` };
  // The generation stops at the end of the document, so only a fence left open there is a cut.
  if (!response.warnings.some((w) => w.kind === 'unclosed-fence')) return null;
  const last = lastInDocument(code);
  const open = openAtEnd(last.content);
  if (open.heredoc !== null) return { kind: 'truncated', detail: `${response.origin} ends inside an unclosed code fence and an unclosed heredoc (<<${open.heredoc}) in ${last.path}` };
  if (open.depth > 0) return { kind: 'truncated', detail: `${response.origin} ends inside an unclosed code fence with ${open.depth} unclosed bracket${open.depth === 1 ? '' : 's'} in ${last.path}` };
  return null;
}
