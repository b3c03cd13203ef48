/**
 * Static reading of TypeScript expressions into model expressions. Nothing is executed: names are followed to their
 * declarations in the same program text (const bindings, class members, constructor props), with a depth bound so
 * cycles (`const a = b; const b = a`) end as `opaque`. Whatever cannot be read statically is `opaque` with its text.
 */
import ts from 'typescript';
import type { Expr, LiteralValue, ObjectEntry } from '../model/types.js';
import type { Analyzer, ConstructInfo, ProjectClass } from './analyzer.js';
import { camelToSnake } from '../model/names.js';
import { enclosingClass, isStableDeclaration, lookup, walk } from './scope.js';
import { spanOf } from './source.js';
import { appendAll } from '../io/arrays.js';

export const MAX_DEPTH = 50;
/** Largest expression tree kept from one object or array literal (nodes, counted as a tree). */
export const MAX_EXPR_NODES = 20_000;

/**
 * Tree size of an expression (every nested object but spans), memoized per shared node so a graph with exponentially
 * many paths is measured in time linear in its distinct nodes; saturates just past MAX_EXPR_NODES.
 */
function exprSize(e: object, memo: WeakMap<object, number>): number {
  const known = memo.get(e);
  if (known !== undefined) return known;
  let size = 1;
  for (const [k, v] of Object.entries(e)) {
    if (k === 'span' || v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object') size += exprSize(x as object, memo);
    } else size += exprSize(v as object, memo);
    if (size > MAX_EXPR_NODES) break;
  }
  size = Math.min(size, MAX_EXPR_NODES + 1);
  memo.set(e, size);
  return size;
}

/** An intermediate value: richer than Expr so member access can follow constructs, props and class members. */
export type Value =
  | { kind: 'expr'; expr: Expr }
  | { kind: 'construct'; info: ConstructInfo }
  | { kind: 'instance'; cls: ProjectClass }
  /** A constructor props parameter of a construct class; used bare, it is the variable named after it. */
  | { kind: 'props'; name: string; node: ts.Node; param?: ts.ParameterDeclaration }
  | { kind: 'namespace'; name: string }
  /** An array of constructs of one type (`subnets.push(new Subnet(...))`, `azs.map(() => new Subnet(...))`). */
  | { kind: 'collection'; info: ConstructInfo };

/** Attributes of a construct object that are not Terraform attributes. */
const CONSTRUCT_MEMBERS = new Set(['node', 'terraformResourceType', 'terraformGeneratorMetadata', 'friendlyUniqueId', 'cdktfStack', 'fqn']);
const VARIABLE_VALUE_MEMBERS = new Set(['value', 'stringValue', 'numberValue', 'listValue', 'booleanValue', 'stringListValue', 'numberListValue']);
const LOCAL_VALUE_MEMBERS = new Set(['expression', 'asString', 'asNumber', 'asList', 'asBoolean', 'asStringMap', 'asNumberMap', 'asBooleanMap', 'asAnyMap', 'fqn']);
const TOKEN_PASSTHROUGH = new Set(['asString', 'asNumber', 'asList', 'asAny', 'asStringMap', 'asNumberList', 'asAnyMap', 'asNumberMap', 'asBooleanMap']);

export class Evaluator {
  private readonly memberCache = new Map<ProjectClass, Map<string, ts.Expression>>();
  private readonly initializerCache = new Map<ts.Node, Map<number, Value>>();
  private caching = false;

  /**
   * From here on the analyzer's state that values read (construct ids, provided props) is final, so memoized values
   * equal fresh ones. Before (while ids are assigned) nothing is cached.
   */
  freeze(): void {
    this.caching = true;
  }

  constructor(private readonly an: Analyzer) {}

  /** The model expression for a TypeScript expression. */
  expr(node: ts.Expression, depth = 0): Expr {
    return this.toExpr(this.value(node, depth), node);
  }

  opaque(node: ts.Node): Expr {
    const sf = node.getSourceFile();
    let text = node.getText(sf);
    if (text.length > 500) text = text.slice(0, 500) + '…';
    return { kind: 'opaque', text, span: this.span(node) };
  }

  span(node: ts.Node) {
    const sf = node.getSourceFile();
    const f = this.an.fileOf.get(sf);
    return spanOf(sf, f?.file.path ?? sf.fileName, node);
  }

  toExpr(v: Value, at: ts.Node): Expr {
    switch (v.kind) {
      case 'expr':
        return v.expr;
      case 'construct':
        return this.constructRef(v.info, at) ?? this.opaque(at);
      case 'collection':
        // The whole counted resource, as HCL writes `depends_on = [aws_subnet.private]`.
        return this.constructRef(v.info, at) ?? this.opaque(at);
      case 'props':
        this.an.noteVar(v.name, at);
        return { kind: 'reference', parts: ['var', v.name], span: this.span(at) };
      default:
        return this.opaque(at);
    }
  }

  /** The bare reference to a construct (`dependsOn: [bucket]`, `provider: east`). */
  constructRef(info: ConstructInfo, at: ts.Node): Expr | undefined {
    const span = this.span(at);
    switch (info.role) {
      case 'resource':
        return { kind: 'reference', parts: [info.tfType!, info.id], span };
      case 'data':
        return { kind: 'reference', parts: ['data', info.tfType!, info.id], span };
      case 'variable':
        return { kind: 'reference', parts: ['var', info.id], span };
      case 'local':
        return { kind: 'reference', parts: ['local', info.id], span };
      case 'provider': {
        const alias = this.providerAlias(info);
        return { kind: 'reference', parts: alias ? [info.tfType!, alias] : [info.tfType!], span };
      }
      default:
        return undefined;
    }
  }

