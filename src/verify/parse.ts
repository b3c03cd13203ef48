/**
 * Parses a written failure analysis (lib/MODEL_FAILURES.md) into claimed failures. The documents vary widely:
 * `### 1. Title` items under `## Critical Failures`, `## Issue 3: ...` with `### Root Cause` subsections,
 * `1. **Title**` lists, bold-line titles, plain-text titles. Strategy, in order of preference:
 * headings → bold list items / bold lines → plain title lines. Line based; code fences are respected.
 */
import type { Severity } from '../taxonomy/categories.js';

export interface ClaimSnippet {
  language: string;
  code: string;
  /** Which response the snippet shows, judged from the label before it. */
  side: 'model' | 'ideal' | 'unknown';
}

export interface Claim {
  /** 1-based order in the document. */
  index: number;
  title: string;
  severity: Severity | null;
  /** Prose of the claim (without code). */
  text: string;
  snippets: ClaimSnippet[];
  /** Backticked identifiers in title and text, deduplicated in order. */
  identifiers: string[];
  /** The document's own category/class label, when it gives one (`**Category**: A`, `### Category` ...). */
  claimedCategory: string | null;
  /** 1-based line of the claim's title. */
  line: number;
}

interface Line {
  text: string;
  n: number;
  inCode: boolean;
}

/** Headings that are fields of a claim, not claims: they belong to the current claim. */
const FIELD_HEADING =
  /^(root cause|root cause analysis|cause|impact|impact level|severity|fix|fix applied|fixes? applied|the fix|solution|resolution|correction|corrected code|corrected implementation|correct implementation|correct approach|ideal response|ideal_response|ideal response fix|ideal implementation|ideal improvements|ideal response solution|ideal_response fix|model response|model_response|model response issue|model_response issue|model issues|model response issues|model error|model's approach|what went wrong|what was wrong|problem|issue|issue description|description|details|error|error message|errors?|evidence|why this matters|why it matters|prevention strategy|prevention|lesson|lessons|learning|training value|category|code example|example|before|after|original|changes made|files modified|validation|testing|test|status|result|outcome|recommendation|aws documentation|documentation reference|documentation|references?|cost impact|security impact|performance impact|deployment impact|technical impact|cost\/security\/performance impact|model_response issue and ideal_response fix|incorrect|correct|wrong|right|expected|actual|symptoms?|reason|explanation|analysis|context|notes?)\b/i;

/** Sections that hold no claims (their sub-headings are not claims either). */
const NON_CLAIM_SECTION =
  /^(summary|executive summary|overview|conclusion|conclusions|introduction|table of contents|contents|lessons? learned|key learnings?|key takeaways|takeaways|training (value|quality)|training quality assessment|training value assessment|strengths|what the model did well|what worked|positive aspects|recommendations?|next steps|deployment (attempts|success|results|status)|testing validation|test results|validation results|metrics|statistics|summary statistics|summary table|summary of (changes|improvements|fixes)|overall assessment|final assessment|assessment|known limitations|limitations|future (enhancements|improvements)|appendix|references|primary knowledge gaps|knowledge gaps|failure categories|score|scoring|impact summary|total|totals|infrastructure improvements|best practices applied|deployment impact|cost impact)\b/i;

/** Group headings that carry a severity for the claims under them: `## Critical Failures`, `## High Priority Issues`. */
const SEVERITY_WORD: [RegExp, Severity][] = [
  [/\bcritical\b|\bblocker\b|\bsevere\b/i, 'critical'],
  [/\bhigh\b|\bmajor\b|\bsignificant\b/i, 'high'],
  [/\bmedium\b|\bmoderate\b/i, 'medium'],
  [/\blow\b|\bminor\b|\btrivial\b/i, 'low'],
];

const GROUP_HEADING = /^(?:(?:critical|high|medium|low|major|minor|moderate|severe|significant)(?:[- ](?:priority|severity|impact|level))?|category [a-d]\b)[^a-z]*(?:\w+(?:\s+|$)){0,3}$/i;

function severityFrom(text: string): Severity | null {
  for (const [re, s] of SEVERITY_WORD) if (re.test(text)) return s;
  return null;
}

/** `### **1. Title**` → `Title`; `## Issue 3: Title` → `Title`; `2.1 Title` → `Title`. */
export function cleanTitle(raw: string): string {
  let t = raw.trim().replace(/^#+\s*/, '');
  t = t.replace(/\*\*|__/g, '').replace(/^[-*+]\s+/, '').trim();
  t = t.replace(/^[^\p{L}\p{N}`"'(]+/u, '');
  t = t.replace(/^(?:(?:issue|failure|problem|error|fix|bug|finding|example failure|failure example|mistake)\s*(?:#\s*)?\d+(?:\.\d+)*\s*[:.)\-–—]?\s*)/i, '');
  t = t.replace(/^\d+(?:\.\d+)*[.)]?\s*[:\-–—]?\s*/, '');
  t = t.replace(/(?<![:\s])[:\s]+$/, '');
  return t.trim();
}

function isNumbered(raw: string): boolean {
  const t = raw.replace(/^#+\s*/, '').replace(/\*\*|__/g, '').trim();
  return /^(?:(?:issue|failure|problem|error|fix|bug|finding|example failure)\s*(?:#\s*)?)?\d+(?:\.\d+)*[.):\s]/i.test(t);
}

function toLines(md: string): Line[] {
  const out: Line[] = [];
  let fence: string | null = null;
  md.split(/\r?\n/).forEach((text, i) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(text);
    if (m) {
      if (fence === null) {
        fence = m[1]!;
        out.push({ text, n: i + 1, inCode: true });
        return;
      }
      if (m[1]!.startsWith(fence[0]!) && m[1]!.length >= fence.length && /^\s*[`~]+\s*$/.test(text)) {
        fence = null;
        out.push({ text, n: i + 1, inCode: true });
        return;
      }
    }
    out.push({ text, n: i + 1, inCode: fence !== null });
  });
  return out;
}

