/**
 * Terraform's JSON syntax (`.tf.json`, and `.tfvars.json` value files) → the same normalized blocks, attributes and
 * expressions the native-syntax front-end produces, so every rule and schema check reads both alike.
 *
 * The mapping follows Terraform's "JSON Configuration Syntax" (and HCL's JSON specification):
 * - the root object's properties are top-level block types; each label is one more object level
 *   (`resource` → type → name → body); at any of these levels an array of objects stands for several objects;
 * - inside a body a property is a nested block when Terraform's language (lifecycle, provisioner, dynamic, ...) or
 *   the provider schema says the name is a block type (an object is one block, an array of objects several);
 *   otherwise it is an argument;
 * - a string argument value is a string template (`"${aws_s3_bucket.b.arn}"`): it is parsed as HCL by the
 *   native front-end, and a string that is one interpolation is that expression, as Terraform evaluates it;
 *   where Terraform wants an expression or a reference written as a string (`type`, `depends_on`, `provider`,
 *   `ignore_changes`, `moved`'s `from`/`to`, a module's `providers`), the string is parsed as that expression;
 * - a property named `//` in a body is a comment.
 * Spans are the JSON file's own lines and columns; an expression inside a string points into the string.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { TOP_LEVEL_ATTRIBUTES, type Attribute, type Block, type BlockKind, type Diagnostic, type Expr, type ObjectEntry, type SourceSpan } from '../model/types.js';
import { activeSchema, type BlockSchema } from '../schema/index.js';
import { convertFile } from './blocks.js';
import { ConvertContext, MAX_DEPTH, type Node } from './context.js';
import { parseHclTree } from './parser.js';
import { LineIndex, normalizeSource, snippet } from './source.js';
import { appendAll } from '../io/arrays.js';

/** `source` of the diagnostics this front-end reports. */
export const TF_JSON_SOURCE = 'tf-json';

/** Syntax errors reported per file; past this, one summary diagnostic. */
const MAX_ERRORS_PER_FILE = 25;

/** How a string value is read: a template (`"${x}"`), an expression written as a string, or a plain value. */
type StringMode = 'template' | 'expression' | 'literal';

/** How the body of one block is read. */
interface BodySpec {
  /** Nested block types of this body. */
  blocks?: Readonly<Record<string, NestedSpec>>;
  /** Arguments whose strings are expressions (references, type constraints), not templates. */
  expressions?: ReadonlySet<string>;
  /**
   * The provider schema of this body. A name it does not declare as an argument, or declares as an argument of type
   * `any` (the bundled schema's stand-in for recursive blocks such as WAF `statement`), is a block when its value
   * is an object or an array of objects.
   */
  schema?: BlockSchema;
  /**
   * No schema describes this body (a type of a provider other than the bundled one): an array of objects is read as
   * blocks, the form blocks take in generated JSON (hcl2json, CDKTF synth); an object stays an argument (a map).
   */
  arraysAreBlocks?: boolean;
}

/** Arguments every resource and data source takes besides its schema's. */
const META_ARGUMENTS: ReadonlySet<string> = new Set(['count', 'for_each', 'provider', 'depends_on']);

/** The nested-block reading of a property its body's spec does not list as a block, if it is one. */
function undescribedBlock(spec: BodySpec, name: string, value: JsonNode | undefined): NestedSpec | undefined {
  if (!value || META_ARGUMENTS.has(name)) return undefined;
  if (spec.schema) {
    const argument = own(spec.schema.attributes, name);
    if (argument && argument.type !== 'any') return undefined;
    return value.type === 'object' || value.type === 'array' ? UNDESCRIBED_BLOCK : undefined;
  }
  return spec.arraysAreBlocks && value.type === 'array' ? UNDESCRIBED_BLOCK : undefined;
}

interface NestedSpec {
  labels: number;
  body: (labels: string[]) => BodySpec;
}

