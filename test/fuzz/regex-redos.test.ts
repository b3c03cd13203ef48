// Regular expressions on analyzed text must not backtrack catastrophically.
// Part 1: every audited risky site, exercised through the function that runs it, with 50,000 repetitions of its
//         pumping string: each call < 500 ms.
// Part 2: every regex literal in src/ (found with the TypeScript compiler API) against pumped adversarial
//         inputs derived from its own atoms: each match attempt stays linear-looking (a few ms on ~2 KB), except
//         sites audited as quadratic on input that is bounded before the regex sees it (BOUNDED below).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { parseFailureAnalysis, cleanTitle } from '../../src/verify/parse.js';
import { classifyText } from '../../src/verify/classify.js';
import { parseLog } from '../../src/logs/parse.js';
import { snakeCase } from '../../src/diff/attribute.js';
import { elidesContent } from '../../src/diff/changes.js';
import { normalizeServiceName } from '../../src/score/services.js';
import { trimSnippet } from '../../src/report/markdown.js';
import { parseHclSource } from '../../src/hcl/index.js';
import type { Block, Configuration } from '../../src/model/types.js';
import { extractResponse } from '../../src/extract/index.js';
import { pumped, pumpSpecs, regexLiterals } from './regex-inventory.js';
import { RUNS } from './arbitraries.js';
import { cpuTimeOf } from './helpers.js';

const PUMPS = 50_000;
const LIMIT_MS = 500;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const timeOf = cpuTimeOf;

/**
 * `fn` on adversarial input answers within LIMIT_MS. When it runs a whole parser (mdast, tree-sitter) on a large
 * input, `make(n)` builds the call for n repetitions: a call over the limit still passes when the time grows
 * linearly (less than 8× for 4× the input; backtracking grows 16× or more), so a loaded machine does not fail it.
 */
function fast(what: string, fn: () => unknown, make?: (n: number) => () => unknown): void {
  const took = timeOf(fn);
  if (took < LIMIT_MS || !make) {
    assert.ok(took < LIMIT_MS, `${what}: ${took.toFixed(0)} ms (limit ${LIMIT_MS})`);
    return;
  }
  const quarter = Math.min(timeOf(make(PUMPS / 4)), timeOf(make(PUMPS / 4)));
  const full = Math.min(took, timeOf(make(PUMPS)));
  assert.ok(full < LIMIT_MS || full < 8 * quarter, `${what}: ${full.toFixed(0)} ms, ${quarter.toFixed(0)} ms for a quarter of the input`);
}

/** A configuration holding one file and a block spanning all of it (what elidesContent reads). */
function oneBlock(content: string): { config: Configuration; block: Block } {
  const lines = content.split('\n').length;
  const span = { file: 'lib/main.tf', line: 1, column: 1, endLine: lines, endColumn: 1 };
  const block: Block = { kind: 'resource', type: 'resource', labels: ['aws_s3_bucket', 'b'], attributes: [], blocks: [], span };
  const config: Configuration = { platform: 'tf-hcl', files: [{ path: 'lib/main.tf', language: 'hcl', content }], blocks: [block], diagnostics: [], symbols: new Map(), references: [] };
  return { config, block };
}

const ws = ' \t'.repeat(PUMPS / 2);

// --- Part 1 -----------------------------------------------------------------------------------------------------

test('redos: failure-analysis headings, group headings, bold titles and severity fields', () => {
  fast('ATX heading with a long run of spaces (verify/parse.ts heading regex, was cubic)', () => parseFailureAnalysis(`# a${ws}x\n\nbody\n`));
  fast('ATX heading of closing hashes and spaces', () => parseFailureAnalysis(`## a ${'# '.repeat(PUMPS)}x\n`));
  fast('group heading with a long word/digit run (GROUP_HEADING, was polynomial of degree 4)', () => parseFailureAnalysis(`## Critical ${'1'.repeat(PUMPS)}!\n\ntext\n`));
  fast('group heading with many words', () => parseFailureAnalysis(`## High ${'ab '.repeat(PUMPS)}!\n`));
  fast('bold title line followed by spaces (BOLD_LINE)', () => parseFailureAnalysis(`**1. A title**${ws}x\n\ntext\n`));
  fast('severity field followed by spaces and stars', () => parseFailureAnalysis(`## 1. Title\n\n**Severity**:${ws}${'*'.repeat(10)}\n`));
  fast('title ending in a long run of colons and spaces (cleanTitle)', () => cleanTitle(`Title${': '.repeat(PUMPS)}x`));
  fast('numbered lines', () => parseFailureAnalysis(`1. ${'a. '.repeat(PUMPS)}\n`));
});

test('redos: claim classification on long titles and identifiers', () => {
  fast('title of repeated cue words (`.*` between two words)', () => classifyText('kms '.repeat(PUMPS), 'text'));
  fast('title of repeated cue words, other pairs', () => classifyText('scoped ingress lifecycle filter service principal '.repeat(PUMPS / 10), ''));
  fast('identifier `Resource:` followed by whitespace (was quadratic)', () => classifyText('t', '', [`Resource:${ws}[${ws}x`]));
  fast('identifier `Action =` followed by whitespace', () => classifyText('t', '', [`Action =${ws}x`]));
});

