/**
 * Model-vs-ideal diff of two configurations: matching, file moves, partial-ideal coverage, change list.
 *
 * Ideal responses are often partial: only the files that changed, or snippets between prose. A model file
 * the ideal does not show (no file of that path, and few of its blocks appear elsewhere in the ideal) is
 * taken as unchanged, not removed; so are the model's blocks when the ideal is a handful of snippets, and
 * the blocks of a file the ideal shows only an excerpt of (far fewer blocks, or `# ...` elisions).
 */
import type { Block, Configuration } from '../model/types.js';
import type { DiffChange, DiffResult } from './types.js';
import { diffUnits, unitAddress } from './units.js';
import { matchBlocks } from './match.js';
import { blockChange, fileElides, pairChanges, side, type PairContext } from './changes.js';
import { fileByPath } from '../model/query.js';
import { appendAll } from '../io/arrays.js';

export interface DiffOptions {
  /** Markdown of the ideal response, when it came from one: a mostly-prose ideal is read as snippets. */
  idealMarkdown?: string | null;
}

/** Below this share of a file's blocks found in the ideal, a file the ideal does not name is "not shown". */
const FILE_COVERED_SHARE = 0.5;
/** An ideal file with fewer blocks than this share of the model's blocks it covers is an excerpt. */
const FILE_COMPLETE_SHARE = 0.5;
/** An ideal with fewer top-level units than this share of the model's is a set of snippets. */
const SNIPPET_IDEAL_SHARE = 0.5;
/** With prose-heavy markdown, a larger shortfall already means snippets. */
const SNIPPET_IDEAL_SHARE_PROSE = 0.8;
const PROSE_SHARE = 0.6;

