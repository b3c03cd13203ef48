/**
 * Extracts the files of an LLM response from its markdown: every fenced code block that is a file, with the
 * file name the response gives it (first-line comment, the sentence or label right before the fence, or the
 * nearest heading), normalized under `lib/`.
 */
import type { SourceFile } from '../model/types.js';
import type { ExtractionWarning, ResponseFiles } from '../contracts/task.js';
import { CODE_EXTENSIONS, extensionOf, fenceLanguage, languageForPath, languagesConflict } from './languages.js';
import { commentName, fileNamesIn, labelName } from './names.js';
import { declarations, overlaps } from './declarations.js';
import { outline, type OutlineItem } from './outline.js';
import { normalizeResponsePath } from './paths.js';
import { looksLikeCommands, looksLikeTree, sniffLanguage } from './shapes.js';

export { languageForPath } from './languages.js';
export { normalizeResponsePath } from './paths.js';

/** Files without an extension that responses still give as files. */
const EXTENSIONLESS_FILES = new Set(['AWS_REGION']);

/** A sentence longer than this is prose, not the introduction of the next block. */
const MAX_INTRO = 240;

type NameSource = 'comment' | 'intro' | 'heading' | 'label';

interface Candidate {
  name: string;
  source: NameSource;
  line: number;
}

type CodeItem = Extract<OutlineItem, { kind: 'code' }>;

/** Name carried by a heading: a lone name, else the first name it mentions. */
function headingName(text: string): string | undefined {
  return labelName(text) ?? extensionlessLabel(text) ?? fileNamesIn(text)[0];
}

