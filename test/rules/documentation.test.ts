import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import type { ResponseFiles } from '../../src/contracts/task.js';
import { proseWords, commentStats } from '../../src/rules/documentation/measure.js';
import { rule as narrative } from '../../src/rules/documentation/narrative-response.js';
import { rule as thinner } from '../../src/rules/documentation/documentation-thinner-than-reference.js';
import { rule as sparse } from '../../src/rules/documentation/sparse-code-comments.js';
import { rule as missingDescriptions } from '../../src/rules/documentation/missing-descriptions.js';

const CODE = 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n';
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const response = (origin: string, markdown: string, paths: string[] = ['lib/main.tf']): ResponseFiles => ({
  origin,
  markdown,
  warnings: [],
  files: paths.map((path) => ({ path, language: path.endsWith('.md') ? 'markdown' : 'hcl', content: path.endsWith('.md') ? words(50) : CODE })),
});
const codeOnly = (origin: string) => response(origin, '## lib/main.tf\n\n```hcl\n' + CODE + '```\n');
const withProse = (origin: string, n: number, paths?: string[]) => response(origin, `# Solution\n\n${words(n)}\n\n\`\`\`hcl\n${CODE}\`\`\`\n`, paths);

test('proseWords counts words outside code fences; commentStats counts comment-only lines', () => {
  assert.equal(proseWords('intro two\n```hcl\nresource "x" "y" {}\n```\nthree'), 3);
  assert.deepEqual(commentStats([{ path: 'lib/a.tf', language: 'hcl', content: '# c\n/* a\n b */\nx = 1\n\n// d\n' }]), { codeLines: 1, commentLines: 4 });
});

test('narrative-response: long prose around code while the reference is code only', () => {
  const f = runRule(narrative, CODE, { ideal: CODE, modelResponse: withProse('lib/MODEL_RESPONSE.md', 400), idealResponse: codeOnly('lib/IDEAL_RESPONSE.md') });
  assert.equal(f.length, 1);
  assert.equal(f[0]!.category, 'documentation');
  assert.equal(f[0]!.location.file, 'lib/MODEL_RESPONSE.md');
  assert.match(f[0]!.message, /words of prose/);
});

test('narrative-response: silent when the reference explains too, or without a reference configuration', () => {
  assert.equal(runRule(narrative, CODE, { ideal: CODE, modelResponse: withProse('m', 400), idealResponse: withProse('i', 200) }).length, 0);
  assert.equal(runRule(narrative, CODE, { modelResponse: withProse('m', 400), idealResponse: codeOnly('i') }).length, 0);
});

test('documentation-thinner-than-reference: the reference documents much more, or ships a README the response lacks', () => {
  const f = runRule(thinner, CODE, { ideal: CODE, modelResponse: withProse('m', 20), idealResponse: withProse('i', 600) });
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /in \d+ words of prose; the reference in \d+/);
  const r = runRule(thinner, CODE, { ideal: CODE, modelResponse: withProse('m', 20), idealResponse: withProse('i', 20, ['lib/main.tf', 'lib/README.md']) });
  assert.equal(r.length, 1);
  assert.match(r[0]!.message, /lib\/README\.md/);
});

test('documentation-thinner-than-reference: comparable documentation is fine', () => {
  assert.equal(runRule(thinner, CODE, { ideal: CODE, modelResponse: withProse('m', 500), idealResponse: withProse('i', 600) }).length, 0);
  assert.equal(runRule(thinner, CODE, { ideal: CODE, modelResponse: withProse('m', 20, ['lib/main.tf', 'lib/README.md']), idealResponse: withProse('i', 20, ['lib/main.tf', 'lib/README.md']) }).length, 0);
});

const resources = (n: number, commented: boolean) =>
  Array.from({ length: n }, (_, i) => `${commented ? `# queue ${i} buffers jobs for worker ${i}\n` : ''}resource "aws_sqs_queue" "q${i}" {\n  name = "q${i}"\n}\n`).join('\n');

test('sparse-code-comments: the reference comments every resource, the response none', () => {
  const f = runRule(sparse, resources(20, false), { ideal: resources(20, true) });
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /0 comment lines/);
});

test('sparse-code-comments: similar comment density is fine', () => {
  assert.equal(runRule(sparse, resources(20, true), { ideal: resources(20, true) }).length, 0);
  assert.equal(runRule(sparse, resources(20, false), { ideal: resources(20, false) }).length, 0);
});

test('missing-descriptions: undocumented variables/outputs; security group rules the reference describes', () => {
  const model = 'variable "a" {}\nvariable "b" {}\noutput "c" {\n  value = 1\n}\nresource "aws_security_group" "web" {\n  ingress {\n    from_port = 443\n  }\n}\n';
  const f = runRule(missingDescriptions, model);
  assert.equal(f.length, 1);
  assert.match(f[0]!.message, /3 variable\/output declarations have no description \(var\.a, var\.b, output\.c\)/);
  const ideal = model.replace('variable "a" {}', 'variable "a" {\n  description = "A"\n}').replace('from_port = 443', 'from_port   = 443\n    description = "HTTPS"');
  const g = runRule(missingDescriptions, model, { ideal });
  assert.deepEqual(g.map((x) => x.resource).sort(), ['descriptions:interface', 'descriptions:security-group-rules']);
  assert.match(g.find((x) => x.resource === 'descriptions:interface')!.message, /^1 variable\/output declaration has no description \(var\.a\)/);
});

test('missing-descriptions: documented code, or a reference just as terse, is fine', () => {
  const documented = 'variable "a" {\n  description = "A"\n}\noutput "c" {\n  description = "C"\n  value       = 1\n}\n';
  assert.equal(runRule(missingDescriptions, documented).length, 0);
  const terse = 'variable "a" {}\nvariable "b" {}\nvariable "c" {}\n';
  assert.equal(runRule(missingDescriptions, terse, { ideal: terse }).length, 0);
});
