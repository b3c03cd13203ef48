import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractResponse, languageForPath } from '../../src/extract/index.js';

const HCL = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}';
const HCL2 = 'variable "region" {\n  default = "us-east-1"\n}';
const TS = "import { App } from 'cdktf';\nconst app = new App();";

function fence(lang: string, body: string, ticks = '```'): string {
  return `${ticks}${lang}\n${body}\n${ticks}`;
}

function paths(md: string): string[] {
  return extractResponse(md, 'lib/MODEL_RESPONSE.md').files.map((f) => f.path);
}

test('heading conventions name the next block', () => {
  const cases: [string, string][] = [
    ['## File: lib/main.tf', 'lib/main.tf'],
    ['### provider.tf', 'lib/provider.tf'],
    ['## **main.tf**', 'lib/main.tf'],
    ['## lib/variables.tf', 'lib/variables.tf'],
    ['### 1. main.tf', 'lib/main.tf'],
    ['## File 2: outputs.tf', 'lib/outputs.tf'],
    ['#### `lib/tap-stack.ts`', 'lib/tap-stack.ts'],
    ['# tap\\_stack.tf', 'lib/tap_stack.tf'],
    ['### Application Load Balancer (alb.tf)', 'lib/alb.tf'],
  ];
  for (const [heading, expected] of cases) {
    const body = expected.endsWith('.ts') ? fence('typescript', TS) : fence('hcl', HCL);
    assert.deepEqual(paths(`${heading}\n\n${body}\n`), [expected], heading);
  }
});

test('first-line comments name their block and win over the heading', () => {
  const cases: [string, string, string][] = [
    ['hcl', `# main.tf\n${HCL}`, 'lib/main.tf'],
    ['hcl', `# main.tf - core resources\n${HCL}`, 'lib/main.tf'],
    ['hcl', `# File: lib/network.tf\n${HCL}`, 'lib/network.tf'],
    ['typescript', `// lib/tap-stack.ts\n${TS}`, 'lib/tap-stack.ts'],
    ['typescript', `/* file: bin/tap.ts */\n${TS}`, 'bin/tap.ts'],
    ['hcl', `# ==========\n# storage.tf\n# ==========\n${HCL}`, 'lib/storage.tf'],
    ['python', `# lib/lambda/index.py\nimport json`, 'lib/lambda/index.py'],
  ];
  for (const [lang, body, expected] of cases) {
    assert.deepEqual(paths(`## Infrastructure (other.tf)\n\n${fence(lang, body)}\n`), [expected], body.split('\n')[0]);
  }
  // A comment that is a sentence is not a name.
  assert.deepEqual(paths(`## other.tf\n\n${fence('hcl', `# Creates main.tf resources\n${HCL}`)}\n`), ['lib/other.tf']);
});

test('a sentence or bold label right before the fence names it', () => {
  assert.deepEqual(paths(`Create \`lib/main.tf\`:\n\n${fence('hcl', HCL)}\n`), ['lib/main.tf']);
  assert.deepEqual(paths(`**variables.tf**\n\n${fence('hcl', HCL2)}\n`), ['lib/variables.tf']);
  assert.deepEqual(paths(`Here is the complete file \`tap_stack.tf\` that meets the requirements:\n\n${fence('hcl', HCL)}\n`), ['lib/tap_stack.tf']);
  // A label inside a list item names the fence nested in that item.
  assert.deepEqual(paths(`1. **iam.tf**:\n\n   ${fence('hcl', HCL).split('\n').join('\n   ')}\n`), ['lib/iam.tf']);
  // A label followed by an explanation still names the next fence.
  assert.deepEqual(paths(`## Files\n\n**main.tf**\n\nThis file holds the bucket.\n\n${fence('hcl', HCL)}\n`), ['lib/main.tf']);
  // Product names are not files.
  assert.deepEqual(paths(`The handler runs on Node.js:\n\n${fence('typescript', TS)}\n`), ['lib/unnamed-1.ts']);
});

test('a heading name applies to the first fence only; later fences are unnamed', () => {
  const md = `## main.tf\n\n${fence('hcl', HCL)}\n\nAnd another:\n\n${fence('hcl', HCL2)}\n`;
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => f.path), ['lib/main.tf', 'lib/unnamed-1.tf']);
  // A new heading without a name stops the earlier one from applying.
  assert.deepEqual(paths(`## main.tf\n\n## Notes\n\n${fence('hcl', HCL)}\n`), ['lib/unnamed-1.tf']);
  // A nearer name wins over the heading.
  assert.deepEqual(paths(`## main.tf\n\nCreate \`vpc.tf\`:\n\n${fence('hcl', HCL)}\n`), ['lib/vpc.tf']);
});