/** A table entry by name; names from the analyzed file (`constructor`, `__proto__`) never reach the prototype. */
function own<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

const PLAIN: BodySpec = {};
const plain = (): BodySpec => PLAIN;
const names = (...n: string[]): ReadonlySet<string> => new Set(n);

/** A nested block without labels whose body holds arguments only (a condition, `required_providers`, ...). */
const UNLABELED: NestedSpec = { labels: 0, body: plain };
const LIFECYCLE_BODY: BodySpec = { blocks: { precondition: UNLABELED, postcondition: UNLABELED }, expressions: names('ignore_changes', 'replace_triggered_by') };
const LIFECYCLE: NestedSpec = { labels: 0, body: () => LIFECYCLE_BODY };
const CONNECTION: NestedSpec = { labels: 0, body: plain };
const PROVISIONER_BODY: BodySpec = { blocks: { connection: CONNECTION } };
const PROVISIONER: NestedSpec = { labels: 1, body: () => PROVISIONER_BODY };
const RESOURCE_META_EXPRESSIONS = names('provider', 'depends_on');

/**
 * The body of a block the provider schema describes: a resource or data source (with its meta-blocks `meta` and
 * meta-arguments), or one of their nested blocks (`meta` undefined). Without a schema (a type the bundled schema
 * does not know) the meta-blocks, `dynamic` and arrays of objects are blocks, every other property an argument.
 */
function schemaBody(schema: BlockSchema | undefined, meta?: Readonly<Record<string, NestedSpec>>): BodySpec {
  // One spec per schema block and kind of body: a file of 8,000 buckets asks for the same one 8,000 times.
  const key = schema ?? NO_SCHEMA;
  let byMeta = SCHEMA_BODIES.get(key);
  if (!byMeta) SCHEMA_BODIES.set(key, (byMeta = new Map()));
  let spec = byMeta.get(meta);
  if (!spec) byMeta.set(meta, (spec = newSchemaBody(schema, meta)));
  return spec;
}

const NO_SCHEMA: BlockSchema = { attributes: {}, blocks: {} };
const SCHEMA_BODIES = new WeakMap<BlockSchema, Map<Readonly<Record<string, NestedSpec>> | undefined, BodySpec>>();

function newSchemaBody(schema: BlockSchema | undefined, meta?: Readonly<Record<string, NestedSpec>>): BodySpec {
  const blocks: Record<string, NestedSpec> = { ...meta };
  for (const [name, nested] of Object.entries(schema?.blocks ?? {})) blocks[name] = { labels: 0, body: () => schemaBody(nested.block) };
  blocks['dynamic'] = {
    labels: 1,
    body: ([name]) => ({ blocks: { content: { labels: 0, body: () => schemaBody(schema && name !== undefined ? own(schema.blocks, name)?.block : undefined) } }, expressions: names('iterator') }),
  };
  return { blocks, ...(meta ? { expressions: RESOURCE_META_EXPRESSIONS } : {}), ...(schema ? { schema } : { arraysAreBlocks: true }) };
}

/** A nested block no schema describes (see BodySpec.arraysAreBlocks). */
const UNDESCRIBED_BLOCK: NestedSpec = { labels: 0, body: () => schemaBody(undefined) };

/** A schema of nested blocks only: what the rules read of a utility provider's type. */
function blocksOnly(...blockNames: string[]): BlockSchema {
  const blocks: BlockSchema['blocks'] = {};
  for (const name of blockNames) blocks[name] = { nesting: 'list', block: { attributes: {}, blocks: {} } };
  return { attributes: {}, blocks };
}

/**
 * The nested blocks of utility-provider types the rules read (the bundled schema is the AWS provider's): the Lambda
 * package checks read `archive_file`'s `source` blocks, which a JSON object must give as blocks, not as a map.
 */
