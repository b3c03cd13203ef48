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
}

export type Relation =
  | { kind: 'same' }
  | { kind: 'parts' }
  | { kind: 'revision' }
  /** `excerpt` is the earlier or the later block; `truncated`: it is the copy the response's end cut off. */
  | { kind: 'excerpt'; excerpt: 'earlier' | 'later'; truncated: boolean; why: string };

/** A line that stands for code left out: `...`, `# ... (rest unchanged)`, `// existing code`. */
const ELISION = /^\s*(?:(?:#|\/\/|\/\*)\s*)?(?:\.{3}|…)(?![\w$({[])|^\s*(?:#|\/\/|\/\*)\s*.{0,40}\b(?:rest of|remain(?:s|ing|der)? (?:the same|unchanged)|unchanged|existing (?:code|config|resources?)|same as (?:above|before)|as before|omitted|truncated for brevity)\b/i;

function elides(content: string): boolean {
  let n = 0;
  for (const line of content.split('\n')) {
    if (++n > 5000) break;
    if (line.length < 200 && ELISION.test(line)) return true;
  }
  return false;
}

function lineCount(content: string): number {
  return content.trimEnd().split('\n').length;
}

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
  if (earlier.content.trim() === later.content.trim()) return { kind: 'same' };
  const before = declarations(earlier.language, earlier.content);
  const after = declarations(later.language, later.content);
  if (later.cut !== earlier.cut) {
    // The cut copy gives way to a complete one that has what it has (a draft of 60 lines is no copy of 775 cut ones).
    const [cut, whole] = later.cut ? [after, before] : [before, after];
    const [cutLines, wholeLines] = later.cut ? [lineCount(later.content), lineCount(earlier.content)] : [lineCount(earlier.content), lineCount(later.content)];
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
  const shortLater = lineCount(later.content) < FAR_SHORTER * lineCount(earlier.content);
  const shortEarlier = lineCount(earlier.content) < FAR_SHORTER * lineCount(later.content);
  const elidedLater = elides(later.content);
  const elidedEarlier = elides(earlier.content);
  if (shortLater && (elidedLater || after.size === before.size)) return { kind: 'excerpt', excerpt: 'later', truncated: false, why: 'it is far shorter' };
  if (shortEarlier && (elidedEarlier || after.size === before.size)) return { kind: 'excerpt', excerpt: 'earlier', truncated: false, why: 'it is far shorter' };
  if (elidedLater && !elidedEarlier) return { kind: 'excerpt', excerpt: 'later', truncated: false, why: 'it leaves code out (`...`)' };
  if (elidedEarlier && !elidedLater) return { kind: 'excerpt', excerpt: 'earlier', truncated: false, why: 'it leaves code out (`...`)' };
  return { kind: 'revision' };
}
