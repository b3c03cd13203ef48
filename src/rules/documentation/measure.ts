/** Measures of how much a response explains: prose around the code, comments in the code, documentation files. */
import type { ResponseFiles } from '../../contracts/task.js';
import type { SourceFile } from '../../model/types.js';

const CODE_FILE = /\.(tf|tfvars|ts|js|py)$/;

/**
 * Prose a code-only answer still has (file headings, a one-line intro): a response with at most this many words
 * outside its code fences says nothing besides its code.
 */
export const CODE_ONLY_PROSE_WORDS = 30;
const FENCE = /^\s{0,3}(```|~~~)/;

/** Words of the markdown outside code fences (headings included: they are prose too). */
export function proseWords(markdown: string | undefined): number {
  if (!markdown) return 0;
  let inCode = false;
  let words = 0;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) continue;
    const text = line.replace(/[#*_`>|-]+/g, ' ').trim();
    if (text) words += text.split(/\s+/).length;
  }
  return words;
}

export interface CommentStats {
  codeLines: number;
  commentLines: number;
}

/** Comment-only lines and code lines of the code files (blank lines excluded). */
export function commentStats(files: SourceFile[]): CommentStats {
  let codeLines = 0;
  let commentLines = 0;
  for (const f of files) {
    if (!CODE_FILE.test(f.path)) continue;
    let inBlock = false;
    for (const raw of f.content.split('\n')) {
      const t = raw.trim();
      if (!t) continue;
      if (inBlock) {
        commentLines++;
        if (t.includes('*/')) inBlock = false;
        continue;
      }
      if (t.startsWith('/*')) {
        commentLines++;
        inBlock = !t.includes('*/');
        continue;
      }
      if (t.startsWith('#') || t.startsWith('//')) commentLines++;
      else codeLines++;
    }
  }
  return { codeLines, commentLines };
}

/** Documentation files of a response (README, docs/*.md), by path. */
export function documentationFiles(response: ResponseFiles | null | undefined): SourceFile[] {
  return (response?.files ?? []).filter((f) => /(^|\/)(readme[^/]*|docs?\/[^/]+\.md)$/i.test(f.path));
}