const UTILITY_SCHEMAS: Readonly<Record<string, BlockSchema>> = {
  'data archive_file': blocksOnly('source'),
  'resource archive_file': blocksOnly('source'),
  'resource tls_cert_request': blocksOnly('subject'),
  'resource tls_self_signed_cert': blocksOnly('subject'),
};

const RESOURCE_META_BLOCKS: Readonly<Record<string, NestedSpec>> = { lifecycle: LIFECYCLE, connection: CONNECTION, provisioner: PROVISIONER };
const DATA_META_BLOCKS: Readonly<Record<string, NestedSpec>> = { lifecycle: LIFECYCLE };

function resourceBody(kind: 'resource' | 'data', type: string | undefined): BodySpec {
  const provided = type === undefined ? undefined : kind === 'resource' ? activeSchema().resource(type) : activeSchema().dataSource(type);
  const schema = provided ?? (type === undefined ? undefined : own(UTILITY_SCHEMAS, `${kind} ${type}`));
  return schemaBody(schema, kind === 'resource' ? RESOURCE_META_BLOCKS : DATA_META_BLOCKS);
}

/** The AWS provider's nested blocks (the bundled schema describes resources and data sources only). */
const AWS_PROVIDER_BLOCKS: Readonly<Record<string, NestedSpec>> = {
  assume_role: UNLABELED,
  assume_role_with_web_identity: UNLABELED,
  default_tags: UNLABELED,
  endpoints: UNLABELED,
  ignore_tags: UNLABELED,
};

const MODULE_BODY: BodySpec = { expressions: names('providers', 'depends_on') };
const VARIABLE_BODY: BodySpec = { blocks: { validation: UNLABELED }, expressions: names('type') };
const OUTPUT_BODY: BodySpec = { blocks: { precondition: UNLABELED }, expressions: names('depends_on') };

/** A body no schema here describes (another provider's configuration, a backend's): see BodySpec.arraysAreBlocks. */
const UNDESCRIBED_BODY: BodySpec = { arraysAreBlocks: true };
const AWS_PROVIDER_BODY: BodySpec = { blocks: AWS_PROVIDER_BLOCKS, arraysAreBlocks: true };

const TOP_LEVEL: Readonly<Record<string, NestedSpec>> = {
  resource: { labels: 2, body: ([type]) => resourceBody('resource', type) },
  data: { labels: 2, body: ([type]) => resourceBody('data', type) },
  module: { labels: 1, body: () => MODULE_BODY },
  provider: { labels: 1, body: ([name]) => (name === 'aws' ? AWS_PROVIDER_BODY : UNDESCRIBED_BODY) },
  variable: { labels: 1, body: () => VARIABLE_BODY },
  output: { labels: 1, body: () => OUTPUT_BODY },
  locals: { labels: 0, body: plain },
  terraform: {
    labels: 0,
    body: () => ({
      blocks: {
        required_providers: UNLABELED,
        backend: { labels: 1, body: () => UNDESCRIBED_BODY },
        cloud: { labels: 0, body: () => ({ blocks: { workspaces: UNLABELED } }) },
        provider_meta: { labels: 1, body: plain },
      },
      expressions: names('experiments'),
    }),
  },
  moved: { labels: 0, body: () => ({ expressions: names('from', 'to') }) },
  import: { labels: 0, body: () => ({ expressions: names('to', 'provider') }) },
  removed: { labels: 0, body: () => ({ blocks: { lifecycle: UNLABELED, provisioner: PROVISIONER }, expressions: names('from') }) },
  check: { labels: 1, body: () => ({ blocks: { data: { labels: 2, body: ([type]) => resourceBody('data', type) }, assert: UNLABELED } }) },
};

