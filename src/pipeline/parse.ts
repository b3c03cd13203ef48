/**
 * Platform dispatch: turns a response's files into one normalized Configuration with the right front-end,
 * and turns the front-ends' error diagnostics into `syntax` findings.
 */
import type { Configuration, Diagnostic, SourceFile } from '../model/types.js';
import { buildConfiguration } from '../model/index-builder.js';
import { HclTreeCache, isHclSource, parseHclFiles } from '../hcl/index.js';
import { parseCdktfFiles } from '../cdktf/index.js';

export const HCL_PLATFORM = 'tf-hcl';
export const CDKTF_PLATFORM = 'cdktf-ts';

/** Which front-end reads a platform. Platforms without one (pulumi, cdk, cfn...) yield an empty configuration. */
export function frontEndFor(platform: string): 'hcl' | 'cdktf' | null {
  if (platform === HCL_PLATFORM) return 'hcl';
  if (platform === CDKTF_PLATFORM) return 'cdktf';
  return null;
}

/** A file the HCL front-end reads (by language or extension). */
export function isHclFile(f: SourceFile): boolean {
  return f.language === 'hcl' || /\.tf(\.json)?$/i.test(f.path) || /\.hcl$/i.test(f.path);
}

function isTsFile(f: SourceFile): boolean {
  return f.language === 'ts' || f.language === 'typescript' || /\.tsx?$/i.test(f.path);
}

/** Mentions of the CDKTF libraries in TypeScript sources (imports or requires). */
const CDKTF_IMPORT = /from\s+['"](?:cdktf|@cdktf\/[\w-]+)['"]|require\(\s*['"](?:cdktf|@cdktf\/[\w-]+)['"]\s*\)/;

/**
 * What the files are, by extension and content: `tf-hcl` for Terraform files, `cdktf-ts` for TypeScript
 * importing cdktf, `ts` for other TypeScript, `unknown` otherwise. HCL wins when both appear with more HCL files.
 */
export function detectPlatform(files: SourceFile[]): string {
  const hcl = files.filter(isHclFile).length;
  const ts = files.filter(isTsFile);
  const cdktf = ts.filter((f) => CDKTF_IMPORT.test(f.content)).length;
  if (hcl > 0 && hcl >= cdktf) return HCL_PLATFORM;
  if (cdktf > 0) return CDKTF_PLATFORM;
  if (ts.length > 0) return 'ts';
  return 'unknown';
}

function emptyConfiguration(platform: string, files: SourceFile[], warning: string): Configuration {
  const diag: Diagnostic = {
    severity: 'warning',
    message: warning,
    span: { file: files[0]?.path ?? '', line: 1, column: 1, endLine: 1, endColumn: 1 },
    source: 'parse',
  };
  return buildConfiguration(platform, files, [], [diag]);
}

/** What the responses of one task share while they are parsed: files identical in both are parsed once. */
export interface ParseCache {
  hclTrees: HclTreeCache;
}

/** The cache for the responses given (the model's and the ideal's files). */
export function newParseCache(responses: SourceFile[][]): ParseCache {
  return { hclTrees: new HclTreeCache(responses.flatMap((files) => files.filter(isHclSource).map((f) => f.content))) };
}

/**
 * Parses a response with the front-end of its platform. Unknown platforms are detected from the files;
 * a platform with no front-end gives an empty configuration carrying a warning diagnostic. Pass the same `cache`
 * for the model and the ideal of one task.
 */
export function parseResponse(files: SourceFile[], platform: string, cache?: ParseCache): Configuration {
  let effective = platform;
  if (!frontEndFor(platform) && !isKnownForeignPlatform(platform)) effective = detectPlatform(files);
  switch (frontEndFor(effective)) {
    case 'hcl':
      return parseHclFiles(files, HCL_PLATFORM, cache?.hclTrees);
    case 'cdktf':
      return parseCdktfFiles(files);
    default:
      return emptyConfiguration(effective, files, `no front-end for platform "${effective}": the code was not analyzed`);
  }
}

/** Platforms we recognize by name but cannot parse; detection must not silently reinterpret them. */
function isKnownForeignPlatform(platform: string): boolean {
  return /^(pulumi|cdk|cfn|cloudformation|sam|ansible|serverless)(-|$)/i.test(platform);
}

export { syntaxFindings } from './syntax.js';
