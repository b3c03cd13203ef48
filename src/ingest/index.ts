/**
 * Loads a task: a pipeline-layout folder (lib/PROMPT.md, lib/MODEL_RESPONSE.md, lib/IDEAL_RESPONSE.md,
 * lib/MODEL_FAILURES.md, metadata.json, code, logs), a plain folder of code, or explicit model/ideal inputs.
 * Everything in the resulting Task is relative to the task folder; problems become warnings, never crashes.
 */
import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../contracts/errors.js';
import { CODE_DECISION_WARNINGS, extractResponse, languageForPath } from '../extract/index.js';
import { normalizeResponsePath } from '../extract/paths.js';
import type { SourceFile } from '../model/types.js';
import { isTerraformConfigPath, isTerraformJsonPath, isTerraformJsonValuesPath } from '../model/paths.js';
import { DEFAULT_MAX_FILE_BYTES, readText, walkFolder } from './files.js';
import { parseMetadata } from './metadata.js';
import { detectPlatform, normalizePlatform, parsePlatformFlag } from './platform.js';
import type { ExtractionWarning, LogInput, ResponseFiles, Task } from '../contracts/task.js';

export type { Task, ResponseFiles, TaskMetadata, ExtractionWarning, LogInput } from '../contracts/task.js';

export interface LoadTaskOptions {
  /** Model response: a markdown file or a folder of code (overrides lib/MODEL_RESPONSE.md). */
  model?: string;
  /** Ideal response: a markdown file or a folder of code (overrides lib/IDEAL_RESPONSE.md). */
  ideal?: string;
  /** `tf-hcl`, `cdktf-ts`, ... used when metadata.json does not say. */
  platform?: string;
  maxFileBytes?: number;
}

/** Limits on the code files read as extra files (a task is small; a repository checkout is not). */
const MAX_EXTRA_FILES = 500;
const MAX_LOGS = 50;

/** Response warnings repeated in the task's warnings. */
const LIFTED_WARNINGS = new Set(['empty-response', 'refusal', 'no-code', 'not-regular', 'symlink', 'too-large', 'unreadable', 'binary']);

const CODE_FILE = /\.(tf|tfvars|hcl|ts|tsx|js|mjs|cjs|py|json|ya?ml)$/i;

function isLogPath(rel: string): boolean {
  const base = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase();
  return base.endsWith('.log') || (base.startsWith('deploy') && base.endsWith('.txt')) || rel.startsWith('cfn-outputs/') || rel.includes('/cfn-outputs/');
}

/** Real code files that accompany a task (lib/**, test/**, the lock file, lib/AWS_REGION). */
function isExtraFile(rel: string): boolean {
  const base = rel.slice(rel.lastIndexOf('/') + 1);
  if (base === '.terraform.lock.hcl') return true;
  if (rel === 'lib/AWS_REGION' || rel === 'AWS_REGION') return true;
  if (rel === 'metadata.json' || base === 'package-lock.json' || base.endsWith('.d.ts')) return false;
  const top = rel.split('/', 1)[0];
  if (top !== 'lib' && top !== 'test' && top !== 'tests' && top !== 'bin') return false;
  return CODE_FILE.test(base);
}

/** Files that form a response when a folder of code is the response (no test files, no declarations). */
function isResponseCode(rel: string, language: string): boolean {
  if (language !== 'hcl' && language !== 'ts' && !isTerraformJsonFile(rel)) return false;
  if (rel.endsWith('.d.ts') || /\.(test|spec)\.tsx?$/.test(rel)) return false;
  if (rel.endsWith('.terraform.lock.hcl')) return false;
  const top = rel.split('/', 1)[0];
  return top !== 'test' && top !== 'tests';
}

/** Terraform configuration or variable values in JSON syntax (`main.tf.json`, `terraform.tfvars.json`). */
function isTerraformJsonFile(rel: string): boolean {
  return isTerraformJsonPath(rel) || isTerraformJsonValuesPath(rel);
}

/**
 * A response's Terraform files (both syntaxes) when it has a .tf file, else its TypeScript, else its .tf.json
 * configuration: a CDKTF project may keep the cdk.tf.json it synthesized, and the TypeScript is the response.
 */
function chooseResponseCode(files: SourceFile[]): SourceFile[] {
  const terraform = files.filter((f) => f.language === 'hcl' || isTerraformJsonFile(f.path));
  if (terraform.some((f) => f.path.endsWith('.tf'))) return terraform;
  const scripts = files.filter((f) => f.language === 'ts');
  return scripts.length === 0 && terraform.some((f) => isTerraformConfigPath(f.path)) ? terraform : scripts;
}

