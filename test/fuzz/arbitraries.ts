/**
 * Generators for property-based tests: HCL-ish text, CDKTF TypeScript-ish text, LLM-response markdown, logs and
 * failure analyses, plus mutations (truncation, deletion, duplication, hostile characters, BOM, invalid UTF-8)
 * of generated text and of the hand-written seeds in test/fixtures/fuzz/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

/** Runs per property: small for `npm test`, 2000 under `npm run fuzz`. */
export const RUNS = Number(process.env.IACJUDGE_FUZZ_RUNS ?? 25);
/** Fixed by default so a failure reproduces; fast-check prints seed and path on failure. */
export const SEED = Number(process.env.IACJUDGE_FUZZ_SEED ?? 424242);

export function seedText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/fuzz/${name}`, import.meta.url)), 'utf8');
}

// ---------------------------------------------------------------------------------------------------------------
// HCL

const ident = fc.oneof(
  fc.constantFrom('name', 'bucket', 'tags', 'count', 'for_each', 'depends_on', 'lifecycle', 'x', 'cidr_block', 'policy'),
  fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/),
);
const resourceType = fc.constantFrom('aws_s3_bucket', 'aws_iam_role', 'aws_vpc', 'aws_lambda_function', 'aws_kms_key', 'random_id', 'aws_x', '(', 'a.b');
const reference = fc.oneof(
  ident.map((n) => `var.${n}`),
  ident.map((n) => `local.${n}`),
  fc.tuple(resourceType, ident, ident).map(([t, n, a]) => `${t}.${n}.${a}`),
  fc.tuple(resourceType, ident).map(([t, n]) => `data.${t}.${n}.id`),
  fc.constantFrom('each.key', 'each.value', 'count.index', 'path.module', 'module.m.out', 'aws_s3_bucket.b[*].arn', 'var.l[0]', 'var.m["k"]'),
);
const stringChunk = fc.oneof(
  fc.string({ maxLength: 8 }).map((s) => s.replace(/["\\$%\n]/g, '')),
  fc.constantFrom('\\"', '\\n', '\\\\', '$${', '%%{', '-', ' ', '/', 'é', '\\u00e9'),
  reference.map((r) => '${' + r + '}'),
  reference.map((r) => '${' + r + '~}'),
  fc.constantFrom('%{ if var.x }a%{ else }b%{ endif }', '%{ for i in var.l }${i},%{ endfor }'),
);
const hclString = fc.array(stringChunk, { maxLength: 5 }).map((parts) => `"${parts.join('')}"`);
const heredoc = fc
  .tuple(fc.constantFrom('<<EOF', '<<-EOF', '<<EOT', '<<-POLICY'), fc.array(fc.oneof(stringChunk, fc.constant('{"a": 1}')), { maxLength: 4 }))
  .map(([open, lines]) => {
    const tag = open.replace(/^<<-?/, '');
    return `${open}\n${lines.map((l) => `  ${l}`).join('\n')}\n  ${tag}`;
  });

const { expr: hclExpr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: -5, max: 100000 }).map(String),
    fc.constantFrom('true', 'false', 'null', '1.5e3', '0x1F'),
    hclString,
    reference,
    heredoc,
    fc.tuple(fc.constantFrom('join', 'merge', 'lookup', 'jsonencode', 'format', 'length', 'try', 'cidrsubnet'), fc.array(tie('expr'), { maxLength: 3 })).map(([f, a]) => `${f}(${a.join(', ')})`),
    fc.array(tie('expr'), { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
    fc.array(fc.tuple(fc.oneof(ident, hclString), tie('expr')), { maxLength: 3 }).map((es) => `{\n${es.map(([k, v]) => `    ${k} = ${v}`).join('\n')}\n  }`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `${a} == ${b}`),
    fc.tuple(ident, reference, tie('expr')).map(([v, c, e]) => `[for ${v} in ${c} : ${e}]`),
    fc.tuple(ident, reference).map(([k, c]) => `{ for ${k}, v in ${c} : ${k} => v if v != null }`),
    tie('expr').map((e) => `(${e})`),
  ),
}));
export { hclExpr };

const comment = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => `# ${s.replace(/\n/g, ' ')}`),
  fc.string({ maxLength: 20 }).map((s) => `// ${s.replace(/\n/g, ' ')}`),
  fc.string({ maxLength: 20 }).map((s) => `/* ${s.replace(/\*\//g, '')} */`),
);

