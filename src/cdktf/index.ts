/**
 * CDKTF TypeScript front-end: parses .ts files with the TypeScript parser (syntax only — analyzed code is never
 * executed, type-checked or emitted) and produces the same normalized Configuration as the HCL front-end.
 */
import ts from 'typescript';
import type { Block, Configuration, Diagnostic, Expr, SourceFile } from '../model/types.js';
import { buildConfiguration } from '../model/index-builder.js';
import { exprToText } from '../model/query.js';
import { activeSchema } from '../schema/index.js';
import type { SchemaIndex } from '../schema/types.js';
import { Analyzer, type ConstructInfo } from './analyzer.js';
import { BlockBuilder } from './blocks.js';
import { checkProviderExports } from './exports.js';
import { Evaluator, isStatic } from './evaluate.js';
import { walk } from './scope.js';
import { isTestPath, isTypeScriptPath, parseFile, spanOf, type ParsedFile } from './source.js';

export interface CdktfParseOptions {
  /** Provider schema used to map classes and decide block vs attribute; `null` disables it. Default: the active schema. */
  schema?: SchemaIndex | null;
}

export interface CdktfAnalysis {
  config: Configuration;
  /** Every construct instantiation found (for evaluation of the class → type mapping). */
  constructs: ConstructInfo[];
}

export function parseCdktfFiles(files: SourceFile[], platform = 'cdktf-ts', options: CdktfParseOptions = {}): Configuration {
  return analyzeCdktf(files, platform, options).config;
}

export function analyzeCdktf(files: SourceFile[], platform = 'cdktf-ts', options: CdktfParseOptions = {}): CdktfAnalysis {
  const diagnostics: Diagnostic[] = [];
  const schema = options.schema === null ? undefined : (options.schema ?? defaultSchema());
  const parsed: ParsedFile[] = [];
  files.forEach((file, order) => {
    if (!isTypeScriptPath(file.path) || isTestPath(file.path)) return;
    const p = parseFile(file, order, diagnostics);
    if (p) parsed.push(p);
  });
  let blocks: Block[] = [];
  let constructs: ConstructInfo[] = [];
  try {
    const result = analyzeParsed(parsed, schema, diagnostics);
    blocks = result.blocks;
    constructs = result.constructs;
  } catch (err) {
    // Pathological input (e.g. nesting deep enough to exhaust the stack) degrades to a diagnostic, never a throw.
    const at = parsed[0]?.file.path ?? files[0]?.path ?? '';
    diagnostics.push({
      severity: 'error',
      source: 'cdktf',
      span: { file: at, line: 1, column: 1, endLine: 1, endColumn: 1 },
      message: `CDKTF analysis failed: ${(err as Error)?.message ?? String(err)}`,
    });
  }
  return { config: buildConfiguration(platform, files, blocks, diagnostics), constructs };
}

function defaultSchema(): SchemaIndex | undefined {
  try {
    return activeSchema();
  } catch {
    // No artifact (not generated yet, or unreadable): fall back to naming rules.
    return undefined;
  }
}

interface Placed {
  block: Block;
  order: number;
  pos: number;
}

function analyzeParsed(parsed: ParsedFile[], schema: SchemaIndex | undefined, diagnostics: Diagnostic[]): { blocks: Block[]; constructs: ConstructInfo[] } {
  const an = new Analyzer(parsed, schema, diagnostics);
  const ev = new Evaluator(an);
  const builder = new BlockBuilder(an, ev);
  const constructs = [...an.constructs.values()].sort((a, b) => a.file.order - b.file.order || a.node.getStart() - b.node.getStart());

  for (const info of constructs) {
    info.id = info.role === 'provider' ? info.tfType! : info.idArg ? labelText(ev.expr(info.idArg, 1)) : '';
  }
  for (const info of constructs) {
    if (info.role === 'project-class') noteProvidedProps(an, ev, builder, info);
  }

  const placed: Placed[] = [];
  const blockOf = new Map<ConstructInfo, Block>();
  ev.freeze();
  builder.freeze();
  for (const info of constructs) {
    let block: Block | undefined;
    try {
      block = builder.build(info);
    } catch (err) {
      diagnostics.push({
        severity: 'warning',
        source: 'cdktf',
        span: spanOf(info.file.sf, info.file.file.path, info.node),
        message: `could not read construct ${info.className}: ${(err as Error)?.message ?? String(err)}`,
      });
    }
    if (block) {
      placed.push({ block, order: info.file.order, pos: info.node.getStart() });
      blockOf.set(info, block);
    }
  }
  applyOverrides(parsed, ev, blockOf, placed);
  addImplicitTerraformBlock(an, placed);
  checkProviderExports(an, constructs, schema, diagnostics);

  const declared = new Set(placed.filter((p) => p.block.kind === 'variable').map((p) => p.block.labels[0]));
  for (const use of an.vars.values()) {
    if (declared.has(use.name)) continue;
    const block: Block = { kind: 'variable', type: 'variable', labels: [use.name], attributes: [], blocks: [], span: use.span };
    const dflt = use.fallback ?? an.provided.get(use.name);
    if (dflt) block.attributes.push({ name: 'default', expr: dflt, span: dflt.span ?? use.span });
    placed.push({ block, order: use.order, pos: use.pos });
  }

  placed.sort((a, b) => a.order - b.order || a.pos - b.pos);
  return { blocks: placed.map((p) => p.block), constructs };
}

