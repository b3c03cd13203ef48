/**
 * `npm run fuzz -- --scaling` (and a section of `npm run bench`): size-scaling check of the whole analysis.
 *
 * For each input family that once grew superlinearly (issue 20: resources, undeclared references with "did you
 * mean" suggestions, nested template interpolation, CDKTF constructs and spread chains, unnamed fences, unclosed
 * fences, markdown nesting) a script writes the input at 1×, 2×, 4× and 8× size, and the tool's own CLI
 * (`bin/iacjudge.js analyze`, built) analyzes it in a child process. Printed per size: wall time, CPU time, peak RSS, report size.
 *
 * The verdict reads CPU time (user + system of the child: a machine shared with other work inflates wall time,
 * not CPU time) minus the start-up cost of the same family at its smallest size, so that a constant start-up does
 * not hide growth. A doubling may cost at most 2.5× (linear is 2×, n·log n a little more); the smaller side of
 * each ratio is floored at FLOOR_MS so that noise on tiny times cannot fail the run. Exit 1 on any violation.
 *
 * `--huge` adds the 200,000-resource run (goal: under 60 s and 2 GB), reported, and failing the run when missed.
 * `--only <family,...>` runs some families (a word of a name picks each family it names: `fences` runs `fences`
 * and `unclosed-fences`); `--keep` leaves the generated inputs in place and prints where;
 * `--no-build` measures dist/ as it is (by default a stale build is rebuilt first).
 *
 * Generated inputs only (nothing checked in); the analyzed code is parsed, never run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const bin = join(repo, 'bin/iacjudge.js');

/** Largest allowed cost of one doubling of the input. */
export const MAX_DOUBLING_RATIO = 2.5;
/** Below this much analysis time a ratio is noise: the smaller side is floored here. */
const FLOOR_MS = 300;
const MULTIPLIERS = [1, 2, 4, 8] as const;
/**
 * Per-run limit of the measured analysis (`analyze --timeout`, milliseconds as for `corpus`): a run it cuts exits 2
 * and fails the check.
 */
const CHILD_TIMEOUT_MS = 900_000;

export interface Family {
  name: string;
  /** What one unit of size is. */
  unit: string;
  /** Units at 1×. */
  base: number;
  /** Writes a task folder of `n` units into `dir` (created). */
  write(dir: string, n: number): void;
}

function writeTask(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  }
}

const TF_META = JSON.stringify({ platform: 'tf', language: 'hcl' });
const CDKTF_META = JSON.stringify({ platform: 'cdktf', language: 'ts' });

/** HCL split over files of at most `perFile` blocks: the reader caps one file at 5 MiB. */
function tfFiles(blocks: string[], perFile = 4000): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i * perFile < blocks.length; i++) files[`main${i}.tf`] = blocks.slice(i * perFile, (i + 1) * perFile).join('\n');
  return files;
}

function resourceBlock(i: number): string {
  return `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-${i}"\n  tags = {\n    Name = "bucket-${i}"\n  }\n}\n`;
}

