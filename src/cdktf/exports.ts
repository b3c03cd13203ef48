/**
 * What a prebuilt provider package really exports, judged from the schema, so the front-end can report the
 * TypeScript compile errors models make most often with CDKTF: PascalCase classes imported from the package root
 * (`import { Vpc } from '@cdktf/provider-aws'` — the root exports module namespaces only), modules that do not
 * exist (`lib/cloudtrail-trail`), and class names the module does not export (`S3BucketVersioning` for
 * `S3BucketVersioningA`). Reported as warning diagnostics with a `code`; the `cdktf-unknown-export` rule turns them
 * into findings.
 */
import ts from 'typescript';
import type { Diagnostic } from '../model/types.js';
import type { BlockSchema, SchemaIndex } from '../schema/types.js';
import type { Analyzer, ConstructInfo } from './analyzer.js';
import { foldName, moduleFromNamespaceMember, pascal, providerPackage, typeFromModule, type TypeGuess } from './naming.js';
import { spanOf, type ParsedFile } from './source.js';

export const UNKNOWN_EXPORT_CODE = 'cdktf-unknown-export';

/** Nested-block struct names are generated up to this depth; deeper ones never collide with a resource name. */
const MAX_STRUCT_DEPTH = 4;

/** Folded nested-block struct names per schema and provider: computed once, the schema is immutable. */
const STRUCTS = new WeakMap<SchemaIndex, Map<string, Set<string>>>();

export class ExportChecker {
  private readonly resources: Set<string>;
  private readonly dataSources: Set<string>;

  constructor(private readonly schema: SchemaIndex) {
    this.resources = new Set(schema.resourceTypes());
    this.dataSources = new Set(schema.dataSourceTypes());
  }

  /** Whether the schema describes `provider` (otherwise nothing can be judged). */
  knows(provider: string): boolean {
    for (const t of this.resources) if (t.startsWith(`${provider}_`)) return true;
    return false;
  }

  /** The module of the resource type whose name folds to `folded` (`vpc` → `vpc`, `s3bucket` → `s3-bucket`). */
  resourceModule(provider: string, folded: string): string | undefined {
    return this.modulesByFoldedName('resource', provider).get(folded);
  }

  /** The module of a data source class (`DataAwsCallerIdentity` folded without `dataaws` → `data-aws-caller-identity`). */
  dataSourceModule(provider: string, folded: string): string | undefined {
    return this.modulesByFoldedName('data', provider).get(folded);
  }

  /** A provider's modules by folded type name (without `<provider>_`), built once per kind and provider. */
  private modulesByFoldedName(kind: 'resource' | 'data', provider: string): Map<string, string> {
    const key = `${kind}:${provider}`;
    let modules = this.modulesByKey.get(key);
    if (!modules) {
      modules = new Map();
      for (const t of kind === 'resource' ? this.resources : this.dataSources) {
        if (!t.startsWith(`${provider}_`)) continue;
        const module = t.slice(provider.length + 1).replace(/_/g, '-');
        modules.set(foldName(t.slice(provider.length + 1)), kind === 'resource' ? module : `data-${provider}-${module}`);
      }
      this.modulesByKey.set(key, modules);
    }
    return modules;
  }

  private readonly modulesByKey = new Map<string, Map<string, string>>();

  moduleExists(guess: TypeGuess): boolean {
    if (guess.kind === 'provider') return true;
    return (guess.kind === 'data' ? this.dataSources : this.resources).has(guess.type);
  }

  /**
   * The class name a module exports, folded (lowercase, no separators). jsii appends `A` to a resource class
   * whose name equals a struct generated for another resource's nested block (`aws_s3_bucket` block
   * `versioning` → struct `S3BucketVersioning`, so `aws_s3_bucket_versioning` is `S3BucketVersioningA`).
   */
  foldedClassName(provider: string, module: string, guess: TypeGuess): string {
    if (guess.kind === 'provider') return foldName(`${provider}Provider`);
    const base = foldName(module);
    if (guess.kind === 'resource' && this.structNames(provider).has(foldName(guess.type.slice(provider.length + 1)))) return `${base}a`;
    return base;
  }

