/**
 * Shared state of one CDKTF analysis: parsed files, their imports, the project's own classes and every construct
 * instantiation (`new X(scope, id, config)`), classified by what X is. Pass 1 of the front-end.
 */
import ts from 'typescript';
import type { Diagnostic, Expr, SourceSpan } from '../model/types.js';
import type { BlockSchema, SchemaIndex } from '../schema/types.js';
import { collectImports, type ImportBinding } from './imports.js';
import { lookup, reassignedNames, walk } from './scope.js';
import { spanOf, type ParsedFile } from './source.js';
import { TypeResolver, type ClassTarget } from './type-resolver.js';

export type ConstructRole =
  | 'resource'
  | 'data'
  | 'provider'
  | 'variable'
  | 'output'
  | 'local'
  | 'backend'
  | 'cloud'
  /** An instance of a class declared in the analyzed project (a stack or a reusable construct). */
  | 'project-class'
  /** A class from a provider package or cdktf that maps to no block. */
  | 'unmapped';

export interface ConstructInfo {
  node: ts.NewExpression;
  file: ParsedFile;
  role: ConstructRole;
  className: string;
  /** Terraform type (resource/data), provider name, or backend name. */
  tfType?: string;
  /** The schema knows `tfType`. */
  verified?: boolean;
  /** How the type was derived (see ResolvedType.confidence). */
  confidence?: 'schema' | 'module' | 'guess' | 'meant';
  /** From a provider package (counted by the mapping evaluation). */
  fromProvider?: boolean;
  /** Construct id as written (its label). Filled in pass 2. */
  id: string;
  idArg?: ts.Expression;
  configArg?: ts.Expression;
  projectClass?: ProjectClass;
}

export interface ProjectClass {
  name: string;
  decl: ts.ClassLikeDeclaration;
  file: ParsedFile;
  /** Extends TerraformStack / Construct (directly or through another project class). */
  isConstruct: boolean;
  /** `this.x = ...` and `x = ...` members, first assignment wins. */
  members?: Map<string, ts.Expression>;
}

export interface VarUse {
  name: string;
  span: SourceSpan;
  order: number;
  pos: number;
  fallback?: Expr;
}

const CONSTRUCT_BASES = new Set(['TerraformStack', 'Construct', 'TerraformModule', 'Resource', 'TerraformResource']);

/** Structural cdktf classes that never become blocks. */
const STRUCTURAL = new Set(['App', 'TerraformStack', 'Construct', 'TerraformAsset', 'TerraformIterator', 'Testing']);

export class Analyzer {
  readonly imports = new Map<ts.SourceFile, Map<string, ImportBinding>>();
  readonly reassigned = new Map<ts.SourceFile, Set<string>>();
  /** `name = value` assignments per file, by name (used for `let x; if (c) x = new Bucket(...)`). */
  readonly assignments = new Map<ts.SourceFile, Map<string, ts.Expression[]>>();
  readonly fileOf = new Map<ts.SourceFile, ParsedFile>();
  readonly classes = new Map<string, ProjectClass[]>();
  readonly classByDecl = new Map<ts.Node, ProjectClass>();
  readonly constructs = new Map<ts.NewExpression, ConstructInfo>();
  readonly vars = new Map<string, VarUse>();
  readonly types: TypeResolver;

  constructor(
    readonly files: ParsedFile[],
    readonly schema: SchemaIndex | undefined,
    readonly diagnostics: Diagnostic[],
  ) {
    this.types = new TypeResolver(schema);
    for (const f of files) {
      this.fileOf.set(f.sf, f);
      this.imports.set(f.sf, collectImports(f.sf));
      const assigned = new Map<string, ts.Expression[]>();
      this.reassigned.set(f.sf, reassignedNames(f.sf, assigned));
      this.assignments.set(f.sf, assigned);
      this.collectClasses(f);
    }
    for (const cls of this.classByDecl.values()) cls.isConstruct = this.extendsConstruct(cls, 0);
    for (const f of files) this.collectConstructs(f);
  }

  schemaFor(role: ConstructRole, type: string | undefined): BlockSchema | undefined {
    if (!this.schema || !type) return undefined;
    try {
      if (role === 'resource') return this.schema.resource(type);
      if (role === 'data') return this.schema.dataSource(type);
    } catch {
      // A damaged artifact entry must not break parsing; the block is then read without schema.
    }
    return undefined;
  }

  /** Records a use of a stack/construct prop, the CDKTF counterpart of a Terraform variable. */
  noteVar(name: string, node: ts.Node, fallback?: Expr): void {
    const file = this.fileOf.get(node.getSourceFile());
    let use = this.vars.get(name);
    if (!use) {
      use = {
        name,
        span: file ? spanOf(file.sf, file.file.path, node) : { file: '', line: 1, column: 1, endLine: 1, endColumn: 1 },
        order: file?.order ?? 0,
        pos: node.getStart(),
      };
      this.vars.set(name, use);
    }
    if (fallback && !use.fallback) use.fallback = fallback;
  }

