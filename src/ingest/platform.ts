/** Decides a task's platform (`tf-hcl`, `cdktf-ts`, ...) from metadata, a flag, or the code itself. */
import type { SourceFile } from '../model/types.js';
import { isTerraformJsonPath } from '../model/paths.js';

const LANGUAGE_ALIASES: Record<string, string> = {
  typescript: 'ts',
  javascript: 'js',
  python: 'py',
  yml: 'yaml',
  terraform: 'hcl',
};

const PLATFORM_ALIASES: Record<string, string> = {
  terraform: 'tf',
  cloudformation: 'cfn',
};

export function normalizePlatform(platform: string, language: string): { platform: string; language: string } {
  const p = platform.trim().toLowerCase();
  const l = language.trim().toLowerCase();
  const lang = LANGUAGE_ALIASES[l] ?? l;
  return { platform: `${PLATFORM_ALIASES[p] ?? p}-${lang}`, language: lang };
}

/** `cdktf-ts` → language `ts`; a bare `tf` → `tf-hcl`. */
export function parsePlatformFlag(flag: string): { platform: string; language: string } {
  const dash = flag.indexOf('-');
  if (dash === -1) {
    const p = flag.trim().toLowerCase();
    if (p === 'tf' || p === 'terraform') return { platform: 'tf-hcl', language: 'hcl' };
    return { platform: p, language: '' };
  }
  return normalizePlatform(flag.slice(0, dash), flag.slice(dash + 1));
}

const IMPORT_CDKTF = /from\s+['"](?:cdktf|@cdktf\/[^'"]*)['"]|require\(\s*['"](?:cdktf|@cdktf\/[^'"]*)['"]\s*\)/;
const IMPORT_CDK = /from\s+['"]aws-cdk-lib(?:\/[^'"]*)?['"]|require\(\s*['"]aws-cdk-lib/;
const IMPORT_PULUMI = /from\s+['"]@pulumi\/[^'"]*['"]/;

/** Platform from the code: `.tf` or `.tf.json` → tf-hcl; TypeScript importing cdktf → cdktf-ts, aws-cdk-lib → cdk-ts. */
export function detectPlatform(files: SourceFile[]): { platform: string; language: string } | null {
  if (files.some((f) => f.language === 'hcl' && /\.tf$/i.test(f.path))) return { platform: 'tf-hcl', language: 'hcl' };
  const scripts = files.filter((f) => f.language === 'ts');
  if (scripts.some((f) => IMPORT_CDKTF.test(f.content))) return { platform: 'cdktf-ts', language: 'ts' };
  if (scripts.some((f) => IMPORT_CDK.test(f.content))) return { platform: 'cdk-ts', language: 'ts' };
  if (scripts.some((f) => IMPORT_PULUMI.test(f.content))) return { platform: 'pulumi-ts', language: 'ts' };
  // After the imports: a CDKTF project may keep its synthesized cdk.tf.json beside the TypeScript it came from.
  if (files.some((f) => isTerraformJsonPath(f.path))) return { platform: 'tf-hcl', language: 'hcl' };
  if (files.some((f) => f.language === 'hcl')) return { platform: 'tf-hcl', language: 'hcl' };
  return null;
}