/** Per-file state: the JSON text, its line index, and where diagnostics go. */
class JsonFile {
  readonly lines: LineIndex;
  /** Strings to read as HCL, gathered by the first pass over the structure (see convertDocument). */
  readonly requests: StringRequest[] = [];
  /** Their expressions, for the second pass. */
  strings: Map<JsonNode, Expr> | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
    public diagnostics: Diagnostic[],
  ) {
    this.lines = new LineIndex(text);
  }

  spanOf(start: number, end: number): SourceSpan {
    const a = this.lines.point(start);
    const b = this.lines.point(end);
    return { file: this.path, line: a.row + 1, column: a.column + 1, endLine: b.row + 1, endColumn: b.column + 1 };
  }

  nodeSpan(node: JsonNode): SourceSpan {
    return this.spanOf(node.offset, node.offset + node.length);
  }

  error(message: string, span: SourceSpan): void {
    this.diagnostics.push({ severity: 'error', source: TF_JSON_SOURCE, message, span });
  }
}

export interface TerraformJsonResult {
  blocks: Block[];
  diagnostics: Diagnostic[];
}

/**
 * Reads one `.tf.json` file (or, with `values`, a `.tfvars.json` file, whose properties are variable values in one
 * synthetic `tfvars` block, as the native front-end gives a `.tfvars` file). Never throws on analyzed input.
 */
export function parseTerraformJsonSource(content: string, path: string, opts: { values?: boolean } = {}): TerraformJsonResult {
  const text = normalizeSource(content);
  const diagnostics: Diagnostic[] = [];
  const file = new JsonFile(path, text, diagnostics);
  try {
    const blocks = convertDocument(file, opts.values === true);
    return { blocks, diagnostics: capErrors(diagnostics) };
  } catch (err) {
    file.error(`Terraform JSON conversion failed: ${(err as Error)?.message ?? String(err)}`, file.spanOf(0, 0));
    return { blocks: [], diagnostics: capErrors(diagnostics) };
  }
}

