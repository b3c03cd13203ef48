/**
 * Where the targeted AWS provider version comes from: `terraform { required_providers { aws = { version } } }`,
 * the legacy `provider "aws" { version = ... }`, `.terraform.lock.hcl`, or (CDKTF) the @cdktf/provider-aws
 * dependency in package.json.
 */
import type { Block, Configuration, SourceFile, SourceSpan } from '../model/types.js';
import { attrExpr, staticString } from '../model/query.js';

export interface ConstraintSource {
  text: string;
  span?: SourceSpan;
  origin: 'required_providers' | 'provider-block' | 'cdktf-package';
}

export interface LockEntry {
  version: string;
  constraints: string | null;
  file: string;
  line: number;
}

function isAwsSource(source: string | undefined, name: string): boolean {
  if (source === undefined) return name === 'aws';
  return /(^|\/)hashicorp\/aws$/i.test(source.trim());
}

/** The AWS provider version constraint(s) declared in the configuration. */
export function findConstraints(config: Configuration): ConstraintSource[] {
  const out: ConstraintSource[] = [];
  for (const tf of config.blocks.filter((b) => b.kind === 'terraform')) {
    for (const rp of tf.blocks.filter((b) => b.type === 'required_providers')) {
      for (const a of rp.attributes) {
        if (a.expr.kind !== 'object') {
          // Pre-0.13 shorthand: `aws = "~> 3.0"`.
          const s = staticString(a.expr);
          if (a.name === 'aws' && s !== undefined) out.push({ text: s, span: a.span, origin: 'required_providers' });
          continue;
        }
        const entries = new Map(a.expr.entries.filter((e) => e.key !== undefined).map((e) => [e.key!, e.value]));
        const source = staticString(entries.get('source'));
        if (!isAwsSource(source, a.name)) continue;
        const version = staticString(entries.get('version'));
        if (version !== undefined) out.push({ text: version, span: a.span, origin: 'required_providers' });
      }
    }
  }
  for (const p of config.blocks.filter((b: Block) => b.kind === 'provider' && b.labels[0] === 'aws')) {
    const v = staticString(attrExpr(p, 'version'));
    if (v !== undefined) out.push({ text: v, span: p.span, origin: 'provider-block' });
  }
  return out;
}

const LOCK_PROVIDER_RE = /^\s*provider\s+"([^"]+)"\s*\{\s*$/;
const LOCK_ATTR_RE = /^\s*(version|constraints)\s*=\s*"([^"]*)"\s*$/;

/**
 * The AWS entry of a `.terraform.lock.hcl`. The format is fixed (written by `terraform init`): one `provider "addr"`
 * block per provider with `version`, `constraints` and `hashes`; a line scan reads it without evaluating anything.
 */
export function parseLockFile(file: SourceFile): LockEntry | null {
  const lines = file.content.split(/\r?\n/);
  let inAws = false;
  let depth = 0;
  let entry: LockEntry | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (depth === 0) {
      const m = LOCK_PROVIDER_RE.exec(line);
      if (m) {
        depth = 1;
        inAws = /(^|\/)hashicorp\/aws$/i.test(m[1]!);
        if (inAws) entry = { version: '', constraints: null, file: file.path, line: i + 1 };
      }
      continue;
    }
    if (inAws && depth === 1) {
      const a = LOCK_ATTR_RE.exec(line);
      if (a && entry) {
        if (a[1] === 'version') {
          entry.version = a[2]!;
          entry.line = i + 1;
        } else entry.constraints = a[2]!;
      }
    }
    for (const ch of line) {
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
    if (depth <= 0) {
      depth = 0;
      if (inAws && entry?.version) return entry;
      inAws = false;
    }
  }
  return entry?.version ? entry : null;
}

export function findLockFile(files: SourceFile[]): SourceFile | undefined {
  return files.find((f) => /(^|\/)\.terraform\.lock\.hcl$/.test(f.path));
}

/** `@cdktf/provider-aws` version spec from a package.json among the files. */
export function findCdktfPackageSpec(files: SourceFile[]): { spec: string; file: string; line: number } | null {
  for (const f of files.filter((x) => /(^|\/)package\.json$/.test(x.path))) {
    let pkg: unknown;
    try {
      // A package.json shown in a response often opens with a `// package.json` label line: not JSON, but not
      // a reason to ignore the versions it pins.
      pkg = JSON.parse(f.content.replace(/^[ \t]*\/\/[^\n]*$/gm, ''));
    } catch {
      continue;
    }
    const p = pkg as { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
    const spec = p?.dependencies?.['@cdktf/provider-aws'] ?? p?.devDependencies?.['@cdktf/provider-aws'];
    if (typeof spec === 'string') {
      const idx = f.content.split(/\r?\n/).findIndex((l) => l.includes('"@cdktf/provider-aws"'));
      return { spec, file: f.path, line: idx >= 0 ? idx + 1 : 1 };
    }
  }
  return null;
}
