/**
 * Helpers for application-code rules: the code file names a response makes known (shipped files, local_file
 * resources, archive_file entries) and the handler strings a Lambda function is configured with. Text only; the
 * analyzed code is never executed. Regular expressions here are linear.
 */
import type { Block, Configuration, Expr } from '../../model/types.js';
import type { Task } from '../../contracts/task.js';
import { attrExpr, dataSources, nestedBlocks, resources, staticString } from '../../model/query.js';
import { handlerCodeFiles, type CodeFile } from './b-code.js';
import { resolveExpr } from './b-resolve.js';
import { literalText } from './b-s3.js';
import { basename } from './files.js';

const CODE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\.(py|js|mjs|cjs|ts)$/;

/** `handler.py` → `handler`; undefined for names that are not code files or hold interpolations. */
export function codeStem(path: string): string | undefined {
  const b = basename(path);
  if (!CODE_NAME.test(b)) return undefined;
  return b.slice(0, b.lastIndexOf('.'));
}

/** Code written by `local_file` resources with a code file name (models generate handler files this way). */
export function localFileCode(config: Configuration): CodeFile[] {
  const out: CodeFile[] = [];
  for (const r of resources(config, 'local_file')) {
    const name = literalText(attrExpr(r, 'filename'));
    if (!codeStem(name)) continue;
    out.push({ path: name.replace(/^-\/?/, ''), content: literalText(attrExpr(r, 'content')) });
  }
  return out;
}

/** Stems (file names without extension) of every code file the response ships or writes. */
export function knownCodeStems(config: Configuration, task: Task): Set<string> {
  const stems = new Set<string>();
  const add = (p: string): void => {
    const s = codeStem(p);
    if (s) stems.add(s);
  };
  for (const f of handlerCodeFiles(config, task)) if (!f.path.includes('#')) add(f.path);
  for (const f of localFileCode(config)) add(f.path);
  for (const a of dataSources(config, 'archive_file')) {
    add(literalText(attrExpr(a, 'source_file')));
    add(literalText(attrExpr(a, 'source_content_filename')));
    for (const s of nestedBlocks(a, 'source')) add(literalText(attrExpr(s, 'filename')));
  }
  return stems;
}

/**
 * The handler strings a function is configured with: a literal (through variables/locals), or, for
 * `handler = each.value.k` on a `for_each` over a written-out map, the `k` of every entry.
 */
export function handlerStrings(config: Configuration, fn: Block): string[] {
  const e = attrExpr(fn, 'handler');
  if (!e) return [];
  const direct = staticString(resolveExpr(config, e));
  if (direct !== undefined) return [direct];
  if (e.kind !== 'reference' || e.parts.length !== 3 || e.parts[0] !== 'each' || e.parts[1] !== 'value') return [];
  const key = e.parts[2]!;
  const map = resolveExpr(config, attrExpr(fn, 'for_each'));
  if (map?.kind !== 'object') return [];
  const out: string[] = [];
  for (const entry of map.entries) {
    const v: Expr = entry.value;
    if (v.kind !== 'object') continue;
    const h = v.entries.find((x) => x.key === key);
    const s = h ? staticString(resolveExpr(config, h.value)) : undefined;
    if (s !== undefined) out.push(s);
  }
  return out;
}

/** `src/app.lambda_handler` → `app`; `pkg.module.handler` → `module`; undefined when there is no module part. */
export function handlerModuleStem(handler: string): string | undefined {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const module = handler.slice(0, dot);
  const afterSlash = module.slice(module.lastIndexOf('/') + 1);
  const stem = afterSlash.slice(afterSlash.lastIndexOf('.') + 1);
  return /^[A-Za-z0-9_-]+$/.test(stem) ? stem : undefined;
}

/** Lambda runtimes whose handler names a source module (Python, Node.js). */
export function scriptRuntime(config: Configuration, fn: Block): 'python' | 'node' | undefined {
  const r = staticString(resolveExpr(config, attrExpr(fn, 'runtime')));
  if (!r) return undefined;
  if (r.startsWith('python')) return 'python';
  if (r.startsWith('nodejs')) return 'node';
  return undefined;
}