const { block: hclBlock } = fc.letrec<{ block: string; body: string }>((tie) => ({
  body: fc
    .array(fc.oneof({ depthSize: 'small' }, fc.tuple(ident, hclExpr).map(([k, v]) => `${k} = ${v}`), comment, tie('block')), { maxLength: 5 })
    .map((items) => items.join('\n')),
  block: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(fc.constantFrom('resource', 'data'), resourceType, ident, tie('body')).map(([k, t, n, b]) => `${k} "${t}" "${n}" {\n${b}\n}`),
    fc.tuple(fc.constantFrom('variable', 'output', 'module', 'provider'), ident, tie('body')).map(([k, n, b]) => `${k} "${n}" {\n${b}\n}`),
    fc.tuple(fc.constantFrom('locals', 'terraform', 'lifecycle', 'versioning', 'rule', 'ingress'), tie('body')).map(([k, b]) => `${k} {\n${b}\n}`),
    fc.tuple(ident, tie('body')).map(([n, b]) => `dynamic "${n}" {\n  for_each = var.l\n  content {\n${b}\n  }\n}`),
  ),
}));
export { hclBlock };

/** A whole HCL file: blocks, top-level attributes (tfvars) and comments. */
export const hclFile = fc
  .array(fc.oneof({ weight: 4, arbitrary: hclBlock }, { weight: 1, arbitrary: fc.tuple(ident, hclExpr).map(([k, v]) => `${k} = ${v}`) }, { weight: 1, arbitrary: comment }), {
    maxLength: 6,
  })
  .map((items) => items.join('\n\n') + '\n');

// ---------------------------------------------------------------------------------------------------------------
// CDKTF TypeScript