/** `lib/AWS_REGION` as a label or heading. */
function extensionlessLabel(text: string): string | undefined {
  const t = text.replace(/^[#*`\s]+|[*`:\s]+$/g, '').replace(/^(?:file|path)\s*:\s*/i, '');
  if (t.length > 200 || /\s/.test(t)) return undefined;
  const base = t.slice(t.lastIndexOf('/') + 1);
  return EXTENSIONLESS_FILES.has(base) ? t : undefined;
}

function isNamedFile(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return CODE_EXTENSIONS.has(extensionOf(name)) || EXTENSIONLESS_FILES.has(base);
}

/** Opening fence marker (```` ``` ````, `~~~~`) at the node's start, or undefined for an indented code block. */
function fenceMarker(text: string, startOffset: number): string | undefined {
  const m = /^(`{3,}|~{3,})/.exec(text.slice(startOffset, startOffset + 64));
  return m?.[1];
}

/** How a model declines a task, near the start of its answer. */
const REFUSAL = /\b(?:I(?:'|’)m sorry|I am sorry|I (?:can(?:'|’)t|cannot|won(?:'|’)t|will not) (?:help|assist|provide|create|write|generate|comply|do)|I(?:'|’)m (?:not able|unable) to|I am (?:not able|unable) to|as an AI\b)/i;

export function extractResponse(markdown: string, origin: string): ResponseFiles {
  const text = markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown;
  const warnings: ExtractionWarning[] = [];
  const warn = (kind: string, message: string, line?: number): void => {
    warnings.push({ kind, message, file: origin, ...(line !== undefined ? { line } : {}) });
  };
  let items: OutlineItem[];
  try {
    items = outline(text);
  } catch (err) {
    warn('markdown', `could not parse markdown: ${(err as Error).message}`);
    return { origin, files: [], warnings, markdown: text };
  }
  const files: SourceFile[] = [];
  const superseded: SourceFile[] = [];
  const byPath = new Map<string, SourceFile>();
  let pending: Candidate | undefined;
  let unnamed = 0;

  for (let i = 0; i < items.length; i++) {
    const item = items[i] as OutlineItem;
    if (item.kind === 'heading') {
      // A new section: its name (or none) replaces whatever an earlier section named.
      const name = headingName(item.text);
      pending = name ? { name, source: 'heading', line: item.line } : undefined;
      continue;
    }
    if (item.kind === 'paragraph') {
      const label = labelName(item.text) ?? extensionlessLabel(item.text);
      if (label) pending = { name: label, source: 'label', line: item.line };
      else if (item.text.length <= MAX_INTRO) {
        const names = fileNamesIn(item.text);
        const next = items[i + 1];
        // "Create `lib/main.tf`:" names what follows; a short sentence right before a fence names it too.
        if (names[0] && (item.text.endsWith(':') || next?.kind === 'code')) {
          pending = { name: names[0], source: 'intro', line: item.line };
        }
      }
      continue;
    }
    if (item.kind !== 'code') continue;
    const produced = takeCode(item);
    if (produced) pending = undefined;
  }

  /** Next `lib/unnamed-N.tf` / `.ts` name, for HCL and TypeScript only. */
  function unnamedFile(language: string | undefined): { path: string; language: string } | undefined {
    if (language !== 'hcl' && language !== 'ts') return undefined;
    unnamed++;
    return { path: `lib/unnamed-${unnamed}.${language === 'hcl' ? 'tf' : 'ts'}`, language };
  }

  /** Decides whether a code block is a file and under which name; returns true when the block used up the pending name. */
  function takeCode(item: CodeItem): boolean {
    // The node starts at its fence, also inside list items and block quotes.
    const marker = fenceMarker(text, item.startOffset);
    const contentLine = marker ? item.line + 1 : item.line;
    const content = item.value.replace(/\r\n?/g, '\n');
    // Reported only for blocks that become files: an unclosed fence is kept, up to the end of the document.
    const reportUnclosed = (): void => {
      if (marker && isUnclosed(item, marker)) {
        warn('unclosed-fence', `code fence opened at line ${item.line} never closes; taken to the end of the document`, item.line);
      }
    };
    if (content.trim() === '') return false;

    const fence = fenceLanguage(marker ? item.lang : null);
    const candidates: Candidate[] = [];
    const fromComment = commentName(content);
    if (fromComment) candidates.push({ name: fromComment, source: 'comment', line: contentLine });
    if (pending) candidates.push(pending);
    const chosen = candidates.find((c) => !languagesConflict(fence.language, languageForPath(c.name)));

    const notAFile = looksLikeTree(content) || looksLikeCommands(content);
    if (notAFile && chosen?.source !== 'comment') return false;
    if (fence.nonFile && !(chosen && isNamedFile(chosen.name))) return false;

    if (!chosen) {
      const language = fence.language ?? (fence.word === '' ? sniffLanguage(content) : undefined);
      const fallback = unnamedFile(language);
      if (!fallback) return false;
      reportUnclosed();
      add({ ...fallback, content, markdownLine: contentLine, markdownPath: origin });
      return true;
    }

    const normalized = normalizeResponsePath(chosen.name);
    if (!normalized.ok) {
      // The name is never used; the code itself is still the response's, so it is kept like an unnamed block.
      const fallback = unnamedFile(fence.language ?? languageForPath(chosen.name.replace(/\\/g, '/')));
      warn(
        'rejected-path',
        `file name \`${printable(chosen.name)}\` (line ${chosen.line}) rejected: ${normalized.reason}; ` +
          (fallback ? `block at line ${contentLine} taken as ${fallback.path}` : `block at line ${contentLine} skipped`),
        chosen.line,
      );
      if (fallback) {
        reportUnclosed();
        add({ ...fallback, content, markdownLine: contentLine, markdownPath: origin });
      }
      return true;
    }
    // The name decides the language: `terraform.tfvars.example` in an hcl fence is an example, not configuration.
    const language = languageForPath(normalized.path);
    reportUnclosed();
    add({ path: normalized.path, language, content, markdownLine: contentLine, markdownPath: origin });
    return true;
  }

  /** A closed fence ends with a run of its marker character at least as long as the opening one. */
  function isUnclosed(item: CodeItem, marker: string): boolean {
    if (item.endLine === item.line) return true;
    const tail = text.slice(Math.max(item.startOffset, item.endOffset - 256), item.endOffset).trimEnd();
    let run = 0;
    while (run < tail.length && tail[tail.length - 1 - run] === marker[0]) run++;
    return run < marker.length;
  }

  /**
   * Adds a named file. The same name again is a revision (later wins), a continuation (HCL parts declaring
   * different things are joined) or an excerpt (a later part with no declarations of its own is dropped).
   */
  function add(file: SourceFile): void {
    const known = byPath.get(file.path);
    if (!known) {
      files.push(file);
      byPath.set(file.path, file);
      return;
    }
    const earlier = files.indexOf(known);
    const prev = known;
    const lines = `lines ${prev.markdownLine} and ${file.markdownLine}`;
    const before = declarations(prev.language, prev.content);
    const after = declarations(file.language, file.content);
    if (file.language === 'hcl' && before.size > 0 && after.size === 0) {
      warn('duplicate-path', `\`${file.path}\` is given twice (${lines}); the later block declares nothing and is taken as an excerpt, the earlier block is kept`, file.markdownLine);
      superseded.push(file);
      return;
    }
    if (file.language === 'hcl' && prev.language === 'hcl' && before.size > 0 && after.size > 0 && !overlaps(before, after)) {
      warn('joined-parts', `\`${file.path}\` is given in parts (${lines}) declaring different blocks; the parts are joined`, file.markdownLine);
      files[earlier] = joinParts(prev, file);
      byPath.set(file.path, files[earlier] as SourceFile);
      return;
    }
    warn('duplicate-path', `\`${file.path}\` is given twice (${lines}); the later block is used`, file.markdownLine);
    superseded.push(prev);
    files.splice(earlier, 1);
    files.push(file);
    byPath.set(file.path, file);
  }

  const kept = dropExcerpts(files, warn);
  // A response without code would otherwise pass silently with zero findings: say why there is nothing to judge.
  if (kept.length === 0) {
    if (text.trim() === '') warn('empty-response', 'the response is empty; nothing to analyze');
    else if (REFUSAL.test(text.slice(0, 600))) warn('refusal', 'the response declines the task and holds no code; nothing to analyze');
    else warn('no-code', 'the response holds no code block; nothing to analyze');
  }
  const result: ResponseFiles = { origin, files: kept, warnings, markdown: text };
  if (superseded.length > 0) result.superseded = superseded;
  return result;
}

