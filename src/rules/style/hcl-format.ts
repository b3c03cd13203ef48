/**
 * A `terraform fmt` style checker that never rewrites anything: it re-derives, line by line, the whitespace that
 * hclwrite's formatter would produce (indentation by bracket nesting, `=` aligned across consecutive single-line
 * assignments, one space around `=`, no trailing whitespace, no tabs) and lists where the text differs.
 * It is a linear scanner over characters (strings, interpolations, heredocs and comments are skipped as units),
 * so it cannot backtrack on adversarial input.
 */

export type FormatProblemKind = 'indent' | 'align' | 'space' | 'trailing' | 'tab';

export interface FormatProblem {
  /** 1-based line. */
  line: number;
  kind: FormatProblemKind;
  message: string;
}

/** What the scanner learned about one source line. */
interface ScannedLine {
  n: number;
  raw: string;
  /** Inside a heredoc body or a multi-line block comment: fmt leaves it alone. */
  verbatim: boolean;
  /** Only a comment (or blank): no code tokens. */
  codeless: boolean;
  /** Sum of bracket changes of the code tokens (`{ [ ( ${ %{` +1, `} ] )` -1). */
  net: number;
  /** Column (0-based) of the first lone `=` and the bracket change of the tokens from it to the end of the line. */
  eq?: { col: number; netAfter: number; tokensBefore: number };
  /** Opens a heredoc whose body starts on the next line. */
  heredocEnd?: string;
}

const IDENT_START = /[A-Za-z_]/;

/** Scans one line of code (not inside a heredoc or block comment). Returns the scan and any block comment left open. */
function scanLine(n: number, raw: string, startInComment: boolean): { line: ScannedLine; openComment: boolean } {
  const line: ScannedLine = { n, raw, verbatim: false, codeless: true, net: 0 };
  let i = 0;
  let inComment = startInComment;
  let tokens = 0;
  let netSinceEq = 0;
  const len = raw.length;
  while (i < len) {
    if (inComment) {
      const end = raw.indexOf('*/', i);
      if (end < 0) return { line, openComment: true };
      i = end + 2;
      inComment = false;
      continue;
    }
    const c = raw[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' || (c === '/' && raw[i + 1] === '/')) break;
    if (c === '/' && raw[i + 1] === '*') {
      inComment = true;
      i += 2;
      continue;
    }
    line.codeless = false;
    tokens++;
    if (c === '"') {
      i = skipQuoted(raw, i);
      continue;
    }
    if (c === '<' && raw[i + 1] === '<' && /[-A-Za-z_]/.test(raw[i + 2] ?? '')) {
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)/.exec(raw.slice(i, i + 80));
      if (m) {
        line.heredocEnd = m[1];
        i += m[0].length;
        continue;
      }
    }
    let change = 0;
    if (c === '{' || c === '[' || c === '(') change = 1;
    else if (c === '}' || c === ']' || c === ')') change = -1;
    if (change) {
      line.net += change;
      netSinceEq += change;
      i++;
      continue;
    }
    if (c === '=' || c === '!' || c === '<' || c === '>') {
      const next = raw[i + 1];
      if (c === '=' && next !== '=' && next !== '>') {
        if (!line.eq) {
          line.eq = { col: i, netAfter: 0, tokensBefore: tokens - 1 };
          netSinceEq = 0;
        }
        i++;
        continue;
      }
      i += next === '=' || (c === '=' && next === '>') ? 2 : 1;
      continue;
    }
    if (IDENT_START.test(c)) {
      while (i < len && /[A-Za-z0-9_-]/.test(raw[i]!)) i++;
      continue;
    }
    i++;
  }
  if (line.eq) line.eq.netAfter = netSinceEq;
  return { line, openComment: inComment };
}

/** Index just past the closing quote of the string starting at `start` (handles escapes and `${ }` / `%{ }`). */
function skipQuoted(raw: string, start: number): number {
  let i = start + 1;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"') return i + 1;
    if ((c === '$' || c === '%') && raw[i + 1] === '{') {
      i = skipInterpolation(raw, i + 2);
      continue;
    }
    i++;
  }
  return raw.length;
}

/** Index just past the `}` closing an interpolation whose body starts at `start`. */
function skipInterpolation(raw: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === '"') {
      i = skipQuoted(raw, i);
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return raw.length;
}

function scanFile(content: string): ScannedLine[] {
  const rawLines = content.split('\n').map((l) => l.replace(/\r$/, ''));
  const out: ScannedLine[] = [];
  let heredocEnd: string | undefined;
  let inComment = false;
  rawLines.forEach((raw, idx) => {
    const n = idx + 1;
    if (heredocEnd !== undefined) {
      out.push({ n, raw, verbatim: true, codeless: true, net: 0 });
      if (raw.trim() === heredocEnd) heredocEnd = undefined;
      return;
    }
    if (inComment) {
      // The rest of a block comment is one token with the line that opened it; fmt leaves its lines alone.
      const { line, openComment } = scanLine(n, raw, true);
      line.verbatim = true;
      inComment = openComment;
      out.push(line);
      return;
    }
    const { line, openComment } = scanLine(n, raw, false);
    inComment = openComment;
    if (line.heredocEnd) heredocEnd = line.heredocEnd;
    out.push(line);
  });
  return out;
}