function convertDocument(file: JsonFile, values: boolean): Block[] {
  const { text } = file;
  const deep = tooDeepAt(text, MAX_DEPTH);
  if (deep !== -1) {
    // The JSON parser recurses per level: a document this deep is refused before it is parsed.
    file.error(`JSON nested deeper than ${MAX_DEPTH} levels; not analyzed`, file.spanOf(deep, deep + 1));
    return [];
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  reportParseErrors(file, errors);
  if (!root) return [];
  if (root.type !== 'object') {
    file.error(`the root of a Terraform JSON file must be an object, not ${articled(root.type)}`, file.nodeSpan(root));
    return [];
  }
  if (values) {
    const attributes = convertAttributes(file, root, 'literal');
    if (!attributes.length) return [];
    return [{ kind: 'unknown', type: TOP_LEVEL_ATTRIBUTES, labels: [], attributes, blocks: [], span: file.nodeSpan(root) }];
  }
  // Two passes over the structure: the first finds the strings to read as HCL (which depends on where they stand),
  // the second builds the blocks with what one parse of them all gave. Diagnostics are the second pass's.
  const reported = file.diagnostics;
  file.diagnostics = [];
  topLevelBlocks(file, root);
  file.diagnostics = reported;
  file.strings = readStrings(file, file.requests);
  const blocks = topLevelBlocks(file, root);
  file.diagnostics.sort((x, y) => x.span.line - y.span.line || x.span.column - y.span.column);
  return blocks;
}

function topLevelBlocks(file: JsonFile, root: JsonNode): Block[] {
  const blocks: Block[] = [];
  for (const prop of properties(root)) {
    const key = prop.key.value as string;
    if (key === '//') continue;
    const spec = own(TOP_LEVEL, key);
    if (!spec) {
      // Terraform rejects it ("Unsupported block type"): a syntax error, and nothing to model.
      file.error(`unsupported block type "${snippet(key, 80)}" at the top level of a Terraform JSON file`, file.nodeSpan(prop.key));
      continue;
    }
    appendAll(blocks, labeledBlocks(file, prop, key, spec, key as BlockKind, 0));
  }
  return blocks;
}

/**
 * The parser's errors, one per place: a file cut off inside four objects gets one "close brace expected"
 * that says how many are left open, not four.
 */
function reportParseErrors(file: JsonFile, errors: ParseError[]): void {
  const counts = new Map<number, { error: ParseError; count: number }>();
  for (const e of errors) {
    // The first error at a place explains it; the parser's follow-ups there (a value expected after a missing name)
    // add nothing, except the count of closers still missing.
    const seen = counts.get(e.offset);
    if (!seen) counts.set(e.offset, { error: e, count: 1 });
    else if (seen.error.error === e.error) seen.count++;
  }
  for (const { error: e, count } of counts.values()) {
    const atEnd = e.offset >= file.text.trimEnd().length;
    const open = count > 1 ? ` (${count} left open)` : '';
    const where = atEnd ? ' at the end of the file: the JSON stops before it is complete' : '';
    file.error(`invalid JSON: ${describeParseError(printParseErrorCode(e.error))}${open}${where}`, file.spanOf(e.offset, e.offset + e.length));
  }
}

/** What a few parser errors mean for a Terraform JSON file, where the parser's own words say too little. */
const PARSE_ERROR_MEANINGS: Readonly<Record<string, string>> = {
  InvalidCommentToken: 'a comment; JSON has none (Terraform reads a "//" property in a block as a comment)',
};

/** `jsonc-parser` names its error codes (`PropertyNameExpected`); the message says it in words. */
function describeParseError(code: string): string {
  return own(PARSE_ERROR_MEANINGS, code) ?? code.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
}

function articled(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

interface Property {
  node: JsonNode;
  key: JsonNode;
  value: JsonNode | undefined;
}

/** The properties of an object node that have a name (a partial tree after an error may lack values). */
function properties(obj: JsonNode): Property[] {
  const out: Property[] = [];
  for (const p of obj.children ?? []) {
    const key = p.children?.[0];
    if (p.type !== 'property' || !key || typeof key.value !== 'string') continue;
    out.push({ node: p, key, value: p.children?.[1] });
  }
  return out;
}

/**
 * The blocks of one block-type property: `labels` more object levels (each may also be an array of objects), then a
 * body object or an array of bodies. The span of a block runs from its innermost label (or its type) to the end
 * of its body.
 */
function labeledBlocks(file: JsonFile, prop: Property, type: string, spec: NestedSpec, kind: BlockKind, depth: number): Block[] {
  const out: Block[] = [];
  const visit = (value: JsonNode | undefined, labels: string[], start: number, level: number): void => {
    if (!value) return;
    if (value.type === 'array') {
      for (const item of value.children ?? []) visit(item, labels, item.offset, level);
      return;
    }
    if (value.type !== 'object') {
      const what = level < spec.labels ? `an object of ${labelName(type, level)}s` : `a block body (an object)`;
      file.error(`\`${labels.length ? `${type}.${labels.join('.')}` : type}\` must be ${what}, not ${articled(value.type)}`, file.nodeSpan(value));
      return;
    }
    if (level < spec.labels) {
      for (const p of properties(value)) {
        if (p.key.value === '//') continue;
        visit(p.value, [...labels, p.key.value as string], p.node.offset, level + 1);
      }
      return;
    }
    const body = convertBody(file, value, spec.body(labels), depth + 1);
    out.push({
      kind,
      type,
      labels,
      attributes: body.attributes,
      blocks: body.blocks,
      span: file.spanOf(start, value.offset + value.length),
      ...(kind === 'nested' ? { form: 'block' as const } : {}),
    });
  };
  visit(prop.value, [], prop.node.offset, 0);
  return out;
}

function labelName(type: string, level: number): string {
  if (type === 'resource' || type === 'data') return level === 0 ? `${type} type` : `${type} name`;
  return `${type} label`;
}

function convertBody(file: JsonFile, obj: JsonNode, spec: BodySpec, depth: number): { attributes: Attribute[]; blocks: Block[] } {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  if (depth > MAX_DEPTH) {
    file.error(`block nested deeper than ${MAX_DEPTH} levels; not analyzed`, file.nodeSpan(obj));
    return { attributes, blocks };
  }
  const seen = new Map<string, number>();
  for (const p of properties(obj)) {
    const name = p.key.value as string;
    if (name === '//') continue;
    const nested = (spec.blocks ? own(spec.blocks, name) : undefined) ?? undescribedBlock(spec, name, p.value);
    if (nested && p.value && isBlockValue(p.value, nested.labels)) {
      appendAll(blocks, labeledBlocks(file, p, name, nested, 'nested', depth));
      continue;
    }
    const first = seen.get(name);
    const span = file.nodeSpan(p.node);
    if (first !== undefined) file.error(`attribute \`${snippet(name, 80)}\` is set twice (first on line ${first}); each argument may be set only once`, span);
    else seen.set(name, span.line);
    const mode: StringMode = spec.expressions?.has(name) ? 'expression' : 'template';
    attributes.push({ name, expr: p.value ? convertValue(file, p.value, mode, 0) : { kind: 'opaque', text: '', span }, span });
  }
  return { attributes, blocks };
}

/** A value that can stand for blocks: an object, or an array of objects (an empty array is no block). */
function isBlockValue(value: JsonNode, labels: number): boolean {
  if (value.type === 'object') return true;
  if (value.type !== 'array') return false;
  const items = value.children ?? [];
  return items.length > 0 && (labels > 0 || items.every((i) => i.type === 'object'));
}

function convertAttributes(file: JsonFile, obj: JsonNode, mode: StringMode): Attribute[] {
  const out: Attribute[] = [];
  for (const p of properties(obj)) {
    const span = file.nodeSpan(p.node);
    out.push({ name: p.key.value as string, expr: p.value ? convertValue(file, p.value, mode, 0) : { kind: 'opaque', text: '', span }, span });
  }
  return out;
}

/** A JSON value as an expression: objects and arrays keep their shape, strings are read in `mode`. */
function convertValue(file: JsonFile, node: JsonNode, mode: StringMode, depth: number): Expr {
  const span = file.nodeSpan(node);
  if (depth > MAX_DEPTH) return { kind: 'opaque', text: snippet(file.text.slice(node.offset, node.offset + node.length)), span };
  switch (node.type) {
    case 'string':
      return convertString(file, node, mode);
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'literal', value: node.value as number | boolean | null, span };
    case 'array':
      return { kind: 'tuple', items: (node.children ?? []).map((c) => convertValue(file, c, mode, depth + 1)), span };
    case 'object': {
      const entries: ObjectEntry[] = [];
      for (const p of properties(node)) {
        const value: Expr = p.value ? convertValue(file, p.value, mode, depth + 1) : { kind: 'opaque', text: '', span: file.nodeSpan(p.node) };
        const key = p.key.value as string;
        // Property names of an object value are templates too (`"${var.prefix}-x": 1`).
        if (mode === 'template' && isTemplate(key)) entries.push({ keyExpr: convertString(file, p.key, 'template'), value });
        else entries.push({ key, value });
      }
      return { kind: 'object', entries, span };
    }
    default:
      return { kind: 'opaque', text: snippet(file.text.slice(node.offset, node.offset + node.length)), span };
  }
}

function isTemplate(value: string): boolean {
  return value.includes('${') || value.includes('%{');
}

/**
 * A string value as an expression. The first pass over the structure only asks for it (and gets its text as a
 * literal); the second gets what the one HCL parse of all the file's strings made of it (see readStrings).
 */
function convertString(file: JsonFile, node: JsonNode, mode: StringMode): Expr {
  const value = typeof node.value === 'string' ? node.value : '';
  const span = file.nodeSpan(node);
  if (mode === 'literal' || (mode === 'template' && !isTemplate(value))) return { kind: 'literal', value, span };
  if (!file.strings) {
    file.requests.push({ node, mode, value });
    return { kind: 'literal', value, span };
  }
  return file.strings.get(node) ?? { kind: 'opaque', text: snippet(value), span };
}

/** A string the HCL front-end reads: as a template, or as an expression written as a string. */
interface StringRequest {
  node: JsonNode;
  mode: 'template' | 'expression';
  value: string;
}

/** A request placed in the HCL text of a batch: `text` (the string's value) starts at `start` there. */
interface EmbeddedItem {
  request: StringRequest;
  /** How the text is placed: as a heredoc template, or as an expression. */
  syntax: 'template' | 'expression';
  text: string;
  start: number;
  /** Raw offset (inside the quotes) of each decoded character, when the string has escapes; built on first use. */
  rawOffsets?: number[];
}

/**
 * The expressions of every requested string. Parsing each string alone cost a parser round trip per string (a
 * 1 MB file of 16,000 templates took 5 s); they are parsed together, one attribute each, in one HCL text: a
 * template as a heredoc (its text taken as written, `${...}` and `%{...}` interpreted, no quoting to redo), an
 * expression as the attribute's value. A batch with a syntax error is split in halves until the error is one
 * string's, so a broken string costs a logarithmic number of parses and never hides the others.
 */
function readStrings(file: JsonFile, requests: StringRequest[]): Map<JsonNode, Expr> {
  const out = new Map<JsonNode, Expr>();
  const together: EmbeddedItem[] = [];
  for (const request of requests) {
    const { value } = request;
    // `"${aws_s3_bucket.b}"` where a reference is wanted reads as the reference too (hcl2json and older generators
    // write every expression so): read as a template, whose one interpolation is the expression.
    const syntax = request.mode === 'template' || (value.startsWith('${') && value.endsWith('}')) ? 'template' : 'expression';
    const item: EmbeddedItem = { request, syntax, text: value, start: 0 };
    // An expression over several lines would run into the next attribute: it is parsed on its own.
    if (syntax === 'expression' && value.includes('\n')) parseItems(file, [item], out);
    else together.push(item);
  }
  parseItems(file, together, out);
  return out;
}

function parseItems(file: JsonFile, items: EmbeddedItem[], out: Map<JsonNode, Expr>): void {
  if (!items.length) return;
  let marker = 'IACJUDGE_JSON_TEMPLATE';
  while (items.some((i) => i.syntax === 'template' && i.text.includes(marker))) marker += '_';
  let wrapper = '';
  items.forEach((item, k) => {
    const template = item.syntax === 'template';
    const head = template ? `t${k} = <<${marker}\n` : `t${k} = `;
    item.start = wrapper.length + head.length;
    wrapper += head + item.text + (template ? `\n${marker}\n` : '\n');
  });
  const ctx = new EmbeddedContext(file.path, wrapper, file.diagnostics, (start, end) => {
    const item = itemAt(items, start);
    return file.spanOf(jsonOffset(file, item, start), jsonOffset(file, item, end));
  });
  const root = parseHclTree(wrapper, { text: wrapper, lines: ctx.lines });
  if (root.hasError) {
    if (items.length === 1) {
      reportInvalidString(file, items[0]!.request);
      return;
    }
    const half = items.length >> 1;
    parseItems(file, items.slice(0, half), out);
    parseItems(file, items.slice(half), out);
    return;
  }
  for (const attribute of convertFile(ctx, root)[0]?.attributes ?? []) {
    const item = items[Number(attribute.name.slice(1))];
    if (!item) continue;
    const { node, value } = item.request;
    out.set(node, item.syntax === 'template' ? asQuotedTemplate(attribute.expr, value, file.nodeSpan(node)) : attribute.expr);
  }
}

function reportInvalidString(file: JsonFile, request: StringRequest): void {
  const shown = snippet(request.value.replace(/\s+/g, ' '), 120);
  const message =
    request.mode === 'template'
      ? `invalid template in JSON string "${shown}": the text inside \${...} is not an HCL expression`
      : `invalid expression in JSON string "${shown}": this argument takes an expression written as a string`;
  file.error(message, file.nodeSpan(request.node));
}

/** The item whose text holds (or last started before) `index` of the batch's HCL text: items are in text order. */
function itemAt(items: EmbeddedItem[], index: number): EmbeddedItem {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid]!.start <= index) lo = mid;
    else hi = mid - 1;
  }
  return items[lo]!;
}

