/**
 * Construct config objects → model blocks. CDKTF writes nested blocks as object literals (`serverSideEncryption: {}`)
 * or arrays of them (`[{...}]`); the provider schema decides what is a block and what is an object/map attribute, and
 * the form the code used is kept (`object` / `array-item`) so schema checks can report array-for-object and the reverse.
 */
import ts from 'typescript';
import type { Attribute, Block, BlockForm, Expr } from '../model/types.js';
import type { BlockSchema, NestedBlockSchema, AttributeSchema } from '../schema/types.js';
import type { Analyzer, ConstructInfo } from './analyzer.js';
import { Evaluator, MAX_DEPTH, propertyKey, unwrap } from './evaluate.js';
import { foldName } from './naming.js';
import { camelToSnake } from '../model/names.js';
import { lookup } from './scope.js';
import { appendAll } from '../io/arrays.js';

/** Map-typed attributes whose keys are data, used when no schema says otherwise. */
const KNOWN_MAP_ATTRIBUTES = new Set([
  'tags',
  'tags_all',
  'variables',
  'dimensions',
  'triggers',
  'keepers',
  'labels',
  'metadata',
  'parameters',
  'stage_variables',
  'request_parameters',
  'request_templates',
  'request_models',
  'response_parameters',
  'response_templates',
  'response_models',
  'environment_variables',
  'policy',
  'assume_role_policy',
  'access_policies',
  'default_arguments',
  'non_overridable_arguments',
  'container_properties',
  'input',
  'input_template',
  'definition',
  'options',
  'properties',
  'attributes',
  'annotations',
  'selector',
  'context',
]);

/** Resource meta-arguments (not in the provider schema). */
const META_ARGUMENTS = new Map<string, string>([
  ['dependsOn', 'depends_on'],
  ['count', 'count'],
  ['forEach', 'for_each'],
  ['provider', 'provider'],
  ['lifecycle', 'lifecycle'],
]);

interface Property {
  key: string;
  /** Node the attribute span points at (`key: value`). */
  at: ts.Node;
  value: ts.Expression;
}

interface Member {
  name: string;
  attribute?: AttributeSchema;
  block?: NestedBlockSchema;
}

export class BlockBuilder {
  constructor(
    private readonly an: Analyzer,
    private readonly ev: Evaluator,
  ) {}

  /** Properties of a config object, spreads of resolvable objects flattened; later keys win. */
  properties(config: ts.Expression | undefined, depth = 0): readonly Property[] {
    if (!config || depth > MAX_DEPTH) return [];
    const obj = this.ev.objectLiteral(config, depth);
    if (!obj) return [];
    // Memoized per (object, depth) once the analyzer is final: `{ ...a1, ...a1 }` chains visited each spread
    // twice per line, exponential in the chain length.
    const cached = this.caching ? this.propertyCache.get(obj)?.get(depth) : undefined;
    if (cached) return cached;
    // Later keys win and move to the end: a Map keeps that order in linear time (findIndex + splice was quadratic).
    const byKey = new Map<string, Property>();
    const set = (p: Property): void => {
      byKey.delete(p.key);
      byKey.set(p.key, p);
    };
    for (const p of obj.properties) {
      if (ts.isPropertyAssignment(p)) {
        const key = propertyKey(p.name);
        if (key !== undefined) set({ key, at: p, value: p.initializer });
      } else if (ts.isShorthandPropertyAssignment(p)) {
        set({ key: p.name.text, at: p, value: p.name });
      } else if (ts.isSpreadAssignment(p)) {
        for (const inner of this.properties(p.expression, depth + 1)) set(inner);
      }
    }
    const out = [...byKey.values()];
    if (this.caching) {
      let byDepth = this.propertyCache.get(obj);
      if (!byDepth) this.propertyCache.set(obj, (byDepth = new Map()));
      byDepth.set(depth, out);
    }
    return out;
  }

  private readonly propertyCache = new Map<ts.Node, Map<number, readonly Property[]>>();
  private caching = false;

  /** See Evaluator.freeze: from the build phase on, properties of an object are memoized. */
  freeze(): void {
    this.caching = true;
  }

  /**
   * Whether every property of a config is visible: an object literal (through untyped const bindings) whose spreads
   * are all such objects. A type assertion, an annotated or reassigned variable, a parameter or a call may carry
   * any property, so what is absent cannot be called missing.
   */
  private closed(config: ts.Expression | undefined, depth: number): boolean {
    if (!config || depth > MAX_DEPTH) return false;
    let n: ts.Expression = config;
    while (ts.isParenthesizedExpression(n)) n = n.expression;
    if (ts.isIdentifier(n)) {
      const decl = lookup(n.text, n);
      if (!decl || !ts.isVariableDeclaration(decl) || decl.type || !decl.initializer) return false;
      if (!(ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const)) return false;
      return this.closed(decl.initializer, depth + 1);
    }
    if (!ts.isObjectLiteralExpression(n)) return false;
    return n.properties.every((p) => !ts.isSpreadAssignment(p) || this.closed(p.expression, depth + 1));
  }

