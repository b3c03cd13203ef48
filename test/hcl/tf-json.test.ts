// Terraform JSON syntax (.tf.json): read into the same model as native syntax, with the JSON file's own lines, and
// analyzed like the equivalent .tf folder (test/fixtures/hcl/tf-json holds one configuration in both syntaxes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeTask } from '../../src/index.js';
import { parseHclFiles, parseTerraformJsonSource } from '../../src/hcl/index.js';
import { loadTask } from '../../src/ingest/index.js';
import type { Block, Expr } from '../../src/model/types.js';
import { shape } from './helpers.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/hcl/tf-json');

function parse(text: string) {
  return parseTerraformJsonSource(text, 'main.tf.json');
}

function parseOk(value: unknown): Block[] {
  const r = parse(JSON.stringify(value, null, 2));
  assert.deepEqual(r.diagnostics, [], JSON.stringify(r.diagnostics));
  return r.blocks;
}

/** The expression of local `x` given as a JSON value. */
function localExpr(value: unknown): Expr {
  const [locals] = parseOk({ locals: { x: value } });
  return locals!.attributes[0]!.expr;
}

function errors(text: string): string[] {
  return parse(text).diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.message}`);
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacjudge-tfjson-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

test('tf.json: each top-level key is a block type, each label one object level', () => {
  const blocks = parseOk({
    variable: { name: { type: 'string', default: 'x' } },
    locals: { a: 1, b: 'two' },
    resource: { aws_s3_bucket: { b: { bucket: 'x' }, c: { bucket: 'y' } } },
    data: { aws_caller_identity: { current: {} } },
    module: { net: { source: './modules/net', cidr: '10.0.0.0/16' } },
    provider: { aws: [{ region: 'us-east-1' }, { alias: 'west', region: 'us-west-2' }] },
    output: { o: { value: 1 } },
    terraform: { required_version: '>= 1.5', backend: { s3: { bucket: 'state' } } },
  });
  assert.deepEqual(
    blocks.map((b) => `${b.kind} ${b.labels.join(' ')}`),
    ['variable name', 'locals ', 'resource aws_s3_bucket b', 'resource aws_s3_bucket c', 'data aws_caller_identity current', 'module net', 'provider aws', 'provider aws', 'output o', 'terraform '],
  );
  const terraform = blocks.find((b) => b.kind === 'terraform')!;
  assert.deepEqual(terraform.blocks.map((b) => `${b.type} ${b.labels.join(' ')}`), ['backend s3']);
  // An array at a label level stands for several objects, as an array of bodies does.
  const viaArray = parseOk({ resource: [{ aws_sqs_queue: { a: {} } }, { aws_sqs_queue: [{ b: {} }] }] });
  assert.deepEqual(viaArray.map((b) => b.labels.join('.')), ['aws_sqs_queue.a', 'aws_sqs_queue.b']);
});

test('tf.json: nested blocks come from the language and the provider schema; other objects are arguments', () => {
  const [sg] = parseOk({
    resource: {
      aws_security_group: {
        sg: {
          tags: { Name: 'sg' },
          ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }, { from_port: 443, to_port: 443, protocol: 'tcp' }],
          dynamic: { egress: { for_each: '${var.ports}', iterator: 'port', content: { from_port: '${port.value}' } } },
          lifecycle: { ignore_changes: ['tags'], precondition: { condition: '${var.ok}', error_message: 'no' } },
          depends_on: ['aws_iam_role.r'],
          provider: 'aws.west',
        },
      },
    },
  });
  assert.deepEqual(sg!.attributes.map((a) => a.name), ['tags', 'depends_on', 'provider']);
  assert.equal(sg!.attributes[0]!.expr.kind, 'object');
  assert.deepEqual(sg!.blocks.map((b) => `${b.type}${b.labels.map((l) => ` ${l}`).join('')}`), ['ingress', 'ingress', 'dynamic egress', 'lifecycle']);
  const dyn = sg!.blocks[2]!;
  assert.deepEqual(dyn.blocks.map((b) => b.type), ['content']);
  assert.deepEqual(shape(dyn.attributes.find((a) => a.name === 'iterator')!.expr), { kind: 'reference', parts: ['port'] });
  const lifecycle = sg!.blocks[3]!;
  assert.deepEqual(shape(lifecycle.attributes[0]!.expr), { kind: 'tuple', items: [{ kind: 'reference', parts: ['tags'] }] });
  assert.deepEqual(lifecycle.blocks.map((b) => b.type), ['precondition']);
  // Expressions written as strings where Terraform wants a reference.
  assert.deepEqual(shape(sg!.attributes[1]!.expr), { kind: 'tuple', items: [{ kind: 'reference', parts: ['aws_iam_role', 'r'] }] });
  assert.deepEqual(shape(sg!.attributes[2]!.expr), { kind: 'reference', parts: ['aws', 'west'] });
  // A variable's type is a type expression, a module's providers map references.
  const [v, m] = parseOk({ variable: { v: { type: 'map(list(string))' } }, module: { m: { source: './m', providers: { aws: 'aws.west' } } } });
  assert.deepEqual(shape(v!.attributes[0]!.expr), { kind: 'call', name: 'map', args: [{ kind: 'call', name: 'list', args: [{ kind: 'reference', parts: ['string'] }] }] });
  assert.deepEqual(shape(m!.attributes[1]!.expr), { kind: 'object', entries: [{ key: 'aws', value: { kind: 'reference', parts: ['aws', 'west'] } }] });
});

test('tf.json: generated JSON (hcl2json style): blocks as arrays, every expression as "${...}"', () => {
  const blocks = parseOk({
    variable: { v: [{ type: '${map(object({\n    name = string\n    ports = list(number)\n  }))}' }] },
    data: { archive_file: { zip: [{ type: 'zip', output_path: 'f.zip', source: [{ content: 'x', filename: 'index.py' }] }] } },
    resource: {
      aws_wafv2_web_acl: { waf: [{ rule: [{ name: 'r', statement: [{ managed_rule_group_statement: [{ name: 'AWSManagedRulesCommonRuleSet', vendor_name: 'AWS' }] }] }] }] },
      kubernetes_deployment: { d: [{ metadata: [{ name: 'x' }], spec: [{ replicas: 1 }], wait_for_rollout: true }] },
      aws_security_group: { sg: [{ depends_on: ['${aws_iam_role.r}'], tags: { Name: 'sg' } }] },
    },
    terraform: [{ backend: { remote: [{ organization: 'o', workspaces: [{ name: 'w' }] }] } }],
  });
  const [variable, zip, waf, deployment, sg, terraform] = blocks;
  // A type constraint over several lines, written as one interpolation.
  assert.deepEqual((shape(variable!.attributes[0]!.expr) as { kind: string; name: string }).name, 'map');
  // A utility provider's block the rules read, an argument of type `any` that stands for recursive blocks, and
  // arrays of objects in a type no bundled schema describes: all blocks, as in native syntax.
  assert.deepEqual(zip!.blocks.map((b) => b.type), ['source']);
  assert.deepEqual(waf!.blocks[0]!.blocks.map((b) => `${b.type}>${b.blocks.map((c) => c.type).join(',')}`), ['statement>managed_rule_group_statement']);
  assert.deepEqual(deployment!.blocks.map((b) => b.type), ['metadata', 'spec']);
  assert.deepEqual(deployment!.attributes.map((a) => a.name), ['wait_for_rollout']);
  assert.deepEqual(shape(sg!.attributes[0]!.expr), { kind: 'tuple', items: [{ kind: 'reference', parts: ['aws_iam_role', 'r'] }] });
  assert.deepEqual(sg!.attributes[1]!.expr.kind, 'object');
  assert.deepEqual(terraform!.blocks[0]!.blocks.map((b) => b.type), ['workspaces']);
});

test('tf.json: strings are templates; one interpolation is its expression, as Terraform evaluates it', () => {
  assert.deepEqual(shape(localExpr('plain')), { kind: 'literal', value: 'plain' });
  assert.deepEqual(shape(localExpr('${var.name}')), { kind: 'reference', parts: ['var', 'name'] });
  assert.deepEqual(shape(localExpr('${length(var.list) > 0 ? "a" : "b"}')), {
    kind: 'conditional',
    condition: { kind: 'operation', operator: '>', operands: [{ kind: 'call', name: 'length', args: [{ kind: 'reference', parts: ['var', 'list'] }] }, { kind: 'literal', value: 0 }] },
    then: { kind: 'literal', value: 'a' },
    else: { kind: 'literal', value: 'b' },
  });
  assert.deepEqual(shape(localExpr('app-${var.env}-x')), {
    kind: 'template',
    parts: [{ kind: 'literal', value: 'app-' }, { kind: 'reference', parts: ['var', 'env'] }, { kind: 'literal', value: '-x' }],
  });
  // `$${` is a literal `${`; a newline in the value stays in the literal.
  assert.deepEqual(shape(localExpr('cost: $${x}\nnext')), { kind: 'literal', value: 'cost: ${x}\nnext' });
  // Numbers, booleans, null, arrays and objects keep their JSON values; an object key may be a template too.
  assert.deepEqual(shape(localExpr([1, true, null, { a: '${var.b}', '${var.k}': 2 }])), {
    kind: 'tuple',
    items: [
      { kind: 'literal', value: 1 },
      { kind: 'literal', value: true },
      { kind: 'literal', value: null },
      { kind: 'object', entries: [{ key: 'a', value: { kind: 'reference', parts: ['var', 'b'] } }, { keyExpr: { kind: 'reference', parts: ['var', 'k'] }, value: { kind: 'literal', value: 2 } }] },
    ],
  });
});

test('tf.json: spans are the JSON file\'s lines and columns, through the escapes of a string', () => {
  const text = '{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": {\n        "bucket": "a\\"b-${var.name}"\n      }\n    }\n  }\n}\n';
  const [b] = parse(text).blocks;
  assert.equal(b!.span.line, 4);
  assert.equal(b!.span.endLine, 6);
  const bucket = b!.attributes[0]!;
  assert.deepEqual([bucket.span.line, bucket.span.column], [5, 9]);
  assert.equal(bucket.expr.kind, 'template');
  const ref = bucket.expr.kind === 'template' ? bucket.expr.parts[1]! : undefined;
  // `"a\"b-${var.name}"`: the escape is two characters in the file, one in the value.
  assert.deepEqual(ref?.span && [ref.span.line, ref.span.column, ref.span.endColumn], [5, 27, 35]);
  assert.equal(text.split('\n')[4]!.slice(26, 34), 'var.name');
});

test('tf.json: invalid files are syntax errors at their line, and what parses is still modeled', () => {
  assert.deepEqual(errors('{\n  "locals": { "a": 1, }\n}\n'), ['2:23 invalid JSON: property name expected']);
  assert.deepEqual(errors('{\n  // note\n  "locals": {}\n}\n'), ['2:3 invalid JSON: a comment; JSON has none (Terraform reads a "//" property in a block as a comment)']);
  assert.deepEqual(errors('{\n  "resources": {}\n}\n'), ['2:3 unsupported block type "resources" at the top level of a Terraform JSON file']);
  assert.deepEqual(errors('{\n  "constructor": {}\n}\n'), ['2:3 unsupported block type "constructor" at the top level of a Terraform JSON file']);
  assert.deepEqual(errors('[1]\n'), ['1:1 the root of a Terraform JSON file must be an object, not an array']);
  assert.deepEqual(errors('{\n  "resource": { "aws_s3_bucket": "b" }\n}\n'), ['2:34 `resource.aws_s3_bucket` must be an object of resource names, not a string']);
  assert.deepEqual(errors('{\n  "locals": {\n    "a": 1,\n    "a": 2\n  }\n}\n'), ['4:5 attribute `a` is set twice (first on line 3); each argument may be set only once']);
  assert.deepEqual(errors('{\n  "locals": {\n    "a": "${var.}"\n  }\n}\n'), ['3:10 invalid template in JSON string "${var.}": the text inside ${...} is not an HCL expression']);
  assert.deepEqual(errors('{\n  "output": { "o": { "value": 1, "depends_on": ["aws_s3_bucket."] } }\n}\n'), [
    '2:49 invalid expression in JSON string "aws_s3_bucket.": this argument takes an expression written as a string',
  ]);
  assert.deepEqual(errors(`{"locals": {"a": ${'['.repeat(300)}${']'.repeat(300)}}}`), ['1:216 JSON nested deeper than 200 levels; not analyzed']);
  // All strings of a file are parsed together: a broken one is reported alone, the others are read.
  const mixed = parse('{\n  "locals": {\n    "a": "${var.ok}",\n    "b": "${var.}",\n    "c": "x-${local.y}"\n  }\n}\n');
  assert.deepEqual(mixed.diagnostics.map((d) => d.span.line), [4]);
  assert.deepEqual(mixed.blocks[0]!.attributes.map((a) => a.expr.kind), ['reference', 'opaque', 'template']);
  // A file cut off inside four objects: one error at its end, and the resource before the cut is modeled.
  const cut = parse('{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": {\n        "bucket": "x"\n');
  assert.deepEqual(cut.diagnostics.map((d) => `${d.span.line} ${d.message}`), ['6 invalid JSON: close brace expected (4 left open) at the end of the file: the JSON stops before it is complete']);
  assert.deepEqual(cut.blocks.map((b) => b.labels.join('.')), ['aws_s3_bucket.b']);
  assert.deepEqual(parse('{"//": "comment", "locals": {"//": "also a comment", "a": 1}}').blocks[0]!.attributes.map((a) => a.name), ['a']);
});

test('tf.json: .tfvars.json values are literal, in one tfvars block like a .tfvars file', () => {
  const config = parseHclFiles([{ path: 'terraform.tfvars.json', language: 'json', content: '{"region": "us-east-1", "name": "${not.a.template}"}' }]);
  assert.deepEqual(config.diagnostics, []);
  assert.equal(config.blocks[0]!.type, 'tfvars');
  assert.deepEqual(shape(config.blocks[0]!.attributes[1]!.expr), { kind: 'literal', value: '${not.a.template}' });
});

test('tf.json: a folder of .tf.json is analyzed like the same configuration in .tf, findings at the JSON lines', () => {
  const summary = (dir: string) =>
    analyzeTask(join(FIXTURES, dir), { score: false }).findings.map((f) => `${f.ruleId} ${f.resource ?? ''} ${f.tier} ${f.location.file}:${f.location.line}`).sort();
  const native = summary('native');
  const json = summary('json');
  assert.deepEqual(
    json.map((s) => s.replace(/ main\.tf\.json:\d+$/, '')),
    native.map((s) => s.replace(/ main\.tf:\d+$/, '')),
  );
  assert.ok(native.length >= 5, native.join('\n'));
  assert.deepEqual(json.filter((s) => /^(undeclared-reference|schema-unknown-argument|open-ingress-sensitive-port) /.test(s)), [
    'open-ingress-sensitive-port aws_security_group.ssh observation main.tf.json:67',
    'schema-unknown-argument aws_s3_bucket.logs failure main.tf.json:52',
    'undeclared-reference aws_vpc.main failure main.tf.json:65',
  ]);
});

test('tf.json: module semantics in JSON syntax: a local child, a missing input, outputs, an uncalled subfolder', () => {
  const dir = folder({
    'main.tf.json': JSON.stringify(
      {
        module: { net: { source: './modules/net', cidr: '10.0.0.0/16' } },
        output: { vpc: { description: 'v', value: '${module.net.vpc_id}' }, bad: { description: 'b', value: '${module.net.nope}' } },
      },
      null,
      2,
    ),
    'modules/net/main.tf.json': JSON.stringify(
      {
        variable: { cidr: { type: 'string' }, name: { type: 'string' } },
        resource: { aws_vpc: { this: { cidr_block: '${var.cidr}', tags: { Name: '${var.name}' } } } },
        output: { vpc_id: { value: '${aws_vpc.this.id}' } },
      },
      null,
      2,
    ),
    'examples/other/main.tf.json': JSON.stringify({ output: { x: { value: '${local.undeclared}' } } }),
  });
  try {
    const r = analyzeTask(dir, { score: false });
    const at = (id: string): string[] => r.findings.filter((f) => f.ruleId === id).map((f) => `${f.location.file}:${f.location.line}`);
    assert.deepEqual(at('module-input-mismatch'), ['main.tf.json:3']);
    assert.deepEqual(at('module-output-undeclared'), ['main.tf.json:15']);
    assert.deepEqual(at('undeclared-reference'), []);
    assert.deepEqual(r.findings.filter((f) => f.category === 'required-input'), []);
    assert.ok(r.notes.some((n) => /examples\/other\/ is a separate configuration/.test(n)), JSON.stringify(r.notes));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tf.json: a markdown response\'s `main.tf.json` fence is a configuration file of the stack', () => {
  const dir = folder({
    'metadata.json': JSON.stringify({ platform: 'tf', language: 'hcl' }),
    'lib/MODEL_RESPONSE.md': `# Stack\n\n## main.tf.json\n\n\`\`\`json\n${JSON.stringify({ resource: { aws_sqs_queue: { q: { name: '${var.missing}' } } } }, null, 2)}\n\`\`\`\n`,
  });
  try {
    const task = loadTask(dir);
    assert.deepEqual(task.model?.files.map((f) => f.path), ['lib/main.tf.json']);
    assert.equal(task.platform, 'tf-hcl');
    const r = analyzeTask(dir, { score: false });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'undeclared-reference').map((f) => `${f.location.file}:${f.location.line}`), ['lib/main.tf.json:5']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tf.json: a CDKTF project\'s synthesized cdk.tf.json does not make it a Terraform folder', () => {
  const dir = folder({
    'main.ts': "import { App, TerraformStack } from 'cdktf';\nconst app = new App();\napp.synth();\n",
    'cdk.tf.json': JSON.stringify({ resource: { aws_sqs_queue: { q: { name: 'q' } } } }),
  });
  try {
    const task = loadTask(dir);
    assert.equal(task.platform, 'cdktf-ts');
    assert.deepEqual(task.model?.files.map((f) => f.path), ['lib/main.ts']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tf.json: a response cut off inside a main.tf.json fence is one truncation failure, its JSON error folded in', () => {
  const cut = readFileSync(join(FIXTURES, 'json/main.tf.json'), 'utf8').split('\n').slice(0, 75).join('\n');
  const dir = folder({ 'metadata.json': JSON.stringify({ platform: 'tf', language: 'hcl' }), 'lib/MODEL_RESPONSE.md': `# Stack\n\n## main.tf.json\n\n\`\`\`json\n${cut}\n` });
  try {
    const r = analyzeTask(dir, { score: false });
    const first = r.findings.find((f) => f.rank === 1);
    assert.equal(first?.ruleId, 'response-truncated');
    assert.deepEqual(first?.location, { file: 'lib/main.tf.json', line: 75 });
    assert.equal(r.findings.filter((f) => f.ruleId === 'syntax-error').length, 0);
    assert.ok((first?.occurrences ?? []).some((o) => /Terraform JSON error/.test(o.message ?? '')), JSON.stringify(first?.occurrences));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
