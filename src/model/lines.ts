/**
 * Lines of a source file's content, split once: snippets, elision checks and block texts all cut lines out
 * of the same few file contents, and splitting a large file per finding dominated the diff stage.
 */

/** Recently split contents; a handful covers the model's and the ideal's files of the task in hand. */
const MAX_CACHED = 64;
const cache = new Map<string, readonly string[]>();

/** `content.split(/\r?\n/)`, shared: callers must not modify the returned array. */
export function sourceLines(content: string): readonly string[] {
  let lines = cache.get(content);
  if (lines) return lines;
  lines = Object.freeze(content.split(/\r?\n/));
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(content, lines);
  return lines;
}