export const FAMILIES: Family[] = [
  {
    name: 'resources',
    unit: 'resources',
    base: 1000,
    write: (dir, n) => writeTask(dir, tfFiles(Array.from({ length: n }, (_, i) => resourceBlock(i)))),
  },
  {
    // Every reference names a resource that does not exist but is one edit away from many that do: the
    // "did you mean" search once compared each against every declared name.
    name: 'references',
    unit: 'undeclared references',
    base: 500,
    write: (dir, n) => {
      const blocks: string[] = [];
      for (let i = 0; i < n; i++) {
        blocks.push(resourceBlock(i));
        blocks.push(`resource "aws_s3_bucket_versioning" "v${i}" {\n  bucket = aws_s3_bucket.c${i}.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`);
      }
      writeTask(dir, tfFiles(blocks));
    },
  },
  {
    // One string whose interpolations nest `n` deep, inside a few ordinary resources.
    name: 'templates',
    unit: 'nesting levels',
    base: 2500,
    write: (dir, n) => {
      const value = '"${upper("'.repeat(n) + 'x' + '")}"'.repeat(n);
      writeTask(dir, { 'main.tf': `resource "aws_s3_bucket" "t" {\n  bucket = ${value}\n}\n${resourceBlock(1)}` });
    },
  },
  {
    name: 'constructs',
    unit: 'CDKTF constructs',
    base: 500,
    write: (dir, n) => {
      const lines = [
        "import { Construct } from 'constructs';",
        "import { TerraformStack } from 'cdktf';",
        "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';",
        "import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';",
        'export class TapStack extends TerraformStack {',
        '  constructor(scope: Construct, id: string) {',
        '    super(scope, id);',
      ];
      for (let i = 0; i < n; i++) {
        lines.push(`    const b${i} = new S3Bucket(this, 'b${i}', { bucket: \`bucket-${i}\`, tags: { Name: 'b${i}' } });`);
        lines.push(`    new S3BucketVersioningA(this, 'v${i}', { bucket: b${i}.id, versioningConfiguration: { status: 'Enabled' } });`);
      }
      lines.push('  }', '}', '');
      writeTask(dir, { 'metadata.json': CDKTF_META, 'lib/MODEL_RESPONSE.md': `# Stack\n\n\`\`\`typescript\n// lib/tap-stack.ts\n${lines.join('\n')}\`\`\`\n` });
    },
  },
  {
    // Each line spreads the previous object: evaluated naively, every line doubles the work.
    name: 'spreads',
    unit: 'chained spreads',
    base: 500,
    write: (dir, n) => {
      const lines = ["import { Construct } from 'constructs';", "import { TerraformStack } from 'cdktf';", "import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';"];
      lines.push("const c0 = { bucket: 'x', tags: { a: '1' } };");
      for (let i = 1; i <= n; i++) lines.push(`const c${i} = { ...c${i - 1}, tags: { ...c${i - 1}.tags, k${i}: c${i - 1}.bucket }, bucket: c${i - 1}.bucket };`);
      lines.push('export class TapStack extends TerraformStack {', '  constructor(scope: Construct, id: string) {', '    super(scope, id);');
      lines.push(`    new S3Bucket(this, 'b', { ...c${n} });`, '  }', '}', '');
      writeTask(dir, { 'metadata.json': CDKTF_META, 'lib/MODEL_RESPONSE.md': `# Stack\n\n\`\`\`typescript\n// lib/tap-stack.ts\n${lines.join('\n')}\`\`\`\n` });
    },
  },
  {
    // Fences without a file name: each one's blocks are checked against what the other fences declare.
    name: 'fences',
    unit: 'unnamed fences',
    base: 2500,
    write: (dir, n) => {
      const parts = ['# Response\n'];
      for (let i = 0; i < n; i++) parts.push(`Step ${i}:\n\n\`\`\`hcl\n${resourceBlock(i)}\`\`\`\n`);
      writeTask(dir, { 'metadata.json': TF_META, 'lib/MODEL_RESPONSE.md': parts.join('\n') });
    },
  },
  {
    // Fences that never close: each runs away into the next and is split off before it (every split once parsed
    // the rest of the document again).
    name: 'unclosed-fences',
    unit: 'unclosed fences',
    base: 1000,
    write: (dir, n) => {
      const parts = ['# Response\n'];
      for (let i = 0; i < n; i++) parts.push(`Step ${i}:\n\n\`\`\`hcl\n${resourceBlock(i)}`);
      writeTask(dir, { 'metadata.json': TF_META, 'lib/MODEL_RESPONSE.md': parts.join('\n') });
    },
  },
  {
    // Lists nested by indentation (a staircase 100 deep, repeated), and one line each of `n` list markers and
    // `n` block-quote markers: every nesting depth up to `n`, in input linear in `n`.
    name: 'markdown-nesting',
    unit: 'nesting levels',
    base: 4000,
    write: (dir, n) => {
      const parts = ['# Response\n'];
      for (let i = 0; i < n; i++) parts.push(`${'  '.repeat(i % 100)}- item ${i}`);
      parts.push('', `${'- '.repeat(n)}deep item`, '', `${'>'.repeat(n)} deep quote`, '');
      parts.push('', '```hcl', resourceBlock(0), '```', '');
      writeTask(dir, { 'metadata.json': TF_META, 'lib/MODEL_RESPONSE.md': parts.join('\n') });
    },
  },
];