  /** A literal supplied by `new Stack(app, id, { k: 'v' })`: the variable's default when it has no fallback. */
  noteProvided(name: string, value: Expr): void {
    if (!this.provided.has(name)) this.provided.set(name, value);
  }

  readonly provided = new Map<string, Expr>();

  private propsTypeNames?: Set<string>;

  /** Type names of construct-class constructor props (`TapStackProps`). */
  propsTypes(): Set<string> {
    if (this.propsTypeNames) return this.propsTypeNames;
    const out = new Set<string>();
    for (const cls of this.classByDecl.values()) {
      if (!cls.isConstruct) continue;
      const ctor = cls.decl.members.find(ts.isConstructorDeclaration);
      for (const p of ctor?.parameters.slice(2) ?? []) {
        if (p.type && ts.isTypeReferenceNode(p.type)) out.add(p.type.typeName.getText());
      }
    }
    this.propsTypeNames = out;
    return out;
  }

  projectClass(name: string): ProjectClass | undefined {
    const list = this.classes.get(name);
    return list?.[0];
  }

  private collectClasses(f: ParsedFile): void {
    walk(f.sf, (n) => {
      if ((ts.isClassDeclaration(n) || ts.isClassExpression(n)) && n.name) {
        const cls: ProjectClass = { name: n.name.text, decl: n, file: f, isConstruct: false };
        const list = this.classes.get(cls.name) ?? [];
        list.push(cls);
        this.classes.set(cls.name, list);
        this.classByDecl.set(n, cls);
      }
    });
  }

  baseClassExpr(cls: ProjectClass): ts.ExpressionWithTypeArguments | undefined {
    for (const h of cls.decl.heritageClauses ?? []) {
      if (h.token === ts.SyntaxKind.ExtendsKeyword) return h.types[0];
    }
    return undefined;
  }

  private extendsConstruct(cls: ProjectClass, depth: number): boolean {
    const base = this.baseClassExpr(cls);
    if (!base || depth > 20) return false;
    // `constructor(scope: Construct, id: string, ...)` marks a construct whatever its (possibly unextracted) base is.
    const ctor = cls.decl.members.find(ts.isConstructorDeclaration);
    const scopeType = ctor?.parameters[0]?.type;
    if (scopeType && ts.isTypeReferenceNode(scopeType) && /(^|\.)Construct$/.test(scopeType.typeName.getText())) return true;
    const name = ts.isIdentifier(base.expression)
      ? base.expression.text
      : ts.isPropertyAccessExpression(base.expression)
        ? base.expression.name.text
        : '';
    if (CONSTRUCT_BASES.has(name)) return true;
    const parent = this.projectClass(name);
    return parent ? parent !== cls && this.extendsConstruct(parent, depth + 1) : false;
  }

  /** Extends TerraformStack, directly or through project classes. */
  isStackClass(cls: ProjectClass, depth = 0): boolean {
    const base = this.baseClassExpr(cls);
    if (!base || depth > 20) return false;
    const e = base.expression;
    const name = ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : '';
    if (name === 'TerraformStack') return true;
    const parent = this.projectClass(name);
    return parent !== undefined && parent !== cls && this.isStackClass(parent, depth + 1);
  }

  /** The project class a `new` or `extends` expression names, if any. */
  projectClassOf(callee: ts.Expression): ProjectClass | undefined {
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (!name) return undefined;
    if (ts.isIdentifier(callee)) {
      const decl = lookup(name, callee);
      if (decl && (ts.isClassDeclaration(decl) || ts.isClassExpression(decl))) return this.classByDecl.get(decl);
      if (decl && !ts.isImportSpecifier(decl) && !ts.isImportClause(decl)) return undefined;
    }
    return this.projectClass(name);
  }

  /** `subnets.push(new Subnet(...))` / `this.subnets.push(...)`: constructs collected into an array, by array name per file. */
  readonly pushed = new Map<ts.SourceFile, Map<string, ConstructInfo[]>>();

  private collectConstructs(f: ParsedFile): void {
    const pushes: [string, ts.Expression][] = [];
    walk(f.sf, (n) => {
      if (ts.isNewExpression(n)) {
        const info = this.classify(n, f);
        if (info) this.constructs.set(n, info);
      } else if (
        ts.isCallExpression(n) &&
        ts.isPropertyAccessExpression(n.expression) &&
        n.expression.name.text === 'push' &&
        n.arguments.length === 1 &&
        (ts.isNewExpression(n.arguments[0]!) || ts.isIdentifier(n.arguments[0]!))
      ) {
        const target = n.expression.expression;
        const name = ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : undefined;
        if (name) pushes.push([name, n.arguments[0]!]);
      }
    });
    const byName = new Map<string, ConstructInfo[]>();
    for (const [name, arg] of pushes) {
      const node = ts.isIdentifier(arg) ? constructBoundTo(arg) : ts.isNewExpression(arg) ? arg : undefined;
      const info = node && this.constructs.get(node);
      if (info) byName.set(name, [...(byName.get(name) ?? []), info]);
    }
    this.pushed.set(f.sf, byName);
  }