  private structNames(provider: string): Set<string> {
    let byProvider = STRUCTS.get(this.schema);
    if (!byProvider) STRUCTS.set(this.schema, (byProvider = new Map()));
    const cached = byProvider.get(provider);
    if (cached) return cached;
    const out = new Set<string>();
    const visit = (prefix: string, block: BlockSchema, depth: number): void => {
      for (const [name, nested] of Object.entries(block.blocks)) {
        const struct = prefix + foldName(name);
        out.add(struct);
        if (depth < MAX_STRUCT_DEPTH) visit(struct, nested.block, depth + 1);
      }
    };
    for (const type of this.resources) {
      if (!type.startsWith(`${provider}_`)) continue;
      const block = this.schema.resource(type);
      if (block) visit(foldName(type.slice(provider.length + 1)), block, 0);
    }
    byProvider.set(provider, out);
    return out;
  }
}

/** Checks root imports of every file and the class of every provider construct; pushes warning diagnostics. */
export function checkProviderExports(an: Analyzer, constructs: ConstructInfo[], schema: SchemaIndex | undefined, diagnostics: Diagnostic[]): void {
  if (!schema) return;
  const checker = new ExportChecker(schema);
  const known = new Map<string, boolean>();
  const knows = (provider: string): boolean => {
    if (!known.has(provider)) known.set(provider, checker.knows(provider));
    return known.get(provider)!;
  };
  const report = (file: ParsedFile, node: ts.Node, message: string): void => {
    diagnostics.push({ severity: 'warning', source: 'cdktf', code: UNKNOWN_EXPORT_CODE, span: spanOf(file.sf, file.file.path, node), message });
  };

  for (const f of an.files) {
    for (const stmt of f.sf.statements) {
      if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
      const specifier = stmt.moduleSpecifier.text;
      if (specifier === 'cdktf') {
        reportProviderClassesFromCore(stmt, checker, knows, (node, message) => report(f, node, message));
        continue;
      }
      // Only prebuilt packages: locally generated `.gen` bindings may be laid out differently.
      if (!specifier.startsWith('@cdktf/provider-')) continue;
      const pkg = providerPackage(specifier);
      if (!pkg || !knows(pkg.provider)) continue;
      if (pkg.module !== undefined) {
        const guess = typeFromModule(pkg.provider, pkg.module);
        if (!checker.moduleExists(guess)) {
          report(f, stmt.moduleSpecifier, `Module '${specifier}' does not exist: the provider has no ${guess.kind === 'data' ? 'data source' : 'resource'} ${guess.type}.`);
        }
        continue;
      }
      const named = stmt.importClause?.namedBindings;
      if (!named || !ts.isNamedImports(named) || stmt.importClause?.isTypeOnly) continue;
      for (const el of named.elements) {
        const exported = (el.propertyName ?? el.name).text;
        if (/^[A-Z]/.test(exported)) {
          const root = specifier.replace(/\/lib(?:\/index(?:\.js)?)?\/?$/, '');
          const where = root === specifier ? 'the package root exports' : 'like the package root, its lib barrel exports';
          report(f, el, `'${specifier}' has no exported member '${exported}': ${where} module namespaces only; import classes from '${root}/lib/<module>'.`);
        } else if (!checker.moduleExists(typeFromModule(pkg.provider, moduleFromNamespaceMember(exported)))) {
          report(f, el, `'${specifier}' has no exported member '${exported}': no module ${moduleFromNamespaceMember(exported)} exists.`);
        }
      }
    }
  }

  for (const info of constructs) {
    if (!info.fromProvider) continue;
    const callee = info.node.expression;
    const target = an.calleeTarget(callee, info.file);
    if (target?.kind !== 'provider' || !knows(target.target.provider)) continue;
    const { provider, className, namespaceMember } = target.target;
    // `aws.vpc.Vpc` through `import * as aws`: the root namespace was not checked at the import.
    const viaRootNamespace = ts.isPropertyAccessExpression(callee) && ts.isPropertyAccessExpression(callee.expression);
    const module = target.target.module ?? (namespaceMember !== undefined ? moduleFromNamespaceMember(namespaceMember) : undefined);
    if (module === undefined) {
      // `aws.Vpc`: the root has no classes. A named root import was reported at the import.
      if (ts.isPropertyAccessExpression(callee)) report(info.file, callee, `The provider package root has no exported member '${className}'; import it from its lib/<module>.`);
      continue;
    }
    const guess = typeFromModule(provider, module);
    if (!checker.moduleExists(guess)) {
      if (viaRootNamespace) report(info.file, callee, `The provider package has no module namespace '${namespaceMember}'.`);
      continue;
    }
    const expected = checker.foldedClassName(provider, module, guess);
    if (foldName(className) === expected) {
      // Same letters, other case (`ApiGatewayV2Api` for `Apigatewayv2Api`): TypeScript names are case-sensitive.
      const exact = exactClassNames(provider, module, guess, expected);
      if (exact.length && !exact.includes(className)) {
        report(info.file, callee, `Module '${module}' does not export a class ${className}; the class is ${exact[0]} (export names are case-sensitive).`);
      }
      continue;
    }
    const hint = expected === `${foldName(className)}a` ? ` (the class is ${className}A)` : '';
    report(info.file, callee, `Module '${module}' does not export a class ${className}${hint}.`);
  }
}