export interface Measurement {
  units: number;
  wallMs: number;
  cpuMs: number;
  rssMb: number;
  reportBytes: number;
  exit: number | null;
  warnings: string[];
}

/** The child reports its own CPU time and peak RSS on fd 3 as it exits. */
const PROBE = `data:text/javascript,import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); const r = process.resourceUsage(); try { writeSync(3, JSON.stringify({ cpu: (u.user + u.system) / 1000, rss: r.maxRSS / 1024 })); } catch {} });`;

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

let timeoutFlag: boolean | undefined;
/** Whether the built `analyze` takes --timeout (a build older than the in-process limit of issue 20 does not). */
function cliHasTimeout(): boolean {
  timeoutFlag ??= String(spawnSync(process.execPath, [bin, 'analyze', '--help'], { encoding: 'utf8' }).stdout).includes('--timeout');
  return timeoutFlag;
}

/** Analyzes `dir` with the built CLI in a child process. */
export function measure(dir: string, units: number, extraArgs: string[] = []): Measurement {
  const out = join(dir, '..', `${units}-report.json`);
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['--import', PROBE, bin, 'analyze', dir, '--format', 'json', '--out', out, ...(cliHasTimeout() ? ['--timeout', String(CHILD_TIMEOUT_MS)] : []), ...extraArgs], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - t0;
  let probe = { cpu: NaN, rss: NaN };
  try {
    probe = JSON.parse(res.output[3] ?? '');
  } catch {
    // a child killed by a signal writes nothing: reported as NaN
  }
  let warnings: string[] = [];
  let reportBytes = 0;
  if (existsSync(out)) {
    reportBytes = statSync(out).size;
    try {
      warnings = (JSON.parse(readFileSync(out, 'utf8')) as { warnings: string[] }).warnings;
    } catch {
      warnings = ['report is not valid JSON'];
    }
    rmSync(out);
  }
  if (res.status !== 0) warnings = [...warnings, `exit ${res.status ?? res.signal}: ${(res.stderr ?? '').slice(0, 300)}`];
  return { units, wallMs, cpuMs: probe.cpu, rssMb: probe.rss, reportBytes, exit: res.status, warnings };
}

const fmtS = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export interface FamilyVerdict {
  family: string;
  rows: Measurement[];
  ratios: number[];
  ok: boolean;
}