/** Where `index` of the batch's HCL text stands in the JSON file: inside the item's string, through its escapes. */
function jsonOffset(file: JsonFile, item: EmbeddedItem, index: number): number {
  const at = Math.max(0, Math.min(item.text.length, index - item.start));
  const { node, value } = item.request;
  const start = node.offset + 1;
  const rawLength = Math.max(0, node.length - 2);
  if (rawLength === value.length) return start + at;
  item.rawOffsets ??= decodedToRaw(file.text.slice(start, start + rawLength));
  return start + (item.rawOffsets[Math.min(at, item.rawOffsets.length - 1)] ?? rawLength);
}

/**
 * A heredoc template read back as the quoted string it stands for: without the heredoc's final newline, a literal
 * when nothing is interpolated, and the expression itself when the string is one interpolation (Terraform
 * evaluates `"${x}"` to x's value, and in JSON syntax it is the only way to write x).
 */
function asQuotedTemplate(parsed: Expr, value: string, span: SourceSpan): Expr {
  if (parsed.kind !== 'template') return parsed;
  const parts = parsed.parts.slice();
  const last = parts[parts.length - 1];
  if (last?.kind === 'literal' && typeof last.value === 'string' && last.value.endsWith('\n')) {
    const trimmed = last.value.slice(0, -1);
    if (trimmed) parts[parts.length - 1] = { ...last, value: trimmed };
    else parts.pop();
  }
  if (parts.every((p) => p.kind === 'literal')) return { kind: 'literal', value: parts.map((p) => (p.kind === 'literal' ? String(p.value) : '')).join(''), span };
  if (parts.length === 1 && parts[0]!.kind !== 'opaque' && value.startsWith('${') && value.endsWith('}')) return parts[0]!;
  return { kind: 'template', parts, span };
}

