/**
 * Whether a code block stops mid-construct: an unclosed heredoc, or brackets left open at its end. Plain
 * scanning of the text (quoted strings, template literals and comments skipped), nothing is evaluated; linear.
 */

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

/** How a block is cut off at its end, or null when it ends complete. */
export function cutAtEnd(content: string): { how: 'heredoc' | 'brackets'; heredoc?: string; depth: number } | null {
  const open = openAtEnd(content);
  if (open.heredoc !== null) return { how: 'heredoc', heredoc: open.heredoc, depth: Math.max(open.depth, 0) };
  if (open.depth > 0) return { how: 'brackets', depth: open.depth };
  return null;
}