const tsIdent = fc.oneof(fc.constantFrom('bucket', 'role', 'vpc', 'fn', 'key', 'props', 'environmentSuffix', 'x'), fc.stringMatching(/^[a-z][A-Za-z0-9]{0,10}$/));
const construct = fc.constantFrom('S3Bucket', 'IamRole', 'Vpc', 'LambdaFunction', 'KmsKey', 'TerraformOutput', 'TerraformVariable', 'S3BucketVersioningA', 'DataAwsCallerIdentity', 'Unknown');
const tsString = fc.oneof(
  fc.string({ maxLength: 10 }).map((s) => `'${s.replace(/['\\\n]/g, '')}'`),
  fc.array(fc.oneof(fc.string({ maxLength: 6 }).map((s) => s.replace(/[`\\$]/g, '')), tsIdent.map((i) => '${' + i + '}'), tsIdent.map((i) => '${' + i + '.arn}')), { maxLength: 4 }).map((p) => '`' + p.join('') + '`'),
);
const { expr: tsExpr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small' },
    fc.integer({ min: 0, max: 9999 }).map(String),
    fc.constantFrom('true', 'false', 'undefined', 'null', 'process.env.AWS_REGION', "props?.region || 'us-east-1'", 'Fn.join(",", [a, b])', 'Token.asString(x)'),
    tsString,
    tsIdent,
    tsIdent.map((i) => `${i}.arn`),
    tsIdent.map((i) => `${i}.id`),
    fc.array(tie('expr'), { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
    fc.array(fc.tuple(tsIdent, tie('expr')), { maxLength: 4 }).map((es) => `{ ${es.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    tie('expr').map((e) => `JSON.stringify(${e})`),
    fc.tuple(tsIdent, tie('expr')).map(([v, e]) => `[1, 2].map((${v}) => ${e})`),
  ),
}));
const tsStatement = fc.oneof(
  fc.tuple(tsIdent, construct, fc.string({ maxLength: 8 }), tsExpr).map(([v, c, id, props]) => `    const ${v} = new ${c}(this, '${id.replace(/['\\\n]/g, '')}', ${props});`),
  fc.tuple(construct, tsExpr).map(([c, props]) => `    new ${c}(this, \`id-\${environmentSuffix}\`, ${props});`),
  fc.tuple(tsIdent, tsExpr).map(([v, e]) => `    const ${v} = ${e};`),
  fc.tuple(tsIdent, tsExpr).map(([v, e]) => `    if (${v}) { ${v}.addOverride('lifecycle.prevent_destroy', ${e}); }`),
  fc.constantFrom("    this.addOverride('terraform.backend.s3.use_lockfile', true);", '    // comment', '    /* block */', '    for (const az of ["a", "b"]) { new Subnet(this, `s-${az}`, { vpcId: vpc.id }); }'),
);
/** A whole CDKTF stack file. */
export const cdktfFile = fc
  .tuple(fc.subarray(['S3Bucket', 'IamRole', 'Vpc', 'LambdaFunction', 'KmsKey'], { maxLength: 5 }), fc.array(tsStatement, { maxLength: 8 }))
  .map(([imports, body]) =>
    [
      "import { Construct } from 'constructs';",
      "import { TerraformStack, TerraformOutput, TerraformVariable, Fn, Token } from 'cdktf';",
      ...imports.map((c) => `import { ${c} } from '@cdktf/provider-aws/lib/${c.replace(/[A-Z]/g, (m, i: number) => (i ? '-' : '') + m.toLowerCase())}';`),
      '',
      'interface TapStackProps { environmentSuffix?: string; region?: string }',
      'export class TapStack extends TerraformStack {',
      '  constructor(scope: Construct, id: string, props?: TapStackProps) {',
      '    super(scope, id);',
      "    const environmentSuffix = props?.environmentSuffix || 'dev';",
      ...body,
      '  }',
      '}',
      '',
    ].join('\n'),
  );

// ---------------------------------------------------------------------------------------------------------------
// Markdown responses

/** File names a response may give, including hostile ones extraction must reject. */
export const fileName = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('main.tf', 'lib/main.tf', 'variables.tf', 'outputs.tf', 'lib/tap-stack.ts', 'bin/tap.ts', 'provider.tf', 'lib/lambda/index.py', 'terraform.tfvars', 'lib/AWS_REGION') },
  { weight: 2, arbitrary: fc.constantFrom('../../evil.tf', '/etc/passwd.tf', 'C:\\x\\main.tf', 'lib\\main.tf', 'a\u0000b.tf', 'CON.tf', 'lib/../../x.tf', './main.tf', '~/x.tf', 'lib//main.tf', ' main.tf ', 'main.tf:') },
  { weight: 1, arbitrary: fc.tuple(fc.stringMatching(/^[a-z0-9_./-]{1,20}$/), fc.constantFrom('.tf', '.ts', '.json', '')).map(([a, b]) => a + b) },
);
const fenceOpen = fc.tuple(fc.constantFrom('```', '````', '~~~', '~~~~~', '``', '   ```'), fc.constantFrom('hcl', 'terraform', 'tf', 'typescript', 'ts', 'json', 'bash', 'yaml', '', 'hcl title="main.tf"'));
const codeBody = fc.oneof(hclFile, cdktfFile, fc.constantFrom('terraform init\nterraform apply', '.\n├── main.tf\n└── lib/', '{ "a": 1 }'), fc.string({ maxLength: 60 }));
const mdBlock = fc.oneof(
  fc.tuple(fc.constantFrom('#', '##', '###', '####', '#######'), fileName, fc.constantFrom('', '`', '**')).map(([h, n, w]) => `${h} ${w}${n}${w}`),
  fc.tuple(fc.constantFrom('Create ', 'File: ', '**File: ', 'Here is ', '- '), fileName, fc.constantFrom(':', '**', '', ' file:')).map(([a, n, b]) => `${a}\`${n}\`${b}`),
  fc.string({ maxLength: 80 }),
  fc.tuple(fenceOpen, codeBody, fc.boolean(), fc.option(fileName)).map(([[fence, lang], body, closed, name]) => {
    const marker = fence.trim();
    const first = name ? `# ${name}\n` : '';
    return `${fence}${lang}\n${first}${body}\n${closed ? marker : ''}`;
  }),
  fc.tuple(fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 4 }), codeBody).map(([items, body]) => `${items.map((it, i) => `${'  '.repeat(i)}- ${it.replace(/\n/g, ' ')}`).join('\n')}\n    \`\`\`hcl\n    ${body.split('\n').join('\n    ')}\n    \`\`\``),
  fc.constantFrom('---', '> quote', '| a | b |\n|---|---|\n| 1 | 2 |', '<details>\n<summary>x</summary>', '\u00a0'),
);
/** A whole response document. */
export const markdownDoc = fc.array(mdBlock, { maxLength: 10 }).map((blocks) => blocks.join('\n\n'));

// ---------------------------------------------------------------------------------------------------------------
// Logs and failure analyses

const logLine = fc.oneof(
  fc.tuple(fc.string({ maxLength: 30 }), fileName, fc.nat(500)).map(([m, f, n]) => `│ Error: ${m.replace(/\n/g, ' ')}\n│ \n│   on ${f} line ${n}, in resource "aws_s3_bucket" "b":\n│   with aws_s3_bucket.b["k"],\n│ `),
  fc.tuple(fileName, fc.nat(500), fc.nat(80), fc.string({ maxLength: 30 })).map(([f, l, c, m]) => `${f}(${l},${c}): error TS2345: ${m.replace(/\n/g, ' ')}`),
  fc.string({ maxLength: 40 }).map((m) => JSON.stringify({ '@level': 'error', '@message': m, diagnostic: { severity: 'error', summary: m, range: { filename: 'main.tf', start: { line: 3 } } } })),
  fc.constantFrom('\u001b[31mError:\u001b[0m AccessDenied: not authorized to perform: s3:PutObject', 'Error: creating S3 Bucket: BucketAlreadyExists', '╷', '╵', 'Apply complete! Resources: 3 added', '{', '{"diagnostics": [', 'InvalidParameterValue: x', ''),
  fc.string({ maxLength: 60 }),
);
export const logText = fc.array(logLine, { maxLength: 15 }).map((l) => l.join('\n'));