function kindOf(path: string): 'file' | 'dir' | 'missing' {
  try {
    // Anything that is not a folder is read as a file: the bounded reader refuses FIFOs and devices with a warning.
    return statSync(path).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

export function loadTask(taskPath: string, opts: LoadTaskOptions = {}): Task {
  const maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const rootKind = kindOf(taskPath);
  if (rootKind === 'missing') throw new UsageError(`task folder not found: ${taskPath}`);
  if (rootKind === 'file') throw new UsageError(`not a folder: ${taskPath} (give the task folder, or the response with --model)`);
  const root = resolve(taskPath);
  const warnings: ExtractionWarning[] = [];
  const { files: listing } = walkFolder(root, warnings);
  const has = new Set(listing);
  const read = (rel: string): string | null => readText(join(root, rel), { maxFileBytes, label: rel, within: root }, warnings);
  /** First of the candidate locations that exists (lib/X before X). */
  const doc = (name: string): string | null => {
    for (const rel of [`lib/${name}`, name]) if (has.has(rel)) return rel;
    return null;
  };

  // Metadata
  let metadata = null;
  if (has.has('metadata.json')) {
    const text = read('metadata.json');
    if (text !== null) metadata = parseMetadata(text, 'metadata.json', warnings);
  } else {
    warnings.push({ kind: 'metadata', message: 'no metadata.json in the task folder; platform detected from the code' });
  }

  const promptRel = doc('PROMPT.md');
  const failuresRel = doc('MODEL_FAILURES.md');
  const prompt = promptRel ? read(promptRel) : null;
  const failures = failuresRel ? read(failuresRel) : null;

  // Code files that really exist in the task folder.
  const extraFiles: SourceFile[] = [];
  for (const rel of listing) {
    if (!isExtraFile(rel)) continue;
    if (extraFiles.length >= MAX_EXTRA_FILES) {
      warnings.push({ kind: 'too-many-files', message: `more than ${MAX_EXTRA_FILES} code files; the rest are ignored` });
      break;
    }
    const content = read(rel);
    if (content !== null) extraFiles.push({ path: rel, language: languageForPath(rel), content });
  }

  const notes: string[] = [];
  const logs: LogInput[] = [];
  for (const rel of listing) {
    if (!isLogPath(rel) || logs.length >= MAX_LOGS) continue;
    const content = read(rel);
    if (content !== null) logs.push({ path: rel, content });
  }

  const folderResponse = (): ResponseFiles | null => {
    const loose = looseModuleFiles(listing.filter((rel) => !isExtraFile(rel) && isLooseCode(rel)), read, notes);
    const userPaths: Record<string, string> = {};
    const files = extraFiles.filter((f) => isResponseCode(f.path, f.language)).concat(
      loose.flatMap((rel) => {
        const file = looseFile(rel);
        for (const f of file) if (f.path !== rel) userPaths[f.path] = rel;
        return file;
      }),
    );
    const chosen = chooseResponseCode(files);
    if (chosen.length === 0) return null;
    return { origin: '.', files: chosen, warnings: [], ...(Object.keys(userPaths).length > 0 ? { userPaths } : {}) };
  };
  /** Code at the folder's top or in folders other than lib/test: a plain folder of .tf (or .tf.json) files. */
  const isLooseCode = (rel: string): boolean => (/\.(tf|tfvars|ts)$/i.test(rel) || isTerraformJsonFile(rel)) && !rel.includes('node_modules/');
  const looseFile = (rel: string): SourceFile[] => {
    const normalized = normalizeResponsePath(rel);
    if (!normalized.ok) return [];
    const content = read(rel);
    return content === null ? [] : [{ path: normalized.path, language: languageForPath(rel), content }];
  };

  const modelRel = doc('MODEL_RESPONSE.md');
  const idealRel = doc('IDEAL_RESPONSE.md');
  let model: ResponseFiles | null;
  let ideal: ResponseFiles | null;
  if (opts.model !== undefined) model = loadResponse(opts.model, root, maxFileBytes, warnings);
  else if (modelRel) model = markdownResponse(modelRel);
  else model = folderResponse();
  if (opts.ideal !== undefined) ideal = loadResponse(opts.ideal, root, maxFileBytes, warnings);
  else if (idealRel) ideal = markdownResponse(idealRel);
  // In the pipeline layout the code committed under lib/ is the reviewed solution.
  else if (modelRel && opts.model === undefined) ideal = folderResponse();
  else ideal = null;

  function markdownResponse(rel: string): ResponseFiles | null {
    const text = read(rel);
    return text === null ? null : extractResponse(text, rel);
  }

  // Why a response has nothing to judge (empty, a refusal, no code, unreadable files) and every extraction
  // decision that dropped, replaced or renamed code belong in the result; the other notes stay with the response.
  for (const r of [model, ideal]) for (const w of r?.warnings ?? []) if (w.kind && (LIFTED_WARNINGS.has(w.kind) || CODE_DECISION_WARNINGS.has(w.kind))) warnings.push(w);

  if (!model && !ideal) {
    warnings.push({ kind: 'no-response', message: 'no model response found (lib/MODEL_RESPONSE.md, code files, or --model)' });
  }

  // Platform: metadata, then the flag, then the code.
  let platform = '';
  let language = '';
  let platformSource: Task['platformSource'] = 'detected';
  if (metadata?.platform && metadata.language) {
    ({ platform, language } = normalizePlatform(metadata.platform, metadata.language));
    platformSource = 'metadata';
  } else if (opts.platform) {
    ({ platform, language } = parsePlatformFlag(opts.platform));
    platformSource = 'flag';
  } else {
    const detected = detectPlatform([...(model?.files ?? []), ...(ideal?.files ?? []), ...extraFiles]);
    if (detected) ({ platform, language } = detected);
    else {
      warnings.push({ kind: 'platform', message: 'platform could not be determined (no metadata.json, --platform or recognizable code); assuming tf-hcl' });
      platform = 'tf-hcl';
      language = 'hcl';
    }
  }

  return {
    path: taskPath,
    platform,
    language,
    platformSource,
    metadata,
    prompt,
    model,
    ideal,
    failures,
    logs,
    extraFiles,
    listing,
    warnings,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** `source = "./x"` / `"../x"` of module blocks (a bounded scan before parsing: which folders the root loads). */
// Horizontal whitespace only: `\s*` after `^` in multiline mode would rescan every following blank line.
const LOCAL_SOURCE = /^[ \t]*source[ \t]*=[ \t]*"(\.{1,2}\/[^"\n]*)"/gm;
/** The same in JSON syntax: `"source": "./modules/vpc"` (a property of a module block). */
const LOCAL_SOURCE_JSON = /"source"[ \t\n]*:[ \t\n]*"(\.{1,2}\/[^"\n]*)"/g;