/**
 * `stack.addOverride('terraform.backend.s3.use_lockfile', true)` and `resource.addOverride('lifecycle.prevent_destroy', true)`:
 * the override lands where Terraform would see it.
 */
function applyOverrides(parsed: ParsedFile[], ev: Evaluator, blockOf: Map<ConstructInfo, Block>, placed: Placed[]): void {
  for (const f of parsed) {
    walk(f.sf, (n) => {
      if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression) || n.expression.name.text !== 'addOverride') return;
      const [pathArg, valueArg] = n.arguments;
      if (!pathArg || !valueArg || !ts.isStringLiteralLike(pathArg)) return;
      const path = pathArg.text.split('.').filter(Boolean);
      const target = ev.value(n.expression.expression, 1);
      let owner: Block | undefined;
      if (target.kind === 'construct') {
        owner = blockOf.get(target.info);
      } else if (target.kind === 'instance' && path[0] === 'terraform' && path.length > 1) {
        path.shift();
        owner = placed.find((p) => p.block.kind === 'terraform')?.block;
        if (!owner) {
          owner = { kind: 'terraform', type: 'terraform', labels: [], attributes: [], blocks: [], span: ev.span(n) };
          placed.push({ block: owner, order: f.order, pos: n.getStart() });
        }
      }
      if (!owner || !path.length) return;
      const name = path.pop()!;
      let at: Block = owner;
      for (let i = 0; i < path.length; i++) {
        const type = path[i]!;
        // `backend.s3`: a labeled block is addressed by its label.
        const label = type === 'backend' ? path[i + 1] : undefined;
        let next: Block | undefined = at.blocks.find((b) => b.type === type && (label === undefined || b.labels[0] === label));
        if (!next) {
          next = { kind: 'nested', type, labels: label ? [label] : [], attributes: [], blocks: [], span: ev.span(n), form: 'block' };
          at.blocks.push(next);
        }
        at = next;
        if (label !== undefined) i++;
      }
      const expr = ev.expr(valueArg, 1);
      const existing = at.attributes.findIndex((a) => a.name === name);
      const attribute = { name, expr, span: ev.span(n) };
      if (existing >= 0) at.attributes[existing] = attribute;
      else at.attributes.push(attribute);
    });
  }
}

/**
 * `cdktf synth` writes a `terraform` block for every stack (required_providers at least) whether or not the code
 * configures a backend. Modelling it keeps the two responses comparable: when only the ideal adds an S3Backend,
 * the difference is a backend inside the stack's terraform block, not a whole new block. It stays empty (no
 * synthesized local backend) so rules see only what the code wrote.
 */
function addImplicitTerraformBlock(an: Analyzer, placed: Placed[]): void {
  if (placed.some((p) => p.block.kind === 'terraform')) return;
  const stacks = [...an.classByDecl.values()]
    .filter((cls) => an.isStackClass(cls))
    .sort((a, b) => a.file.order - b.file.order || a.decl.getStart() - b.decl.getStart());
  const stack = stacks[0];
  if (!stack) return;
  const at = stack.decl.name ?? stack.decl;
  const span = spanOf(stack.file.sf, stack.file.file.path, at);
  placed.push({ block: { kind: 'terraform', type: 'terraform', labels: [], attributes: [], blocks: [], span }, order: stack.file.order, pos: at.getStart() });
}


/** `new TapStack(app, 'x', { environmentSuffix: 'dev' })`: literal props become variable defaults. */
function noteProvidedProps(an: Analyzer, ev: Evaluator, builder: BlockBuilder, info: ConstructInfo): void {
  if (!info.projectClass?.isConstruct) return;
  // `constructor(scope, id, primary: string, zoneName: string)` called with `'example.com'`: a positional
  // parameter read in the class is a prop too, and the literal its instantiation passes is its default.
  const ctor = info.projectClass.decl.members.find(ts.isConstructorDeclaration);
  const args = info.node.arguments ?? [];
  ctor?.parameters.forEach((param, i) => {
    if (i < 2 || !ts.isIdentifier(param.name) || (i === 2 && args[2] && ts.isObjectLiteralExpression(args[2]))) return;
    const arg = args[i];
    if (!arg) return;
    const v = ev.expr(arg, 1);
    if (isStatic(v)) an.noteProvided(param.name.text, v);
  });
  for (const p of builder.properties(info.configArg)) {
    const v = ev.expr(p.value, 1);
    if (isStatic(v)) an.noteProvided(p.key, v);
    else if (v.kind === 'operation' && v.operator === '||' && isStatic(v.operands[v.operands.length - 1]!)) {
      an.noteProvided(p.key, v.operands[v.operands.length - 1]!);
    }
  }
}

/** Construct ids as labels: literal text, or the template with its interpolations spelled out. */
function labelText(e: Expr): string {
  if (e.kind === 'literal') return String(e.value);
  if (e.kind === 'template') {
    return e.parts.map((p) => (p.kind === 'literal' ? String(p.value ?? '') : '${' + exprToText(p) + '}')).join('');
  }
  return exprToText(e);
}
