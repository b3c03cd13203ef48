/**
 * Application (Lambda handler) code shipped with a response: files in the response or the task folder, and code
 * embedded in archive_file data sources. Infrastructure TypeScript (CDKTF stacks) and tests are not handler code.
 */
import type { Block, Configuration, SourceFile } from '../../model/types.js';
import type { Task } from '../../contracts/task.js';
import { attrExpr, dataSources, nestedBlocks } from '../../model/query.js';
import { referencedBlocks } from './b-refs.js';
import { literalText } from './b-s3.js';

const CODE_EXT = /\.(py|js|mjs|cjs|ts)$/;
const TEST_PATH = /(^|\/)(tests?|__tests__)\/|\.(test|spec)\.[cm]?[jt]s$|(^|\/)test_[^/]*\.py$|_test\.py$/;
const INFRA_TS = /from\s+['"](cdktf|constructs|@cdktf\/[^'"]*)['"]|require\(['"]cdktf['"]\)/;

export interface CodeFile {
  path: string;
  content: string;
}

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

/**
 * True when the configuration was extracted from the model's markdown. The task folder then holds the corrected
 * (ideal) code and tests, which are not the model's.
 */
export function judgingModel(config: Configuration, task: Task): boolean {
  const origin = task.model?.origin;
  return origin !== undefined && config.files.some((f) => f.markdownPath === origin);
}

/** Handler code files: code extensions, not tests, not declaration files, not CDKTF infrastructure. */
export function handlerCodeFiles(config: Configuration, task: Task): CodeFile[] {
  const seen = new Set<string>();
  const out: CodeFile[] = [];
  const add = (f: SourceFile): void => {
    if (seen.has(f.path) || !CODE_EXT.test(f.path) || f.path.endsWith('.d.ts') || isTestPath(f.path)) return;
    if (INFRA_TS.test(f.content)) return;
    if (/(^|\/)(bin|cdktf\.out|node_modules)\//.test(f.path)) return;
    seen.add(f.path);
    out.push({ path: f.path, content: f.content });
  };
  config.files.forEach(add);
  if (!judgingModel(config, task)) task.extraFiles.forEach(add);
  for (const archive of dataSources(config, 'archive_file')) {
    const inline = [attrExpr(archive, 'source_content'), ...nestedBlocks(archive, 'source').map((s) => attrExpr(s, 'content'))];
    for (const e of inline) {
      const text = literalText(e);
      if (text.trim()) out.push({ path: `${archive.span.file}#data.archive_file.${archive.labels[1] ?? '?'}`, content: text });
    }
  }
  return out;
}

/**
 * The handler files a function is built from, when the link is visible: `filename` → data.archive_file →
 * source_file/source_dir/inline source. Empty when the link cannot be followed.
 */
export function functionCodeFiles(config: Configuration, fn: Block, files: CodeFile[]): CodeFile[] {
  const archives = [
    ...referencedBlocks(config, attrExpr(fn, 'filename'), 'archive_file'),
    ...referencedBlocks(config, attrExpr(fn, 'source_code_hash'), 'archive_file'),
  ];
  const out: CodeFile[] = [];
  for (const archive of archives) {
    const name = `#data.archive_file.${archive.labels[1] ?? '?'}`;
    out.push(...files.filter((f) => f.path.endsWith(name)));
    for (const key of ['source_file', 'source_dir']) {
      const tail = pathTail(literalText(attrExpr(archive, key)));
      if (!tail) continue;
      out.push(...files.filter((f) => (key === 'source_file' ? f.path.endsWith(`/${tail}`) || f.path === tail : f.path.includes(`${tail}/`))));
    }
  }
  return [...new Set(out)];
}

/** `${path.module}/lambda/handler.py` (literal parts `-/lambda/handler.py`) → `lambda/handler.py`. */
export function pathTail(text: string): string {
  const cleaned = text.replace(/^-?\/?/, '').replace(/^(\.\/)+/, '').replace(/^(\.\.\/)+/, '');
  // A loop, not /\/+$/: that backtracks quadratically on long runs of slashes.
  let end = cleaned.length;
  while (end > 0 && cleaned[end - 1] === '/') end--;
  return cleaned.slice(0, end);
}

/** Info strings of code fences by the file extension they may hold (a loose, unnamed fence may be that file). */
export const FENCE_LANGUAGES: Record<string, RegExp> = {
  py: /^(?:py|python3?)$/i,
  js: /^(?:js|javascript|node|nodejs|mjs|cjs)$/i,
  mjs: /^(?:js|javascript|node|nodejs|mjs)$/i,
  ts: /^(?:ts|typescript)$/i,
  go: /^(?:go|golang)$/i,
  java: /^java$/i,
  rb: /^(?:rb|ruby)$/i,
};