test('unnamed blocks: HCL and TypeScript count, numbered per response', () => {
  const md = `${fence('hcl', HCL)}\n\n${fence('typescript', TS)}\n\n${fence('json', '{"a": 1}')}\n\n${fence('', HCL2)}\n`;
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => [f.path, f.language]), [
    ['lib/unnamed-1.tf', 'hcl'],
    ['lib/unnamed-2.ts', 'ts'],
    ['lib/unnamed-3.tf', 'hcl'],
  ]);
});

test('unnamed HCL fragments and excerpts of named files are not files', () => {
  const md = `## main.tf\n\n${fence('hcl', HCL)}\n\nTo change a setting:\n\n${fence('hcl', 'bucket = "y"')}\n\nThe bucket again:\n\n${fence('hcl', HCL)}\n`;
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => f.path), ['lib/main.tf']);
  assert.deepEqual(r.warnings.map((w) => w.kind).sort(), ['excerpt-skipped', 'fragment-skipped']);
});

test('shell, text and directory-tree blocks are skipped unless a code file name names them', () => {
  const md = [
    fence('bash', 'terraform init\nterraform apply'),
    fence('console', '$ npm test'),
    fence('text', 'some output'),
    fence('', 'project/\n├── main.tf\n└── variables.tf'),
    fence('', 'terraform init\nterraform plan'),
    fence('hcl', 'terraform init\nterraform apply'),
    '**lib/AWS_REGION**',
    fence('text', 'us-east-1'),
    '## main.tf',
    fence('bash', 'terraform fmt'),
    fence('hcl', HCL),
    fence('text', '# File: lib/extra.tf\nlocals {\n  a = 1\n}'),
  ].join('\n\n');
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => [f.path, f.language]), [
    ['lib/AWS_REGION', 'text'],
    ['lib/main.tf', 'hcl'],
    ['lib/extra.tf', 'hcl'],
  ]);
});

test('the same path twice: later wins, with a warning giving both lines', () => {
  const md = `## main.tf\n\n${fence('hcl', HCL)}\n\n## main.tf (fixed)\n\n${fence('hcl', HCL.replace('"x"', '"z"'))}\n`;
  const r = extractResponse(md, 'lib/MODEL_RESPONSE.md');
  assert.equal(r.files.length, 1);
  assert.match(r.files[0]!.content, /"z"/);
  assert.equal(r.files[0]!.markdownLine, 12);
  assert.equal(r.superseded?.length, 1);
  const w = r.warnings.find((x) => x.kind === 'duplicate-path');
  assert.ok(w, 'duplicate warning');
  assert.match(w.message, /lines 4 and 12/);
  assert.equal(w.file, 'lib/MODEL_RESPONSE.md');
});

test('a file given in parts that declare different blocks is joined, keeping where each part came from', () => {
  const md = `### 1. Storage (main.tf)\n\n${fence('hcl', HCL)}\n\n### 2. Inputs (main.tf)\n\n${fence('hcl', HCL2)}\n`;
  const r = extractResponse(md, 'm.md');
  assert.equal(r.files.length, 1);
  const f = r.files[0]!;
  assert.equal(f.content, `${HCL}\n${HCL2}`);
  assert.deepEqual(f.segments, [
    { line: 1, markdownLine: 4 },
    { line: 4, markdownLine: 12 },
  ]);
  assert.ok(r.warnings.some((w) => w.kind === 'joined-parts'));
  // A later part with no declarations (a one-line change) does not replace the file.
  const snippet = `## main.tf\n\n${fence('hcl', HCL)}\n\nUncomment this line in main.tf:\n\n${fence('hcl', 'kms_key_id = "k"')}\n`;
  const s = extractResponse(snippet, 'm.md');
  assert.equal(s.files.length, 1);
  assert.equal(s.files[0]!.content, HCL);
});