  private providerAlias(info: ConstructInfo): string | undefined {
    const cfg = info.configArg ? this.objectLiteral(info.configArg, 0) : undefined;
    if (!cfg) return undefined;
    for (const p of cfg.properties) {
      if (ts.isPropertyAssignment(p) && propertyKey(p.name) === 'alias') {
        const e = this.expr(p.initializer, 1);
        if (e.kind === 'literal' && typeof e.value === 'string') return e.value;
      }
    }
    return undefined;
  }

  /** Follows identifiers/parentheses to an object literal, if the value is one. */
  objectLiteral(node: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
    const n = this.follow(node, depth);
    return n && ts.isObjectLiteralExpression(n) ? n : undefined;
  }

  arrayLiteral(node: ts.Expression, depth: number): ts.ArrayLiteralExpression | undefined {
    const n = this.follow(node, depth);
    return n && ts.isArrayLiteralExpression(n) ? n : undefined;
  }

  /** Unwraps parentheses/type assertions and follows stable const bindings to their initializer node. */
  follow(node: ts.Expression, depth: number): ts.Expression | undefined {
    let n: ts.Expression = node;
    for (let d = depth; d < MAX_DEPTH; d++) {
      n = unwrap(n);
      if (!ts.isIdentifier(n)) return n;
      const decl = lookup(n.text, n);
      if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return n;
      if (!isStableDeclaration(decl, this.an.reassigned.get(decl.getSourceFile()) ?? new Set())) return n;
      n = decl.initializer;
    }
    return undefined;
  }

  value(node: ts.Expression, depth: number): Value {
    if (depth > MAX_DEPTH) return { kind: 'expr', expr: this.opaque(node) };
    const n = unwrap(node);
    const span = this.span(n);
    const lit = (value: LiteralValue): Value => ({ kind: 'expr', expr: { kind: 'literal', value, span } });
    switch (n.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return lit((n as ts.StringLiteral).text);
      case ts.SyntaxKind.NumericLiteral:
        return lit(Number((n as ts.NumericLiteral).text.replace(/_/g, '')));
      case ts.SyntaxKind.TrueKeyword:
        return lit(true);
      case ts.SyntaxKind.FalseKeyword:
        return lit(false);
      case ts.SyntaxKind.NullKeyword:
        return lit(null);
      case ts.SyntaxKind.ThisKeyword: {
        const cls = enclosingClass(n);
        const pc = cls ? this.an.classByDecl.get(cls) : undefined;
        return pc ? { kind: 'instance', cls: pc } : { kind: 'expr', expr: this.opaque(n) };
      }
    }
    if (ts.isIdentifier(n)) return this.identifier(n, depth);
    if (ts.isNewExpression(n)) {
      const info = this.an.constructs.get(n);
      if (info?.role === 'project-class' && info.projectClass) return { kind: 'instance', cls: info.projectClass };
      return info ? { kind: 'construct', info } : { kind: 'expr', expr: this.opaque(n) };
    }
    if (ts.isPropertyAccessExpression(n)) {
      if (ts.isPrivateIdentifier(n.name)) return { kind: 'expr', expr: this.opaque(n) };
      return this.member(this.value(n.expression, depth + 1), n.name.text, n, depth);
    }
    if (ts.isElementAccessExpression(n)) return this.elementAccess(n, depth);
    if (ts.isTemplateExpression(n)) return { kind: 'expr', expr: this.template(n, depth) };
    if (ts.isConditionalExpression(n)) {
      return {
        kind: 'expr',
        expr: {
          kind: 'conditional',
          condition: this.expr(n.condition, depth + 1),
          then: this.expr(n.whenTrue, depth + 1),
          else: this.expr(n.whenFalse, depth + 1),
          span,
        },
      };
    }
    if (ts.isBinaryExpression(n)) return { kind: 'expr', expr: this.binary(n, depth) };
    if (ts.isPrefixUnaryExpression(n)) return { kind: 'expr', expr: this.prefixUnary(n, depth) };
    if (ts.isObjectLiteralExpression(n)) return { kind: 'expr', expr: this.object(n, depth) };
    if (ts.isArrayLiteralExpression(n)) return { kind: 'expr', expr: this.array(n, depth) };
    if (ts.isCallExpression(n)) return this.call(n, depth);
    return { kind: 'expr', expr: this.opaque(n) };
  }

  /**
   * The value of a stable const's initializer, memoized per (initializer, depth): `const a2 = { ...a1, ...a1 }`
   * chains read each name twice per line, which was exponential (20 lines took 12 s). The depth stays in the key,
   * so a cached value is exactly what evaluating again would give (the depth bound can cut a deep chain short).
   */
  private initializerValue(init: ts.Expression, depth: number): Value {
    if (!this.caching) return this.value(init, depth);
    let byDepth = this.initializerCache.get(init);
    if (!byDepth) this.initializerCache.set(init, (byDepth = new Map()));
    let v = byDepth.get(depth);
    if (!v) byDepth.set(depth, (v = this.value(init, depth)));
    return v;
  }

  /**
   * The expression, or `opaque` when its tree is over MAX_EXPR_NODES: values are shared between uses, so spreading
   * an unknown value twice per line (`{ ...a1, ...a1 }` over `JSON.parse(...)`) builds a tree that doubles per line
   * (280 MB of JSON at 20 lines) although the graph stays small.
   */
  private bounded(e: Expr, at: ts.Node): Expr {
    return exprSize(e, this.sizes) > MAX_EXPR_NODES ? this.opaque(at) : e;
  }

