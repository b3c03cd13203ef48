/**
 * Two blocks of a response under one file name: which one is the file. A later block replaces an earlier one
 * (a revision) unless one of them is only an excerpt of the other: it declares nothing, or only some of the
 * other's blocks, or elides code (`# ... rest unchanged`), or it is the copy the end of the response cut off.
 * HCL parts that declare different blocks are one file given in parts.
 */
import { declarations, overlaps } from './declarations.js';

export interface Version {
  language: string;
  content: string;
  /** The response ends inside this block (see truncation.ts). */
  cut: boolean;
  /**
   * What `relate` reads of the content, when the caller has it (`versionFacts`, or `joinedFacts` for a file given
   * in parts): a file joined from thousands of parts is related to each further part, and reading its whole
   * text every time made extraction quadratic. Without it, the facts are computed from `content`.
   */
  facts?: VersionFacts;
}

/** What `relate` needs to know of a block's text, beyond the text itself. */
export interface VersionFacts {
  declarations: Set<string>;
  length: number;
  /** Whitespace (as `trim` sees it) at the start and at the end of the content. */
  leadingSpace: number;
  trailingSpace: number;
  /** Number of `\n` in the content, and whether it ends with one. */
  newlines: number;
  endsWithNewline: boolean;
  /** `lineCount(content)` and `elides(content)`. */
  lines: number;
  elides: boolean;
}

export type Relation =
  | { kind: 'same' }
  | { kind: 'parts' }
  | { kind: 'revision' }
  /** `excerpt` is the earlier or the later block; `truncated`: it is the copy the response's end cut off. */
  | { kind: 'excerpt'; excerpt: 'earlier' | 'later'; truncated: boolean; why: string };

