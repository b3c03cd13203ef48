/**
 * The rubric's critical blockers (step 2): platform/language mismatch → 3, wrong region → 5,
 * ≥ 50% of required services missing → 4. Each check is conservative: when a side cannot be
 * determined statically, it is not a blocker.
 */
import type { Configuration, SourceFile } from '../model/types.js';
import type { Task } from '../contracts/task.js';
import { attrExpr, blocksOfKind, staticString } from '../model/query.js';
import { declaredTypes, promptServices, requiredServiceNames, serviceForName, serviceImplemented, type ServiceEntry } from './services.js';

export interface Blocker {
  kind: 'platform' | 'region' | 'services' | 'no-code' | 'truncated';
  score: number;
  detail: string;
}

/** `tf`+`hcl` → `tf-hcl`, `cdktf`+`ts` → `cdktf-ts`, `pulumi`+`go` → `pulumi-go`. Undefined when absent. */
export function metadataPlatform(meta: Task['metadata']): string | undefined {
  if (!meta || typeof meta.platform !== 'string') return undefined;
  const p = meta.platform.toLowerCase().trim();
  const lang = typeof meta.language === 'string' ? meta.language.toLowerCase().trim() : '';
  const platform = p === 'terraform' ? 'tf' : p;
  const language = lang === 'typescript' ? 'ts' : lang === 'python' ? 'py' : lang === 'javascript' ? 'js' : lang === 'golang' ? 'go' : lang;
  return language ? `${platform}-${language}` : platform;
}

