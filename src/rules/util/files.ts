/** File-path helpers for layout rules. */
import type { Configuration, SourceFile } from '../../model/types.js';
import { isTerraformConfigPath } from '../../model/paths.js';

export function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** A file of a local child module (`lib/modules/vpc/main.tf`): its blocks get inputs and providers from the caller. */
export function isChildModuleFile(path: string): boolean {
  return /(?:^|\/)modules\//.test(path);
}

/** Whether a configuration is Terraform HCL (file layout conventions for .tf files apply). */
export function isHclConfig(config: Configuration): boolean {
  if (/cdktf|cdk|pulumi/.test(config.platform)) return false;
  return config.files.some((f) => isTerraformConfigPath(f.path));
}

export function isCdktfConfig(config: Configuration): boolean {
  return config.platform.includes('cdktf') || (config.files.some((f) => /\.(ts|py)$/.test(f.path)) && !config.files.some((f) => isTerraformConfigPath(f.path)));
}

/** The configuration files (`.tf`, `.tf.json`). */
export function tfFiles(config: Configuration): SourceFile[] {
  return config.files.filter((f) => isTerraformConfigPath(f.path));
}

/** A code file the extractor could not name (an unlabelled fence it calls `lib/unnamed-2.tf`). */
export function isUnnamedCodeFile(path: string): boolean {
  return /(?:^|\/)unnamed-\d+\.[a-z]+$/.test(path);
}

/** The TypeScript sources (`.ts`, `.tsx`; not declaration files). */
export function typeScriptFiles(config: Configuration): SourceFile[] {
  return config.files.filter((f) => /\.tsx?$/.test(f.path) && !f.path.endsWith('.d.ts'));
}

/** Normalize `a/./b/../c` → `a/c`. Leading `..` segments are kept. */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}