interface Start {
  at: number;
  title: string;
  kind: 'heading' | 'list' | 'bold' | 'plain';
  level: number;
}

const IDENT = /`([^`\n]{1,120})`/g;

function identifiersOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IDENT)) {
    const id = m[1]!.trim();
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

function snippetSide(label: string): ClaimSnippet['side'] {
  const l = label.toLowerCase();
  if (/ideal|correct(ed)?\b|fix|after|solution|should|right|resolved|updated|proper/.test(l) && !/incorrect|wrong/.test(l)) return 'ideal';
  if (/model|incorrect|wrong|before|original|problem|issue|error|had|bad|initial|early/.test(l)) return 'model';
  return 'unknown';
}

function buildClaim(lines: Line[], start: Start, end: number, groupSeverity: Severity | null, index: number): Claim {
  const body = lines.slice(start.at + 1, end);
  const textLines: string[] = [];
  const snippets: ClaimSnippet[] = [];
  let lastLabel = '';
  let lastField = '';
  let i = 0;
  while (i < body.length) {
    const l = body[i]!;
    if (l.inCode) {
      const lang = /^\s*[`~]{3,}\s*([\w+-]*)/.exec(l.text)?.[1] ?? '';
      const code: string[] = [];
      i++;
      while (i < body.length && body[i]!.inCode && !/^\s{0,3}[`~]{3,}\s*$/.test(body[i]!.text)) code.push(body[i++]!.text);
      i++;
      const head = code.find((c) => c.trim())?.trim() ?? '';
      const marked = /^(#|\/\/).*\b(incorrect|wrong|bad|before|model)\b/i.test(head) ? 'model' : /^(#|\/\/).*\b(correct|fixed|after|ideal)\b/i.test(head) ? 'ideal' : 'unknown';
      const side = marked !== 'unknown' ? marked : snippetSide(lastLabel);
      snippets.push({ language: lang.toLowerCase(), code: code.join('\n'), side: side === 'unknown' ? snippetSide(lastField) : side });
      continue;
    }
    if (l.text.trim()) {
      textLines.push(l.text);
      lastLabel = l.text;
      const field = /^\s*(?:#{1,6}\s+|\*\*)([^*\n]{2,60})/.exec(l.text);
      if (field) lastField = field[1]!;
    }
    i++;
  }
  const text = textLines.join('\n').trim();
  const levelField = /(?:impact level|severity|priority|impact)\**\s*[:|-]\s*(?:\*+\s*)?([A-Za-z]+)/i.exec(text);
  // `[^()]`, not `[^)]`: a title of many unclosed `(critical` would make every attempt scan to the end (quadratic).
  const titleSeverity = /\((critical|high|medium|low|major|minor)\b[^()]*\)|\[(critical|high|medium|low)\]/i.exec(start.title);
  const severity =
    (levelField ? severityFrom(levelField[1]!) : null) ??
    (titleSeverity ? severityFrom(titleSeverity[1] ?? titleSeverity[2]!) : null) ??
    groupSeverity;
  const cat = /\*\*(?:category|fix category|failure category|type)\*\*\s*:?\s*([^\n]{1,80})|^(?:category|fix category)\s*:\s*([^\n]{1,80})/im.exec(text);
  return {
    index,
    title: start.title,
    severity,
    text,
    snippets,
    identifiers: identifiersOf(`${start.title}\n${text}`),
    claimedCategory: cat ? (cat[1] ?? cat[2]!).replace(/\*\*/g, '').trim() : null,
    line: lines[start.at]!.n,
  };
}

const GROUP_SUFFIX = /\b(failures|issues|problems|errors|fixes|findings|mistakes|gaps|corrections|improvements|deficiencies|shortcomings)(\s+(fixed|found|identified|addressed|resolved|and (fixes|corrections|resolutions)))?\s*(\([^)]*\))?$/i;

const GROUP_PREFIX = /^(?:\w+\s+)?(failures|issues|problems|errors|fixes|corrections|mistakes)\b/i;

function words(t: string): number {
  return t.split(/\s+/).filter(Boolean).length;
}

/**
 * `## Title ##` → ['##', 'Title']: the marks and the text without closing hashes (what
 * /^(#{1,6})\s+(.+?)\s*#*\s*$/ captures). Written as a scan: that regex backtracked cubically on long lines.
 */
function atxHeading(text: string): [string, string] | undefined {
  const open = /^(#{1,6})\s+/.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  let end = rest.trimEnd().length;
  while (end > 0 && rest[end - 1] === '#') end--;
  const title = rest.slice(0, end).trimEnd();
  // `.` never matched a line terminator, and the regex needed one character for the title.
  if (/[\r\u2028\u2029]/.test(title)) return undefined;
  const titleStarts = open[0].slice(open[1]!.length + 1) + (rest[0] ?? '');
  if (title === '' && !/[^\n\r\u2028\u2029]/.test(titleStarts)) return undefined;
  return [open[1]!, title];
}

function headingStarts(lines: Line[]): { starts: Start[]; groups: Map<number, Severity | null> } {
  const starts: Start[] = [];
  const groups = new Map<number, Severity | null>();
  // Open sections: level, whether claims are suppressed below, severity for claims below, group heading index.
  const stack: { level: number; suppress: boolean; severity: Severity | null; group?: number }[] = [];
  const groupCandidates: { at: number; level: number; title: string; severity: Severity | null; children: number; suppressed: boolean }[] = [];
  let docTitleSeen = false;
  let claimLevel: number | null = null;
  lines.forEach((l, at) => {
    if (l.inCode) return;
    const m = atxHeading(l.text);
    if (!m) return;
    const level = m[0].length;
    const raw = m[1];
    const title = cleanTitle(raw);
    const numbered = isNumbered(raw);
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    const suppressed = stack.some((s) => s.suppress);
    const inherited = [...stack].reverse().find((s) => s.severity)?.severity ?? null;
    const openGroups = stack.filter((s) => s.group !== undefined).map((s) => s.group!);
    const parentGroup = openGroups[openGroups.length - 1];
    if (!title) return;
    const isGroup = !numbered && (GROUP_HEADING.test(title) || ((GROUP_SUFFIX.test(title) || GROUP_PREFIX.test(title)) && words(title) <= 6));
    if (!docTitleSeen && starts.length === 0 && groupCandidates.length === 0 && !numbered && (level === 1 || !isGroup && /\b(failures?|analysis|comparison|response|review|issues|corrections|fixes|vs\.?)\b/i.test(title))) {
      docTitleSeen = true;
      stack.push({ level, suppress: false, severity: null });
      return;
    }
    if (!numbered && (NON_CLAIM_SECTION.test(title) || /\b(summary|overview|conclusion|statistics|assessment)$/i.test(title))) {
      stack.push({ level, suppress: true, severity: null });
      return;
    }
    if (!numbered && FIELD_HEADING.test(title) && words(title) <= 6) {
      // A field of the current claim (Root Cause, Fix...): part of the claim body.
      stack.push({ level, suppress: false, severity: inherited });
      return;
    }
    if (isGroup) {
      const severity = severityFrom(title) ?? inherited;
      groupCandidates.push({ at, level, title, severity, children: 0, suppressed });
      stack.push({ level, suppress: suppressed, severity, group: groupCandidates.length - 1 });
      return;
    }
    stack.push({ level, suppress: suppressed, severity: inherited });
    if (suppressed) return;
    // Claims sit at one heading level; a deeper unnumbered heading under a claim is a sub-point of it.
    if (claimLevel !== null && level > claimLevel && starts.length && !numbered && parentGroup === undefined) return;
    if (claimLevel === null || level < claimLevel) claimLevel = level;
    starts.push({ at, title, kind: 'heading', level });
    groups.set(at, inherited);
    for (const g of openGroups) groupCandidates[g]!.children += 1;
  });
  // A "group" heading with no claims below it is itself a claim ("## Missing Tagging Issues" with prose only).
  for (const g of groupCandidates) {
    if (g.children > 0 || g.suppressed || GROUP_HEADING.test(g.title)) continue;
    starts.push({ at: g.at, title: g.title, kind: 'heading', level: g.level });
    groups.set(g.at, g.severity);
  }
  starts.sort((a, b) => a.at - b.at);
  return { starts, groups };
}

const BOLD_LIST = /^(?:\d+[.)]|[-*+])\s+\*\*([^*]{3,160})\*\*\s*(?:[:\-–—].*)?$/;
const BOLD_LINE = /^\*\*(?:\d+[.)]\s*)?([^*]{3,160})\*\*\s*(?::\s*)?$/;

function listStarts(lines: Line[]): Start[] {
  const starts: Start[] = [];
  let suppressed = false;
  lines.forEach((l, at) => {
    if (l.inCode) return;
    const h = /^(#{1,6})\s+(.+)$/.exec(l.text);
    if (h) {
      suppressed = NON_CLAIM_SECTION.test(cleanTitle(h[2]!));
      return;
    }
    if (suppressed) return;
    const m = BOLD_LIST.exec(l.text) ?? BOLD_LINE.exec(l.text);
    if (!m) return;
    const title = cleanTitle(m[1]!);
    if (!title || FIELD_HEADING.test(title) && title.split(/\s+/).length <= 4) return;
    if (NON_CLAIM_SECTION.test(title)) return;
    starts.push({ at, title, kind: /^\*\*/.test(l.text) ? 'bold' : 'list', level: 0 });
  });
  return starts;
}

/** Plain-text documents: short capitalized lines without final punctuation, between blank lines and prose. */
function plainStarts(lines: Line[]): Start[] {
  const starts: Start[] = [];
  lines.forEach((l, at) => {
    if (l.inCode) return;
    const t = l.text.trim();
    const prev = lines[at - 1];
    const next = lines[at + 1];
    if (!t || t.length > 90 || /[.:,;!?]$/.test(t) || !/^(?:\d+[.)]\s+)?[A-Z]/.test(t)) return;
    if (t.split(/\s+/).length < 2 || t.split(/\s+/).length > 12) return;
    if (/[{}=<>;]|^\w+\s*\(/.test(t)) return;
    if (prev && prev.text.trim() && !/^\s*$/.test(prev.text)) return;
    if (!next || !next.text.trim()) return;
    const title = cleanTitle(t);
    if (!title || NON_CLAIM_SECTION.test(title)) return;
    starts.push({ at, title, kind: 'plain', level: 0 });
  });
  return starts;
}

/** Numbered lines at the margin: `1) Region hard-coded`, `2. The model ...`. */
function numberedStarts(lines: Line[]): Start[] {
  const starts: Start[] = [];
  lines.forEach((l, at) => {
    if (l.inCode) return;
    const m = /^\d{1,2}[.)]\s+(\S.{2,})$/.exec(l.text);
    if (!m) return;
    const title = cleanTitle(m[1]!.length > 160 ? `${m[1]!.slice(0, 157)}...` : m[1]!);
    if (title) starts.push({ at, title, kind: 'list', level: 0 });
  });
  return starts;
}

/** Some analyses are wrapped whole in a ```markdown fence. */
function unwrap(markdown: string): string {
  const m = /^\s*(`{3,}|~{3,})(?:markdown|md)?\s*\n([\s\S]*?)\n\1\s*$/i.exec(markdown);
  return m ? m[2]! : markdown.replace(/^\s*```(?:markdown|md)\s*\n/i, '');
}

export function parseFailureAnalysis(markdown: string): Claim[] {
  const lines = toLines(unwrap(markdown));
  const { starts: headingClaims, groups } = headingStarts(lines);
  let starts: Start[] = headingClaims;
  if (starts.length === 0) starts = listStarts(lines);
  if (starts.length === 0) starts = numberedStarts(lines);
  if (starts.length === 0) starts = plainStarts(lines);
  // Every heading (claim or not) ends the previous claim's body.
  const boundaries = lines.map((l, i) => (!l.inCode && /^#{1,6}\s/.test(l.text) ? i : -1)).filter((i) => i >= 0);
  const startIdx = new Set(starts.map((s) => s.at));
  const claims: Claim[] = [];
  starts.forEach((s, k) => {
    const nextStart = starts[k + 1]?.at ?? lines.length;
    let end = nextStart;
    if (s.kind === 'heading') {
      // Body runs until the next heading of the same or a higher level that is not a field heading.
      for (const b of boundaries) {
        if (b <= s.at || b >= nextStart) continue;
        // Parsed like claim headings: `(.+)$` failed on a line ending in a lone `\r` and crashed the stage.
        const m = atxHeading(lines[b]!.text);
        if (!m) continue;
        const title = cleanTitle(m[1]);
        const fieldLike = FIELD_HEADING.test(title) && title.split(/\s+/).length <= 6;
        if (m[0].length <= s.level && !fieldLike && !startIdx.has(b)) {
          end = b;
          break;
        }
      }
    } else {
      for (const b of boundaries) if (b > s.at && b < end) end = b;
    }
    claims.push(buildClaim(lines, s, end, groups.get(s.at) ?? null, claims.length + 1));
  });
  return claims;
}
