/**
 * Prose sections of a response: usage, README, examples, commands, deployment steps, testing. Code shown there
 * illustrates the stack (a `module` call, a tfvars file to create, commands to run); it is configuration only
 * when a comment or a label names it as a file of the stack.
 */

/** A heading that opens a prose section, after numbering, emphasis and emoji. */
const PROSE_HEADING =
  /^(?:usage\b|examples?$|examples? (?:usage|of usage|tfvars|terraform\.tfvars|variables|values|inputs|invocation|commands?)\b|readme(?:\.md)?\b|how to (?:deploy|use|run|test|apply)\b|deploy(?:ing|ment)?(?: (?:steps|instructions|guide|commands|process))?$|deployment (?:steps|instructions|guide|commands|process)\b|getting started\b|quick ?start\b|commands$|running (?:the|it)\b|instructions$|(?:testing|validation)(?: (?:steps|commands|instructions))?$|(?:setup|installation)(?: (?:steps|instructions))?$)/i;

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

/** The open headings above the current position, by depth; a heading closes those at its depth and deeper. */
export class SectionStack {
  private readonly open: { depth: number; prose: boolean }[] = [];

  enter(depth: number, text: string): void {
    while (this.open.length > 0 && this.open[this.open.length - 1]!.depth >= depth) this.open.pop();
    this.open.push({ depth, prose: isProseHeading(text) });
  }

  /** Whether the current position is inside a prose section (at any depth). */
  get prose(): boolean {
    return this.open.some((s) => s.prose);
  }
}