  /** Attributes and nested blocks of a resource/data/provider/backend config. */
  fill(block: Block, config: ts.Expression | undefined, schema: BlockSchema | undefined, opts: { meta: boolean; depth?: number }): void {
    const depth = opts.depth ?? 0;
    for (const p of this.properties(config, depth)) {
      if (isUndefined(p.value)) continue;
      if (opts.meta && META_ARGUMENTS.has(p.key)) {
        const name = META_ARGUMENTS.get(p.key)!;
        if (name === 'lifecycle') this.addBlocks(block, 'lifecycle', p, undefined, depth);
        else this.addAttribute(block, name, p, depth);
        continue;
      }
      const m = memberOf(schema, p.key);
      if (m.attribute) {
        this.addAttribute(block, m.name, p, depth, snakeKeysFor(m.attribute.type));
      } else if (m.block) {
        if (!this.addBlocks(block, m.name, p, m.block.block, depth)) this.addAttribute(block, m.name, p, depth, true);
      } else if (KNOWN_MAP_ATTRIBUTES.has(m.name) || !this.addBlocks(block, m.name, p, undefined, depth)) {
        this.addAttribute(block, m.name, p, depth);
      }
    }
  }

  /** Every config property as an attribute (outputs, variables), with `validation`-style arrays of objects as blocks. */
  fillAttributes(block: Block, config: ts.Expression | undefined, blockNames: Set<string>): void {
    for (const p of this.properties(config)) {
      if (isUndefined(p.value)) continue;
      const name = camelToSnake(p.key);
      if (blockNames.has(name) && this.addBlocks(block, name, p, undefined, 0)) continue;
      this.addAttribute(block, name, p, 0);
    }
  }

  private addAttribute(block: Block, name: string, p: Property, depth: number, snakeKeys = false): void {
    let expr = this.ev.expr(p.value, depth + 1);
    if (snakeKeys) expr = snakeObjectKeys(expr, 0);
    const attribute: Attribute = { name, expr, span: this.ev.span(p.at) };
    block.attributes.push(attribute);
  }

  /** Adds nested blocks when the value is an object literal or an array of object literals; false otherwise. */
  private addBlocks(block: Block, name: string, p: Property, schema: BlockSchema | undefined, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    // `isProd ? { ... } : undefined` is the HCL `dynamic` block of one deployment: the block is written, and
    // rules that ask whether it is configured must see it (the condition is left to the reader).
    const present = optionalBranch(p.value);
    if (present) return this.addBlocks(block, name, { ...p, value: present }, schema, depth + 1);
    const obj = this.ev.objectLiteral(p.value, depth + 1);
    if (obj) {
      block.blocks.push(this.nested(name, obj, 'object', schema, depth + 1));
      return true;
    }
    const items = this.objectItems(p.value, depth + 1);
    if (!items) return false;
    for (const item of items) block.blocks.push(this.nested(name, item, 'array-item', schema, depth + 1));
    return true;
  }

  /** Elements of an array literal that are all object literals (spreads of such arrays flattened), else undefined. */
  private objectItems(value: ts.Expression, depth: number): ts.ObjectLiteralExpression[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const arr = this.ev.arrayLiteral(value, depth);
    if (!arr) return undefined;
    const out: ts.ObjectLiteralExpression[] = [];
    for (const el of arr.elements) {
      if (ts.isSpreadElement(el)) {
        const inner = this.objectItems(el.expression, depth + 1);
        if (!inner) return undefined;
        appendAll(out, inner);
        continue;
      }
      const obj = this.ev.objectLiteral(el, depth + 1);
      if (!obj) return undefined;
      out.push(obj);
    }
    // `[]` is an empty list attribute, not zero blocks we could point at.
    return out.length ? out : undefined;
  }

  private nested(name: string, obj: ts.ObjectLiteralExpression, form: BlockForm, schema: BlockSchema | undefined, depth: number): Block {
    const block: Block = { kind: 'nested', type: name, labels: [], attributes: [], blocks: [], span: this.ev.span(obj), form };
    this.fill(block, obj, schema, { meta: false, depth });
    return block;
  }

