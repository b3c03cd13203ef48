/**
 * The schema stage: works out which AWS provider versions the response targets (constraint, lock file,
 * @cdktf/provider-aws dependency), records them in `ctx.provider`, reports version contradictions, then
 * validates the model response against the provider schema.
 */
import type { Finding } from '../findings/types.js';
import type { Configuration, SourceFile, SourceSpan } from '../model/types.js';
import type { PipelineContext, ProviderInfo, Stage } from '../contracts/pipeline.js';
import type { Task } from '../contracts/task.js';
import { validateConfiguration } from './checks.js';
import { activeSchema } from './index.js';
import { SCHEMA_META_BY_ID } from './metas.js';
import { findCdktfPackageSpec, findConstraints, findLockFile, parseLockFile } from './provider-info.js';
import type { SchemaIndex } from './types.js';
import {
  ANY_VERSION,
  ConstraintError,
  admits,
  admitsNone,
  exactVersion,
  parseTerraformConstraint,
  rangeFromCdktfPackage,
  type AdmittedRange,
} from './version.js';
import { appendAll } from '../io/arrays.js';

export { schemaRuleMetas } from './metas.js';

export interface TargetResolution {
  provider: ProviderInfo;
  /** The versions the checks assume (exact lock version when known). */
  target: AdmittedRange;
  /** The target is a guess (CDKTF without a @cdktf/provider-aws version). */
  uncertain: boolean;
  findings: Finding[];
  notes: string[];
}

function finding(ruleId: string, message: string, span: { file: string; line: number }): Finding {
  const meta = SCHEMA_META_BY_ID.get(ruleId)!;
  return {
    ruleId,
    category: meta.category,
    severity: meta.severity,
    evidence: ['static'],
    fixClass: meta.fixClass,
    title: meta.title,
    message,
    location: { file: span.file, line: span.line },
  };
}

function spanOrFile(span: SourceSpan | undefined, files: SourceFile[]): { file: string; line: number } {
  if (span) return { file: span.file, line: span.line };
  return { file: files[0]?.path ?? '', line: 1 };
}

/** Which provider versions the configuration admits, from every source we can read. */
export function resolveTarget(config: Configuration, extraFiles: SourceFile[], schema: SchemaIndex): TargetResolution {
  const findings: Finding[] = [];
  const notes: string[] = [];
  const allFiles = [...config.files, ...extraFiles];
  let constraintRange: AdmittedRange | null = null;
  let constraintText: string | null = null;

  const constraints = findConstraints(config);
  if (constraints.length) {
    // Terraform intersects every constraint given for the provider.
    constraintText = [...new Set(constraints.map((c) => c.text.trim()))].join(', ');
    try {
      constraintRange = parseTerraformConstraint(constraintText);
      if (admitsNone(constraintRange)) {
        findings.push(finding('provider-version-unsatisfiable', `The AWS provider constraint "${constraintText}" admits no version; terraform init cannot succeed.`, spanOrFile(constraints[0]!.span, allFiles)));
        constraintRange = null;
      }
    } catch (err) {
      const msg = err instanceof ConstraintError ? err.message : String(err);
      findings.push(finding('provider-version-unsatisfiable', `The AWS provider constraint "${constraintText}" does not parse (${msg}).`, spanOrFile(constraints[0]!.span, allFiles)));
      constraintRange = null;
    }
  } else {
    const pkg = findCdktfPackageSpec(allFiles);
    if (pkg) {
      constraintText = `@cdktf/provider-aws ${pkg.spec}`;
      constraintRange = rangeFromCdktfPackage(pkg.spec);
      if (!constraintRange) notes.push(`schema: cannot tell which AWS provider version @cdktf/provider-aws ${pkg.spec} wraps; checked against ${schema.providerVersion}.`);
    }
  }

  // CDKTF without a package.json: the bindings could be any @cdktf/provider-aws major; `npm install` picks the newest.
  const uncertain = !constraintRange && !constraintText && config.platform === 'cdktf-ts';

  let lockVersion: string | null = null;
  const lockFile = findLockFile(allFiles);
  const lock = lockFile ? parseLockFile(lockFile) : null;
  if (lock) {
    lockVersion = lock.version;
    if (constraintRange) {
      let ok = true;
      try {
        ok = admits(constraintRange, lock.version);
      } catch {
        ok = true;
      }
      if (!ok) {
        findings.push(
          finding(
            'provider-version-lock-mismatch',
            `.terraform.lock.hcl pins AWS provider ${lock.version}, which the constraint "${constraintText}" does not admit; terraform init fails until the constraint or the lock changes.`,
            { file: lock.file, line: lock.line },
          ),
        );
      }
    }
  }

  let target: AdmittedRange = ANY_VERSION;
  try {
    if (lockVersion) target = exactVersion(lockVersion, `${lockVersion} (lock file)`);
    else if (constraintRange) target = constraintRange;
    else if (uncertain) target = { text: 'no @cdktf/provider-aws version in package.json', range: ANY_VERSION.range };
  } catch {
    target = constraintRange ?? ANY_VERSION;
  }
  return {
    provider: { constraint: constraintText, lockVersion, schemaVersion: schema.providerVersion },
    target,
    uncertain,
    findings,
    notes,
  };
}

/** Everything the stage does, for one configuration: usable without a pipeline (benchmarks, eval). */
export function checkConfiguration(config: Configuration, extraFiles: SourceFile[] = [], schema: SchemaIndex = activeSchema(), ideal?: Configuration) {
  const t = resolveTarget(config, extraFiles, schema);
  const r = validateConfiguration(config, { schema, target: t.target, uncertain: t.uncertain, ...(ideal ? { ideal } : {}) });
  return { provider: t.provider, target: t.target, findings: [...t.findings, ...r.findings], notes: [...t.notes, ...r.notes], unverifiable: r.unverifiable };
}

function extraFilesOf(task: Task): SourceFile[] {
  return task.extraFiles ?? [];
}

export const schemaStage: Stage = {
  name: 'schema',
  run(ctx: PipelineContext) {
    if (!ctx.model) return;
    const r = checkConfiguration(ctx.model, extraFilesOf(ctx.task), activeSchema(), ctx.ideal ?? undefined);
    ctx.provider = r.provider;
    appendAll(ctx.findings, r.findings);
    appendAll(ctx.notes, r.notes);
  },
};