test('redos: logs with long whitespace, ANSI and bracket runs', () => {
  fast('trailing whitespace before a final character on every line (clean(), was quadratic)', () => parseLog(`Error: x${ws}y\n`.repeat(4)));
  fast('address with many brackets', () => parseLog(`│ Error: x\n│   with aws_s3_bucket.b${'['.repeat(PUMPS)}\n`));
  fast('ANSI escape runs', () => parseLog(`${'\u001b['.repeat(PUMPS)}Error: x\n`));
  fast('JSON-looking first line', () => parseLog(`{${'"a":'.repeat(PUMPS)}\n`));
  fast('tsc-looking line', () => parseLog(`lib/a.ts(${'1,'.repeat(PUMPS)}): error TS1: x\n`));
});

test('redos: diff, score and report helpers', () => {
  fast('camelCase name of capitals (snakeCase, was quadratic)', () => snakeCase('A'.repeat(PUMPS)));
  fast('service name with unclosed parentheses (normalizeServiceName, was quadratic)', () => normalizeServiceName('('.repeat(PUMPS)));
  fast('snippet with a long whitespace run before its end (trimSnippet)', () => trimSnippet(`${ws}x`));
  const hashes = oneBlock(`resource "aws_s3_bucket" "b" {\n  # ${'#'.repeat(9_000)}\n}\n`);
  fast('block of comment markers without an ellipsis (elidesContent, was quadratic)', () => elidesContent(hashes.config, hashes.block));
  const blank = oneBlock(`resource "aws_s3_bucket" "b" {\n${'\n'.repeat(9_000)}  ...x\n}\n`);
  fast('block of blank lines before a non-ellipsis line (elidesContent m-flag regex)', () => elidesContent(blank.config, blank.block));
});