/**
 * Provider classes imported from cdktf itself (`import { AwsProvider, Vpc } from 'cdktf'`): the core library exports
 * no provider bindings, so tsc stops (TS2305). Only names that fold to a resource type of a provider the schema
 * knows, or to `<Provider>Provider`, are judged: cdktf's own exports (TerraformStack, S3Backend, Fn) fold to none.
 */
function reportProviderClassesFromCore(
  stmt: ts.ImportDeclaration,
  checker: ExportChecker,
  knows: (provider: string) => boolean,
  report: (node: ts.Node, message: string) => void,
): void {
  const named = stmt.importClause?.namedBindings;
  if (!named || !ts.isNamedImports(named) || stmt.importClause?.isTypeOnly || !knows('aws')) return;
  for (const el of named.elements) {
    const exported = (el.propertyName ?? el.name).text;
    const folded = foldName(exported);
    const module =
      folded === 'awsprovider'
        ? 'provider'
        : folded.startsWith('dataaws')
          ? checker.dataSourceModule('aws', folded.slice('dataaws'.length))
          : checker.resourceModule('aws', folded);
    if (module === undefined) continue;
    report(el, `'cdktf' has no exported member '${exported}': provider classes come from '@cdktf/provider-aws/lib/${module}'.`);
  }
}

/**
 * The spellings the provider generator can give a module's class: each `-`-separated part capitalized
 * (`apigatewayv2-api` → `Apigatewayv2Api`), `AwsProvider` for the provider, the jsii `A` suffix when `expected`
 * (folded) has it. The letter right after a digit may or may not be capitalized depending on the generator's
 * case library (`s3control-bucket` → `S3ControlBucket` or `S3controlBucket`): both spellings are accepted, so
 * only a name neither spelling matches is reported. Empty when the module name is not plain kebab case.
 */
export function exactClassNames(provider: string, module: string, guess: TypeGuess, expected: string): string[] {
  if (guess.kind === 'provider') return [`${pascal(provider)}Provider`];
  if (module === 'string-resource' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(module)) return [];
  const plain = pascal(module);
  const suffix = expected === `${foldName(module)}a` ? 'A' : '';
  const afterDigits = plain.replace(/(\d)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase());
  return [...new Set([plain + suffix, afterDigits + suffix])];
}