  private readonly sizes = new WeakMap<object, number>();

  private identifier(n: ts.Identifier, depth: number): Value {
    if (n.text === 'undefined') return { kind: 'expr', expr: { kind: 'literal', value: null, span: this.span(n) } };
    const decl = lookup(n.text, n);
    if (!decl) return { kind: 'expr', expr: this.opaque(n) };
    if (ts.isVariableDeclaration(decl)) {
      const coll = this.collectionOf(n.text, decl.initializer, decl.getSourceFile());
      if (coll) return coll;
      const loopItem = this.loopItem(decl, n, depth);
      if (loopItem) return loopItem;
      const assigned = this.an.assignments.get(decl.getSourceFile())?.get(n.text) ?? [];
      if (assigned.length === 1 && !decl.initializer) {
        // `let x: Bucket | undefined; if (c) x = new Bucket(...)`: the one construct it can hold.
        const only = unwrap(assigned[0]!);
        if (ts.isNewExpression(only) && this.an.constructs.has(only)) return this.value(only, depth + 1);
      }
      if (!decl.initializer) return { kind: 'expr', expr: this.opaque(n) };
      const init = unwrap(decl.initializer);
      // A construct bound with `let` is still that construct; other reassigned names have no single value.
      if (ts.isNewExpression(init) && this.an.constructs.has(init)) return this.value(init, depth + 1);
      if (!isStableDeclaration(decl, this.an.reassigned.get(decl.getSourceFile()) ?? new Set())) {
        return { kind: 'expr', expr: this.opaque(n) };
      }
      return this.initializerValue(decl.initializer, depth + 1);
    }
    if (ts.isBindingElement(decl)) return this.bindingElement(decl, n, depth);
    if (ts.isParameter(decl)) {
      const item = this.callbackItem(decl, n, depth);
      if (item) return item;
      return this.isPropsParameter(decl) ? { kind: 'props', name: n.text, node: n, param: decl } : { kind: 'expr', expr: this.opaque(n) };
    }
    if (ts.isImportSpecifier(decl) || ts.isNamespaceImport(decl) || ts.isImportClause(decl)) {
      return { kind: 'namespace', name: n.text };
    }
    return { kind: 'expr', expr: this.opaque(n) };
  }

  /**
   * Inputs of a construct, the CDKTF counterpart of variables: constructor parameters after (scope, id) of a
   * construct class, parameters after the scope of a factory function `(scope: Construct, ...)`, and parameters of
   * helper methods typed with a construct's props type (`private createSubnets(props: NetworkProps)`).
   */
  isPropsParameter(p: ts.ParameterDeclaration): boolean {
    const fn = p.parent;
    const index = fn.parameters.indexOf(p);
    if (ts.isConstructorDeclaration(fn)) {
      const cls = this.an.classByDecl.get(fn.parent);
      if (cls?.isConstruct && index >= 2) return true;
    } else if (index >= 1 && !(ts.isIdentifier(p.name) && p.name.text === 'id') && isConstructScopeParam(fn.parameters[0])) {
      return true;
    }
    const type = p.type && ts.isTypeReferenceNode(p.type) ? p.type.typeName.getText() : undefined;
    return !!type && this.an.propsTypes().has(type);
  }

