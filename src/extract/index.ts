/**
 * Extracts the files of an LLM response from its markdown: every fenced code block that is a file, with the
 * file name the response gives it (first-line comment, the sentence or label right before the fence, or the
 * nearest heading), normalized under `lib/`.
 */
import type { SourceFile } from '../model/types.js';
import type { ExtractionWarning, FenceDecision, FenceDecisionKind, ResponseFiles, ResponseTruncation } from '../contracts/task.js';
import { CODE_EXTENSIONS, extensionOf, fenceLanguage, languageForPath, languagesConflict } from './languages.js';
import { commentName, fileNamesIn, labelName } from './names.js';
import { declarations, lastDeclaration } from './declarations.js';
import { outline, type OutlineItem } from './outline.js';
import { normalizeResponsePath } from './paths.js';
import { looksLikeCommands, looksLikeTree, sniffLanguage } from './shapes.js';
import { splitRunawayFences } from './runaway.js';
import { SectionStack, isExcerptLabel } from './sections.js';
import { cutAtEnd } from './truncation.js';

/** A last code line that cannot end a statement: an assignment, a separator or an opening bracket waiting for more. */
const DANGLING_END = /(?:[=,:({[?]|=>|&&|\|\|)$/;
import { joinedFacts, relate, versionFacts, type VersionFacts } from './versions.js';
import { INNER_FENCE, unwrapOuterFences } from './wrappers.js';

export { languageForPath } from './languages.js';
export { normalizeResponsePath } from './paths.js';
export { openAtEnd, cutAtEnd } from './truncation.js';

/**
 * Extraction warnings that say code was dropped, replaced or renamed: they are repeated in the analysis
 * result's `warnings` (and its document), so a reader knows the judged files are not every fence verbatim.
 */
export const CODE_DECISION_WARNINGS: ReadonlySet<string> = new Set([
  'duplicate-path',
  'excerpt-skipped',
  'fragment-skipped',
  'truncated-copy',
  'prose-example-skipped',
  'rejected-path',
  'unclosed-fence',
]);

/** Files without an extension that responses still give as files. */
const EXTENSIONLESS_FILES = new Set(['AWS_REGION']);

/** A sentence longer than this is prose, not the introduction of the next block. */
const MAX_INTRO = 240;

type NameSource = 'comment' | 'intro' | 'heading' | 'label';

interface Candidate {
  name: string;
  source: NameSource;
  line: number;
  /** The heading or label is nothing but the name (not a name mentioned in a title or sentence). */
  lone: boolean;
}

/** Languages whose fences are code of the stack when unnamed (HCL, TypeScript). */
const STACK_LANGUAGES = new Set(['hcl', 'ts']);

type CodeItem = Extract<OutlineItem, { kind: 'code' }>;

/** Name carried by a heading: a lone name, else the first name it mentions. */
function headingName(text: string): { name: string; lone: boolean } | undefined {
  const lone = labelName(text) ?? extensionlessLabel(text);
  if (lone) return { name: lone, lone: true };
  const mentioned = fileNamesIn(text)[0];
  return mentioned ? { name: mentioned, lone: false } : undefined;
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
  const text = unwrapOuterFences(markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown);
  const warnings: ExtractionWarning[] = [];
  const warn = (kind: string, message: string, line?: number): void => {
    warnings.push({ kind, message, file: origin, ...(line !== undefined ? { line } : {}) });
  };
  let items: OutlineItem[];
  try {
    items = splitRunawayFences(outline(text), text);
  } catch (err) {
    warn('markdown', `could not parse markdown: ${(err as Error).message}`);
    return { origin, files: [], warnings, markdown: text, fences: [] };
  }
  /**
   * The files in order of their (last) block; a replaced file leaves a hole (null), so that a revision costs no
   * scan of the list. Compacted into `files` after the last fence.
   */
  const slots: (SourceFile | null)[] = [];
  const slotOf = new Map<SourceFile, number>();
  /** What `relate` reads of each file, computed once (a joined file's from its parts: see versions.ts). */
  const factsOf = new Map<SourceFile, VersionFacts>();
  const facts = (f: SourceFile): VersionFacts => {
    let known = factsOf.get(f);
    if (!known) factsOf.set(f, (known = versionFacts(f.language, f.content)));
    return known;
  };
  const superseded: SourceFile[] = [];
  const hints: SourceFile[] = [];
  const fences: FenceDecision[] = [];
  /** The decision of the fence each file (or hint) came from; a joined file keeps its first part's. */
  const decisionOf = new Map<SourceFile, FenceDecision>();
  const byPath = new Map<string, SourceFile>();
  /** Unnamed stack code of prose sections, taken back when nothing else is left (see the end). */
  const proseExamples: { file: SourceFile; decision: FenceDecision }[] = [];
  const sections = new SectionStack();
  let pending: Candidate | undefined;
  /** The paragraph before the next block labels it as the model's code or a fix excerpt. */
  let excerptLabel = false;
  let unnamed = 0;
  const cutItem = findCut();
  let cutFile: SourceFile | undefined;

  for (let i = 0; i < items.length; i++) {
    const item = items[i] as OutlineItem;
    if (item.kind === 'heading') {
      excerptLabel = false;
      sections.enter(item.depth, item.text);
      // A new section: its name (or none) replaces whatever an earlier section named.
      const named = headingName(item.text);
      pending = named ? { name: named.name, source: 'heading', line: item.line, lone: named.lone } : undefined;
      continue;
    }
    if (item.kind === 'paragraph') {
      excerptLabel = isExcerptLabel(item.text);
      const label = labelName(item.text) ?? extensionlessLabel(item.text);
      if (label) pending = { name: label, source: 'label', line: item.line, lone: true };
      else if (item.text.length <= MAX_INTRO) {
        const names = fileNamesIn(item.text);
        const next = items[i + 1];
        // "Create `lib/main.tf`:" names what follows; a short sentence right before a fence names it too.
        if (names[0] && (item.text.endsWith(':') || next?.kind === 'code')) {
          pending = { name: names[0], source: 'intro', line: item.line, lone: false };
        }
      }
      continue;
    }
    if (item.kind !== 'code') continue;
    const decision: FenceDecision = { line: item.line, endLine: item.endLine, lang: item.lang, kind: 'other-language', reason: '' };
    fences.push(decision);
    const produced = takeCode(item, decision);
    excerptLabel = false;
    if (produced) pending = undefined;
  }

  /** The last fence, when the response ends inside it: unclosed at the end of the document and cut mid-construct. */
  function findCut(): CodeItem | undefined {
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i] as OutlineItem;
      if (item.kind !== 'code') continue;
      const marker = fenceMarker(text, item.startOffset);
      if (!marker || item.endedBefore !== undefined) return undefined;
      const content = item.value.replace(/\r\n?/g, '\n');
      if (isUnclosed(item, marker)) return cutAtEnd(content) ? item : undefined;
      // A fence closed right after a dangling expression (`Effect =`) at the very end of the response: the
      // generation stopped mid-block and the fence was closed after the cut; nothing of the answer follows it.
      return text.slice(item.endOffset).trim() === '' && DANGLING_END.test(content.trimEnd()) && cutAtEnd(content) ? item : undefined;
    }
    return undefined;
  }

  /** Next `lib/unnamed-N.tf` / `.ts` name, for HCL and TypeScript only. */
  function unnamedFile(language: string | undefined): { path: string; language: string } | undefined {
    if (language !== 'hcl' && language !== 'ts') return undefined;
    unnamed++;
    return { path: `lib/unnamed-${unnamed}.${language === 'hcl' ? 'tf' : 'ts'}`, language };
  }

  function decide(decision: FenceDecision, kind: FenceDecisionKind, reason: string, extra: { path?: string; of?: string } = {}): void {
    decision.kind = kind;
    decision.reason = reason;
    if (extra.path !== undefined) decision.path = extra.path;
    else delete decision.path;
    if (extra.of !== undefined) decision.of = extra.of;
    else delete decision.of;
  }

  /** Decides whether a code block is a file and under which name; returns true when the block used up the pending name. */
  function takeCode(item: CodeItem, decision: FenceDecision): boolean {
    // The node starts at its fence, also inside list items and block quotes.
    const marker = fenceMarker(text, item.startOffset);
    const contentLine = marker ? item.line + 1 : item.line;
    const content = item.value.replace(/\r\n?/g, '\n');
    // Reported only for blocks that become files: an unclosed fence is kept, up to the end of the document.
    const reportUnclosed = (): void => {
      if (item.endedBefore !== undefined) {
        warn('unclosed-fence', `code fence opened at line ${item.line} is not closed before the fence at line ${item.endedBefore}; ended there, so the two blocks stay apart`, item.line);
      } else if (marker && isUnclosed(item, marker)) {
        warn('unclosed-fence', `code fence opened at line ${item.line} never closes; taken to the end of the document`, item.line);
      }
    };
    if (content.trim() === '') {
      decide(decision, 'empty', 'the block is empty');
      return false;
    }
    const cut = item === cutItem;

    const fence = fenceLanguage(marker ? item.lang : null);
    const candidates: Candidate[] = [];
    const fromComment = commentName(content);
    if (fromComment) candidates.push({ name: fromComment, source: 'comment', line: contentLine, lone: true });
    if (pending) candidates.push(pending);
    const chosen = candidates.find((c) => !languagesConflict(fence.language, languageForPath(c.name)));

    if (chosen?.source !== 'comment') {
      if (looksLikeTree(content)) {
        decide(decision, 'tree', 'a directory listing');
        return false;
      }
      if (looksLikeCommands(content)) {
        decide(decision, 'commands', 'shell commands');
        return false;
      }
    }
    if (fence.nonFile && !(chosen && isNamedFile(chosen.name))) {
      decide(decision, 'other-language', `a \`${fence.word || 'text'}\` block that no file name names`);
      return false;
    }

    // The language of a block skipped as prose or excerpt: its name's, else the fence's or the sniffed one.
    const skippedLanguage = (): string | undefined =>
      chosen ? languageForPath(chosen.name.replace(/\\/g, '/')) : fence.language ?? (fence.word === '' ? sniffLanguage(content) : undefined);
    // An ideal that embeds the model's response (`lib/MODEL_RESPONSE.md`): the files that follow are the model's.
    if (chosen && /(?:^|\/)MODEL_RESPONSE\.md$/i.test(chosen.name)) sections.markModelCopy();
    // Code in a failure analysis or under a "MODEL_RESPONSE Issue" / "Before" label is an excerpt of the model's
    // code or of a fix, whatever names it: taken as a file, it would replace the stack's file of that name.
    if (sections.analysis || excerptLabel) {
      const language = skippedLanguage();
      decide(decision, 'prose-example', 'code in a failure analysis or a before/after comparison: an excerpt of the model\'s code or of a fix');
      if (language && STACK_LANGUAGES.has(language)) {
        warn('prose-example-skipped', `${language} block at line ${contentLine} is an excerpt in a failure analysis or before/after comparison; not taken as configuration`, contentLine);
        proseExamples.push({ file: { path: '', language, content, markdownLine: contentLine, markdownPath: origin }, decision });
      }
      return chosen !== undefined;
    }
    // In a prose section a file of the stack is named by a comment, a label or heading that is nothing but the
    // name, or a sentence that names a `.tf` (or `.tf.json`) file ("Create a `provider.tf` file:"); a tfvars file or a `main.ts`
    // shown there is an example of how to call the stack.
    const prose = sections.prose;
    const explicit = chosen !== undefined && ((chosen.lone && chosen.source !== 'intro') || /\.tf(?:\.json)?$/.test(chosen.name));
    if (prose && (!explicit || /\.tfvars$/.test(chosen?.name ?? ''))) {
      const language = skippedLanguage();
      const named = chosen ? ` named \`${printable(chosen.name)}\`` : '';
      decide(decision, 'prose-example', `code${named} in a usage, README or example section, not named as a file of the stack`);
      if (language && STACK_LANGUAGES.has(language)) {
        warn('prose-example-skipped', `${language} block at line ${contentLine}${named} sits in a usage, README or example section and is not named as a file of the stack; not taken as configuration`, contentLine);
        if (!chosen || !/\.tfvars$/.test(chosen.name)) proseExamples.push({ file: { path: '', language, content, markdownLine: contentLine, markdownPath: origin }, decision });
      }
      return chosen !== undefined;
    }

    if (!chosen) {
      const language = fence.language ?? (fence.word === '' ? sniffLanguage(content) : undefined);
      const fallback = unnamedFile(language);
      if (!fallback) {
        decide(decision, 'other-language', `an unnamed ${fence.word ? `\`${fence.word}\` ` : ''}block that is not HCL or TypeScript`);
        return false;
      }
      reportUnclosed();
      add({ ...fallback, content, markdownLine: contentLine, markdownPath: origin }, decision, cut);
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
        add({ ...fallback, content, markdownLine: contentLine, markdownPath: origin }, decision, cut);
      } else {
        decide(decision, 'other-language', `its name \`${printable(chosen.name)}\` is rejected (${normalized.reason})`);
      }
      return true;
    }
    // The name decides the language: `terraform.tfvars.example` in an hcl fence is an example, not configuration.
    const language = languageForPath(normalized.path);
    // A markdown document whose own code blocks closed its fence early (a guide with ```bash inside a ```markdown
    // block): what follows, up to the next heading naming a stack file, is the rest of that document.
    if (/\.(?:md|markdown)$/i.test(normalized.path) && INNER_FENCE.test(content)) sections.markDocument();
    reportUnclosed();
    add({ path: normalized.path, language, content, markdownLine: contentLine, markdownPath: origin }, decision, cut);
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
   * different things are joined), the same block again, or an excerpt (see versions.ts): an excerpt never
   * replaces the complete file, whichever comes first, and is kept as a fix hint.
   */
  function add(file: SourceFile, decision: FenceDecision, cut: boolean): void {
    if (cut) cutFile = file;
    const known = byPath.get(file.path);
    if (!known) {
      slotOf.set(file, slots.push(file) - 1);
      byPath.set(file.path, file);
      decisionOf.set(file, decision);
      decide(decision, 'file', `file \`${file.path}\``, { path: file.path });
      return;
    }
    const earlier = slotOf.get(known)!;
    const prev = known;
    const lines = `lines ${prev.markdownLine} and ${file.markdownLine}`;
    const relation = relate(
      { language: prev.language, content: prev.content, cut: prev === cutFile, facts: facts(prev) },
      { language: file.language, content: file.content, cut, facts: facts(file) },
    );
    if (relation.kind === 'same') {
      decide(decision, 'duplicate', `the same content as \`${file.path}\` at ${at(prev)}`, { of: file.path });
      if (cut) cutFile = prev;
      return;
    }
    if (relation.kind === 'parts') {
      warn('joined-parts', `\`${file.path}\` is given in parts (${lines}) declaring different blocks; the parts are joined`, file.markdownLine);
      const joined = joinParts(prev, file, facts(prev));
      factsOf.set(joined, joinedFacts(facts(prev), facts(file), file.content));
      slots[earlier] = joined;
      slotOf.set(joined, earlier);
      byPath.set(file.path, joined);
      decisionOf.set(joined, decisionOf.get(prev)!);
      if (cutFile === prev || cut) cutFile = joined;
      decide(decision, 'part', `a further part of \`${file.path}\`, joined`, { path: file.path });
      return;
    }
    if (relation.kind === 'excerpt') {
      const [excerpt, complete] = relation.excerpt === 'later' ? [file, prev] : [prev, file];
      const excerptDecision = relation.excerpt === 'later' ? decision : decisionOf.get(prev)!;
      const kind = relation.truncated ? 'truncated-copy' : 'excerpt';
      const what = relation.truncated ? 'a copy cut off by the end of the response' : `an excerpt (${relation.why})`;
      const whatOf = relation.truncated ? `a copy of \`${file.path}\` cut off by the end of the response` : `an excerpt of \`${file.path}\` (${relation.why})`;
      decide(excerptDecision, kind, `${whatOf}; the block at ${at(complete)} is used`, { of: file.path });
      warn(
        relation.truncated ? 'truncated-copy' : 'excerpt-skipped',
        `\`${file.path}\` is given twice (${lines}); the block at ${at(excerpt)} is ${what} and is kept as a fix hint, the complete block at ${at(complete)} is used`,
        excerpt.markdownLine,
      );
      hints.push(excerpt);
      if (relation.excerpt === 'earlier') {
        slots[earlier] = null;
        slotOf.set(file, slots.push(file) - 1);
        byPath.set(file.path, file);
        decisionOf.set(file, decision);
        decide(decision, 'file', `file \`${file.path}\``, { path: file.path });
      }
      return;
    }
    warn('duplicate-path', `\`${file.path}\` is given twice (${lines}); the later block is used`, file.markdownLine);
    decide(decisionOf.get(prev)!, 'replaced', `an earlier version of \`${file.path}\`, replaced by the block at ${at(file)}`, { path: file.path });
    superseded.push(prev);
    slots[earlier] = null;
    slotOf.set(file, slots.push(file) - 1);
    byPath.set(file.path, file);
    decisionOf.set(file, decision);
    decide(decision, 'file', `file \`${file.path}\``, { path: file.path });
  }

  const files = slots.filter((f): f is SourceFile => f !== null);
  const declarationsOf = (f: SourceFile): Set<string> => factsOf.get(f)?.declarations ?? declarations(f.language, f.content);
  let kept = dropExcerpts(files, declarationsOf, warn, (f, kind, reason, of) => {
    const d = decisionOf.get(f);
    if (d) decide(d, kind, reason, of ? { of } : {});
  });
  // The root module is never lost to the prose filter: when nothing of the stack is left, the unnamed code of
  // the prose sections is the stack after all.
  if (proseExamples.length > 0 && !kept.some((f) => STACK_LANGUAGES.has(f.language))) {
    for (const { file, decision } of proseExamples) {
      const fallback = unnamedFile(file.language)!;
      const restored = { ...file, path: fallback.path };
      files.push(restored);
      decisionOf.set(restored, decision);
      decide(decision, 'file', `file \`${restored.path}\` (in a prose section, but the response has no other code)`, { path: restored.path });
    }
    // Removed in one pass (a splice per warning was quadratic in the number of prose examples).
    let w = 0;
    for (const warning of warnings) if (warning.kind !== 'prose-example-skipped') warnings[w++] = warning;
    warnings.length = w;
    kept = dropExcerpts(files, declarationsOf, warn, (f, kind, reason, of) => {
      const d = decisionOf.get(f);
      if (d) decide(d, kind, reason, of ? { of } : {});
    });
  }
  // A response without code would otherwise pass silently with zero findings: say why there is nothing to judge.
  if (kept.length === 0) {
    if (text.trim() === '') warn('empty-response', 'the response is empty; nothing to analyze');
    else if (REFUSAL.test(text.slice(0, 600))) warn('refusal', 'the response declines the task and holds no code; nothing to analyze');
    else warn('no-code', 'the response holds no code block; nothing to analyze');
  }
  const result: ResponseFiles = { origin, files: kept, warnings, markdown: text, fences };
  if (superseded.length > 0) result.superseded = superseded;
  if (hints.length > 0) result.hints = hints;
  // A cut README, command list or example leaves the stack whole: only a cut file of the stack is a truncation.
  const truncation = cutItem && cutFile ? truncationOf(cutItem, cutFile, kept, origin) : undefined;
  if (truncation) result.truncation = truncation;
  return result;
}

