/**
 * Whether a response has code at all, and whether it was cut off so it cannot deploy. Only the end of the
 * response counts: an unclosed fence, heredoc or brace at its end means the generation stopped mid-file.
 * Plain scanning of the text (strings and comments skipped), nothing is evaluated.
 */
import type { ResponseFiles } from '../contracts/task.js';
import type { SourceFile } from '../model/types.js';

export { openAtEnd } from '../extract/truncation.js';

export interface Truncation {
  kind: 'no-code' | 'truncated';
  detail: string;
}

const CODE_LANGUAGES = new Set(['hcl', 'ts', 'js', 'py', 'python', 'go', 'json', 'yaml']);

function isCode(f: SourceFile): boolean {
  return !/\.(md|txt)$/i.test(f.path) && (CODE_LANGUAGES.has(f.language) || /\.(tf|ts|tsx|js|py|go|json|ya?ml)$/i.test(f.path));
}

/** No code in the response, or its last code block cut off (extraction's `truncation`: an unclosed heredoc or brackets at its end). */
export function responseTruncation(response: ResponseFiles | null): Truncation | null {
  if (!response) return null;
  const code = response.files.filter(isCode);
  if (code.length === 0) return { kind: 'no-code', detail: `${response.origin} contains no code files` };
  const cut = response.truncation;
  if (!cut) return null;
  const inside = cut.how === 'heredoc' ? `an unclosed heredoc (<<${cut.heredoc})` : `${cut.depth} unclosed bracket${cut.depth === 1 ? '' : 's'}`;
  return { kind: 'truncated', detail: `${response.origin} stops at line ${cut.markdownLine} inside ${inside} in ${cut.file}` };
}
