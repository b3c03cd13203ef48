/**
 * Bounds and hygiene for text iacjudge echoes from untrusted inputs (messages, snippets, log lines, names).
 * A terminal interprets escape sequences (retitle the window, rewrite earlier lines, hyperlinks), so nothing from
 * an input reaches stdout, stderr or markdown with its control characters; and an echo never grows with the input.
 *
 * Bottom-level module: imports nothing from the analysis stages.
 */

/** Longest message echoed (finding messages, warnings, error lines): 2,000 characters. */
export const MAX_MESSAGE_CHARS = 2000;
/** Longest snippet: 60 lines and 8 KiB. */
export const MAX_SNIPPET_LINES = 60;
export const MAX_SNIPPET_CHARS = 8 * 1024;
/** Most entries in a "did you mean" or other list of names echoed in one message. */
export const MAX_LIST_ITEMS = 10;

// ESC-introduced sequences first (CSI `ESC [ ... final`, OSC `ESC ] ... BEL|ESC \`, two-byte `ESC x`), so their
// parameters go with them; then any other C0 control but tab/newline/CR, DEL, and the C1 controls (U+0080–U+009F,
// which some terminals take as CSI/OSC introducers).
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0080-\u009f]/g;

/** The text without terminal escape sequences and control characters (tab, newline and carriage return kept). */
export function stripControls(text: string): string {
  return text.replace(ESCAPES, '');
}

/** Cuts `text` to `max` characters with a marker saying how much was left out. */
export function truncateText(text: string, max = MAX_MESSAGE_CHARS): string {
  if (text.length <= max) return text;
  let cut = max;
  // Never split a surrogate pair: a lone surrogate is not valid UTF-8 in the written report.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}… [${text.length - cut} more characters]`;
}

/** Cuts a snippet to MAX_SNIPPET_LINES lines and MAX_SNIPPET_CHARS characters, each line bounded too. */
export function truncateSnippet(text: string, maxLines = MAX_SNIPPET_LINES, maxChars = MAX_SNIPPET_CHARS): string {
  if (text.length <= maxChars && !hasMoreLinesThan(text, maxLines)) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  let chars = 0;
  for (const line of lines) {
    if (kept.length >= maxLines || chars >= maxChars) break;
    const room = maxChars - chars;
    const l = line.length > room ? truncateText(line, room) : line;
    kept.push(l);
    chars += l.length + 1;
  }
  const rest = lines.length - kept.length;
  return rest > 0 ? `${kept.join('\n')}\n… [${rest} more lines]` : kept.join('\n');
}

function hasMoreLinesThan(text: string, n: number): boolean {
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++count > n) return true;
  return false;
}

/** The first MAX_LIST_ITEMS items, and a count of the rest as the last item. */
export function boundList(items: readonly string[], max = MAX_LIST_ITEMS): string[] {
  if (items.length <= max) return [...items];
  return [...items.slice(0, max), `… ${items.length - max} more`];
}