  /** `const { a, b = 'x' } = props` and nested patterns. */
  private bindingElement(el: ts.BindingElement, at: ts.Node, depth: number): Value {
    const pattern = el.parent;
    const source = this.patternSource(pattern, depth + 1);
    let v: Value;
    if (ts.isArrayBindingPattern(pattern)) {
      const idx = pattern.elements.indexOf(el);
      v = this.indexValue(source, idx, at);
    } else {
      const key = el.propertyName ? propertyKey(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
      v = key === undefined ? { kind: 'expr', expr: this.opaque(at) } : this.member(source, key, at, depth, el.initializer);
    }
    return v;
  }

  private patternSource(pattern: ts.BindingPattern, depth: number): Value {
    const owner = pattern.parent;
    if (ts.isVariableDeclaration(owner)) {
      return owner.initializer ? this.value(owner.initializer, depth) : { kind: 'expr', expr: this.opaque(owner) };
    }
    if (ts.isParameter(owner)) {
      return this.isPropsParameter(owner) ? { kind: 'props', name: 'props', node: owner, param: owner } : { kind: 'expr', expr: this.opaque(owner) };
    }
    if (ts.isBindingElement(owner)) return this.bindingElement(owner, owner, depth);
    return { kind: 'expr', expr: this.opaque(pattern) };
  }

  private indexValue(base: Value, idx: number, at: ts.Node): Value {
    if (base.kind === 'collection') return { kind: 'expr', expr: this.itemRef(base.info, `[${idx}]`, at) };
    if (base.kind === 'expr') {
      const e = base.expr;
      if (e.kind === 'tuple') return { kind: 'expr', expr: e.items[idx] ?? this.opaque(at) };
      if (e.kind === 'reference') return { kind: 'expr', expr: { kind: 'reference', parts: [...e.parts, `[${idx}]`], span: this.span(at) } };
    }
    return { kind: 'expr', expr: this.opaque(at) };
  }

  /**
   * `base.name`. `fallback` is a destructuring default (`{ x = 'dev' } = props`), recorded as the variable's default.
   */
  member(base: Value, name: string, at: ts.Node, depth: number, fallback?: ts.Expression): Value {
    const span = this.span(at);
    switch (base.kind) {
      case 'props': {
        const traced = this.tracedProp(base, name, depth);
        if (traced) return traced;
        const fb = fallback ? this.expr(fallback, depth + 1) : undefined;
        this.an.noteVar(name, at, fb && isStatic(fb) ? fb : undefined);
        return { kind: 'expr', expr: { kind: 'reference', parts: ['var', name], span } };
      }
      case 'construct':
        return this.constructMember(base.info, name, at);
      case 'collection':
        return { kind: 'expr', expr: this.opaque(at) };
      case 'instance': {
        const init = this.classMember(base.cls, name);
        if (init && isParamMember(init)) return { kind: 'props', name, node: at, param: init.param };
        const coll = this.collectionOf(name, init, base.cls.file.sf);
        if (coll) return coll;
        return init ? this.value(init, depth + 1) : { kind: 'expr', expr: this.opaque(at) };
      }
      case 'namespace':
        return { kind: 'expr', expr: this.opaque(at) };
      case 'expr':
        return { kind: 'expr', expr: this.exprMember(base.expr, name, at, fallback, depth) };
    }
  }

  /**
   * `props.kmsKeyId` inside a construct class that the project instantiates exactly once
   * (`new RdsModule(this, 'rds', { kmsKeyId: kms.keyArn })`): the value that instantiation passes, when it carries
   * a reference (a construct, a resource attribute, an outer prop) — what `cdktf synth` writes there. Literal and
   * unresolvable values keep the variable reading (the literal becomes its default, see noteProvidedProps), and so
   * do classes instantiated several times, stacks (their props are the deployment's inputs) and classes another
   * class extends (a `super(scope, id, props)` call passes other values).
   */
  private tracedProp(base: Extract<Value, { kind: 'props' }>, name: string, depth: number): Value | undefined {
    if (!base.param || depth > MAX_DEPTH) return undefined;
    const info = this.singleInstantiation(base.param);
    if (!info?.configArg) return undefined;
    const v = this.propertyValue(info.configArg, name, depth + 1);
    if (!v) return undefined;
    if (v.kind === 'construct' || v.kind === 'collection' || v.kind === 'instance') return v;
    if (v.kind === 'props') return this.member(v, name, v.node, depth + 1);
    if (v.kind === 'expr' && carriesReference(v.expr, 0)) return v;
    return undefined;
  }

  private instantiations?: Map<ProjectClass, ConstructInfo[]>;

  /** The one `new C(scope, id, props)` of the construct class whose constructor declares `param`, if exactly one. */
  private singleInstantiation(param: ts.ParameterDeclaration): ConstructInfo | undefined {
    const ctor = param.parent;
    if (!ts.isConstructorDeclaration(ctor) || ctor.parameters.indexOf(param) !== 2) return undefined;
    const cls = this.an.classByDecl.get(ctor.parent);
    if (!cls?.isConstruct) return undefined;
    if (!this.instantiations) {
      this.instantiations = new Map();
      for (const info of this.an.constructs.values()) {
        if (info.role !== 'project-class' || !info.projectClass) continue;
        this.instantiations.set(info.projectClass, [...(this.instantiations.get(info.projectClass) ?? []), info]);
      }
      // A subclass passes its own props through `super(...)`: the base class's props are not one instantiation's.
      for (const other of this.an.classByDecl.values()) {
        const b = this.an.baseClassExpr(other);
        const parent = b ? this.an.projectClassOf(b.expression) : undefined;
        if (parent && parent !== other) this.instantiations.set(parent, []);
      }
    }
    const list = this.instantiations.get(cls) ?? [];
    if (list.length !== 1) return undefined;
    // A stack's props are the deployment's inputs, unless the stack is created inside another construct (a nested
    // stack): then, like any construct, its props are what that one caller passes.
    if (this.an.isStackClass(cls) && !this.insideProjectConstruct(list[0]!.node)) return undefined;
    return list[0];
  }

  /** The node sits in the body of a construct class of the project (not in the app's entry file). */
  private insideProjectConstruct(node: ts.Node): boolean {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if (ts.isClassLike(n)) return this.an.classByDecl.get(n)?.isConstruct === true;
    }
    return false;
  }

