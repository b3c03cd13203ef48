/**
 * Static reading of Lambda handler code: the environment variables it reads, whether it defines a handler, whether
 * it guards AWS calls. Regular expressions here are linear (no nested quantifiers) since they run on analyzed text.
 */
import type { Block, Configuration } from '../../model/types.js';
import type { Task } from '../../contracts/task.js';
import { attrExpr, nestedBlocks, resources } from '../../model/query.js';
import { functionCodeFiles, handlerCodeFiles, type CodeFile } from './b-code.js';

/**
 * Reads without a fallback: `os.environ["X"]`, `os.environ.get("X")`, `os.getenv("X")`, `process.env.X`.
 * The second group captures what follows, so reads with a default (`, "d")`, `|| "d"`, `?? "d"`) are left out.
 */
const ENV_READ = [
  /os\.environ\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]()/g,
  /os\.environ\.get\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*(,?)/g,
  /os\.getenv\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*(,?)/g,
  /process\.env\.([A-Za-z_][A-Za-z0-9_]*)\s*(\|\||\?\?)?/g,
  /process\.env\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\]\s*(\|\||\?\?)?/g,
];

/** Variables the Lambda runtime sets itself (reserved or always present). */
const RUNTIME_VARIABLES = /^(AWS_[A-Z_]*|_HANDLER|_X_AMZN_TRACE_ID|LAMBDA_TASK_ROOT|LAMBDA_RUNTIME_DIR|TZ|LANG|PATH|LD_LIBRARY_PATH|NODE_PATH|NODE_OPTIONS|PYTHONPATH|HOME|POWERTOOLS_[A-Z_]*|LOG_LEVEL|DEBUG|NODE_ENV|STAGE|ENV)$/;

/** Environment variable names the code reads, other than the ones the runtime provides. */
export function envVariablesRead(code: string): string[] {
  const names = new Set<string>();
  for (const re of ENV_READ) {
    re.lastIndex = 0;
    for (let m = re.exec(code); m; m = re.exec(code)) if (!m[2] && !RUNTIME_VARIABLES.test(m[1]!)) names.add(m[1]!);
  }
  return [...names].sort();
}

/**
 * Reads whose fallback is empty (`os.environ.get("X", "")`, `os.getenv("X", None)`, `process.env.X || ""`) of a
 * variable that names a resource (`*_ARN`, `*_URL`, `*_TABLE`, ...): the code does not crash when it is unset, it
 * silently skips what the resource is for (no notification sent, nothing written).
 */
const EMPTY_DEFAULT_READ = [
  /os\.environ\.get\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*,\s*(?:''|""|None)\s*\)/g,
  /os\.getenv\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*,\s*(?:''|""|None)\s*\)/g,
  /process\.env\.([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\||\?\?)\s*(?:''|""|``)/g,
];
const RESOURCE_VARIABLE = /_(ARN|URL|URI|TABLE|TABLE_NAME|BUCKET|BUCKET_NAME|QUEUE|TOPIC|STREAM|STREAM_NAME|ENDPOINT|SECRET_NAME|FUNCTION_NAME)$/;

/** Resource-naming environment variables the code reads with an empty fallback. */
export function resourceVariablesReadWithEmptyDefault(code: string): string[] {
  const names = new Set<string>();
  for (const re of EMPTY_DEFAULT_READ) {
    re.lastIndex = 0;
    for (let m = re.exec(code); m; m = re.exec(code)) if (RESOURCE_VARIABLE.test(m[1]!) && !RUNTIME_VARIABLES.test(m[1]!)) names.add(m[1]!);
  }
  return [...names].sort();
}

/** Keys of `environment { variables = {...} }`; undefined when the map is not written out (merge(), a local...). */
export function functionEnvironmentKeys(fn: Block): Set<string> | undefined {
  const envs = nestedBlocks(fn, 'environment');
  if (!envs.length) return new Set();
  const keys = new Set<string>();
  for (const env of envs) {
    const vars = attrExpr(env, 'variables');
    if (!vars) continue;
    if (vars.kind !== 'object') return undefined;
    for (const e of vars.entries) {
      if (e.key === undefined) return undefined;
      keys.add(e.key);
    }
  }
  return keys;
}

const AWS_SDK = /\bboto3\b|@aws-sdk\/|require\(\s*['"]aws-sdk['"]\s*\)|from\s+['"]aws-sdk['"]/;

export function callsAwsSdk(code: string): boolean {
  return AWS_SDK.test(code);
}

export function hasErrorHandling(code: string): boolean {
  return /^[^\S\n]*try\s*:/m.test(code) || /\btry\s*\{/.test(code) || /\.catch\(/.test(code);
}

export function isPython(file: CodeFile): boolean {
  return file.path.endsWith('.py') || /^[^\S\n]*(import|from)\s+\w+/m.test(file.content) && /\bdef\s+\w+\s*\(/.test(file.content);
}

/** Lambda functions with the handler files they are built from (linked through archive_file), or all handler files when there is one function. */
export function functionsWithCode(config: Configuration, task: Task): { fn: Block; files: CodeFile[]; linked: boolean }[] {
  const files = handlerCodeFiles(config, task);
  if (!files.length) return [];
  const fns = resources(config, 'aws_lambda_function');
  const out: { fn: Block; files: CodeFile[]; linked: boolean }[] = [];
  for (const fn of fns) {
    const linked = functionCodeFiles(config, fn, files);
    if (linked.length) out.push({ fn, files: linked, linked: true });
    else if (fns.length === 1) out.push({ fn, files, linked: false });
  }
  return out;
}
