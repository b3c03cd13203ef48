/** What each imported name of a file stands for, as far as CDKTF analysis cares. */
import ts from 'typescript';
import { providerPackage } from './naming.js';

export type ImportBinding =
  /** A class (or function/object such as `Fn`) imported by name from a provider module or `cdktf`. */
  | { kind: 'named'; pkg: 'provider'; provider: string; module?: string; exported: string }
  | { kind: 'named'; pkg: 'cdktf'; exported: string }
  /** `import * as aws from '@cdktf/provider-aws'` (no module: members are module namespaces) or from `.../lib/x`. */
  | { kind: 'namespace'; pkg: 'provider'; provider: string; module?: string }
  /** `import { s3Bucket } from '@cdktf/provider-aws'`: one module namespace of the provider root. */
  | { kind: 'module-namespace'; provider: string; member: string }
  | { kind: 'namespace'; pkg: 'cdktf' }
  /** A name imported from a project file (`../lib/tap-stack`), resolved later through the class table. */
  | { kind: 'local'; exported: string; specifier: string }
  | { kind: 'other'; specifier: string };

export function collectImports(sf: ts.SourceFile): Map<string, ImportBinding> {
  const out = new Map<string, ImportBinding>();
  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier) && stmt.importClause) {
      addImport(out, stmt.moduleSpecifier.text, stmt.importClause);
    } else if (ts.isImportEqualsDeclaration(stmt) && ts.isExternalModuleReference(stmt.moduleReference)) {
      // `import aws = require('@cdktf/provider-aws')` is a declaration the parser reads; nothing is loaded.
      const expr = stmt.moduleReference.expression;
      if (ts.isStringLiteral(expr)) bindNamespace(out, stmt.name.text, expr.text);
    }
  }
  return out;
}

function addImport(out: Map<string, ImportBinding>, specifier: string, clause: ts.ImportClause): void {
  if (clause.name) bindNamespace(out, clause.name.text, specifier);
  const named = clause.namedBindings;
  if (!named) return;
  if (ts.isNamespaceImport(named)) {
    bindNamespace(out, named.name.text, specifier);
    return;
  }
  for (const el of named.elements) {
    const exported = (el.propertyName ?? el.name).text;
    out.set(el.name.text, namedBinding(specifier, exported));
  }
}

function bindNamespace(out: Map<string, ImportBinding>, local: string, specifier: string): void {
  const prov = providerPackage(specifier);
  if (prov) out.set(local, { kind: 'namespace', pkg: 'provider', provider: prov.provider, module: prov.module });
  else if (specifier === 'cdktf') out.set(local, { kind: 'namespace', pkg: 'cdktf' });
  else if (specifier.startsWith('.')) out.set(local, { kind: 'local', exported: '*', specifier });
  else out.set(local, { kind: 'other', specifier });
}

function namedBinding(specifier: string, exported: string): ImportBinding {
  const prov = providerPackage(specifier);
  if (prov) {
    // The provider root exports module namespaces (camelCase) and nothing else a program instantiates.
    if (!prov.module && /^[a-z]/.test(exported)) return { kind: 'module-namespace', provider: prov.provider, member: exported };
    return { kind: 'named', pkg: 'provider', provider: prov.provider, module: prov.module, exported };
  }
  if (specifier === 'cdktf') return { kind: 'named', pkg: 'cdktf', exported };
  if (specifier.startsWith('.')) return { kind: 'local', exported, specifier };
  return { kind: 'other', specifier };
}
