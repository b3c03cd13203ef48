/**
 * "Same problem" matching between a documented failure (a claim of the reviewer's MODEL_FAILURES.md) and a
 * finding, as ../shared/review/judging.md reads it: the finding names the same resource, resource type or
 * argument the documented failure names in its code or identifiers; the same category alone is not enough.
 *
 * Keys of a claim: resource addresses and types from its snippets and prose (HCL headers, `aws_*` tokens, CDKTF
 * class names), backticked identifiers and snake_case or camelCase argument names. Keys of a finding: its
 * resource and occurrences, and the identifiers of its title and message.
 * An address or an argument shared is a match; a resource type shared is a match when the categories agree
 * (a tagging finding on aws_s3_bucket is not the claim about that bucket's encryption).
 */
import type { Claim } from '../../src/verify/parse.js';
import type { Finding } from '../../src/findings/types.js';
import { foldName } from '../../src/cdktf/naming.js';
import { camelToSnake } from '../../src/model/names.js';
import { activeSchema } from '../../src/schema/index.js';

export interface ProblemKeys {
  addresses: Set<string>;
  types: Set<string>;
  args: Set<string>;
}

/** Words too common in IaC to identify a problem on their own. */
const GENERIC = new Set([
  'name', 'names', 'tags', 'tag', 'id', 'ids', 'arn', 'arns', 'true', 'false', 'null', 'enabled', 'enable', 'type', 'value', 'values',
  'resource', 'resources', 'data', 'var', 'local', 'locals', 'module', 'output', 'outputs', 'variable', 'variables', 'provider', 'terraform',
  'description', 'default', 'count', 'for_each', 'depends_on', 'lifecycle', 'this', 'self', 'main', 'main_tf', 'string', 'number', 'bool',
  'list', 'map', 'object', 'any', 'region', 'aws', 'key', 'keys', 'source', 'version', 'path', 'file', 'json', 'policy', 'statement',
  'effect', 'action', 'actions', 'principal', 'condition', 'props', 'scope', 'construct', 'stack', 'app', 'index', 'handler', 'lib',
  'environment', 'env', 'config', 'vpc_id', 'subnet_id', 'subnet_ids', 'role', 'new', 'const', 'let', 'import', 'from', 'export', 'class',
  'tf', 'hcl', 'ts', 'py', 'md', 'aws_region', 'account_id', 'bucket', 'function_name', 'runtime', 'tags_all', 'name_prefix', 'project_name',
]);