/** Leading whitespace shared by every non-blank line: markdown nesting, not the file's own indentation. */
function commonIndent(lines: ScannedLine[]): number {
  let min = Infinity;
  for (const l of lines) {
    if (l.verbatim || !l.raw.trim()) continue;
    const m = /^ */.exec(l.raw)![0].length;
    if (m < min) min = m;
  }
  return Number.isFinite(min) ? min : 0;
}

/**
 * Recent results by file content: the rule reads each model file twice (reference comparison, then report) and
 * each ideal file once as the reference and once more when the score probes the ideal.
 */
const recentProblems = new Map<string, readonly FormatProblem[]>();
const MAX_RECENT = 64;

/** Problems `terraform fmt` would fix in an HCL file, in line order (at most one per line). */
export function formatProblems(content: string): FormatProblem[] {
  let problems = recentProblems.get(content);
  if (!problems) {
    problems = scanFormatProblems(content);
    if (recentProblems.size >= MAX_RECENT) recentProblems.delete(recentProblems.keys().next().value as string);
    recentProblems.set(content, problems);
  }
  return [...problems];
}

function scanFormatProblems(content: string): FormatProblem[] {
  const lines = scanFile(content);
  const shift = commonIndent(lines);
  const problems = new Map<number, FormatProblem>();
  const add = (line: number, kind: FormatProblemKind, message: string) => {
    if (!problems.has(line)) problems.set(line, { line, kind, message });
  };

  // Indentation: formatIndent's stack of net openers.
  const expectedIndent = new Map<number, number>();
  const stack: number[] = [];
  for (const l of lines) {
    if (l.verbatim) continue;
    const text = l.raw.slice(Math.min(shift, /^ */.exec(l.raw)![0].length));
    if (!text.trim()) {
      if (text.length) add(l.n, 'trailing', 'whitespace on a blank line');
      continue;
    }
    if (/[ \t]$/.test(text) && !l.heredocEnd) add(l.n, 'trailing', 'trailing whitespace');
    const lead = /^[ \t]*/.exec(text)![0];
    if (lead.includes('\t')) add(l.n, 'tab', 'tab in indentation');
    let indent: number;
    if (l.net > 0) {
      indent = 2 * stack.length;
      stack.push(l.net);
    } else if (l.net < 0) {
      let closed = -l.net;
      while (closed > 0 && stack.length) {
        const top = stack[stack.length - 1]!;
        if (closed > top) {
          closed -= top;
          stack.pop();
        } else if (closed < top) {
          stack[stack.length - 1] = top - closed;
          closed = 0;
        } else {
          stack.pop();
          closed = 0;
        }
      }
      indent = 2 * stack.length;
    } else indent = 2 * stack.length;
    expectedIndent.set(l.n, indent);
    if (!lead.includes('\t') && lead.length !== indent) add(l.n, 'indent', `indented ${lead.length} spaces, fmt uses ${indent}`);
  }

  // Alignment of `=` in chains of consecutive single-line assignments (formatCells).
  let chain: { l: ScannedLine; leadWidth: number }[] = [];
  const closeChain = () => {
    const max = Math.max(...chain.map((c) => c.leadWidth));
    for (const { l, leadWidth } of chain) {
      const before = trailingBlankWidth(l.raw.slice(0, l.eq!.col));
      const want = max - leadWidth + 1;
      if (before !== want) add(l.n, 'align', `"=" not aligned with the neighbouring arguments (${before} space${before === 1 ? '' : 's'} before it, fmt uses ${want})`);
    }
    chain = [];
  };
  for (const l of lines) {
    const isAssign = !l.verbatim && !l.codeless && l.eq !== undefined && l.eq.tokensBefore > 0 && l.eq.netAfter === 0;
    if (!isAssign) {
      if (chain.length) closeChain();
      if (!l.verbatim && l.eq && l.eq.tokensBefore > 0) checkSingleSpaces(l, add);
      continue;
    }
    const key = l.raw.slice(0, l.eq!.col).trim().replace(/\s+/g, ' ');
    chain.push({ l, leadWidth: (expectedIndent.get(l.n) ?? 0) + key.length });
    checkSpaceAfter(l, add);
  }
  if (chain.length) closeChain();
  return [...problems.values()].sort((a, b) => a.line - b.line);
}

function checkSpaceAfter(l: ScannedLine, add: (line: number, kind: FormatProblemKind, message: string) => void): void {
  const after = /^[ \t]*/.exec(l.raw.slice(l.eq!.col + 1))![0].length;
  const rest = l.raw.slice(l.eq!.col + 1 + after);
  if (rest && after !== 1) add(l.n, 'space', `${after} spaces after "=", fmt uses 1`);
}

/** `tags = {`: the `=` stays in the lead, so fmt puts exactly one space on each side. */
function checkSingleSpaces(l: ScannedLine, add: (line: number, kind: FormatProblemKind, message: string) => void): void {
  const before = trailingBlankWidth(l.raw.slice(0, l.eq!.col));
  if (before !== 1) add(l.n, 'space', `${before} spaces before "=", fmt uses 1`);
  else checkSpaceAfter(l, add);
}

/** Width of the run of spaces and tabs ending `text`. A loop: /[ \t]*$/ backtracks quadratically on long runs. */
function trailingBlankWidth(text: string): number {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.length - end;
}