/** A line that stands for code left out: `...`, `# ... (rest unchanged)`, `// existing code`. */
const ELISION = /^\s*(?:(?:#|\/\/|\/\*)\s*)?(?:\.{3}|…)(?![\w$({[])|^\s*(?:#|\/\/|\/\*)\s*.{0,40}\b(?:rest of|remain(?:s|ing|der)? (?:the same|unchanged)|unchanged|existing (?:code|config|resources?)|same as (?:above|before)|as before|omitted|truncated for brevity)\b/i;

/** Lines read for an elision marker: a marker past them leaves too much code to be an excerpt's. */
const ELISION_SCAN_LINES = 5000;

/** Whether one of the first `limit` lines of `content` marks left-out code. */
function elides(content: string, limit = ELISION_SCAN_LINES): boolean {
  let n = 0;
  for (let start = 0; start <= content.length; ) {
    if (++n > limit) break;
    let end = content.indexOf('\n', start);
    if (end === -1) end = content.length;
    if (end - start < 200 && ELISION.test(content.slice(start, end))) return true;
    start = end + 1;
  }
  return false;
}

function lineCount(content: string): number {
  return content.trimEnd().split('\n').length;
}

/** `\s` is the whitespace `trim` removes. */
const isSpace = (c: string): boolean => /\s/.test(c);

export function versionFacts(language: string, content: string): VersionFacts {
  let leadingSpace = 0;
  while (leadingSpace < content.length && isSpace(content[leadingSpace]!)) leadingSpace++;
  let trailingSpace = 0;
  while (trailingSpace < content.length && isSpace(content[content.length - 1 - trailingSpace]!)) trailingSpace++;
  let newlines = 0;
  for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) newlines++;
  return {
    declarations: declarations(language, content),
    length: content.length,
    leadingSpace,
    trailingSpace,
    newlines,
    endsWithNewline: content.endsWith('\n'),
    lines: lineCount(content),
    elides: elides(content),
  };
}

/**
 * The facts of `first` + (a newline when `first` has none at its end) + `next`, from the facts of both and the
 * text of `next` only: what `versionFacts` of the joined text would say. Both blocks hold code (extraction never
 * joins a blank block), so the joined text's leading space is `first`'s and its trailing space `next`'s.
 * Declarations are line-based and the join falls on a line boundary: they are the union (`first`'s set is
 * extended in place and given to the joined file; the caller drops `first`).
 */
export function joinedFacts(first: VersionFacts, next: VersionFacts, nextContent: string): VersionFacts {
  const baseNewlines = first.newlines + (first.endsWithNewline ? 0 : 1);
  const baseLength = first.length + (first.endsWithNewline ? 0 : 1);
  const declarations = first.declarations;
  for (const d of next.declarations) declarations.add(d);
  // elides() reads the first ELISION_SCAN_LINES lines: the base's lines come first, then as many of next's as remain.
  const elided = first.elides || (baseNewlines < ELISION_SCAN_LINES && elides(nextContent, ELISION_SCAN_LINES - baseNewlines));
  return {
    declarations,
    length: baseLength + next.length,
    leadingSpace: first.leadingSpace,
    trailingSpace: next.trailingSpace,
    newlines: baseNewlines + next.newlines,
    endsWithNewline: next.endsWithNewline,
    lines: baseNewlines + next.lines,
    elides: elided,
  };
}

const trimmedLength = (f: VersionFacts): number => (f.leadingSpace === f.length ? 0 : f.length - f.leadingSpace - f.trailingSpace);

function isSubset(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** A block far shorter than the other one: under this share of its lines. */
const FAR_SHORTER = 0.34;
/** A complete copy with at least this share of a cut copy's lines replaces it. */
const COMPLETE_SHARE = 0.8;
/** A block declaring at most this share of the other's blocks, and nothing else, is an excerpt of it. */
const SUBSET_SHARE = 0.75;

export function relate(earlier: Version, later: Version): Relation {
  const factsBefore = earlier.facts ?? versionFacts(earlier.language, earlier.content);
  const factsAfter = later.facts ?? versionFacts(later.language, later.content);
  // Lengths first: the texts are read only when they can be the same.
  if (trimmedLength(factsBefore) === trimmedLength(factsAfter) && earlier.content.trim() === later.content.trim()) return { kind: 'same' };
  const before = factsBefore.declarations;
  const after = factsAfter.declarations;
  if (later.cut !== earlier.cut) {
    // The cut copy gives way to a complete one that has what it has (a draft of 60 lines is no copy of 775 cut ones).
    const [cut, whole] = later.cut ? [after, before] : [before, after];
    const [cutLines, wholeLines] = later.cut ? [factsAfter.lines, factsBefore.lines] : [factsBefore.lines, factsAfter.lines];
    let missing = 0;
    for (const d of cut) if (!whole.has(d)) missing++;
    if (missing <= 1 || wholeLines >= COMPLETE_SHARE * cutLines) {
      return { kind: 'excerpt', excerpt: later.cut ? 'later' : 'earlier', truncated: true, why: 'the response ends inside it' };
    }
    return { kind: 'revision' };
  }
  if (before.size > 0 && after.size === 0) return { kind: 'excerpt', excerpt: 'later', truncated: false, why: 'it declares no block' };
  if (before.size === 0 && after.size > 0) return { kind: 'excerpt', excerpt: 'earlier', truncated: false, why: 'it declares no block' };
  if (before.size > 0 && after.size > 0) {
    if (!overlaps(before, after)) return earlier.language === 'hcl' && later.language === 'hcl' ? { kind: 'parts' } : { kind: 'revision' };
    // A later block that drops a block or two of many is a revision that removes them; an excerpt shows a few.
    if (after.size <= SUBSET_SHARE * before.size && isSubset(after, before)) {
      return { kind: 'excerpt', excerpt: 'later', truncated: false, why: `it declares only ${after.size} of the ${before.size} blocks` };
    }
    if (before.size <= SUBSET_SHARE * after.size && isSubset(before, after)) {
      return { kind: 'excerpt', excerpt: 'earlier', truncated: false, why: `it declares only ${before.size} of the ${after.size} blocks` };
    }
  }
  const shortLater = factsAfter.lines < FAR_SHORTER * factsBefore.lines;
  const shortEarlier = factsBefore.lines < FAR_SHORTER * factsAfter.lines;
  const elidedLater = factsAfter.elides;
  const elidedEarlier = factsBefore.elides;
  if (shortLater && (elidedLater || after.size === before.size)) return { kind: 'excerpt', excerpt: 'later', truncated: false, why: 'it is far shorter' };
  if (shortEarlier && (elidedEarlier || after.size === before.size)) return { kind: 'excerpt', excerpt: 'earlier', truncated: false, why: 'it is far shorter' };
  if (elidedLater && !elidedEarlier) return { kind: 'excerpt', excerpt: 'later', truncated: false, why: 'it leaves code out (`...`)' };
  if (elidedEarlier && !elidedLater) return { kind: 'excerpt', excerpt: 'earlier', truncated: false, why: 'it leaves code out (`...`)' };
  return { kind: 'revision' };
}
