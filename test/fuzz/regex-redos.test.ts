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
import { pumpedInputs, regexLiterals } from './regex-inventory.js';
import { RUNS } from './arbitraries.js';

const PUMPS = 50_000;
const LIMIT_MS = 500;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function timeOf(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/**
 * `fn` on adversarial input answers within LIMIT_MS. When it runs a whole parser (mdast, tree-sitter), `baseline`
 * runs it on plain input of the same size: the limit grows to 4× that, so a loaded machine does not fail a linear run.
 */
function fast(what: string, fn: () => unknown, baseline?: () => unknown): void {
  const took = timeOf(fn);
  const limit = baseline ? Math.max(LIMIT_MS, 4 * timeOf(baseline)) : LIMIT_MS;
  assert.ok(took < limit, `${what}: ${took.toFixed(0)} ms (limit ${limit.toFixed(0)})`);
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
  const plain = (n: number) => md(`${'a'.repeat(n)}\n`);
  const template = `x = "\${a}${' '.repeat(PUMPS)}q\${~ b}"\n`;
  fast('template literal before a strip marker with a long whitespace run (template.ts, was quadratic)', () => parseHclSource(template, 'lib/main.tf'), () =>
    parseHclSource(`x = "\${a}${'a'.repeat(PUMPS)}q\${~ b}"\n`, 'lib/main.tf'),
  );
  const comment = `\`\`\`hcl\n# ${ws}*/x\nresource "a" "b" {}\n\`\`\`\n`;
  fast('comment line of spaces at the top of a block (commentName)', md(comment), plain(comment.length));
  const heading = `## ${'# '.repeat(PUMPS)}x\n`;
  fast('heading of hashes and spaces', md(heading), plain(heading.length));
  const fences = `${'`'.repeat(PUMPS)}\n${'~'.repeat(PUMPS)}\n`;
  fast('backtick and tilde runs', md(fences), plain(fences.length));
  const label = `**File: ${'a/'.repeat(PUMPS)}**\n\n\`\`\`hcl\nx = 1\n\`\`\`\n`;
  fast('label-looking paragraph', md(label), plain(label.length));
});

// --- Part 2 -----------------------------------------------------------------------------------------------------

/**
 * Sites audited as superlinear on pumped input that never reaches them unbounded (source, file, why). Keyed by the
 * regex source so line moves do not matter; a changed regex is swept again.
 */
const BOUNDED: { file: string; source: string; why: string }[] = [
  { file: 'src/extract/names.ts', source: '\\s*(?:\\*+\\/|-->)\\s*$', why: 'runs on a comment line cut to MAX_TOKEN (300) characters' },
  { file: 'src/logs/parse.ts', source: '\\[[^\\]]*\\]$', why: 'runs on the address WITH_ADDRESS captured, whose brackets hold at most 80 characters' },
  { file: 'src/score/blockers.ts', source: '\\.([a-z.]+)$', why: 'runs on file paths, at most 1024 characters after normalization' },
];

/** Above this, one match attempt on a ~2 KB pumped input is not linear (linear attempts take ~0.01 ms). */
const SWEEP_LIMIT_MS = 8;
/** Small enough that an exponential regex still answers; large enough that it shows. */
const EXPONENTIAL_PROBE = 22;
const SWEEP_SIZE = RUNS >= 1000 ? 4096 : 2048;

function bestOf(re: RegExp, input: string, tries: number): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const started = performance.now();
    re.exec(input);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

test('redos: every regex literal in src/ stays linear on pumped inputs', () => {
  const { sites, dynamic } = regexLiterals(ROOT);
  assert.ok(sites.length > 100, `found the regex literals (${sites.length})`);
  // `new RegExp` sites are audited by hand (see the report): their patterns are constants or escaped words.
  assert.ok(dynamic.length < 10, `dynamic RegExp sites: ${dynamic.join(', ')}`);
  const slow: string[] = [];
  for (const site of sites) {
    if (BOUNDED.some((b) => site.where.startsWith(`${b.file}:`) && b.source === site.source)) continue;
    const re = new RegExp(site.source, site.flags.replace(/[gy]/g, ''));
    for (const probe of pumpedInputs(site.source, EXPONENTIAL_PROBE)) {
      if (bestOf(re, probe, 1) > SWEEP_LIMIT_MS && bestOf(re, probe, 3) > SWEEP_LIMIT_MS) {
        slow.push(`${site.where} /${site.source}/ exponential-looking on ${JSON.stringify(probe.slice(0, 40))}`);
      }
    }
    if (slow.some((s) => s.startsWith(`${site.where} `))) continue;
    for (const input of pumpedInputs(site.source, SWEEP_SIZE)) {
      // One attempt first; only a slow one is retried, so a GC pause does not fail the sweep.
      if (bestOf(re, input, 1) > SWEEP_LIMIT_MS && bestOf(re, input, 3) > SWEEP_LIMIT_MS) {
        slow.push(`${site.where} /${site.source}/ superlinear on ${JSON.stringify(input.slice(0, 40))}… (${input.length} chars)`);
        break;
      }
    }
  }
  assert.deepEqual(slow, []);
});

test('redos: the sweep catches quadratic and exponential regexes', () => {
  // The same measurement as the sweep, on patterns known to be bad: the sweep can fail.
  const quadratic = /\s+$/;
  const input = pumpedInputs(quadratic.source, 8192).find((i) => i.startsWith(' '))!;
  assert.ok(bestOf(quadratic, input, 2) > SWEEP_LIMIT_MS / 4, 'a quadratic regex is measurably slow on a pumped input');
  const exponential = /^(a+)+$/;
  const probe = pumpedInputs(exponential.source, EXPONENTIAL_PROBE).find((i) => i.startsWith('aaaa'))!;
  assert.ok(bestOf(exponential, probe, 1) > SWEEP_LIMIT_MS / 4, 'an exponential regex is measurably slow on the probe');
});
