/**
 * Per-finding settings that work on every finding id, not only the rule catalog's (the rules stage already drops
 * or re-grades its own rules): rule settings for schema, diff, log, syntax and claim ids, inline suppression
 * comments, and the `warn`/`error` tier of a setting.
 *
 * - `suppressStage` runs right before the judge, so a suppressed or disabled finding neither merges into another
 *   nor counts in the failure tier the score reads.
 * - `ruleLevelStage` runs right after the judge, which assigns tiers: `warn` makes a finding an observation and
 *   `error` a failure, before the score reads the failure tier.
 *
 * Suppression comments, in the file of the finding, on its line, in the comment lines right above it, or right
 * above (or on the first line of) the block that contains it, `#` or `//`:
 *   `iacjudge-ignore <rule-id>[, <rule-id>...]: <reason>`
 *   `tflint-ignore: <rule-id>[, ...]` and `checkov:skip=<rule-id>[:<reason>]`, honoured only for iacjudge ids
 *   (they name the finding's own id; `tflint-ignore: all` and other tools' ids suppress nothing).
 */
import type { Finding } from '../findings/types.js';
import type { PipelineContext, Stage, SuppressedFinding } from '../contracts/pipeline.js';
import type { SourceFile } from '../model/types.js';
import { CATEGORIES } from '../taxonomy/categories.js';
import { ruleMetas } from '../report/metas.js';
import { stripControls, truncateText } from '../io/text.js';

/** Every id a finding can carry: what `iacjudge rules` lists, plus a claim id per category. */
export function knownFindingIds(): Set<string> {
  const ids = new Set(ruleMetas().keys());
  for (const c of CATEGORIES) ids.add(`claim-${c.id}`);
  return ids;
}

interface Directive {
  ids: string[];
  reason: string;
}

const COMMENT = /^\s*(?:#|\/\/)/;
// Markers only: the rest of the line is split by hand, so no pattern backtracks over a long comment (ReDoS sweep).
const IACJUDGE = /(?:#|\/\/)[ \t]*iacjudge-ignore[ \t]/;
const TFLINT = /(?:#|\/\/)[ \t]*tflint-ignore[ \t]*:/;
const CHECKOV = /(?:#|\/\/)[ \t]*checkov:skip=/;
const ID = /^[\w.-]+$/;

/** The text after a marker, without a closing block-comment `*\/`. */
function after(line: string, marker: RegExp): string | undefined {
  const m = marker.exec(line);
  if (!m) return undefined;
  const rest = line.slice(m.index + m[0].length).trimEnd();
  return rest.endsWith('*/') ? rest.slice(0, -2) : rest;
}

/** `a, b` → ids; each item is cut at its first blank (a trailing remark is not part of an id). */
function idList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim().split(/\s/)[0]!)
    .filter((s) => ID.test(s));
}

function splitOnce(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + sep.length)];
}

function directivesOf(line: string): Directive[] {
  const out: Directive[] = [];
  const a = after(line, IACJUDGE);
  if (a !== undefined) {
    const [ids, reason] = splitOnce(a, ':');
    out.push({ ids: idList(ids), reason: reason.trim() });
  }
  const t = after(line, TFLINT);
  if (t !== undefined) out.push({ ids: idList(t), reason: '' });
  const c = after(line, CHECKOV);
  if (c !== undefined) {
    const [id, reason] = splitOnce(c, ':');
    out.push({ ids: idList(id), reason: reason.trim() });
  }
  return out;
}

/** Line numbers (1-based) of the run of comment lines right above `line`. */
function commentRunAbove(lines: string[], line: number): number[] {
  const out: number[] = [];
  for (let n = line - 1; n >= 1 && COMMENT.test(lines[n - 1] ?? ''); n--) out.push(n);
  return out;
}

interface Source {
  lines: string[];
  /** First lines of the blocks of this file, with their last lines. */
  blocks: { line: number; endLine: number }[];
}

function sourcesOf(ctx: PipelineContext): Map<string, Source> {
  const out = new Map<string, Source>();
  const add = (f: SourceFile): void => {
    if (!out.has(f.path)) out.set(f.path, { lines: f.content.split(/\r?\n/), blocks: [] });
  };
  for (const f of ctx.model?.files ?? []) add(f);
  for (const f of ctx.task.extraFiles) add(f);
  for (const b of ctx.model?.blocks ?? []) out.get(b.span.file)?.blocks.push({ line: b.span.line, endLine: b.span.endLine });
  return out;
}

/** The directive that suppresses `f`, if any. */
function suppressionOf(f: Finding, sources: Map<string, Source>): Directive | undefined {
  const src = sources.get(f.location.file);
  if (!src) return undefined;
  const at = f.location.line;
  const candidates = [at, ...commentRunAbove(src.lines, at)];
  for (const b of src.blocks) {
    if (b.line <= at && at <= b.endLine && b.line !== at) candidates.push(b.line, ...commentRunAbove(src.lines, b.line));
  }
  for (const n of candidates) {
    for (const d of directivesOf(src.lines[n - 1] ?? '')) if (d.ids.includes(f.ruleId)) return d;
  }
  return undefined;
}

export const suppressStage: Stage = {
  name: 'suppress',
  always: true,
  run(ctx: PipelineContext): void {
    const settings = ctx.options.ruleSettings ?? {};
    const sources = sourcesOf(ctx);
    const kept: Finding[] = [];
    const suppressed: SuppressedFinding[] = [];
    for (const f of ctx.findings) {
      const s = Object.hasOwn(settings, f.ruleId) ? settings[f.ruleId] : undefined;
      if (s === 'off') continue;
      const d = suppressionOf(f, sources);
      if (d) {
        // The reason is input text: bounded and without terminal escapes, like every echoed text of a result.
        suppressed.push({ ruleId: f.ruleId, location: { file: f.location.file, line: f.location.line }, reason: truncateText(stripControls(d.reason)) });
        continue;
      }
      kept.push(typeof s === 'object' && s.severity ? { ...f, severity: s.severity } : f);
    }
    ctx.findings = kept;
    if (suppressed.length) {
      suppressed.sort((a, b) => (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : a.location.line - b.location.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
      ctx.suppressed = [...(ctx.suppressed ?? []), ...suppressed];
    }
  },
};

export const ruleLevelStage: Stage = {
  name: 'rule-levels',
  always: true,
  run(ctx: PipelineContext): void {
    const settings = ctx.options.ruleSettings ?? {};
    if (!Object.values(settings).some((s) => s === 'warn' || s === 'error')) return;
    ctx.findings = ctx.findings.map((f) => {
      const s = Object.hasOwn(settings, f.ruleId) ? settings[f.ruleId] : undefined;
      if (s === 'warn' && f.tier !== 'observation') return { ...f, tier: 'observation' };
      if (s === 'error' && f.tier !== 'failure') return { ...f, tier: 'failure' };
      return f;
    });
  },
};