export function diffConfigurations(model: Configuration, ideal: Configuration, options: DiffOptions = {}): DiffResult {
  const modelUnits = diffUnits(model);
  const idealUnits = diffUnits(ideal);
  const { matches, unmatchedModel, unmatchedIdeal, renames } = matchBlocks(modelUnits, idealUnits);
  const ctx: PairContext = { model, ideal, renames };
  const changes: DiffChange[] = [];

  // Where each model file's blocks went: the same path when the ideal has it, else the ideal file most of
  // them went to (a single-file model split into tap_stack.tf is not a move of every block).
  const idealPaths = new Set(ideal.files.map((f) => f.path));
  const blockFiles = (units: Block[]) => [...new Set(units.map((b) => b.span.file))];
  const fileMap: Record<string, string> = {};
  for (const file of blockFiles(modelUnits)) {
    if (idealPaths.has(file)) {
      fileMap[file] = file;
      continue;
    }
    const total = modelUnits.filter((b) => b.span.file === file).length;
    const dest = new Map<string, number>();
    for (const m of matches) if (m.model.span.file === file) dest.set(m.ideal.span.file, (dest.get(m.ideal.span.file) ?? 0) + 1);
    const best = [...dest.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best && best[1] >= total * FILE_COVERED_SHARE) fileMap[file] = best[0];
  }

  // Coverage: model files the ideal does not show keep their unmatched blocks as they are.
  const unchangedFiles = blockFiles(modelUnits).filter((f) => !(f in fileMap));
  const proseHeavy = options.idealMarkdown ? proseShare(options.idealMarkdown) > PROSE_SHARE : false;
  const snippetShare = proseHeavy ? SNIPPET_IDEAL_SHARE_PROSE : SNIPPET_IDEAL_SHARE;
  const snippetIdeal = modelUnits.length > 0 && idealUnits.length < modelUnits.length * snippetShare;
  // An ideal file shows the whole of the model files mapped to it only when it has about as many blocks as
  // they do and elides nothing: a 5-line excerpt of main.tf says nothing about the blocks it leaves out.
  const modelCount = new Map<string, number>();
  for (const b of modelUnits) {
    const to = fileMap[b.span.file];
    if (to !== undefined) modelCount.set(to, (modelCount.get(to) ?? 0) + 1);
  }
  const completeIdeal = new Set<string>();
  const idealCount = new Map<string, number>();
  for (const b of idealUnits) idealCount.set(b.span.file, (idealCount.get(b.span.file) ?? 0) + 1);
  for (const [file, n] of modelCount) {
    const shown = idealCount.get(file) ?? 0;
    const text = fileByPath(ideal.files, file)?.content ?? '';
    if (shown >= n * FILE_COMPLETE_SHARE && !fileElides(text)) completeIdeal.add(file);
  }
  // An ideal without any terraform (or provider) block does not show where it keeps them: the model's are
  // not "removed" (they usually live in a provider.tf the ideal left out).
  const idealKinds = new Set(idealUnits.map((b) => b.kind));
  const unchanged = new Set<Block>();
  for (const b of unmatchedModel) {
    const to = fileMap[b.span.file];
    const kindNotShown = (b.kind === 'terraform' || b.kind === 'provider') && !idealKinds.has(b.kind);
    if (snippetIdeal || kindNotShown || to === undefined || !completeIdeal.has(to)) unchanged.add(b);
  }

  for (const m of matches) {
    if (m.by === 'similarity' && unitAddress(m.model) !== unitAddress(m.ideal)) {
      changes.push(blockChange('block-renamed', ctx, m.model, m.ideal));
    }
    const expected = fileMap[m.model.span.file];
    const named = !isUnnamed(m.model.span.file) && !isUnnamed(m.ideal.span.file);
    if (named && expected !== m.ideal.span.file && !(expected === undefined && sameBase(m.model.span.file, m.ideal.span.file))) {
      changes.push({
        ...blockChange('moved-file', ctx, m.model, m.ideal),
        model: side(model, m.model),
        ideal: side(ideal, m.ideal),
      });
    }
    appendAll(changes, pairChanges(m.model, m.ideal, ctx));
  }
  for (const b of unmatchedModel) if (!unchanged.has(b)) changes.push(blockChange('block-removed', ctx, b, undefined));
  for (const b of unmatchedIdeal) changes.push(blockChange('block-added', ctx, undefined, b));

  const coverage = modelUnits.length ? (modelUnits.length - unchanged.size) / modelUnits.length : 1;
  return {
    changes: changes.sort(compareChanges),
    matches,
    partialIdeal: unchanged.size > 0 || (snippetIdeal && modelUnits.length > 0),
    unchangedFiles: unchangedFiles.filter((f) => modelUnits.some((b) => b.span.file === f && unchanged.has(b))).sort(),
    coverage: Math.round(coverage * 1000) / 1000,
    fileMap,
    renames: Object.fromEntries([...renames.entries()].sort()),
  };
}

/** Files the extractor had to name itself (no name in the response): their location says nothing. */
function isUnnamed(path: string): boolean {
  return /(^|\/)unnamed[-_]?\d*\.[a-z]+$/i.test(path);
}

function sameBase(a: string, b: string): boolean {
  return a.split('/').pop() === b.split('/').pop();
}

/** Share of the markdown outside fenced code blocks, by characters. */
export function proseShare(markdown: string): number {
  let code = 0;
  let inFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) code += line.length + 1;
  }
  return markdown.length ? 1 - code / markdown.length : 1;
}

/** Stable order: model file and line when the change has a model side, else the ideal's; then kind and path. */
export function compareChanges(a: DiffChange, b: DiffChange): number {
  const pa = a.model?.span ?? a.ideal!.span;
  const pb = b.model?.span ?? b.ideal!.span;
  const sideA = a.model ? 0 : 1;
  const sideB = b.model ? 0 : 1;
  return (
    sideA - sideB ||
    cmp(pa.file, pb.file) ||
    pa.line - pb.line ||
    cmp(a.address, b.address) ||
    cmp(a.path.join('.'), b.path.join('.')) ||
    cmp(a.kind, b.kind)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
