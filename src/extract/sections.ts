/**
 * Prose sections of a response: usage, README, examples, commands, deployment steps, testing. Code shown there
 * illustrates the stack (a `module` call, a tfvars file to create, commands to run); it is configuration only
 * when a comment or a label names it as a file of the stack.
 */

/** A heading that opens a prose section, after numbering, emphasis and emoji. */
const PROSE_HEADING =
  /^(?:usage\b|examples?$|examples? (?:usage|of usage|tfvars|terraform\.tfvars|variables|values|inputs|invocation|commands?)\b|readme(?:\.md)?\b|how to (?:deploy|use|run|test|apply)\b|deploy(?:ing|ment)?(?: (?:steps|instructions|guide|commands|process))?$|deployment (?:steps|instructions|guide|commands|process)\b|getting started\b|quick ?start\b|commands$|running (?:the|it)\b|instructions$|(?:testing|validation)(?: (?:steps|commands|instructions))?$|(?:setup|installation)(?: (?:steps|instructions))?$)/i;

/**
 * A heading that opens a failure analysis inside a response (ideals sometimes end with "## Critical Failures" or a
 * copy of `lib/MODEL_RESPONSE.md`): its code is the model's code or a fix excerpt, never a file of the stack, even
 * when a comment names a file. Looser headings ("Key Corrections from MODEL_RESPONSE", "Fixes Applied") are left
 * out: ideals put their own files under them too.
 */
const ANALYSIS_HEADING =
  /^(?:(?:critical|high|medium|low)(?: priority| severity)?(?: security)? failures\b|model(?:_response| response)? failures?\b|failures? analysis\b|before \w* ?\(?model_response\)?|what not to do\b|(?:comparison with )?(?:common )?anti-?patterns?\b|common (?:mistakes|pitfalls)\b|file: (?:lib\/)?model_(?:response|failures)\.md$)/i;

/** Leading numbering, emphasis, emoji and punctuation of a heading. */
function headingCore(text: string): string {
  return text
    .replace(/^[^A-Za-z]*?(?:step\s+)?(?:\d{1,3}[.):]?\s+)?/i, '')
    .replace(/^[^A-Za-z]+/, '')
    .trim();
}

export function isProseHeading(text: string): boolean {
  return text.length <= 120 && PROSE_HEADING.test(headingCore(text));
}

/** A heading that names a file of the stack (`main.tf`, `**lib/tap-stack.ts**`, `File: variables.tf`). */
const STACK_FILE_HEADING = /^(?:file:\s*)?[\w./-]*\.(?:tf|tfvars|ts|js|json|py|hcl|ya?ml)\b/i;

/** A heading that opens a copy of the model's response: what follows, to the end of the document, is the model's. */
const MODEL_COPY_HEADING = /^file: (?:lib\/)?model_response\.md$/i;

export function isAnalysisHeading(text: string): boolean {
  return text.length <= 120 && ANALYSIS_HEADING.test(headingCore(text));
}

/**
 * A label that introduces the model's code or a fix excerpt (`**MODEL_RESPONSE Issue**:`, `**Original
 * (MODEL_RESPONSE)**:`, `**Before (Wrong):**`, `**IDEAL_RESPONSE Fix**:`): the next block is an excerpt.
 */
const EXCERPT_LABEL =
  /^(?:MODEL_RESPONSE(?: issue| code| problem)?|original (?:\(?MODEL_RESPONSE\)?|issue|code)|IDEAL_RESPONSE fix|(?:before|after)(?: \([^)]{0,40}\))?|(?:incorrect|wrong|problematic|broken) code|model'?s (?:code|version))(?: \(from MODEL_RESPONSE\))?(?: ?[-–] [^.\n]{0,60})?:?$/i;

export function isExcerptLabel(text: string): boolean {
  if (text.length > 120) return false;
  const core = text.replace(/\*\*|__|[*`]/g, '').replace(/\s+/g, ' ').trim();
  // Whitespace is collapsed and trimmed, so at most one space precedes a final colon (no regex: `\s*:$` is quadratic).
  const label = core.endsWith(' :') ? `${core.slice(0, -2)}:` : core;
  return EXCERPT_LABEL.test(label);
}

/** The open headings above the current position, by depth; a heading closes those at its depth and deeper. */
export class SectionStack {
  private readonly open: { depth: number; prose: boolean; analysis: boolean }[] = [];
  /** A copy of the model's response began: its own `## File:` headings do not end it. */
  private modelCopy = false;

  /** A block named `MODEL_RESPONSE.md` began the copy (its heading sat inside a mis-closed fence). */
  markModelCopy(): void {
    this.modelCopy = true;
  }

  /** The rest of a markdown document whose fence closed early: prose until a heading names a stack file. */
  private document = false;

  markDocument(): void {
    this.document = true;
  }

  enter(depth: number, text: string): void {
    // The same length bound as isProseHeading and isAnalysisHeading; the heading's core is read once.
    const core = text.length <= 120 ? headingCore(text) : undefined;
    if (core !== undefined && MODEL_COPY_HEADING.test(core)) this.modelCopy = true;
    if (core !== undefined && STACK_FILE_HEADING.test(core)) this.document = false;
    while (this.open.length > 0 && this.open[this.open.length - 1]!.depth >= depth) this.open.pop();
    this.open.push({ depth, prose: core !== undefined && PROSE_HEADING.test(core), analysis: core !== undefined && ANALYSIS_HEADING.test(core) });
  }

  /** Whether the current position is inside a prose section (at any depth). */
  get prose(): boolean {
    return this.modelCopy || this.document || this.open.some((s) => s.prose || s.analysis);
  }

  /** Whether the current position is inside a failure analysis or before/after comparison (at any depth). */
  get analysis(): boolean {
    return this.modelCopy || this.open.some((s) => s.analysis);
  }
}