  private classify(node: ts.NewExpression, file: ParsedFile): ConstructInfo | undefined {
    const target = this.calleeTarget(node.expression, file);
    if (!target) return undefined;
    const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
    const base = { node, file, id: '', idArg: args[1], configArg: args[2] };
    if (target.kind === 'provider') {
      const t = this.types.resolve(target.target);
      return { ...base, role: t.kind, className: target.target.className, tfType: t.type, verified: t.verified, confidence: t.confidence, fromProvider: true };
    }
    if (target.kind === 'project') {
      return { ...base, role: 'project-class', className: target.cls.name, projectClass: target.cls };
    }
    const name = target.className;
    if (STRUCTURAL.has(name)) return undefined;
    if (name === 'TerraformVariable') return { ...base, role: 'variable', className: name };
    if (name === 'TerraformOutput') return { ...base, role: 'output', className: name };
    if (name === 'TerraformLocal') return { ...base, role: 'local', className: name };
    if (name === 'CloudBackend') return { ...base, role: 'cloud', className: name, idArg: undefined, configArg: args[1] };
    const backend = /^([A-Z][A-Za-z0-9]*)Backend$/.exec(name);
    if (backend) {
      return { ...base, role: 'backend', className: name, tfType: backend[1]!.toLowerCase(), idArg: undefined, configArg: args[1] };
    }
    return { ...base, role: 'unmapped', className: name };
  }

  /** What a `new` callee names: a provider class, a cdktf core class, or a project class. */
  calleeTarget(
    callee: ts.Expression,
    file: ParsedFile,
  ):
    | { kind: 'provider'; target: ClassTarget }
    | { kind: 'cdktf'; className: string }
    | { kind: 'project'; cls: ProjectClass }
    | undefined {
    const chain: string[] = [];
    let root: ts.Expression = callee;
    while (ts.isPropertyAccessExpression(root)) {
      chain.unshift(root.name.text);
      root = root.expression;
    }
    if (!ts.isIdentifier(root)) return undefined;
    const decl = lookup(root.text, root);
    const imported = decl && (ts.isImportSpecifier(decl) || ts.isImportClause(decl) || ts.isNamespaceImport(decl) || ts.isImportEqualsDeclaration(decl));
    const binding = imported ? this.imports.get(file.sf)?.get(root.text) : undefined;
    if (binding) {
      const className = chain.length ? chain[chain.length - 1]! : root.text;
      switch (binding.kind) {
        case 'named':
          if (binding.pkg === 'cdktf') return chain.length ? undefined : { kind: 'cdktf', className: binding.exported };
          if (chain.length) return undefined;
          return { kind: 'provider', target: { provider: binding.provider, module: binding.module, className: binding.exported } };
        case 'namespace':
          if (binding.pkg === 'cdktf') return chain.length === 1 ? { kind: 'cdktf', className } : undefined;
          if (binding.module) return chain.length === 1 ? { kind: 'provider', target: { provider: binding.provider, module: binding.module, className } } : undefined;
          if (chain.length === 2) return { kind: 'provider', target: { provider: binding.provider, namespaceMember: chain[0], className } };
          if (chain.length === 1) return { kind: 'provider', target: { provider: binding.provider, className } };
          return undefined;
        case 'module-namespace':
          return chain.length === 1 ? { kind: 'provider', target: { provider: binding.provider, namespaceMember: binding.member, className } } : undefined;
        case 'local': {
          const cls = this.projectClass(binding.exported === '*' ? className : binding.exported);
          return cls ? { kind: 'project', cls } : undefined;
        }
        default:
          return undefined;
      }
    }
    if (chain.length) return undefined;
    if (decl && (ts.isClassDeclaration(decl) || ts.isClassExpression(decl))) {
      const cls = this.classByDecl.get(decl);
      return cls ? { kind: 'project', cls } : undefined;
    }
    if (decl) return undefined;
    // A class used without an import in this file (snippets, or declared in another extracted file).
    const cls = this.projectClass(root.text);
    return cls ? { kind: 'project', cls } : undefined;
  }
}

/** `const subnet = new Subnet(...); subnets.push(subnet)`: the construct a pushed name was declared with. */
function constructBoundTo(id: ts.Identifier): ts.NewExpression | undefined {
  const decl = lookup(id.text, id);
  if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
  if (!(ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const)) return undefined;
  let init: ts.Expression = decl.initializer;
  while (ts.isParenthesizedExpression(init) || ts.isAsExpression(init) || ts.isNonNullExpression(init)) init = init.expression;
  return ts.isNewExpression(init) ? init : undefined;
}