const failureBlock = fc.oneof(
  fc.tuple(fc.constantFrom('#', '##', '###', '####'), fc.constantFrom('Critical Failures', 'High Priority Issues', 'Summary', 'Root Cause', 'Issue 1: Missing encryption', '1. **Hard-coded region**', 'Category A', 'Fix'), fc.constantFrom('', ' ##', ':', ' (critical)')).map(([h, t, s]) => `${h} ${t}${s}`),
  fc.tuple(fc.nat(20), fc.string({ maxLength: 40 })).map(([n, t]) => `${n}. **${t.replace(/\*/g, '')}**: uses \`aws_s3_bucket.b\``),
  fc.constantFrom('**Severity**: High', '**Impact Level**: Critical', '- `Resource: "*"` is too broad', 'The model used a wildcard in the IAM policy.', '**Category**: A'),
  fc.tuple(codeBody, fc.boolean()).map(([b, closed]) => `\`\`\`hcl\n${b}\n${closed ? '```' : ''}`),
  fc.string({ maxLength: 80 }),
);
export const failuresDoc = fc.array(failureBlock, { maxLength: 12 }).map((b) => b.join('\n\n'));

// ---------------------------------------------------------------------------------------------------------------
// Mutations

const HOSTILE = ['{', '}', '[', ']', '(', ')', '"', "'", '`', '$', '%', '\n', '\r', '\t', '\0', '\\', '${', '%{', '<<EOF\n', '```', '~~~', '#', '*/', '/*', '\uFEFF', '\u2028', '\uFFFD', '\uD800'];

type Mutation = (s: string, a: number, b: number, c: string) => string;
const MUTATIONS: Mutation[] = [
  (s, a) => s.slice(0, a), // truncate
  (s, a, b) => s.slice(0, Math.min(a, b)) + s.slice(Math.max(a, b)), // delete a range
  (s, a, b) => s.slice(0, Math.max(a, b)) + s.slice(Math.min(a, b), Math.max(a, b)) + s.slice(Math.max(a, b)), // duplicate a range
  (s, a, _b, c) => s.slice(0, a) + c + s.slice(a), // insert
  (s, a, _b, c) => s.slice(0, a) + c + s.slice(a + 1), // replace one char
  (s, a, _b, c) => s.slice(0, a) + c.repeat(40) + s.slice(a), // insert a run
  (s) => `\uFEFF${s}`, // BOM
  (s) => s.replace(/\n/g, '\r\n'), // CRLF
];

/** Invalid UTF-8 the way a file read would see it: bytes inserted into the encoding, decoded back. */
function invalidUtf8(s: string, at: number, bytes: Uint8Array, asLatin1: boolean): string {
  const buf = Buffer.from(s, 'utf8');
  const i = Math.min(at, buf.length);
  const mixed = Buffer.concat([buf.subarray(0, i), Buffer.from(bytes), buf.subarray(i)]);
  return mixed.toString(asLatin1 ? 'latin1' : 'utf8');
}

/** One to four random edits of a text from `base`. */
export function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const edit = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.nat(MUTATIONS.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 3 }))).map(([m, x, y, c]) => (s: string) => MUTATIONS[m]!(s, Math.floor(x * s.length), Math.floor(y * s.length), c)) },
    { weight: 1, arbitrary: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 4, min: 0x80, max: 0xff }), fc.boolean()).map(([x, bytes, latin1]) => (s: string) => invalidUtf8(s, Math.floor(x * s.length), bytes, latin1)) },
  );
  return fc.tuple(base, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([s, edits]) => edits.reduce((acc, e) => e(acc), s));
}

/** Generated text, a mutation of it, or a mutation of a hand-written seed. */
export function withMutations(generated: fc.Arbitrary<string>, seeds: string[]): fc.Arbitrary<string> {
  const seed = fc.constantFrom(...seeds);
  return fc.oneof({ weight: 2, arbitrary: generated }, { weight: 2, arbitrary: mutated(generated) }, { weight: 3, arbitrary: mutated(seed) });
}

/** A large input (up to ~50 KB): the text repeated. */
export function enlarged(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.integer({ min: 1, max: 400 })).map(([s, n]) => {
    const unit = s.length ? s : ' ';
    return unit.repeat(Math.max(1, Math.min(n, Math.floor(50_000 / unit.length)))).slice(0, 50_000);
  });
}