  /** The top-level block for a construct, or undefined when it maps to none. */
  build(info: ConstructInfo): Block | undefined {
    const span = this.ev.span(info.node);
    const construct: NonNullable<Block['construct']> = { className: info.className, id: info.id };
    if (createdUnderCondition(info.node)) construct.conditional = true;
    if (info.confidence === 'meant') construct.invented = true;
    const base = { attributes: [] as Attribute[], blocks: [] as Block[], span, construct };
    switch (info.role) {
      case 'resource':
      case 'data': {
        const block: Block = { ...base, kind: info.role, type: info.role, labels: [info.tfType!, info.id] };
        this.fill(block, info.configArg, this.an.schemaFor(info.role, info.tfType), { meta: true });
        if (!this.closed(info.configArg, 0)) block.construct = { ...construct, open: true };
        return block;
      }
      case 'provider': {
        const block: Block = { ...base, kind: 'provider', type: 'provider', labels: [info.tfType!] };
        this.fill(block, info.configArg, undefined, { meta: false });
        return block;
      }
      case 'variable': {
        const block: Block = { ...base, kind: 'variable', type: 'variable', labels: [info.id] };
        this.fillAttributes(block, info.configArg, new Set(['validation']));
        const type = block.attributes.find((a) => a.name === 'type');
        if (type) type.expr = variableType(type.expr);
        return block;
      }
      case 'output': {
        const block: Block = { ...base, kind: 'output', type: 'output', labels: [info.id] };
        this.fillAttributes(block, info.configArg, new Set());
        return block;
      }
      case 'local': {
        const block: Block = { ...base, kind: 'locals', type: 'locals', labels: [] };
        const value = info.node.arguments?.[2];
        if (value) block.attributes.push({ name: info.id, expr: this.ev.expr(value, 1), span: this.ev.span(value) });
        return block;
      }
      case 'backend':
      case 'cloud': {
        const inner: Block =
          info.role === 'backend'
            ? { kind: 'nested', type: 'backend', labels: [info.tfType!], attributes: [], blocks: [], span, form: 'block' }
            : { kind: 'nested', type: 'cloud', labels: [], attributes: [], blocks: [], span, form: 'block' };
        this.fill(inner, info.configArg, undefined, { meta: false });
        return { ...base, kind: 'terraform', type: 'terraform', labels: [], blocks: [inner] };
      }
      default:
        return undefined;
    }
  }
}

/** Whether a `new X(...)` runs only under a condition of its function (an if branch, a ternary branch, the right of && / || / ??). */
function createdUnderCondition(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let n = node.parent; n && !ts.isSourceFile(n); child = n, n = n.parent) {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return false;
    if (ts.isIfStatement(n) && child !== n.expression) return true;
    if (ts.isConditionalExpression(n) && child !== n.condition) return true;
    if (ts.isBinaryExpression(n) && child === n.right && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(n.operatorToken.kind)) return true;
  }
  return false;
}

/** The written branch of `cond ? value : undefined` (either order; `null` too), else undefined. */
function optionalBranch(node: ts.Expression): ts.Expression | undefined {
  const n = unwrap(node);
  if (!ts.isConditionalExpression(n)) return undefined;
  const absent = (e: ts.Expression) => isUndefined(e) || unwrap(e).kind === ts.SyntaxKind.NullKeyword;
  if (absent(n.whenFalse) && !absent(n.whenTrue)) return n.whenTrue;
  if (absent(n.whenTrue) && !absent(n.whenFalse)) return n.whenFalse;
  return undefined;
}

function isUndefined(node: ts.Expression): boolean {
  const n = unwrap(node);
  return ts.isIdentifier(n) && n.text === 'undefined';
}

/** Finds the schema member a camelCase property names; without schema, the snake_case spelling. */
function memberOf(schema: BlockSchema | undefined, key: string): Member {
  const snake = key.includes('_') ? key : camelToSnake(key);
  if (!schema) return { name: snake };
  if (schema.attributes[snake]) return { name: snake, attribute: schema.attributes[snake] };
  if (schema.blocks[snake]) return { name: snake, block: schema.blocks[snake] };
  // Digits and acronyms: `ipv6CidrBlock`, `s3Bucket`, `route53DomainsX` — compare with underscores removed.
  const folded = foldName(key);
  for (const [name, attribute] of Object.entries(schema.attributes)) if (foldName(name) === folded) return { name, attribute };
  for (const [name, block] of Object.entries(schema.blocks)) if (foldName(name) === folded) return { name, block };
  return { name: snake };
}

/** Object-typed attributes are generated as camelCase structs; map-typed ones keep their keys. */
function snakeKeysFor(type: string): boolean {
  return /^(list|set)?\(?object\b/.test(type);
}

function snakeObjectKeys(e: Expr, depth: number): Expr {
  if (depth > MAX_DEPTH) return e;
  if (e.kind === 'object') {
    return { ...e, entries: e.entries.map((en) => ({ ...en, key: en.key === undefined ? undefined : camelToSnake(en.key), value: snakeObjectKeys(en.value, depth + 1) })) };
  }
  if (e.kind === 'tuple') return { ...e, items: e.items.map((i) => snakeObjectKeys(i, depth + 1)) };
  return e;
}

/** `type: 'string'` / `VariableType.STRING` → the HCL type keyword as a bare reference, like `type = string`. */
function variableType(e: Expr): Expr {
  if (e.kind === 'literal' && typeof e.value === 'string' && /^[a-z]+$/.test(e.value)) return { kind: 'reference', parts: [e.value], span: e.span };
  if (e.kind === 'opaque') {
    const m = /^VariableType\.([A-Z_]+)$/.exec(e.text);
    if (m) return { kind: 'reference', parts: [m[1]!.toLowerCase()], span: e.span };
  }
  return e;
}