/**
 * Where and how the response is cut: the cut block's last line. `recovered` when the cut copy is a hint and an
 * earlier complete copy of its file is used.
 */
/** `text` without trailing `chars` (a scan: a `+$` regex retries from every position of a long run). */
function withoutTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

function truncationOf(item: CodeItem, cutFile: SourceFile | undefined, kept: SourceFile[], origin: string): ResponseTruncation | undefined {
  const content = item.value.replace(/\r\n?/g, '\n');
  const how = cutAtEnd(content);
  if (!how) return undefined;
  const contentLines = lineCount(withoutTrailing(content, '\n'));
  const lastMarkdownLine = item.line + contentLines;
  const used = cutFile !== undefined && kept.includes(cutFile);
  const file = cutFile?.path ?? origin;
  // In a joined file the cut part is the last one.
  const line = used ? lineCount(withoutTrailing(cutFile.content, '\n')) : contentLines;
  const block = lastDeclaration(cutFile?.language ?? 'hcl', content);
  return {
    how: how.how,
    file,
    line,
    markdownPath: origin,
    markdownLine: lastMarkdownLine,
    ...(how.heredoc !== undefined ? { heredoc: how.heredoc } : {}),
    depth: how.depth,
    ...(block ? { block } : {}),
    recovered: cutFile !== undefined && !used,
  };
}