test('unsafe names are rejected with a warning and never produced', () => {
  const bad = ['../../etc/evil.tf', '/etc/evil.tf', 'C:\\temp\\evil.tf', 'lib\\evil.tf', 'CON.tf', 'lib/aux.tf', 'lib/lpt1.ts', 'lib/com9.tf', 'a/./b.tf', 'lib/../../x.tf'];
  for (const name of bad) {
    const lang = name.endsWith('.ts') ? 'typescript' : 'hcl';
    const r = extractResponse(fence(lang, `// ${name}\n${lang === 'hcl' ? HCL : TS}`), 'm.md');
    assert.ok(r.warnings.some((w) => w.kind === 'rejected-path'), name);
    for (const f of r.files) {
      assert.ok(!f.path.includes('..') && !f.path.startsWith('/') && !f.path.includes('\\') && !/evil/.test(f.path), `${name} → ${f.path}`);
    }
  }
  // NUL byte in a heading name.
  const nul = extractResponse(`## File: lib/ma\u0000in.tf\n\n${fence('hcl', HCL)}\n`, 'm.md');
  assert.ok(nul.warnings.some((w) => w.kind === 'rejected-path' && /NUL/.test(w.message)));
  assert.ok(nul.files.every((f) => !f.path.includes('\u0000') && !f.path.includes('\uFFFD') && !f.path.includes('ma')));
  // The code of a rejected name is still the response's: HCL is kept under an unnamed name.
  const abs = extractResponse(`## /etc/provider.tf\n\n${fence('hcl', HCL)}\n`, 'm.md');
  assert.deepEqual(abs.files.map((f) => f.path), ['lib/unnamed-1.tf']);
  // A name written from the project's root (`/lib/provider.tf`) is the project's file.
  const rooted = extractResponse(`## /lib/provider.tf\n\n${fence('hcl', HCL)}\n`, 'm.md');
  assert.deepEqual(rooted.files.map((f) => f.path), ['lib/provider.tf']);
});

test('an unclosed fence runs to the end of the document', () => {
  const md = `## main.tf\n\n\`\`\`hcl\n${HCL}\n`;
  const r = extractResponse(md, 'm.md');
  assert.equal(r.files.length, 1);
  assert.equal(r.files[0]!.content, HCL);
  assert.ok(r.warnings.some((w) => w.kind === 'unclosed-fence' && w.line === 3));
  // A closed fence does not warn; a longer fence may contain a shorter one.
  const nested = `## README.md\n\n\`\`\`\`markdown\nRun:\n\`\`\`bash\nls\n\`\`\`\n\`\`\`\`\n`;
  const n = extractResponse(nested, 'm.md');
  assert.deepEqual(n.warnings, []);
  assert.equal(n.files[0]!.content, 'Run:\n```bash\nls\n```');
});

test('BOM is stripped and CRLF documents keep correct lines and LF content', () => {
  const md = `\uFEFF# Title\r\n\r\n## main.tf\r\n\r\n\`\`\`hcl\r\n${HCL.replace(/\n/g, '\r\n')}\r\n\`\`\`\r\n`;
  const r = extractResponse(md, 'm.md');
  assert.equal(r.files.length, 1);
  assert.equal(r.files[0]!.content, HCL);
  assert.equal(r.files[0]!.markdownLine, 6);
  assert.equal(r.files[0]!.markdownPath, 'm.md');
  assert.ok(!r.markdown!.startsWith('\uFEFF'));
});

test('markdownLine points at the first content line', () => {
  const md = `intro\n\n## a.tf\n\n\`\`\`hcl\n${HCL}\n\`\`\`\n\n- item\n\n  \`\`\`hcl\n  ${HCL2.split('\n').join('\n  ')}\n  \`\`\`\n`;
  const r = extractResponse(md, 'm.md');
  const lines = md.split('\n');
  for (const f of r.files) assert.equal(lines[f.markdownLine! - 1]!.trim(), f.content.split('\n')[0]!.trim(), f.path);
});