/** Runs one family at every multiplier, prints a table, and judges each doubling. */
export function scaleFamily(family: Family, root: string, log: (s: string) => void = console.log): FamilyVerdict {
  const dirFor = (n: number): string => {
    const dir = join(root, family.name, String(n));
    family.write(dir, n);
    return dir;
  };
  // Start-up and fixed costs of this family (the TypeScript compiler for CDKTF input), subtracted from each size.
  const baseline = measure(dirFor(1), 1);
  log(`${family.name} (${family.unit}; start-up at 1 unit: ${fmtS(baseline.cpuMs)} CPU, ${baseline.rssMb.toFixed(0)} MB)`);
  log(`  ${'size'.padEnd(6)}${'units'.padStart(8)}${'input'.padStart(10)}${'wall'.padStart(10)}${'CPU'.padStart(10)}${'net CPU'.padStart(10)}${'peak RSS'.padStart(10)}${'report'.padStart(10)}  ratio`);
  const rows: Measurement[] = [];
  const ratios: number[] = [];
  let ok = true;
  for (const m of MULTIPLIERS) {
    const units = family.base * m;
    const dir = dirFor(units);
    const inputKb = dirBytes(dir) / 1024;
    const row = measure(dir, units);
    rows.push(row);
    const net = Math.max(0, row.cpuMs - baseline.cpuMs);
    let ratioText = '';
    if (rows.length > 1) {
      const prevNet = Math.max(0, rows[rows.length - 2]!.cpuMs - baseline.cpuMs);
      const ratio = Math.max(net, FLOOR_MS) / Math.max(prevNet, FLOOR_MS);
      ratios.push(ratio);
      const bad = !(ratio <= MAX_DOUBLING_RATIO);
      if (bad) ok = false;
      ratioText = `${ratio.toFixed(2)}x${bad ? '  OVER 2.5x' : ''}`;
    }
    if (row.exit !== 0) ok = false;
    const timeout = row.warnings.some((w) => /^timeout\b/.test(w));
    log(
      `  ${`${m}x`.padEnd(6)}${String(units).padStart(8)}${`${inputKb.toFixed(0)} KB`.padStart(10)}${fmtS(row.wallMs).padStart(10)}${fmtS(row.cpuMs).padStart(10)}${fmtS(net).padStart(10)}${`${row.rssMb.toFixed(0)} MB`.padStart(10)}${`${(row.reportBytes / 1024).toFixed(0)} KB`.padStart(10)}  ${ratioText}${timeout ? '  (timeout warning)' : ''}${row.exit !== 0 ? `  FAILED: ${row.warnings.at(-1)}` : ''}`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
  return { family: family.name, rows, ratios, ok };
}

/** The 200,000-resource run: goal under 60 s and 2 GB. */
export function hugeRun(root: string, log: (s: string) => void = console.log): boolean {
  const units = 200_000;
  const dir = join(root, 'huge');
  FAMILIES[0]!.write(dir, units);
  const row = measure(dir, units);
  const met = row.exit === 0 && row.wallMs < 60_000 && row.rssMb < 2048;
  log(
    `200,000 resources (${(dirBytes(dir) / 1024 / 1024).toFixed(1)} MB): wall ${fmtS(row.wallMs)}, CPU ${fmtS(row.cpuMs)}, peak RSS ${row.rssMb.toFixed(0)} MB, report ${(row.reportBytes / 1024).toFixed(0)} KB; goal < 60 s and < 2 GB: ${met ? 'met' : 'NOT met'}${row.exit !== 0 ? ` (${row.warnings.at(-1)})` : ''}`,
  );
  rmSync(dir, { recursive: true, force: true });
  return met;
}

/** Builds the CLI when dist/ is missing or older than a source file (the measured program is the shipped one). */
export function ensureBuilt(): void {
  const built = join(repo, 'dist/cli/iacjudge.js');
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile() && e.name.endsWith('.ts')) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
    return t;
  };
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(repo, 'src'))) return;
  console.log('scaling: building the CLI (npm run build)...');
  const res = spawnSync('npm', ['run', 'build'], { cwd: repo, encoding: 'utf8' });
  if (res.status === 0) return;
  // Sources mid-edit (another change in progress) must not stop a measurement of the last good build.
  if (!existsSync(built)) throw new Error(`scaling: npm run build failed:\n${res.stdout}${res.stderr}`);
  console.log(`scaling: npm run build failed; measuring the previous build in dist/ (${String(res.stdout).split('\n').find((l) => /error/.test(l)) ?? ''})`);
}

export function runScaling(opts: { only?: string[]; huge?: boolean; keep?: boolean; noBuild?: boolean; log?: (s: string) => void } = {}): boolean {
  const log = opts.log ?? console.log;
  if (!opts.noBuild) ensureBuilt();
  const root = mkdtempSync(join(tmpdir(), 'iacjudge-scaling-'));
  log(`scaling: each doubling must cost at most ${MAX_DOUBLING_RATIO}x net CPU time (floor ${FLOOR_MS} ms); ${opts.keep ? `inputs kept in ${root}` : 'inputs generated in a temporary folder'}`);
  let ok = true;
  try {
    for (const f of FAMILIES) {
      if (opts.only && !opts.only.some((o) => f.name === o || f.name.split('-').includes(o))) continue;
      const v = scaleFamily(f, root, log);
      if (!v.ok) ok = false;
    }
    if (opts.huge && !hugeRun(root, log)) ok = false;
  } finally {
    if (!opts.keep) rmSync(root, { recursive: true, force: true });
  }
  log(`scaling: ${ok ? 'every doubling within bounds' : 'SUPERLINEAR GROWTH or a failed run (see above)'}`);
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const onlyAt = args.indexOf('--only');
  const ok = runScaling({
    ...(onlyAt >= 0 ? { only: (args[onlyAt + 1] ?? '').split(',') } : {}),
    huge: args.includes('--huge'),
    keep: args.includes('--keep'),
    noBuild: args.includes('--no-build'),
  });
  process.exitCode = ok ? 0 : 1;
}