  /** The value a config object gives `key` (last write wins, spreads of props followed), or undefined when unknown. */
  private propertyValue(config: ts.Expression, key: string, depth: number): Value | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const obj = this.objectLiteral(config, depth);
    if (!obj) {
      const v = this.value(config, depth + 1);
      return v.kind === 'props' ? this.member(v, key, config, depth + 1) : undefined;
    }
    for (let i = obj.properties.length - 1; i >= 0; i--) {
      const p = obj.properties[i]!;
      if (ts.isPropertyAssignment(p) && propertyKey(p.name) === key) return this.value(p.initializer, depth + 1);
      if (ts.isShorthandPropertyAssignment(p) && p.name.text === key) return this.value(p.name, depth + 1);
      if (ts.isSpreadAssignment(p)) {
        const inner = this.objectLiteral(p.expression, depth + 1);
        if (inner) {
          const v = this.propertyValue(inner, key, depth + 1);
          if (v) return v;
          continue;
        }
        const v = this.value(p.expression, depth + 1);
        // An unknown spread may or may not set the key.
        return v.kind === 'props' ? this.member(v, key, p, depth + 1) : undefined;
      }
    }
    return undefined;
  }

  private exprMember(e: Expr, name: string, at: ts.Node, fallback: ts.Expression | undefined, depth: number): Expr {
    const span = this.span(at);
    if (e.kind === 'object') {
      const hit = [...e.entries].reverse().find((en) => en.key === name);
      if (hit) return hit.value;
      return fallback ? this.expr(fallback, depth + 1) : this.opaque(at);
    }
    if (e.kind === 'tuple' && name === 'length') return { kind: 'literal', value: e.items.length, span };
    if (e.kind === 'literal' && typeof e.value === 'string' && name === 'length') return { kind: 'literal', value: e.value.length, span };
    if (e.kind === 'reference') {
      if (name === 'length') return { kind: 'call', name: 'length', args: [e], span };
      const keep = e.parts[0] === 'var' || e.parts[0] === 'local';
      return { kind: 'reference', parts: [...e.parts, keep ? name : camelToSnake(name)], span };
    }
    if (e.kind === 'call' || e.kind === 'access' || e.kind === 'conditional') {
      return e.kind === 'access' ? { ...e, steps: [...e.steps, name], span } : { kind: 'access', target: e, steps: [name], span };
    }
    return this.opaque(at);
  }

  private constructMember(info: ConstructInfo, name: string, at: ts.Node): Value {
    const span = this.span(at);
    const ref = (parts: string[]): Value => ({ kind: 'expr', expr: { kind: 'reference', parts, span } });
    switch (info.role) {
      case 'variable':
        return VARIABLE_VALUE_MEMBERS.has(name) ? ref(['var', info.id]) : { kind: 'expr', expr: this.opaque(at) };
      case 'local':
        return LOCAL_VALUE_MEMBERS.has(name) ? ref(['local', info.id]) : { kind: 'expr', expr: this.opaque(at) };
      case 'resource':
        if (name === 'fqn') return ref([info.tfType!, info.id]);
        return CONSTRUCT_MEMBERS.has(name) ? { kind: 'expr', expr: this.opaque(at) } : ref([info.tfType!, info.id, camelToSnake(name)]);
      case 'data':
        if (name === 'fqn') return ref(['data', info.tfType!, info.id]);
        return CONSTRUCT_MEMBERS.has(name) ? { kind: 'expr', expr: this.opaque(at) } : ref(['data', info.tfType!, info.id, camelToSnake(name)]);
      default:
        return { kind: 'expr', expr: this.opaque(at) };
    }
  }

  /** A project class member: `x = init`, `this.x = value` anywhere in the class, getters, constructor parameter properties. */
  private classMember(cls: ProjectClass, name: string, seen = 0): ts.Expression | { param: ts.ParameterDeclaration } | undefined {
    if (seen > 10) return undefined;
    let members = this.memberCache.get(cls);
    if (!members) {
      members = collectMembers(cls.decl);
      this.memberCache.set(cls, members);
    }
    const hit = members.get(name);
    if (hit) return hit;
    const ctor = cls.decl.members.find(ts.isConstructorDeclaration);
    const param = ctor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
    if (param && ts.getModifiers(param)?.length && this.isPropsParameter(param)) return { param };
    const base = this.an.baseClassExpr(cls);
    const parent = base ? this.an.projectClassOf(base.expression) : undefined;
    return parent && parent !== cls ? this.classMember(parent, name, seen + 1) : undefined;
  }

  private elementAccess(n: ts.ElementAccessExpression, depth: number): Value {
    const base = this.value(n.expression, depth + 1);
    const key = this.expr(n.argumentExpression, depth + 1);
    if (key.kind === 'literal' && typeof key.value === 'string') return this.member(base, key.value, n, depth);
    if (key.kind === 'literal' && typeof key.value === 'number') return this.indexValue(base, key.value, n);
    if (base.kind === 'expr' && base.expr.kind === 'reference') {
      return { kind: 'expr', expr: { kind: 'reference', parts: [...base.expr.parts, '[?]'], span: this.span(n) } };
    }
    if (base.kind === 'collection') return { kind: 'expr', expr: this.itemRef(base.info, '[?]', n) };
    return { kind: 'expr', expr: this.opaque(n) };
  }

  private template(n: ts.TemplateExpression, depth: number): Expr {
    const parts: Expr[] = [];
    const pushText = (text: string): void => {
      if (text) parts.push({ kind: 'literal', value: text });
    };
    pushText(n.head.text);
    for (const s of n.templateSpans) {
      parts.push(this.expr(s.expression, depth + 1));
      pushText(s.literal.text);
    }
    return joinParts(parts, this.span(n));
  }

  private binary(n: ts.BinaryExpression, depth: number): Expr {
    const span = this.span(n);
    const op = n.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      const left = this.expr(n.left, depth + 1);
      const right = this.expr(n.right, depth + 1);
      // `props.x || 'dev'`: the prop is the variable, the literal its default.
      if (left.kind === 'reference' && left.parts.length === 2 && left.parts[0] === 'var') {
        if (isStatic(right)) this.an.noteVar(left.parts[1]!, n, right);
        return left;
      }
      return { kind: 'operation', operator: '||', operands: [left, right], span };
    }
    const left = this.expr(n.left, depth + 1);
    const right = this.expr(n.right, depth + 1);
    if (op === ts.SyntaxKind.PlusToken && (isStringy(left) || isStringy(right))) return joinParts([left, right], span);
    const operator = binaryOperators().get(op);
    if (!operator) return this.opaque(n);
    return { kind: 'operation', operator, operands: [left, right], span };
  }

  private prefixUnary(n: ts.PrefixUnaryExpression, depth: number): Expr {
    const span = this.span(n);
    const operand = this.expr(n.operand, depth + 1);
    if (n.operator === ts.SyntaxKind.MinusToken && operand.kind === 'literal' && typeof operand.value === 'number') {
      return { kind: 'literal', value: -operand.value, span };
    }
    if (n.operator === ts.SyntaxKind.ExclamationToken) return { kind: 'operation', operator: '!', operands: [operand], span };
    if (n.operator === ts.SyntaxKind.MinusToken) return { kind: 'operation', operator: '-', operands: [operand], span };
    if (n.operator === ts.SyntaxKind.PlusToken) return operand;
    return this.opaque(n);
  }

  object(n: ts.ObjectLiteralExpression, depth: number): Expr {
    const span = this.span(n);
    const entries: ObjectEntry[] = [];
    const pieces: Expr[] = [];
    const set = (key: string, value: Expr): void => {
      const i = entries.findIndex((e) => e.key === key);
      if (i >= 0) entries[i] = { key, value };
      else entries.push({ key, value });
    };
    for (const p of n.properties) {
      if (ts.isPropertyAssignment(p)) {
        const key = propertyKey(p.name);
        if (key !== undefined) set(key, this.expr(p.initializer, depth + 1));
        else if (ts.isComputedPropertyName(p.name)) {
          entries.push({ keyExpr: this.expr(p.name.expression, depth + 1), value: this.expr(p.initializer, depth + 1) });
        }
      } else if (ts.isShorthandPropertyAssignment(p)) {
        set(p.name.text, this.expr(p.name, depth + 1));
      } else if (ts.isSpreadAssignment(p)) {
        const spread = this.expr(p.expression, depth + 1);
        if (spread.kind === 'object') {
          for (const e of spread.entries) {
            if (e.key !== undefined) set(e.key, e.value);
            else entries.push(e);
          }
        } else if (!(spread.kind === 'literal' && spread.value === null)) {
          // An unknown spread: the HCL equivalent is merge(spread, {rest}).
          if (entries.length) pieces.push({ kind: 'object', entries: entries.splice(0), span });
          pieces.push(spread);
        }
      } else if (p.name && propertyKey(p.name) !== undefined) {
        set(propertyKey(p.name)!, this.opaque(p));
      }
    }
    if (!pieces.length) return this.bounded({ kind: 'object', entries, span }, n);
    if (entries.length) pieces.push({ kind: 'object', entries, span });
    return this.bounded({ kind: 'call', name: 'merge', args: pieces, span }, n);
  }

  private array(n: ts.ArrayLiteralExpression, depth: number): Expr {
    const span = this.span(n);
    const items: Expr[] = [];
    const pieces: Expr[] = [];
    for (const el of n.elements) {
      if (ts.isOmittedExpression(el)) continue;
      if (ts.isSpreadElement(el)) {
        const spread = this.expr(el.expression, depth + 1);
        if (spread.kind === 'tuple') appendAll(items, spread.items);
        else {
          if (items.length) pieces.push({ kind: 'tuple', items: items.splice(0), span });
          pieces.push(spread);
        }
      } else {
        items.push(this.expr(el, depth + 1));
      }
    }
    if (!pieces.length) return this.bounded({ kind: 'tuple', items, span }, n);
    if (items.length) pieces.push({ kind: 'tuple', items, span });
    return this.bounded({ kind: 'call', name: 'concat', args: pieces, span }, n);
  }

  private call(n: ts.CallExpression, depth: number): Value {
    const span = this.span(n);
    const callee = unwrap(n.expression);
    const args = () => n.arguments.map((a) => (ts.isSpreadElement(a) ? this.expr(a.expression, depth + 1) : this.expr(a, depth + 1)));
    const done = (expr: Expr): Value => ({ kind: 'expr', expr });
    if (!ts.isPropertyAccessExpression(callee) || ts.isPrivateIdentifier(callee.name)) return done(this.opaque(n));
    const method = callee.name.text;
    const target = unwrap(callee.expression);
    const rootName = ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : '';
    if (rootName === 'Fn' && this.isCdktfName(target)) return done({ kind: 'call', name: camelToSnake(method), args: args(), span });
    if (rootName === 'JSON' && ts.isIdentifier(target) && !lookup('JSON', target) && method === 'stringify' && n.arguments[0]) {
      return done({ kind: 'call', name: 'jsonencode', args: [this.expr(n.arguments[0], depth + 1)], span });
    }
    if (rootName === 'Token' && this.isCdktfName(target) && TOKEN_PASSTHROUGH.has(method) && n.arguments[0]) {
      return this.value(n.arguments[0], depth + 1);
    }
    const base = this.value(callee.expression, depth + 1);
    if (base.kind === 'construct') {
      const attrGetter = /^get(String|Number|List|Boolean|NumberList|StringMap|NumberMap|BooleanMap|Any|AnyMap|Map)Attribute$|^interpolationForAttribute$/;
      const arg0 = n.arguments[0] ? this.expr(n.arguments[0], depth + 1) : undefined;
      if (attrGetter.test(method) && arg0?.kind === 'literal' && typeof arg0.value === 'string') {
        const ref = this.constructRef(base.info, n);
        if (ref?.kind === 'reference') return done({ kind: 'reference', parts: [...ref.parts, arg0.value], span });
      }
      return done(this.opaque(n));
    }
    if (base.kind === 'collection') {
      // `subnets.map(s => s.id)` → aws_subnet.x[*].id
      const fn = n.arguments[0];
      if (method === 'map' && fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) {
        const body = returnedExpression(fn);
        if (body) return this.value(body, depth + 1);
      }
      return done(this.opaque(n));
    }
    if (base.kind !== 'expr') return done(this.opaque(n));
    const b = base.expr;
    const a = args();
    switch (method) {
      case 'get':
        if (b.kind === 'reference' && a.length === 1) {
          const k = a[0]!;
          const step = k.kind === 'literal' && typeof k.value === 'number' ? `[${k.value}]` : k.kind === 'literal' && typeof k.value === 'string' ? `[${JSON.stringify(k.value)}]` : '[?]';
          return done({ kind: 'reference', parts: [...b.parts, step], span });
        }
        break;
      case 'toString':
        if (!a.length) return done(b);
        break;
      case 'toLowerCase':
      case 'toUpperCase': {
        if (b.kind === 'literal' && typeof b.value === 'string') {
          return done({ kind: 'literal', value: method === 'toLowerCase' ? b.value.toLowerCase() : b.value.toUpperCase(), span });
        }
        return done({ kind: 'call', name: method === 'toLowerCase' ? 'lower' : 'upper', args: [b], span });
      }
      case 'join':
        if (b.kind === 'tuple' || b.kind === 'reference') {
          return done({ kind: 'call', name: 'join', args: [a[0] ?? { kind: 'literal', value: ',' }, b], span });
        }
        break;
      case 'concat':
        if (b.kind === 'tuple') return done({ kind: 'call', name: 'concat', args: [b, ...a], span });
        break;
    }
    return done(this.opaque(n));
  }

  /** The array a name holds when it only ever collects constructs of one type. */
  private collectionOf(name: string, init: ts.Expression | undefined, sf: ts.SourceFile): Value | undefined {
    const i = init ? unwrap(init) : undefined;
    if (i && ts.isCallExpression(i) && ts.isPropertyAccessExpression(i.expression) && /^(map|flatMap)$/.test(i.expression.name.text)) {
      const fn = i.arguments[0];
      const body = fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? returnedExpression(fn) : undefined;
      const made = body ? unwrap(body) : undefined;
      const info = made && ts.isNewExpression(made) ? this.an.constructs.get(made) : undefined;
      return info && (info.role === 'resource' || info.role === 'data') ? { kind: 'collection', info } : undefined;
    }
    if (i && !(ts.isArrayLiteralExpression(i) && i.elements.length === 0)) return undefined;
    const pushed = this.an.pushed.get(sf)?.get(name) ?? [];
    const first = pushed[0];
    if (!first || (first.role !== 'resource' && first.role !== 'data')) return undefined;
    return pushed.every((p) => p.role === first.role && p.tfType === first.tfType) ? { kind: 'collection', info: first } : undefined;
  }

  /** `for (const subnet of subnets)`: one element of a construct collection. */
  private loopItem(decl: ts.VariableDeclaration, at: ts.Node, depth: number): Value | undefined {
    const list = decl.parent;
    const loop = list?.parent;
    if (!ts.isVariableDeclarationList(list) || !loop || !ts.isForOfStatement(loop) || !ts.isIdentifier(decl.name)) return undefined;
    const coll = this.collectionAt(loop.expression, depth);
    return coll.kind === 'collection' ? { kind: 'expr', expr: this.itemRef(coll.info, '[?]', at) } : undefined;
  }

  /** `subnets.forEach((subnet) => ...)` / `.map(...)`: the callback's first parameter is one element. */
  private callbackItem(p: ts.ParameterDeclaration, at: ts.Node, depth: number): Value | undefined {
    const fn = p.parent;
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters[0] !== p) return undefined;
    const call = fn.parent;
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return undefined;
    const coll = this.collectionAt(call.expression.expression, depth);
    if (coll.kind !== 'collection') return undefined;
    const all = call.expression.name.text === 'map' && call.arguments[0] === fn;
    return { kind: 'expr', expr: this.itemRef(coll.info, all ? '[*]' : '[?]', at) };
  }

  private readonly collectionCache = new Map<ts.Node, Value>();

  /** The value iterated by a loop or callback, memoized: every use of the loop variable asks again. */
  private collectionAt(node: ts.Expression, depth: number): Value {
    let v = this.collectionCache.get(node);
    if (!v) {
      v = this.value(node, depth + 1);
      if (v.kind !== 'collection') v = { kind: 'namespace', name: '' };
      this.collectionCache.set(node, v);
    }
    return v;
  }

  private itemRef(info: ConstructInfo, step: string, at: ts.Node): Expr {
    const base = info.role === 'data' ? ['data', info.tfType!, info.id] : [info.tfType!, info.id];
    return { kind: 'reference', parts: [...base, step], span: this.span(at) };
  }

  /** `Fn`/`Token` imported from cdktf (or `cdktf.Fn`), not a project name that happens to match. */
  private isCdktfName(target: ts.Expression): boolean {
    if (ts.isPropertyAccessExpression(target)) {
      const root = unwrap(target.expression);
      if (!ts.isIdentifier(root)) return false;
      return this.an.imports.get(target.getSourceFile())?.get(root.text)?.kind === 'namespace';
    }
    if (!ts.isIdentifier(target)) return false;
    const binding = this.an.imports.get(target.getSourceFile())?.get(target.text);
    if (binding) return binding.kind === 'named' && binding.pkg === 'cdktf';
    // Snippets often omit the import line; accept the name when nothing else declares it.
    return !lookup(target.text, target);
  }
}