function joinPath(dir: string, rel: string): string {
  const out: string[] = dir ? dir.split('/') : [];
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/**
 * A plain folder is the root module: its own .tf files, and the folders its `module` blocks load through local
 * sources (transitively). Other subfolders are separate configurations Terraform never loads with the root:
 * left out, with a note. Without .tf files at the top there is no root module to follow; everything is kept.
 */
function looseModuleFiles(rels: string[], read: (rel: string) => string | null, notes: string[]): string[] {
  const dirOf = (rel: string): string => (rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
  const tf = rels.filter(isTerraformConfigPath);
  if (!tf.some((r) => dirOf(r) === '')) return rels;
  const loaded = new Set<string>(['']);
  const queue = [''];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    for (const rel of tf) {
      if (dirOf(rel) !== dir) continue;
      const text = read(rel) ?? '';
      for (const m of text.matchAll(isTerraformJsonPath(rel) ? LOCAL_SOURCE_JSON : LOCAL_SOURCE)) {
        const child = joinPath(dir, m[1]!);
        if (!loaded.has(child)) {
          loaded.add(child);
          queue.push(child);
        }
      }
    }
  }
  const skipped = new Set(tf.map(dirOf).filter((d) => !loaded.has(d)));
  for (const d of [...skipped].sort()) notes.push(`${d}/ is a separate configuration (no module block of the root calls it): not analyzed with the root module`);
  return rels.filter((r) => loaded.has(dirOf(r)) || !skipped.has(dirOf(r)));
}

/** A label for a path outside the task folder that never exposes an absolute path. */
function displayPath(path: string, root: string): string {
  const abs = resolve(path);
  const rel = relative(root, abs);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split('\\').join('/');
  return isAbsolute(path) ? abs.slice(abs.lastIndexOf('/') + 1) : path.split('\\').join('/');
}

/** An explicit --model/--ideal input: a markdown file, or a folder of code. */
function loadResponse(path: string, root: string, maxFileBytes: number, warnings: ExtractionWarning[]): ResponseFiles {
  const label = displayPath(path, root);
  const kind = kindOf(path);
  if (kind === 'missing') throw new UsageError(`response not found: ${path}`);
  if (kind === 'file') {
    const text = readText(path, { maxFileBytes, label }, warnings);
    if (text === null) return { origin: label, files: [], warnings: [] };
    if (/\.(md|markdown|txt)$/i.test(path)) return extractResponse(text, label);
    // A single code file given directly.
    const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    const normalized = normalizeResponsePath(name);
    const rel = normalized.ok ? normalized.path : `lib/response${name.slice(name.lastIndexOf('.'))}`;
    return { origin: label, files: [{ path: rel, language: languageForPath(rel), content: text }], warnings: [] };
  }
  const folderWarnings: ExtractionWarning[] = [];
  const { files: rels } = walkFolder(path, folderWarnings);
  const files: SourceFile[] = [];
  for (const rel of rels) {
    const language = languageForPath(rel);
    if (!isResponseCode(rel, language)) continue;
    const normalized = normalizeResponsePath(rel);
    if (!normalized.ok) continue;
    const content = readText(join(path, rel), { maxFileBytes, label: `${label}/${rel}`, within: path }, folderWarnings);
    if (content !== null) files.push({ path: normalized.path, language, content });
  }
  const chosen = chooseResponseCode(files);
  if (chosen.length === 0) folderWarnings.push({ kind: 'no-code', file: label, message: `${label}: no .tf or .ts files found` });
  return { origin: label, files: chosen, warnings: folderWarnings };
}