const CDKTF = /from\s+['"](?:cdktf|@cdktf\/[\w-]+)['"]/;
const CDK = /from\s+['"](?:aws-cdk-lib|@aws-cdk\/[\w-]+)['"]|\bimport\s+aws_cdk\b|\bfrom\s+aws_cdk\b/;
const PULUMI = /from\s+['"]@pulumi\/[\w-]+['"]|\bimport\s+pulumi\b|github\.com\/pulumi\/pulumi/;
const CDKTF_PY = /\bfrom\s+cdktf\b|\bimport\s+cdktf\b/;

/**
 * What the code of a response is, from its files: `tf-hcl`, `cdktf-ts`, `cdktf-py`, `cdk-ts`, `cdk-py`,
 * `pulumi-ts`, `pulumi-py`, `pulumi-go`, `cfn-yaml`, `cfn-json`; undefined when there is no code to judge.
 */
export function codePlatform(files: SourceFile[]): string | undefined {
  const code = files.filter((f) => !/\.(md|txt)$/i.test(f.path));
  const count = new Map<string, number>();
  const add = (k: string) => count.set(k, (count.get(k) ?? 0) + 1);
  for (const f of code) {
    const ext = /\.([a-z.]+)$/i.exec(f.path)?.[1]?.toLowerCase() ?? f.language;
    const c = f.content;
    if (ext === 'tf' || ext === 'tf.json' || f.language === 'hcl') add('tf-hcl');
    else if (ext === 'ts' || f.language === 'ts') {
      if (CDKTF.test(c)) add('cdktf-ts');
      else if (CDK.test(c)) add('cdk-ts');
      else if (PULUMI.test(c)) add('pulumi-ts');
    } else if (ext === 'py' || f.language === 'py' || f.language === 'python') {
      if (CDKTF_PY.test(c)) add('cdktf-py');
      else if (CDK.test(c)) add('cdk-py');
      else if (PULUMI.test(c)) add('pulumi-py');
    } else if (ext === 'go' || f.language === 'go') {
      if (PULUMI.test(c)) add('pulumi-go');
    } else if ((ext === 'yaml' || ext === 'yml' || f.language === 'yaml') && /AWSTemplateFormatVersion|\bResources:\s*\n/.test(c)) add('cfn-yaml');
  }
  let best: string | undefined;
  let bestN = 0;
  for (const [k, n] of [...count.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n > bestN) {
      best = k;
      bestN = n;
    }
  }
  return best;
}

export function platformBlocker(task: Task, files: SourceFile[]): Blocker | null {
  const expected = metadataPlatform(task.metadata);
  const actual = codePlatform(files);
  if (!expected || !actual) return null;
  if (normalizePlatform(expected) === actual) return null;
  return { kind: 'platform', score: 3, detail: `metadata asks for ${expected}, the code is ${actual}` };
}

function normalizePlatform(p: string): string {
  return p.replace(/^terraform-/, 'tf-').replace(/-typescript$/, '-ts').replace(/-python$/, '-py');
}

const REGION = /\b(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d\b/g;

/** The one region a text names, or undefined when it names none or several. */
export function singleRegion(text: string): string | undefined {
  const found = new Set(text.match(REGION) ?? []);
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The required region: the one region that lib/AWS_REGION, metadata `region` and (when `fromPrompt`) the prompt
 * pin. Sources that name different regions contradict each other, so none is a requirement (a metadata region
 * the prompt contradicts is a stale field, not the task's region).
 */
export function requiredRegion(task: Task, fromPrompt = true): { region: string; source: string } | undefined {
  const pins: { region: string; source: string }[] = [];
  const file = task.extraFiles.find((f) => /(^|\/)AWS_REGION$/.test(f.path));
  const fromFile = file ? singleRegion(file.content) : undefined;
  if (fromFile) pins.push({ region: fromFile, source: 'lib/AWS_REGION' });
  const meta = task.metadata?.region;
  const fromMeta = typeof meta === 'string' ? singleRegion(meta) : undefined;
  if (fromMeta) pins.push({ region: fromMeta, source: 'metadata region' });
  const fromText = fromPrompt && task.prompt ? singleRegion(task.prompt) : undefined;
  if (fromText) pins.push({ region: fromText, source: 'the prompt' });
  if (!pins.length || pins.some((p) => p.region !== pins[0]!.region)) return undefined;
  return { region: pins[0]!.region, source: pins.map((p) => p.source).join(' and ') };
}

/** Region of the default (alias-less) AWS provider: a literal, or the default of the variable it reads. */
export function providerRegion(config: Configuration): string | undefined {
  const providers = blocksOfKind(config, 'provider').filter((b) => b.labels[0] === 'aws' && !attrExpr(b, 'alias'));
  for (const p of providers) {
    const expr = attrExpr(p, 'region');
    if (!expr) continue;
    const lit = staticString(expr);
    if (lit) return lit;
    if (expr.kind === 'reference' && (expr.parts[0] === 'var' || expr.parts[0] === 'local') && expr.parts[1]) {
      const sym = config.symbols.get(`${expr.parts[0]}.${expr.parts[1]}`);
      if (sym?.kind === 'variable' && sym.block) {
        const def = staticString(attrExpr(sym.block, 'default'));
        if (def) return def;
      }
      if (sym?.kind === 'local' && sym.block) {
        const v = staticString(attrExpr(sym.block, expr.parts[1]));
        if (v) return v;
      }
    }
  }
  return undefined;
}

/** The default provider deploys outside the region the task pins. */
export function regionBlocker(task: Task, config: Configuration, fromPrompt = true): Blocker | null {
  // CDKTF stacks take the deploy region from the environment (AWS_REGION) at synth time; the literal in the
  // code is only a fallback, so it says nothing about where the stack was deployed.
  if (config.platform.startsWith('cdktf')) return null;
  const req = requiredRegion(task, fromPrompt);
  const actual = providerRegion(config);
  if (!req || !actual || req.region === actual) return null;
  return { kind: 'region', score: 5, detail: `the task pins ${req.region} (${req.source}), the provider deploys to ${actual}` };
}

/**
 * The required services, as table entries (one per key): metadata `aws_services`; the services the prompt
 * names join them when `fromPrompt` is `union`, or stand in for them when metadata lists none (`fallback`, the
 * default: prompts also name services as context — "the auditor role reads CloudTrail logs", "lambda functions
 * in these regions can access the buckets" — that a metadata list leaves out). Unknown names never count.
 */
export function requiredServices(task: Task, fromPrompt: 'fallback' | 'union' | 'never' = 'fallback'): RequiredService[] {
  const out = new Map<string, RequiredService>();
  for (const name of requiredServiceNames(task.metadata?.aws_services)) {
    const entry = serviceForName(name);
    if (entry && !out.has(entry.key)) out.set(entry.key, { key: entry.key, name, entry, source: 'metadata' });
  }
  const listed = requiredServiceNames(task.metadata?.aws_services).length > 0;
  const usePrompt = fromPrompt === 'union' || (fromPrompt === 'fallback' && !listed);
  if (usePrompt && task.prompt) {
    for (const { entry, name } of promptServices(task.prompt)) if (!out.has(entry.key)) out.set(entry.key, { key: entry.key, name, entry, source: 'prompt' });
  }
  return [...out.values()];
}

export interface RequiredService {
  key: string;
  name: string;
  entry: ServiceEntry;
  source: 'metadata' | 'prompt';
}

/**
 * Missing services are judged on every configuration given (the ideal, and the model as a fallback): ideal
 * responses often show only the files they changed, so a service absent from the ideal alone is not missing.
 * Code that calls modules hides the resource types they declare, so it is not judged.
 */
export function servicesBlocker(task: Task, config: Configuration, others: Configuration[] = [], fromPrompt: 'fallback' | 'union' | 'never' = 'fallback'): Blocker | null {
  const configs = [config, ...others];
  if (configs.some((c) => c.blocks.some((b) => b.kind === 'module'))) return null;
  const required = requiredServices(task, fromPrompt);
  const types = new Set<string>();
  for (const c of configs) for (const t of declaredTypes(c)) types.add(t);
  if (types.size === 0) return null;
  const known = required.map((r) => ({ name: r.name, source: r.source, ok: configs.some((c) => serviceImplemented(r.entry, c, types)) }));
  // Too few recognized services to speak of a share.
  if (known.length < MIN_REQUIRED_SERVICES) return null;
  const missing = known.filter((k) => !k.ok);
  if (missing.length * 2 < known.length) return null;
  // Everything missing means we could not read the code (partial or unparsed), not a stack with no services.
  if (missing.length === known.length) return null;
  const list = missing.map((k) => `${k.name} (${k.source})`).join(', ');
  return { kind: 'services', score: 4, detail: `${missing.length} of ${known.length} required services missing from the code: ${list}` };
}

/** Below this many recognized required services a missing share says little (one of two is "half"). */
export const MIN_REQUIRED_SERVICES = 3;
