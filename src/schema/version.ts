/**
 * Provider version awareness: Terraform version constraints (`~> 5.0`, `>= 4, != 4.2.0`), lock files and
 * @cdktf/provider-aws package versions, turned into one admitted range the checks can ask questions of.
 * Terraform's `~>` differs from npm's: `~> 5.0` is >= 5.0.0 < 6.0.0, `~> 5.1.2` is >= 5.1.2 < 5.2.0, `~> 5` is >= 5.
 */
import semver from 'semver';

export interface AdmittedRange {
  /** The constraint text as written, or a description of where the range came from. */
  text: string;
  /** node-semver range (disjunction of conjunctions); `*` for no constraint. */
  range: semver.Range;
}

export class ConstraintError extends Error {}

/** `5` → `5.0.0`, `5.1` → `5.1.0`; keeps how many segments were written (Terraform's `~>` depends on it). */
function normalizeVersion(v: string): { version: string; segments: number[] } {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?$/.exec(v.trim());
  if (!m) throw new ConstraintError(`invalid version "${v}"`);
  const segments = [m[1], m[2], m[3]].filter((s): s is string => s !== undefined).map(Number);
  const full = [segments[0] ?? 0, segments[1] ?? 0, segments[2] ?? 0].join('.');
  return { version: full, segments };
}

/** One Terraform constraint → alternatives of node-semver comparator sets (`!=` splits into two). */
function translateOne(c: string): string[] {
  const m = /^(~>|>=|<=|!=|=|>|<)?\s*(.+)$/.exec(c.trim());
  if (!m) throw new ConstraintError(`invalid constraint "${c}"`);
  const op = m[1] ?? '=';
  const { version, segments } = normalizeVersion(m[2]!);
  switch (op) {
    case '=':
      return [version];
    case '!=':
      return [`<${version}`, `>${version}`];
    case '>':
    case '>=':
    case '<':
    case '<=':
      return [`${op}${version}`];
    case '~>': {
      if (segments.length === 1) return [`>=${version}`];
      // The last written segment may grow; the ones before it are fixed.
      const fixed = segments.slice(0, segments.length - 1);
      const upper = [...fixed];
      upper[upper.length - 1] = upper[upper.length - 1]! + 1;
      while (upper.length < 3) upper.push(0);
      return [`>=${version} <${upper.join('.')}`];
    }
    default:
      throw new ConstraintError(`invalid constraint operator in "${c}"`);
  }
}

/** Parses a Terraform version constraint string (comma-separated, all must hold). */
export function parseTerraformConstraint(text: string): AdmittedRange {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!parts.length) throw new ConstraintError('empty version constraint');
  // Disjunctive normal form: each `!=` doubles the alternatives.
  let alternatives: string[] = [''];
  for (const p of parts) {
    const opts = translateOne(p);
    const next: string[] = [];
    for (const a of alternatives) for (const o of opts) next.push(`${a} ${o}`.trim());
    alternatives = next;
  }
  return { text, range: new semver.Range(alternatives.join(' || ')) };
}

export const ANY_VERSION: AdmittedRange = { text: '(no constraint)', range: new semver.Range('*') };

export function exactVersion(v: string, text = v): AdmittedRange {
  return { text, range: new semver.Range(normalizeVersion(v).version) };
}

/** The lowest admitted version, or null when the constraint admits none. */
export function minAdmitted(r: AdmittedRange): string | null {
  const v = semver.minVersion(r.range);
  if (!v) return null;
  // minVersion ignores exclusions spread over alternatives; double-check it satisfies.
  return semver.satisfies(v, r.range) ? v.version : null;
}

export function admitsNone(r: AdmittedRange): boolean {
  return minAdmitted(r) === null && !admitsSomeAtOrAbove(r, '0.0.0');
}

export function admits(r: AdmittedRange, version: string): boolean {
  return semver.satisfies(normalizeVersion(version).version, r.range);
}

/** Some admitted version is >= v (the newest admitted one is what `terraform init` installs). */
export function admitsSomeAtOrAbove(r: AdmittedRange, v: string): boolean {
  return semver.intersects(r.range, new semver.Range(`>=${normalizeVersion(v).version}`));
}

/** Every admitted version is >= v. */
export function allAtOrAbove(r: AdmittedRange, v: string): boolean {
  const min = minAdmitted(r);
  return min !== null && semver.gte(min, normalizeVersion(v).version);
}

/** Every admitted version is > v. */
export function allAbove(r: AdmittedRange, v: string): boolean {
  return !semver.intersects(r.range, new semver.Range(`<=${normalizeVersion(v).version}`)) && !admitsNone(r);
}

/** Every admitted version is < v. */
export function allBelow(r: AdmittedRange, v: string): boolean {
  return !admitsSomeAtOrAbove(r, v);
}

/**
 * @cdktf/provider-aws majors and the AWS provider versions they wrap (package.json `cdktf.provider.version` of the
 * first release of each major). 20.x still wraps 5.x; 21.x wraps 6.x.
 */
export const CDKTF_AWS_MAJORS: Record<number, { min: string; below: string }> = {
  18: { min: '5.21.0', below: '6.0.0' },
  19: { min: '5.31.0', below: '6.0.0' },
  20: { min: '5.99.1', below: '6.0.0' },
  21: { min: '6.0.0', below: '7.0.0' },
};

/** An npm range for @cdktf/provider-aws (`^19.0.0`, `21.22.1`) → the admitted AWS provider range, when known. */
export function rangeFromCdktfPackage(spec: string): AdmittedRange | null {
  const r = semver.validRange(spec);
  if (!r) return null;
  const min = semver.minVersion(r);
  if (!min) return null;
  const known = CDKTF_AWS_MAJORS[min.major];
  if (!known) return null;
  return {
    text: `@cdktf/provider-aws ${spec}`,
    range: new semver.Range(`>=${known.min} <${known.below}`),
  };
}

export function majorOf(v: string): number {
  return semver.major(normalizeVersion(v).version);
}