export function isConstructScopeParam(p: ts.ParameterDeclaration | undefined): boolean {
  const t = p?.type;
  return !!t && ts.isTypeReferenceNode(t) && /(^|\.)Construct$/.test(t.typeName.getText());
}

let binaryOperators_: Map<ts.SyntaxKind, string> | undefined;
/** Built on first use, not at module load: reading `ts.SyntaxKind` loads the compiler, which HCL-only runs never need. */
function binaryOperators(): Map<ts.SyntaxKind, string> {
  return (binaryOperators_ ??= new Map<ts.SyntaxKind, string>([
    [ts.SyntaxKind.EqualsEqualsEqualsToken, '=='],
    [ts.SyntaxKind.EqualsEqualsToken, '=='],
    [ts.SyntaxKind.ExclamationEqualsEqualsToken, '!='],
    [ts.SyntaxKind.ExclamationEqualsToken, '!='],
    [ts.SyntaxKind.AmpersandAmpersandToken, '&&'],
    [ts.SyntaxKind.PlusToken, '+'],
    [ts.SyntaxKind.MinusToken, '-'],
    [ts.SyntaxKind.AsteriskToken, '*'],
    [ts.SyntaxKind.SlashToken, '/'],
    [ts.SyntaxKind.PercentToken, '%'],
    [ts.SyntaxKind.LessThanToken, '<'],
    [ts.SyntaxKind.LessThanEqualsToken, '<='],
    [ts.SyntaxKind.GreaterThanToken, '>'],
    [ts.SyntaxKind.GreaterThanEqualsToken, '>='],
  ]));
}