test('redos: HCL templates and markdown extraction', () => {
  const md = (text: string) => () => extractResponse(text, 'lib/MODEL_RESPONSE.md');
  const template = (n: number) => () => parseHclSource(`x = "\${a}${' '.repeat(n)}q\${~ b}"\n`, 'lib/main.tf');
  fast('template literal before a strip marker with a long whitespace run (template.ts, was quadratic)', template(PUMPS), template);
  const comment = (n: number) => md(`\`\`\`hcl\n# ${' \t'.repeat(n / 2)}*/x\nresource "a" "b" {}\n\`\`\`\n`);
  fast('comment line of spaces at the top of a block (commentName)', comment(PUMPS), comment);
  const heading = (n: number) => md(`## ${'# '.repeat(n)}x\n`);
  fast('heading of hashes and spaces', heading(PUMPS), heading);
  const fences = (n: number) => md(`${'`'.repeat(n)}\n${'~'.repeat(n)}\n`);
  fast('backtick and tilde runs', fences(PUMPS), fences);
  const label = (n: number) => md(`**File: ${'a/'.repeat(n)}**\n\n\`\`\`hcl\nx = 1\n\`\`\`\n`);
  fast('label-looking paragraph', label(PUMPS), label);
});

// --- Part 2 -----------------------------------------------------------------------------------------------------

/**
 * Sites audited as superlinear on pumped input that never reaches them unbounded (file, regex source or every
 * regex of the file, why). Keyed by source so line moves do not matter; a changed regex is swept again.
 */
const BOUNDED: { file: string; source?: string; why: string }[] = [
  { file: 'src/extract/names.ts', source: '\\s*(?:\\*+\\/|-->)\\s*$', why: 'runs on a comment line cut to MAX_TOKEN (300) characters' },
  { file: 'src/logs/parse.ts', source: '\\[[^\\]]*\\]$', why: 'runs on the address WITH_ADDRESS captured, whose brackets hold at most 80 characters' },
  { file: 'src/score/blockers.ts', source: '\\.([a-z.]+)$', why: 'runs on file paths (at most 1024 characters, no newline)' },
  { file: 'src/rules/application-code/handler-without-error-handling.ts', source: '#.*$', why: 'runs on file paths (at most 1024 characters, no newline)' },
  { file: 'src/verify/classify.ts', why: 'cues run on a title cut to 300 characters, a body cut to 1500, identifiers of at most 120' },
];

/** Per-exec limit: anything slower on inputs of a few KB is not linear. */
const SLOW_MS = 50;
/** Small enough that an exponential regex still answers; large enough that it shows. */
const EXPONENTIAL_PROBE = 22;
/** Quick mode sweeps the first pumps of each regex; `npm run fuzz` sweeps them all. */
const MAX_PUMPS = RUNS >= 1000 ? Infinity : 24;

function bestOf(re: RegExp, input: string, tries: number): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const started = performance.now();
    re.exec(input);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * Why `re` is not linear on its pumped inputs, or undefined. Exponential shapes are probed at 14–30 repetitions,
 * growing four at a time, so they show before they can hang. Then each shape is timed at 512 and 2048
 * repetitions; a shape measurably slow at 2048 is doubled while it stays under a 250 ms budget, and fails when
 * the time grew more than 3× at each doubling (quadratic grows 4×, linear 2×). Every step is bounded by the
 * budget, so even a cubic regex costs well under a second. Slow single runs are retried: a GC pause is not a verdict.
 */
export function superlinear(re: RegExp, maxPumps: number): string | undefined {
  const specs = pumpSpecs(re.source, re.flags, maxPumps);
  const slow = (input: string, limit: number): boolean => bestOf(re, input, 1) > limit && bestOf(re, input, 2) > limit;
  for (const spec of specs) {
    // Grow the probe a few repetitions at a time: an exponential regex doubles per repetition and shows long
    // before it could hang, however fast the machine; a polynomial one barely moves over these sizes.
    let previous = 0;
    for (let reps = EXPONENTIAL_PROBE - 8; reps <= EXPONENTIAL_PROBE + 8; reps += 4) {
      const probe = pumped(spec, reps);
      const took = bestOf(re, probe, 2);
      if (took > 8 && slow(probe, 8)) return `exponential-looking on ${JSON.stringify(probe)}`;
      if (took > 2 && previous > 0.2 && took > 6 * previous) return `exponential-looking (×${(took / previous).toFixed(0)} for 4 more repetitions) on ${JSON.stringify(probe)}`;
      previous = Math.max(took, 0.01);
    }
  }
  for (const spec of specs) {
    const small = pumped(spec, 512);
    if (slow(small, SLOW_MS)) return `slow on ${JSON.stringify(small.slice(0, 40))}… (${small.length} chars)`;
    const tSmall = bestOf(re, small, 2);
    const mid = pumped(spec, 2048);
    const tMid = bestOf(re, mid, 1);
    // Over budget already at 4× the input: the ratio decides (linear 4×, quadratic 16×, cubic 64×), no retries.
    if (tMid > 250) {
      if (tMid > 10 * Math.max(tSmall, 0.05)) return `superlinear (${tSmall.toFixed(1)} → ${tMid.toFixed(1)} ms for 4× the input) on ${JSON.stringify(mid.slice(0, 40))}…`;
      continue;
    }
    if (tMid <= 0.3 || bestOf(re, mid, 2) <= 0.3) continue;
    // Double the input while the time stays under budget: linear grows 2× per doubling, quadratic 4×, cubic 8×.
    // A verdict needs three steep steps (JIT tier-up and cache effects can fake one), or two when the budget ran
    // out first; escalation stops at the budget, so a cubic regex costs a second, not an hour.
    const times: number[] = [];
    for (const n of [4096, 8192, 16384, 32768]) {
      const took = bestOf(re, pumped(spec, n), times.length < 2 ? 2 : 1);
      times.push(took);
      const steep = times.every((t, i) => i === 0 || t > 3 * times[i - 1]!);
      if (!steep) break;
      if (times.length >= 4 || (took > 250 && times.length >= 3)) {
        return `superlinear (${times.map((t) => t.toFixed(1)).join(' → ')} ms as the input doubles) on ${JSON.stringify(mid.slice(0, 40))}…`;
      }
      if (took > 250 || (times.length === 3 && took <= 30)) break;
    }
  }
  return undefined;
}

test('redos: every regex literal in src/ stays linear on pumped inputs', () => {
  const { sites, dynamic } = regexLiterals(ROOT);
  assert.ok(sites.length > 100, `found the regex literals (${sites.length})`);
  // `new RegExp` sites are audited by hand (see the report): their patterns are constants or escaped words.
  assert.ok(dynamic.length < 10, `dynamic RegExp sites: ${dynamic.join(', ')}`);
  const swept = new Set<string>();
  const found: string[] = [];
  for (const site of sites) {
    const file = site.where.slice(0, site.where.lastIndexOf(':'));
    if (BOUNDED.some((b) => b.file === file && (b.source === undefined || b.source === site.source))) continue;
    const flags = site.flags.replace(/[gy]/g, '');
    if (swept.has(`${site.source}/${flags}`)) continue;
    swept.add(`${site.source}/${flags}`);
    const verdict = superlinear(new RegExp(site.source, flags), MAX_PUMPS);
    if (verdict) found.push(`${site.where} /${site.source}/${site.flags}: ${verdict}`);
  }
  assert.deepEqual(found, []);
});

test('redos: the sweep flags quadratic, cubic and exponential regexes, and passes linear rewrites of them', () => {
  assert.ok(superlinear(/\s+$/, 40), 'quadratic trailing-whitespace strip');
  assert.ok(superlinear(/^(#{1,6})\s+(.+?)\s*#*\s*$/, 40), 'cubic heading pattern');
  assert.ok(superlinear(/^(a+)+$/, 40), 'exponential nested quantifier');
  assert.equal(superlinear(/(?<![:\s])[:\s]+$/, 40), undefined);
  assert.equal(superlinear(/^[^\S\n]*try\s*:/m, 40), undefined);
});