test('languages come from the fence or the file name', () => {
  const md = [
    '## lib/lambda/index.py', fence('', 'import json'),
    '## config.yml', fence('yaml', 'a: 1'),
    '## handler.js', fence('typescript', 'exports.h = 1;'),
    '## terraform.tfvars', fence('hcl', 'region = "x"'),
  ].join('\n\n');
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => [f.path, f.language]), [
    ['lib/lambda/index.py', 'py'],
    ['lib/config.yml', 'yaml'],
    ['lib/handler.js', 'js'],
    ['lib/terraform.tfvars', 'hcl'],
  ]);
  // A name whose language contradicts the fence does not name it.
  assert.deepEqual(paths(`## index.py\n\n${fence('hcl', HCL)}\n`), ['lib/unnamed-1.tf']);
  assert.equal(languageForPath('lib/main.tf'), 'hcl');
  assert.equal(languageForPath('lib/tap-stack.ts'), 'ts');
  assert.equal(languageForPath('lib/x.tf.json'), 'json');
  assert.equal(languageForPath('lib/README.md'), 'markdown');
  assert.equal(languageForPath('lib/AWS_REGION'), 'text');
});

test('top folders are kept, everything else goes under lib/', () => {
  const md = ['## bin/tap.ts', fence('ts', TS), '## test/tap.test.ts', fence('ts', TS), '## modules/vpc/main.tf', fence('hcl', HCL), '## ./outputs.tf', fence('hcl', HCL2)].join('\n\n');
  assert.deepEqual(paths(md), ['bin/tap.ts', 'test/tap.test.ts', 'lib/modules/vpc/main.tf', 'lib/outputs.tf']);
});

test('fences inside block quotes and list items keep their language and close properly', () => {
  const md = `> ## quoted.tf\n>\n> \`\`\`hcl\n> ${HCL.split('\n').join('\n> ')}\n> \`\`\`\n\n- ${'```typescript'}\n  // lib/listed.ts\n  ${TS.split('\n').join('\n  ')}\n  \`\`\`\n`;
  const r = extractResponse(md, 'm.md');
  assert.deepEqual(r.files.map((f) => [f.path, f.language, f.markdownLine]), [
    ['lib/quoted.tf', 'hcl', 4],
    ['lib/listed.ts', 'ts', 10],
  ]);
  assert.equal(r.files[0]!.content, HCL);
  assert.deepEqual(r.warnings, []);
});

test('code in a failure analysis or under a MODEL_RESPONSE / Before label is an excerpt, never a file of the stack', () => {
  const md = [
    '## File: lib/main.tf',
    fence('hcl', 'resource "aws_db_instance" "db" {\n  engine_version = "15.15"\n}'),
    '## Critical Failures',
    '### 1. Incorrect engine version',
    '**MODEL_RESPONSE Issue**:',
    fence('hcl', '# lib/main.tf\nengine_version = "15.4"'),
    '**IDEAL_RESPONSE Fix**:',
    fence('hcl', '# lib/main.tf\nresource "aws_db_instance" "db" {\n  engine_version = "15.15"\n}'),
  ].join('\n\n');
  const r = extractResponse(md, 'lib/IDEAL_RESPONSE.md');
  assert.deepEqual(r.files.map((f) => f.path), ['lib/main.tf']);
  assert.match(r.files[0]!.content, /15\.15/);
  assert.deepEqual(r.fences!.map((f) => f.kind), ['file', 'prose-example', 'prose-example']);
  // A label alone, outside any analysis section, marks only the block right after it.
  const labelled = ['**Before (Wrong):**', fence('hcl', '# lib/alb.tf\nresource "aws_lb" "a" {}'), '## File: lib/alb.tf', fence('hcl', 'resource "aws_lb" "b" {}')].join('\n\n');
  const lr = extractResponse(labelled, 'lib/IDEAL_RESPONSE.md');
  assert.deepEqual(lr.files.map((f) => [f.path, f.content]), [['lib/alb.tf', 'resource "aws_lb" "b" {}']]);
  // A copy of the model's response inside the ideal: the files after it are the model's, not the ideal's.
  const copy = ['## File: lib/main.tf', fence('hcl', HCL), '## File: lib/MODEL_RESPONSE.md', fence('markdown', '# Model'), '## File: lib/main.tf', fence('hcl', HCL2)].join('\n\n');
  const cr = extractResponse(copy, 'lib/IDEAL_RESPONSE.md');
  assert.deepEqual(cr.files.filter((f) => f.language === 'hcl').map((f) => [f.path, f.content]), [['lib/main.tf', HCL]]);
  // Headings that ideals also put their own files under ("Key Corrections", "Fixes Applied") are not analyses.
  assert.deepEqual(paths(['## Key Corrections from MODEL_RESPONSE', '### main.tf', fence('hcl', HCL)].join('\n\n')), ['lib/main.tf']);
});
