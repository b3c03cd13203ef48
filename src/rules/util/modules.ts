/**
 * Terraform module structure of a configuration: a folder is a module; a `module` block with a local `source`
 * (`./modules/x`, `../x`) loads that folder as a child module of the caller's folder.
 */
import type { Block, Configuration } from '../../model/types.js';
import { isTerraformConfigPath } from '../../model/paths.js';
import { attrExpr, blocksOfKind, literalValue } from '../../model/query.js';
import { dirname, normalizePath } from './files.js';

/** Arguments every module block accepts besides the child's variables. */
export const MODULE_META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

export interface LocalModuleCall {
  block: Block;
  /** Folder of the calling file. */
  callerDir: string;
  /** The `source` as written (`./modules/ec2`). */
  source: string;
  /** Folder the call loads, normalized, relative like the file paths. */
  childDir: string;
}

/** Every `module` block whose `source` is a local path, with the folder it loads. */
export function localModuleCalls(config: Configuration): LocalModuleCall[] {
  const calls: LocalModuleCall[] = [];
  for (const block of blocksOfKind(config, 'module')) {
    const expr = attrExpr(block, 'source');
    const source = expr ? literalValue(expr) : undefined;
    if (typeof source !== 'string' || !/^\.\.?\//.test(source)) continue;
    const callerDir = dirname(block.span.file);
    const childDir = normalizePath(callerDir ? `${callerDir}/${source}` : source);
    calls.push({ block, callerDir, source, childDir });
  }
  return calls;
}

/** Folders holding configuration files (.tf, .tf.json). */
export function moduleDirs(config: Configuration): Set<string> {
  return new Set(config.files.filter((f) => isTerraformConfigPath(f.path)).map((f) => dirname(f.path)));
}

/** Folders some present module block loads as a child module (they are not root modules). */
export function calledModuleDirs(config: Configuration): Set<string> {
  const present = moduleDirs(config);
  const out = new Set<string>();
  for (const call of localModuleCalls(config)) if (call.childDir !== call.callerDir && present.has(call.childDir)) out.add(call.childDir);
  return out;
}

/** Whether a block stands in a folder another module block loads as a child (its variables are inputs the caller passes). */
export function inCalledModule(block: Block, called: ReadonlySet<string>): boolean {
  return called.has(dirname(block.span.file));
}