/** Where a file's block starts in the markdown, for messages. */
function at(f: SourceFile): string {
  return `line ${f.markdownLine}`;
}

function lineCount(content: string): number {
  let n = 1;
  for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Appends a part to a file, recording where each part came from in the markdown. `first` is dropped by the caller:
 * its segment list is extended in place, and its text is not read (`firstFacts` says what it ends with and how
 * many lines it has), so a file given in thousands of parts is joined in linear time (the concatenation is a
 * rope until the text is read).
 */
function joinParts(first: SourceFile, next: SourceFile, firstFacts: VersionFacts): SourceFile {
  const segments = first.segments ?? [{ line: 1, markdownLine: first.markdownLine ?? 1 }];
  const base = firstFacts.endsWithNewline ? first.content : `${first.content}\n`;
  // lineCount(base): the base ends with a newline.
  const startLine = firstFacts.newlines + (firstFacts.endsWithNewline ? 1 : 2);
  segments.push({ line: startLine, markdownLine: next.markdownLine ?? 1 });
  return { ...first, content: base + next.content, segments };
}

const UNNAMED = /^lib\/unnamed-\d+\.(tf|ts)$/;

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/**
 * Unnamed HCL blocks that are not configuration files: fragments with no top-level declaration (a setting to
 * change, a tfvars example) and drafts or excerpts that redeclare what a named file (or a later unnamed block)
 * of the same module declares. Keeping them would add syntax errors and duplicate declarations that the
 * response does not have. Unnamed blocks are root-module code: a child module's file declaring the same
 * variable or output never makes them excerpts (a root module dropped that way left a stack without a root).
 */
function dropExcerpts(
  files: SourceFile[],
  declarationsOf: (file: SourceFile) => Set<string>,
  warn: (kind: string, message: string, line?: number) => void,
  decided: (file: SourceFile, kind: FenceDecisionKind, reason: string, of?: string) => void,
): SourceFile[] {
  const decls = files.map(declarationsOf);
  // Which files declare each name, in file order: finding the block an unnamed one repeats used to scan every
  // other file (20,000 unnamed fences took 72 s).
  const holders = new Map<string, number[]>();
  const firstNamed = new Map<string, number>();
  decls.forEach((set, j) => {
    const root = folderOf(files[j]!.path) === 'lib';
    const named = !UNNAMED.test(files[j]!.path);
    for (const d of set) {
      // Variables, outputs and providers of a child module share names with the root's by design; a resource
      // address repeated from a module file is still an excerpt of it.
      if (!root && !d.startsWith('resource.') && !d.startsWith('data.')) continue;
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
      decided(file, 'fragment', 'unnamed HCL that declares no block (a setting or a tfvars example)');
      return;
    }
    const repeats = firstRepeat(own, i);
    if (repeats !== -1) {
      const other = files[repeats] as SourceFile;
      warn('excerpt-skipped', `unnamed hcl block at line ${file.markdownLine} repeats declarations of \`${other.path}\` (line ${other.markdownLine}); taken as an excerpt`, file.markdownLine);
      decided(file, 'excerpt', `unnamed HCL repeating declarations of \`${other.path}\` (line ${other.markdownLine})`, other.path);
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
