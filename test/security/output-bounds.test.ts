// Output bounds: whatever the input, every echoed text in a result is cut to its documented length and carries no
// terminal escape. Before, each finding embedded its whole source line, so a long line under many findings grew the
// report with the square of the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeTask } from '../../src/index.js';
import { boundResult, MAX_OCCURRENCES, MAX_WARNINGS } from '../../src/pipeline/bounds.js';
import { MAX_MESSAGE_CHARS, MAX_SNIPPET_CHARS, MAX_SNIPPET_LINES } from '../../src/io/text.js';
import type { AnalysisResult } from '../../src/contracts/pipeline.js';

// Room for the "… [N more characters]" / "… [N more lines]" markers.
const MARKER = 40;

function task(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-bounds-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

function assertBounded(result: AnalysisResult): void {
  for (const f of result.findings) {
    assert.ok(f.message.length <= MAX_MESSAGE_CHARS + MARKER, `${f.ruleId}: message of ${f.message.length}`);
    for (const s of [f.modelSnippet, f.idealSnippet]) {
      if (!s) continue;
      assert.ok(s.code.length <= MAX_SNIPPET_CHARS + MARKER * 2, `${f.ruleId}: snippet of ${s.code.length}`);
      assert.ok(s.code.split('\n').length <= MAX_SNIPPET_LINES + 1, `${f.ruleId}: snippet of ${s.code.split('\n').length} lines`);
    }
  }
  assert.doesNotMatch(JSON.stringify(result), /\\u001b|\\u0007|\\u009b/);
}

test('CDKTF: 300 resources on one 35 KB line; every snippet is bounded, the report grows linearly', () => {
  const line = (n: number) => Array.from({ length: n }, (_, i) => `new S3Bucket(this, 'b${i}', { bucket: 'x${i}', acl: 'public-read', unknownArg${i}: 1 });`).join(' ');
  const response = (n: number) =>
    "## lib/tap-stack.ts\n\n```typescript\nimport { Construct } from 'constructs';\nimport { TerraformStack } from 'cdktf';\nimport { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';\n" +
    `export class TapStack extends TerraformStack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n    ${line(n)}\n  }\n}\n\`\`\`\n`;
  const size = (n: number) => {
    const result = analyzeTask(task({ 'metadata.json': JSON.stringify({ platform: 'cdktf', language: 'ts' }), 'lib/MODEL_RESPONSE.md': response(n) }));
    assertBounded(result);
    return JSON.stringify(result).length;
  };
  const small = size(150);
  const large = size(300);
  // Twice the resources on a twice as long line: about twice the report (the square would be four times).
  assert.ok(large < small * 2.6, `${small} → ${large}`);
});

test('terminal escapes in a log and in names never reach the result', () => {
  const esc = '\u001b]0;pwned\u0007\u001b[2J\u009b31m';
  const result = analyzeTask(
    task({
      'metadata.json': JSON.stringify({ platform: 'tf', language: 'hcl' }),
      'lib/MODEL_RESPONSE.md': `## main.tf\n\n\`\`\`hcl\nresource "aws_s3_bucket" "b" {\n  bucket = "x${esc}"\n  unknown${esc} = 1\n}\n\`\`\`\n`,
      'deploy.log': `${esc}Error: creating S3 Bucket (x${esc}): BucketAlreadyExists\n${esc}\n`,
    }),
  );
  assertBounded(result);
});

/** A result of one finding (the fields every finding has, then `extra`), bounded. */
function boundOne(extra: Record<string, unknown>, warnings: string[] = []): AnalysisResult {
  return boundResult({
    tool: { name: 'iacjudge', version: '0' },
    task: { path: '.', platform: 'tf-hcl', language: 'hcl' },
    findings: [{ ruleId: 'r', category: 'syntax', severity: 'low', evidence: ['static'], fixClass: 'A', title: 't', message: 'm', location: { file: 'a', line: 1 }, ...extra }],
    score: null,
    notes: [],
    warnings,
  } as unknown as AnalysisResult);
}

test('boundResult: long messages, snippets, log excerpts and warning lists are cut with markers', () => {
  const long = 'm'.repeat(10_000);
  const code = Array.from({ length: 1000 }, (_, i) => `line ${i} ${'c'.repeat(100)}`).join('\n');
  const result = boundOne(
    {
      title: 't\u001b[31m',
      message: long,
      modelSnippet: { file: 'a', line: 1, language: 'hcl', code },
      logExcerpt: code,
      occurrences: [{ location: { file: 'a', line: 1 }, message: long }],
    },
    Array.from({ length: MAX_WARNINGS + 10 }, () => long),
  );
  const f = result.findings[0]!;
  assert.equal(f.title, 't');
  assert.match(f.message, /… \[8000 more characters\]$/);
  assert.match(f.modelSnippet!.code, /more lines\]$/);
  assert.match(f.logExcerpt!, /more lines\]$/);
  assert.ok(f.occurrences![0]!.message!.length <= MAX_MESSAGE_CHARS + MARKER);
  assert.equal(result.warnings.length, MAX_WARNINGS + 1);
  assert.equal(result.warnings.at(-1), '… 10 more');
  assertBounded(result);
});

test('a finding on every one of many resources lists at most MAX_OCCURRENCES places and counts the rest', () => {
  const places = MAX_OCCURRENCES + 250;
  const result = boundOne({ occurrences: Array.from({ length: places }, (_, i) => ({ location: { file: 'a', line: i + 1 }, resource: `aws_s3_bucket.b${i}` })) });
  const f = result.findings[0]!;
  assert.equal(f.occurrences!.length, MAX_OCCURRENCES);
  assert.equal(f.occurrencesOmitted, 250);
  assert.equal(f.occurrences!.at(-1)!.resource, `aws_s3_bucket.b${MAX_OCCURRENCES - 1}`);
});