function lineCount(content: string): number {
  let n = 1;
  for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) n++;
  return n;
}

/** Appends a part to a file, recording where each part came from in the markdown. */
function joinParts(first: SourceFile, next: SourceFile): SourceFile {
  const segments = first.segments ?? [{ line: 1, markdownLine: first.markdownLine ?? 1 }];
  const base = first.content.endsWith('\n') ? first.content : `${first.content}\n`;
  const startLine = lineCount(base);
  return {
    ...first,
    content: base + next.content,
    segments: [...segments, { line: startLine, markdownLine: next.markdownLine ?? 1 }],
  };
}

const UNNAMED = /^lib\/unnamed-\d+\.(tf|ts)$/;

/**
 * Unnamed HCL blocks that are not configuration files: fragments with no top-level declaration (a setting to
 * change, a tfvars example) and drafts or excerpts that redeclare what a named file (or a later unnamed block)
 * declares. Keeping them would add syntax errors and duplicate declarations that the response does not have.
 */
function dropExcerpts(files: SourceFile[], warn: (kind: string, message: string, line?: number) => void): SourceFile[] {
  const decls = files.map((f) => declarations(f.language, f.content));
  // Which files declare each name, in file order: finding the block an unnamed one repeats used to scan every
  // other file (20,000 unnamed fences took 72 s).
  const holders = new Map<string, number[]>();
  const firstNamed = new Map<string, number>();
  decls.forEach((set, j) => {
    const named = !UNNAMED.test(files[j]!.path);
    for (const d of set) {
      let list = holders.get(d);
      if (!list) holders.set(d, (list = []));
      list.push(j);
      if (named && !firstNamed.has(d)) firstNamed.set(d, j);
    }
  });
  /** The first file other than i that declares one of `own` and is named or comes after i (-1 if none). */
  const firstRepeat = (own: Set<string>, i: number): number => {
    let best = Infinity;
    for (const d of own) {
      const named = firstNamed.get(d);
      if (named !== undefined && named !== i && named < best) best = named;
      const list = holders.get(d)!;
      // Binary search for the first holder after i.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]! <= i) lo = mid + 1;
        else hi = mid;
      }
      if (lo < list.length && list[lo]! < best) best = list[lo]!;
    }
    return best === Infinity ? -1 : best;
  };
  const keep: SourceFile[] = [];
  files.forEach((file, i) => {
    if (file.language !== 'hcl' || !UNNAMED.test(file.path)) {
      keep.push(file);
      return;
    }
    const own = decls[i] as Set<string>;
    if (own.size === 0) {
      warn('fragment-skipped', `unnamed hcl block at line ${file.markdownLine} declares no block (a fragment or tfvars example); not taken as a file`, file.markdownLine);
      return;
    }
    const repeats = firstRepeat(own, i);
    if (repeats !== -1) {
      const other = files[repeats] as SourceFile;
      warn('excerpt-skipped', `unnamed hcl block at line ${file.markdownLine} repeats declarations of \`${other.path}\` (line ${other.markdownLine}); taken as an excerpt`, file.markdownLine);
      return;
    }
    keep.push(file);
  });
  return keep;
}

/** Shows control characters in a rejected name without writing them to a terminal. */
function printable(name: string): string {
  let out = '';
  for (const ch of name.slice(0, 200)) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || c === 0x7f ? `\\x${c.toString(16).padStart(2, '0')}` : ch;
  }
  return out;
}
