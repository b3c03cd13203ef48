/** One TypeScript parse per source file for all the rules that read it. */
import ts from 'typescript';

/** Recently parsed files: a handful of rules read the same few files of one task, one after another. */
const CACHE_SIZE = 32;
const cache = new Map<string, ts.SourceFile>();

/**
 * The syntax tree of a TypeScript source (parent links set), parsed once while several rules read it. The cache
 * is small and keyed by path and content, so a corpus run keeps only the last task's files.
 */
export function parseTypeScript(path: string, content: string): ts.SourceFile {
  const key = `${path}\u0000${content}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const sf = ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  cache.set(key, sf);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return sf;
}