const ADDRESS = /\b((?:data\.)?aws_[a-z0-9_]+)\.([a-zA-Z_][a-zA-Z0-9_-]*)\b/g;
const HCL_HEADER = /\b(resource|data)\s+"(aws_[a-z0-9_]+)"\s+"([^"]+)"/g;
const AWS_TYPE = /\baws_[a-z0-9_]+\b/g;
const BACKTICKED = /`([^`\n]{1,80})`/g;
const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
const CDKTF_NEW = /\bnew\s+([A-Z][A-Za-z0-9]+)\s*\(/g;

/** Provider class names (`S3BucketPolicy`, folded) → resource type; local construct classes are not resources. */
let classTypes: Map<string, string> | null = null;
function typeOfClass(className: string): string | undefined {
  if (!classTypes) {
    classTypes = new Map();
    for (const t of activeSchema().resourceTypes()) classTypes.set(foldName(t.replace(/^aws_/, '')), t);
  }
  return classTypes.get(foldName(className));
}

function emptyKeys(): ProblemKeys {
  return { addresses: new Set(), types: new Set(), args: new Set() };
}

function addArg(k: ProblemKeys, raw: string): void {
  const a = (/[A-Z]/.test(raw) && /^[a-z]/.test(raw) ? camelToSnake(raw) : raw).toLowerCase();
  if (a.length < 4 || GENERIC.has(a) || /^aws_/.test(a)) return;
  k.args.add(a);
}

let knownTypes: Set<string> | null = null;
function addType(k: ProblemKeys, t: string): void {
  const type = t.replace(/^data\./, '');
  knownTypes ??= new Set([...activeSchema().resourceTypes(), ...activeSchema().dataSourceTypes()]);
  // `aws_region` etc. name a data source or a variable as often as a resource; `aws_s3_module` is no type.
  if (GENERIC.has(type) || !knownTypes.has(type)) return;
  k.types.add(type);
}

/** Keys of free text (prose, identifiers or code). `codeArgs`: also take attribute names from code lines. */
function keysOfText(k: ProblemKeys, text: string): void {
  for (const m of text.matchAll(HCL_HEADER)) {
    addType(k, m[2]!);
    k.addresses.add(`${m[1] === 'data' ? 'data.' : ''}${m[2]}.${m[3]}`);
  }
  for (const m of text.matchAll(ADDRESS)) {
    addType(k, m[1]!);
    k.addresses.add(`${m[1]}.${m[2]}`);
  }
  for (const m of text.matchAll(AWS_TYPE)) addType(k, m[0]);
  for (const m of text.matchAll(CDKTF_NEW)) {
    const type = typeOfClass(m[1]!);
    if (type) addType(k, type);
  }
  for (const m of text.matchAll(SNAKE)) addArg(k, m[0]);
}

export function claimKeys(claim: Pick<Claim, 'title' | 'text' | 'identifiers' | 'snippets'>): ProblemKeys {
  const k = emptyKeys();
  keysOfText(k, `${claim.title}\n${claim.text}`);
  for (const id of claim.identifiers) {
    keysOfText(k, id);
    for (const part of id.split(/[^A-Za-z0-9_]+/)) if (/^[a-z]+[A-Z]/.test(part)) addArg(k, part);
  }
  for (const s of claim.snippets) {
    // Snippets name the resources; their attribute lines are mostly context, so only headers and addresses count.
    for (const m of s.code.matchAll(HCL_HEADER)) {
      addType(k, m[2]!);
      k.addresses.add(`${m[1] === 'data' ? 'data.' : ''}${m[2]}.${m[3]}`);
    }
    for (const m of s.code.matchAll(CDKTF_NEW)) {
      const type = typeOfClass(m[1]!);
      if (type) addType(k, type);
    }
    // Short snippets (a line or two) are the argument itself.
    const lines = s.code.split('\n').filter((l) => l.trim());
    if (lines.length <= 3) for (const l of lines) for (const m of l.matchAll(/^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*[=:]/g)) addArg(k, m[1]!);
  }
  return k;
}

export function findingKeys(f: Pick<Finding, 'resource' | 'occurrences' | 'title' | 'message'>): ProblemKeys {
  const k = emptyKeys();
  const resources = [f.resource, ...(f.occurrences ?? []).map((o) => o.resource)].filter((r): r is string => !!r);
  for (const r of resources) {
    const m = /^((?:data\.)?aws_[a-z0-9_]+)(?:\.([^.\s[]+))?/.exec(r);
    if (!m) continue;
    addType(k, m[1]!);
    if (m[2]) k.addresses.add(`${m[1]}.${m[2]}`);
  }
  const text = [f.title, f.message, ...(f.occurrences ?? []).map((o) => o.message ?? '')].join('\n');
  for (const m of text.matchAll(BACKTICKED)) {
    keysOfText(k, m[1]!);
    for (const part of m[1]!.split(/[^A-Za-z0-9_]+/)) if (/^[a-z]+[A-Z]/.test(part)) addArg(k, part);
  }
  for (const m of text.matchAll(ADDRESS)) {
    addType(k, m[1]!);
    k.addresses.add(`${m[1]}.${m[2]}`);
  }
  for (const m of text.matchAll(AWS_TYPE)) addType(k, m[0]);
  for (const m of text.matchAll(SNAKE)) addArg(k, m[0]);
  return k;
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Whether a finding reports the same problem as a documented failure (see the file comment). */
export function sameProblem(claim: ProblemKeys, claimCategory: string | null, finding: ProblemKeys, findingCategory: string): boolean {
  if (intersects(claim.args, finding.args)) return true;
  const sameCategory = claimCategory === null || claimCategory === findingCategory;
  if (!sameCategory) return false;
  return intersects(claim.addresses, finding.addresses) || intersects(claim.types, finding.types);
}
