/**
 * The rubric's critical blockers (step 2): platform/language mismatch → 3, wrong region → 5,
 * ≥ 50% of required services missing → 4. Each check is conservative: when a side cannot be
 * determined statically, it is not a blocker.
 */
import type { Configuration, SourceFile } from '../model/types.js';
import type { Task } from '../ingest/types.js';
import { attrExpr, blocksOfKind, staticString } from '../model/query.js';
import { declaredTypes, requiredServiceNames, serviceForName, serviceImplemented } from './services.js';

export interface Blocker {
  kind: 'platform' | 'region' | 'services';
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

/** The required region: `lib/AWS_REGION` when present, else (when `fromPrompt`) the prompt's single named region. */
export function requiredRegion(task: Task, fromPrompt = true): { region: string; source: string } | undefined {
  const file = task.extraFiles.find((f) => /(^|\/)AWS_REGION$/.test(f.path));
  const fromFile = file ? singleRegion(file.content) : undefined;
  if (fromFile) return { region: fromFile, source: 'lib/AWS_REGION' };
  if (!fromPrompt) return undefined;
  const promptRegion = task.prompt ? singleRegion(task.prompt) : undefined;
  return promptRegion ? { region: promptRegion, source: 'the prompt' } : undefined;
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

/**
 * `fromPrompt` false: only an explicit lib/AWS_REGION is a requirement (a region named in the prompt may be an
 * example or a secondary region; reviewers did not treat it as a blocker on the dev corpus).
 */
export function regionBlocker(task: Task, config: Configuration, fromPrompt = true): Blocker | null {
  // CDKTF stacks take the deploy region from the environment (AWS_REGION) at synth time; the literal in the
  // code is only a fallback, so it says nothing about where the stack was deployed.
  if (config.platform.startsWith('cdktf')) return null;
  const req = requiredRegion(task, fromPrompt);
  const actual = providerRegion(config);
  if (!req || !actual || req.region === actual) return null;
  return { kind: 'region', score: 5, detail: `${req.source} requires ${req.region}, the provider deploys to ${actual}` };
}

/**
 * Missing services are judged on every configuration given (the ideal, and the model as a fallback): ideal
 * responses often show only the files they changed, so a service absent from the ideal alone is not missing.
 */
export function servicesBlocker(task: Task, config: Configuration, ...others: Configuration[]): Blocker | null {
  const names = requiredServiceNames(task.metadata?.aws_services);
  const types = declaredTypes(config);
  for (const o of others) for (const t of declaredTypes(o)) types.add(t);
  if (types.size === 0) return null;
  const known = new Map<string, { name: string; ok: boolean }>();
  for (const name of names) {
    const entry = serviceForName(name);
    if (!entry || known.has(entry.key)) continue;
    known.set(entry.key, { name, ok: serviceImplemented(entry, config, types) || others.some((o) => serviceImplemented(entry, o, types)) });
  }
  // Too few recognized services to speak of a share.
  if (known.size < 3) return null;
  const missing = [...known.values()].filter((k) => !k.ok).map((k) => k.name);
  if (missing.length * 2 < known.size) return null;
  // Everything missing means we could not read the ideal's code (partial or unparsed), not a stack with no services.
  if (missing.length === known.size) return null;
  return { kind: 'services', score: 4, detail: `${missing.length} of ${known.size} required services missing: ${missing.join(', ')}` };
}