/** For each decoded character of a JSON string's raw content, where it starts in the raw text (plus the end). */
function decodedToRaw(raw: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < raw.length; ) {
    out.push(i);
    if (raw[i] === '\\') i += raw[i + 1] === 'u' ? 6 : 2;
    else i++;
  }
  out.push(raw.length);
  return out;
}

/** A conversion context whose spans are placed by a function (positions inside a JSON string). */
class EmbeddedContext extends ConvertContext {
  constructor(
    file: string,
    text: string,
    diagnostics: Diagnostic[],
    private readonly place: (start: number, end: number) => SourceSpan,
  ) {
    super(file, text, diagnostics);
  }

  override span(node: Node): SourceSpan {
    return this.place(node.startIndex, node.endIndex);
  }

  override spanBetween(start: number, end: number): SourceSpan {
    return this.place(start, end);
  }

  override error(message: string, span: SourceSpan): void {
    this.diagnostics.push({ severity: 'error', message, span, source: TF_JSON_SOURCE });
  }
}

/** Where objects and arrays first nest deeper than `limit` (the opening bracket), or -1; one linear pass. */
function tooDeepAt(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth = Math.max(0, depth - 1);
  }
  return -1;
}

function capErrors(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_ERRORS_PER_FILE) return diagnostics;
  const kept = diagnostics.slice(0, MAX_ERRORS_PER_FILE);
  kept.push({
    severity: 'error',
    source: TF_JSON_SOURCE,
    message: `${diagnostics.length - MAX_ERRORS_PER_FILE} more errors in this file`,
    span: diagnostics[MAX_ERRORS_PER_FILE]!.span,
  });
  return kept;
}