export function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  for (;;) {
    if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isTypeAssertionExpression(n) || ts.isNonNullExpression(n) || ts.isSatisfiesExpression(n)) {
      n = n.expression;
    } else {
      return n;
    }
  }
}

export function propertyKey(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const e = name.expression;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isNumericLiteral(e)) return e.text;
  }
  return undefined;
}

/** Literal values (and tuples/objects of them): usable as a variable default. */
export function isStatic(e: Expr): boolean {
  if (e.kind === 'literal') return true;
  if (e.kind === 'template') return e.parts.every((p) => p.kind === 'literal');
  if (e.kind === 'tuple') return e.items.every(isStatic);
  if (e.kind === 'object') return e.entries.every((en) => en.key !== undefined && isStatic(en.value));
  return false;
}

function isStringy(e: Expr): boolean {
  return (e.kind === 'literal' && typeof e.value === 'string') || e.kind === 'template';
}

/** Concatenates template parts: nested templates are spliced, adjacent literals merged; all-literal folds to a string. */
export function joinParts(raw: Expr[], span: ReturnType<Evaluator['span']>): Expr {
  const parts: Expr[] = [];
  const flat = raw.flatMap((p) => (p.kind === 'template' && !p.heredoc ? p.parts : [p]));
  for (const p of flat) {
    const last = parts[parts.length - 1];
    if (p.kind === 'literal' && (typeof p.value === 'string' || typeof p.value === 'number' || typeof p.value === 'boolean')) {
      const text = String(p.value);
      if (last && last.kind === 'literal' && typeof last.value === 'string') {
        parts[parts.length - 1] = { kind: 'literal', value: last.value + text };
      } else if (text) {
        parts.push({ kind: 'literal', value: text });
      }
    } else {
      parts.push(p);
    }
  }
  if (parts.every((p) => p.kind === 'literal')) {
    return { kind: 'literal', value: parts.map((p) => String((p as { value: LiteralValue }).value)).join(''), span };
  }
  return { kind: 'template', parts, span };
}

/** The single expression a callback returns: an expression body or a body whose only return has a value. */
function returnedExpression(fn: ts.ArrowFunction | ts.FunctionExpression): ts.Expression | undefined {
  if (!ts.isBlock(fn.body)) return fn.body;
  const returns = fn.body.statements.filter(ts.isReturnStatement);
  return returns.length === 1 ? returns[0]!.expression : undefined;
}

function isParamMember(m: ts.Expression | { param: ts.ParameterDeclaration }): m is { param: ts.ParameterDeclaration } {
  return 'param' in m && !('kind' in m);
}

/** Whether an expression reads something declared in the configuration (a resource, data source, variable, local). */
function carriesReference(e: Expr, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  switch (e.kind) {
    case 'reference':
      return true;
    case 'template':
      return e.parts.some((p) => carriesReference(p, depth + 1));
    case 'call':
      return e.args.some((a) => carriesReference(a, depth + 1));
    case 'access':
      return carriesReference(e.target, depth + 1);
    case 'tuple':
      return e.items.length > 0 && e.items.some((i) => carriesReference(i, depth + 1));
    case 'operation':
      return e.operands.some((o) => carriesReference(o, depth + 1));
    case 'conditional':
      return carriesReference(e.then, depth + 1) || carriesReference(e.else, depth + 1);
    default:
      return false;
  }
}

/** `x = init` properties, getters returning one expression, and `this.x = value` assignments anywhere in the class. */
function collectMembers(decl: ts.ClassLikeDeclaration): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  for (const m of decl.members) {
    if (ts.isPropertyDeclaration(m) && m.initializer && m.name && propertyKey(m.name) !== undefined) {
      out.set(propertyKey(m.name)!, m.initializer);
    } else if (ts.isGetAccessorDeclaration(m) && m.body && propertyKey(m.name) !== undefined) {
      const ret = m.body.statements.find(ts.isReturnStatement);
      if (ret?.expression && !out.has(propertyKey(m.name)!)) out.set(propertyKey(m.name)!, ret.expression);
    }
  }
  const visit = (n: ts.Node): boolean => {
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(n.left) &&
      n.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      ts.isIdentifier(n.left.name)
    ) {
      if (!out.has(n.left.name.text)) out.set(n.left.name.text, n.right);
    }
    // Nested classes have their own `this`.
    return !ts.isClassLike(n);
  };
  for (const m of decl.members) ts.forEachChild(m, (c) => walk(c, visit));
  return out;
}
