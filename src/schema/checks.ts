/**
 * Validation of a normalized Configuration against the provider schema, the curated enum and deprecation tables,
 * and the targeted provider version. Works on HCL and CDKTF alike (CDKTF blocks carry `form`).
 * Conservative by design: anything that depends on values not known statically is skipped.
 */
import type { Finding } from '../findings/types.js';
import type { Attribute, Block, Configuration, Expr, SourceSpan } from '../model/types.js';
import { blockAddress, childBlocks, literalValue } from '../model/query.js';
import type { CategoryId, Severity } from '../taxonomy/categories.js';
import { ADDITIONS, deprecationFor, type DeprecationEntry } from './curated/deprecations.js';
import { enumFor } from './curated/enums.js';
import { LAST_5X } from './curated/deprecations.js';
import { SCHEMA_META_BY_ID } from './metas.js';
import type { AttributeSchema, BlockSchema, NestedBlockSchema, SchemaIndex } from './types.js';
import {
  ANY_VERSION,
  admits,
  admitsSomeAtOrAbove,
  allAbove,
  allAtOrAbove,
  allBelow,
  majorOf,
  type AdmittedRange,
} from './version.js';
import { closest } from './suggest.js';
import { snakeToCamel } from '../model/names.js';
import { mayBeNull } from './nullable.js';
import { sourceLines } from '../model/lines.js';

export interface SchemaCheckOptions {
  schema: SchemaIndex;
  /** The AWS provider versions the configuration admits (lock version, constraint, or any). */
  target?: AdmittedRange;
  /** `tf-hcl` or `cdktf-ts`; defaults to the configuration's platform. */
  platform?: string;
  /**
   * The target is a guess (CDKTF without a @cdktf/provider-aws version): deprecations are judged against the newest
   * bindings (what `npm install` picks), but shapes that differ between binding majors (single object versus
   * array, read-only attributes) become notes.
   */
  uncertain?: boolean;
  /**
   * The reference (ideal) configuration, when there is one: a required argument the schema cannot confirm for the
   * targeted versions is still reported where the reference sets it on the same block (the reviewer's fix confirms
   * it was needed).
   */
  ideal?: Configuration;
}

export interface SchemaCheckResult {
  findings: Finding[];
  notes: string[];
  /** Unknown types/arguments that became notes because every targeted version is newer than the schema. */
  unverifiable: string[];
}

/** Top-level meta-arguments and meta-blocks Terraform defines for every resource and data source. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'depends_on']);
const META_BLOCKS = new Set(['lifecycle', 'connection', 'provisioner']);

type Kind = 'resource' | 'data';

const fold = (s: string): string => s.replace(/_/g, '').toLowerCase();

class Checker {
  readonly findings: Finding[] = [];
  readonly unverifiable = new Set<string>();
  readonly notes: string[] = [];
  private readonly target: AdmittedRange;
  private readonly cdktf: boolean;
  /** Every admitted version is newer than the schema: what the schema does not know may exist. */
  private readonly newerThanSchema: boolean;
  /** Some admitted version is newer than the schema (an open-ended constraint such as `>= 5.0`). */
  private readonly admitsLaterThanSchema: boolean;
  /** The target admits the schema's major: required-ness and nesting shapes can be trusted. */
  private readonly sameMajor: boolean;
  /** The provider releases an unknown name is unknown in, as the message says it. */
  private readonly checkedAgainst: string;
  /** CDKTF without a @cdktf/provider-aws version: `npm install` installs the newest bindings, the schema's. */
  private readonly uncertainCdktf: boolean;

  private readonly files: Map<string, string>;

  constructor(
    private readonly schema: SchemaIndex,
    files: { path: string; content: string }[],
    target: AdmittedRange | undefined,
    platform: string,
    uncertain = false,
    private readonly ideal?: Configuration,
  ) {
    this.target = target ?? ANY_VERSION;
    this.cdktf = platform === 'cdktf-ts';
    this.uncertainCdktf = uncertain && this.cdktf;
    this.files = new Map(files.map((f) => [f.path, f.content]));
    const sv = schema.providerVersion;
    const known = /^\d+\.\d+\.\d+/.test(sv);
    this.newerThanSchema = known && allAbove(this.target, sv);
    this.admitsLaterThanSchema = known && !this.newerThanSchema && admitsSomeAtOrAbove(this.target, nextPatch(sv));
    const major = known ? majorOf(sv) : NaN;
    // A configuration pinned to the previous major (`~> 5.0` against a 6.x schema): a name the schema lacks and the
    // curated removals do not list was never in that major either (the bundled 6.x schema and the curated 6.0
    // removals cover the last 5.x release), so the message names the releases the configuration installs.
    this.checkedAgainst =
      known && allBelow(this.target, `${major}.0.0`) && admitsSomeAtOrAbove(this.target, `${major - 1}.0.0`)
        ? `AWS provider ${sv} or the ${major - 1}.x releases that ${this.target.text} selects`
        : `AWS provider ${sv}`;
    this.sameMajor =
      !uncertain && (!known || (admitsSomeAtOrAbove(this.target, `${major}.0.0`) && !allAtOrAbove(this.target, `${major + 1}.0.0`)));
  }

  private report(
    ruleId: string,
    message: string,
    span: SourceSpan,
    resource: string | undefined,
    extra: { category?: CategoryId; severity?: Severity; title?: string } = {},
  ): void {
    const meta = SCHEMA_META_BY_ID.get(ruleId);
    if (!meta) throw new Error(`unknown schema rule ${ruleId}`);
    this.findings.push({
      ruleId,
      category: extra.category ?? meta.category,
      severity: extra.severity ?? meta.severity,
      evidence: ['static'],
      fixClass: meta.fixClass,
      title: extra.title ?? meta.title,
      message,
      location: { file: span.file, line: span.line },
      ...(resource ? { resource } : {}),
    });
  }

  /** Something the schema does not know: a finding, or a note when the targeted versions are all newer. */
  /**
   * Something the schema does not know: a note when every targeted version is newer than the schema, else a finding.
   * An open-ended constraint (`>= 5.0`, `>= 6.0`) that merely admits newer releases keeps the finding: the minimum
   * of a constraint is the version a module promises to work with (well-maintained modules raise it when they adopt
   * a new argument, e.g. `>= 6.42` for a 6.42 feature), and the unknown names in generated code are typos and
   * invented arguments far more often than features newer than the schema. The message then says how to tell.
   */
  private unknown(ruleId: string, message: string, span: SourceSpan, resource: string | undefined, what: string): void {
    if (this.newerThanSchema) {
      this.unverifiable.add(what);
      return;
    }
    // Unpinned (no constraint, or a CDKTF project without a provider binding version; both admit every version): say so plainly.
    const unpinned = this.target.range.range === '';
    const later = !this.admitsLaterThanSchema
      ? ''
      : unpinned
        ? ` No provider version is pinned (${this.target.text.replace(/^\((.*)\)$/, '$1')}), so releases newer than ${this.schema.providerVersion} may be installed: if it was added later, pin a version that has it.`
        : ` The constraint ${this.target.text} also admits releases newer than ${this.schema.providerVersion}: if it was added later, raise the constraint's minimum to that release.`;
    this.report(ruleId, message + later, span, resource);
  }

  /** Reports a curated deprecation or removal; true when the thing no longer exists for the target. */
  private deprecation(dep: DeprecationEntry, span: SourceSpan, resource: string | undefined, what: string): boolean {
    if (dep.removedIn && admitsSomeAtOrAbove(this.target, dep.removedIn)) {
      const all = allAtOrAbove(this.target, dep.removedIn);
      this.report(
        'schema-removed',
        `${what} was removed in AWS provider ${dep.removedIn}${all ? '' : ` (the constraint ${this.target.text} admits it, and terraform init installs the newest admitted version)`}; use ${dep.replacement}. See ${dep.link}`,
        span,
        resource,
      );
      return true;
    }
    if (dep.deprecatedIn && admitsSomeAtOrAbove(this.target, dep.deprecatedIn)) {
      this.report(
        'deprecated-argument',
        `${what} is deprecated ${dep.deprecatedIn === LAST_5X ? 'in the AWS provider 5.x series' : `since AWS provider ${dep.deprecatedIn}`}${dep.removedIn ? ` and removed in ${dep.removedIn}` : ''}; use ${dep.replacement}. See ${dep.link}`,
        span,
        resource,
      );
    }
    return false;
  }

  checkBlock(block: Block): void {
    if (block.kind !== 'resource' && block.kind !== 'data') return;
    const type = block.labels[0];
    // Only the AWS provider's types are validated; random_*, archive_*, null_* and others are skipped.
    if (!type || !type.startsWith('aws_')) return;
    const kind: Kind = block.kind;
    // A CDKTF class the front-end could not map to its own type (a class imported from the wrong module) is the
    // front-end's finding; validating it against another type's schema would only produce noise. So is an invented
    // class read as the resource it means: its arguments follow the class the model imagined.
    if (block.construct && (block.construct.invented || !fold(block.construct.className).endsWith(fold(type.slice(4))))) return;
    // A bare `...` line is a syntax error (reported by the syntax stage); the recovered structure is unreliable.
    if (this.blockLines(block).some((l) => /^\s*\.\.\.\s*$/.test(l))) return;
    const address = blockAddress(block);
    const label = `${kind === 'data' ? 'data source' : 'resource'} type "${type}"`;
    const schemaBlock = kind === 'resource' ? this.schema.resource(type) : this.schema.dataSource(type);
    const dep = deprecationFor(kind, type, null);
    if (dep && this.deprecation(dep, block.span, address, label)) return;
    if (!schemaBlock) {
      if (dep) return;
      const names = kind === 'resource' ? this.schema.resourceTypes() : this.schema.dataSourceTypes();
      const hint = closest(type, names);
      this.unknown(
        'schema-unknown-resource-type',
        `The ${this.checkedAgainst} ha${this.checkedAgainst.includes(' or the ') ? 've' : 's'} no ${label}${hint ? `; did you mean "${hint}"?` : '.'}`,
        block.span,
        address,
        `${kind === 'data' ? 'data.' : ''}${type}`,
      );
      return;
    }
    this.checkBody(block, schemaBlock, { kind, type, address, path: [], top: true });
  }

  /** CDKTF names of renamed properties (`equal_to` for `equals`, `self_attribute` for `self`) → Terraform names. */
  private resolve(name: string, schema: BlockSchema): string {
    if (!this.cdktf || schema.attributes[name] || schema.blocks[name]) return name;
    const folded = fold(name);
    for (const [n, a] of Object.entries(schema.attributes)) if (a.cdktfName && fold(a.cdktfName) === folded) return n;
    for (const [n, b] of Object.entries(schema.blocks)) if (b.cdktfName && fold(b.cdktfName) === folded) return n;
    return name;
  }

  private checkBody(block: Block, schema: BlockSchema, at: { kind: Kind; type: string; address: string; path: string[]; top: boolean; inDynamic?: boolean }): void {
    const { kind, type, address, path, top } = at;
    const where = (name: string): string => [...path, name].join('.');
    const known = [...Object.keys(schema.attributes), ...Object.keys(schema.blocks)];
    const present = new Set<string>();
    // A required argument the block lacks that an unknown one nearly names (`authorization_type` for
    // `authorization`) is one misnamed argument: the unknown-argument finding names it, and the required check
    // leaves it out.
    const written = new Set(block.attributes.map((a) => this.resolve(a.name, schema)));
    const requiredMissing = Object.entries(schema.attributes)
      .filter(([n, s]) => s.required && !written.has(n))
      .map(([n]) => n);
    const misnamed = new Set<string>();

    for (const attr of block.attributes) {
      if (top && META_ARGUMENTS.has(attr.name)) continue;
      const a = { ...attr, name: this.resolve(attr.name, schema) };
      present.add(a.name);
      const p = where(a.name);
      const dep = deprecationFor(kind, type, p, 'argument');
      if (dep && this.deprecation(dep, a.span, address, `"${p}" on ${type}`)) continue;
      const as = schema.attributes[a.name];
      if (as) {
        this.checkAttribute(a, as, { kind, type, address, path: p, top });
        continue;
      }
      const nb = schema.blocks[a.name];
      if (nb) {
        // CDKTF writes every block as an object property; HCL must not use `=` for a real block.
        if (!nb.asAttribute && !this.cdktf) {
          this.report(
            'schema-block-as-attribute',
            `"${p}" on ${type} is a nested block: write \`${a.name} { ... }\` without "="${nb.nesting === 'single' ? '' : ' (repeat the block for several items)'}.`,
            a.span,
            address,
          );
        }
        continue;
      }
      if (dep) continue;
      const meant = requiredMissing.length ? closest(a.name, requiredMissing) : undefined;
      if (meant) misnamed.add(meant);
      const hint = meant ?? closest(a.name, known);
      this.unknown(
        'schema-unknown-argument',
        `${type} has no argument "${p}" in ${this.checkedAgainst}${hint ? `; did you mean "${hint}"?` : '.'}`,
        a.span,
        address,
        `${type}.${p}`,
      );
    }

    const occurrences = new Map<string, Block[]>();
    const dynamicNames = new Set<string>();
    for (const raw of block.blocks) {
      if (raw.type === 'dynamic') {
        const b = raw;
        const name = b.labels[0];
        if (!name) continue;
        dynamicNames.add(name);
        present.add(name);
        const nb = schema.blocks[name];
        const p = where(name);
        const asAttribute = schema.attributes[name];
        if (nb) {
          for (const content of childBlocks(b, 'content')) this.checkBody(content, nb.block, { kind, type, address, path: [...path, name], top: false, inDynamic: true });
        } else if (asAttribute) {
          // `dynamic` generates blocks: for a scalar argument Terraform answers "Unsupported block type".
          if (isScalarish(asAttribute.type) && !asAttribute.computedOnly && !deprecationFor(kind, type, p)) {
            this.report(
              'schema-block-as-attribute',
              `"${p}" on ${type} is an argument of type ${asAttribute.type}, not a block: \`dynamic "${name}"\` cannot generate it; write \`${name} = <condition> ? <value> : null\`.`,
              b.span,
              address,
            );
          }
        } else if (!deprecationFor(kind, type, p)) {
          const hint = closest(name, Object.keys(schema.blocks));
          this.unknown(
            'schema-unknown-argument',
            `${type} has no block "${p}" in ${this.checkedAgainst}${hint ? `; did you mean "${hint}"?` : '.'}`,
            b.span,
            address,
            `${type}.${p}`,
          );
        }
        continue;
      }
      if (top && META_BLOCKS.has(raw.type)) continue;
      const b: Block = { ...raw, type: this.resolve(raw.type, schema) };
      present.add(b.type);
      const p = where(b.type);
      const dep = deprecationFor(kind, type, p);
      if (dep && this.deprecation(dep, b.span, address, `"${p}" on ${type}`)) continue;
      const nb = schema.blocks[b.type];
      if (nb) {
        const list = occurrences.get(b.type) ?? [];
        list.push(b);
        occurrences.set(b.type, list);
        this.checkBody(b, nb.block, { kind, type, address, path: [...path, b.type], top: false, inDynamic: at.inDynamic });
        continue;
      }
      const as = schema.attributes[b.type];
      if (as) {
        // CDKTF object literals for map/object arguments (`tags: {...}`) are fine; an HCL block is not.
        if (b.form === 'object' || b.form === 'array-item') continue;
        if (as.computedOnly) {
          this.reportComputed(b.type, p, type, b.span, address);
          continue;
        }
        // Deeply recursive structures (wafv2 `statement`) are typed `any`/object in the bindings but are blocks in
        // Terraform: only a scalar-typed argument is certainly not a block.
        if (!isScalarish(as.type)) continue;
        this.report(
          'schema-block-as-attribute',
          `"${p}" on ${type} is an argument of type ${as.type}, not a block: write \`${b.type} = ${as.type.startsWith('list') || as.type.startsWith('set') ? '[ ... ]' : '{ ... }'}\`.`,
          b.span,
          address,
        );
        continue;
      }
      if (dep) continue;
      const hint = closest(b.type, known);
      this.unknown(
        'schema-unknown-argument',
        `${type} has no ${b.form && b.form !== 'block' ? 'argument' : 'block'} "${p}" in ${this.checkedAgainst}${hint ? `; did you mean "${hint}"?` : '.'}`,
        b.span,
        address,
        `${type}.${p}`,
      );
    }

    for (const [name, list] of occurrences) this.checkNesting(name, list, schema.blocks[name]!, type, where(name), address, dynamicNames.has(name));

    // Content generated by `dynamic` is built from iterator values we do not see: no required-ness there.
    if (!at.inDynamic) this.checkRequired(block, schema, present, dynamicNames, type, path, address, misnamed);
  }

  private blockLines(block: Block): string[] {
    const file = this.files.get(block.span.file);
    return file ? sourceLines(file).slice(block.span.line - 1, block.span.endLine) : [];
  }

  /** `# ... other config ...` or a bare `...` line: a documentation snippet, not the whole block. */
  private elided(block: Block): boolean {
    return this.blockLines(block).some((l) => /^\s*(#|\/\/|\/\*)\s*\.\.\./.test(l) || /^\s*\.\.\.\s*$/.test(l));
  }

  private reportComputed(name: string, p: string, type: string, span: SourceSpan, address: string): void {
    if (!this.sameMajor || this.newerThanSchema) {
      this.unverifiable.add(`${type}.${p} (read-only in ${this.schema.providerVersion})`);
      return;
    }
    this.report('schema-computed-attribute', `"${p}" on ${type} is read-only (computed by the provider); remove the assignment and read ${type}.<name>.${name} instead.`, span, address);
  }

  private checkAttribute(a: Attribute, as: AttributeSchema, at: { kind: Kind; type: string; address: string; path: string; top: boolean }): void {
    const { kind, type, address, path, top } = at;
    // `id` is settable in the CDKTF bindings of every SDKv2 resource; never worth a finding.
    if (as.computedOnly && a.name !== 'id') {
      // Terraform accepts null for a computed-only attribute: a pass-through of an optional input is valid.
      if (!mayBeNull(a.expr)) this.reportComputed(a.name, path, type, a.span, address);
      return;
    }
    if (top) {
      for (const add of ADDITIONS) {
        if (add.argument !== a.name || add.except.includes(`${kind}:${type}`)) continue;
        if (allBelow(this.target, add.addedIn)) {
          this.report(
            'provider-version-excluded-feature',
            `"${a.name}" on ${type} exists only from AWS provider ${add.addedIn}, but the constraint ${this.target.text} excludes it. See ${add.link}`,
            a.span,
            address,
          );
        }
      }
    }
    if (this.cdktf) this.checkBindingType(a, as, type, path, address);
    else {
      const problem = typeProblem(a.expr, as.type);
      if (problem) this.report('schema-wrong-type', `"${path}" on ${type} expects ${as.type}, got ${problem}.`, a.span, address);
    }
    this.checkEnum(a, kind, type, path, address);
  }

  /**
   * CDKTF: the generated bindings type each argument strictly (`string`, `number`, `boolean | IResolvable`,
   * `string[]`, `{ [key: string]: string }`), so a literal of another type is a TypeScript compile error even where
   * Terraform would convert it (`deregistrationDelay: 30` where the binding takes a string). Type assertions and
   * `Token.as*` conversions change the static type: a value written with one is left alone. Argument types can
   * change between provider majors (`at_rest_encryption_enabled` was a bool before 6.0), so only the schema's
   * major (or the newest bindings, without a package version) is judged.
   */
  private checkBindingType(a: Attribute, as: AttributeSchema, type: string, path: string, address: string): void {
    const problem = bindingTypeProblem(a.expr, as.type);
    if (!problem) return;
    const spans = [a.span, ...(a.expr.span && a.expr.span.file === a.span.file && a.expr.span.line === a.span.line ? [] : a.expr.span ? [a.expr.span] : [])];
    if (spans.some((sp) => this.converted(sp))) return;
    if (!this.uncertainCdktf && (!this.sameMajor || this.newerThanSchema)) {
      this.unverifiable.add(`${type}.${path} (binding type ${as.type} in ${this.schema.providerVersion})`);
      return;
    }
    this.report(
      'schema-wrong-type',
      `"${path}" on ${type} is typed ${bindingTypeName(as.type)} in the CDKTF bindings, but is given ${problem}: TypeScript rejects it (tsc: "Type ... is not assignable").`,
      a.span,
      address,
    );
  }

  /** The source at a span converts its value's static type: `as`, `<T>`, `Token.as*`, `: any`. */
  private converted(span: SourceSpan): boolean {
    const file = this.files.get(span.file);
    if (!file) return true;
    const text = sourceLines(file).slice(span.line - 1, span.endLine).join('\n');
    return /\bas\s+(?!const\b)[A-Za-z{[(]|<\s*(any|unknown|number|string|boolean)\s*>|\bToken\s*\.|:\s*(any|unknown)\b/.test(text);
  }

  private checkEnum(a: Attribute, kind: Kind, type: string, path: string, address: string): void {
    const e = enumFor(kind, type, path);
    if (!e) return;
    const values: { v: string | number; span: SourceSpan }[] = [];
    const one = (x: Expr): void => {
      const v = literalValue(x);
      if (typeof v === 'string' || typeof v === 'number') values.push({ v, span: x.span ?? a.span });
    };
    if (e.list) {
      if (a.expr.kind === 'tuple') a.expr.items.forEach(one);
    } else one(a.expr);
    const numeric = e.values.some((x) => typeof x === 'number');
    for (const { v, span } of values) {
      const val = numeric && typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
      if (e.values.includes(val)) continue;
      if (typeof val === 'string' && e.deprecatedValues?.includes(val)) {
        this.report('deprecated-value', `"${path}" on ${type} is "${val}", which is deprecated; use a supported value (${e.values.slice(0, 6).join(', ')}${e.values.length > 6 ? ', ...' : ''}). See ${e.link}`, span, address);
        continue;
      }
      const hint = typeof val === 'string' ? closest(val, e.values.filter((x): x is string => typeof x === 'string')) : undefined;
      const refused = e.apiOnly ? ', which AWS refuses at apply (the provider does not check it)' : '';
      this.report(e.apiOnly ? 'api-invalid-value' : 'schema-invalid-value', `"${path}" on ${type} is ${JSON.stringify(val)}, not one of the allowed values${hint ? ` (did you mean "${hint}"?)` : ''}${refused}: ${e.values.join(', ')}. See ${e.link}`, span, address);
    }
  }

  private checkNesting(name: string, list: Block[], nb: NestedBlockSchema, type: string, p: string, address: string, hasDynamic: boolean): void {
    const single = nb.nesting === 'single' || nb.maxItems === 1;
    // CDKTF shapes come from the generated bindings of the installed @cdktf/provider-aws: trust them only for the
    // schema's major version.
    const formFinding = (message: string, span: SourceSpan, compileLevel = false): void => {
      // An array where the bindings take one object is a TypeScript compile error whatever the release: every
      // @cdktf/provider-aws since cdktf 0.13 types a max-one block as its struct. Without a package version the
      // install is the newest bindings, whose max-one blocks are the schema's.
      if (compileLevel && this.uncertainCdktf) {
        this.report('schema-nesting-mode', message, span, address);
        return;
      }
      if (!this.sameMajor || this.newerThanSchema) {
        this.unverifiable.add(`${type}.${p} (nesting shape)`);
        return;
      }
      this.report('schema-nesting-mode', message, span, address);
    };
    if (single) {
      const arrays = list.filter((b) => b.form === 'array-item');
      if (arrays.length) {
        formFinding(`"${p}" on ${type} is a single object; it is given as an array. Pass the object itself, not [ {...} ].`, arrays[0]!.span, true);
        return;
      }
      if (list.length > 1 || (hasDynamic && list.length > 0)) {
        this.report('schema-nesting-mode', `"${p}" on ${type} may appear at most once; it is given ${list.length} times. Merge them into one block.`, list[1]?.span ?? list[0]!.span, address);
      }
      return;
    }
    const objects = list.filter((b) => b.form === 'object');
    if (objects.length) {
      formFinding(`"${p}" on ${type} is a ${nb.nesting} of objects; it is given as a single object. Wrap it in an array: [ {...} ].`, objects[0]!.span);
      return;
    }
    if (nb.maxItems && nb.maxItems > 1 && list.length > nb.maxItems && !hasDynamic) {
      this.report('schema-nesting-mode', `"${p}" on ${type} allows at most ${nb.maxItems} blocks; it is given ${list.length}.`, list[nb.maxItems]!.span, address);
    }
  }

  /** Parse errors of the configuration: a block that holds one was read only up to it. */
  parseErrors: { file: string; line: number }[] = [];

  private checkRequired(block: Block, schema: BlockSchema, present: Set<string>, dynamicNames: Set<string>, type: string, path: string[], address: string, misnamed: ReadonlySet<string>): void {
    // A syntax error inside the block cut it short: its later arguments were never read, so none is "missing"
    // (read against the code: `name` reported missing two lines below the error, judged wrong).
    const span = block.span;
    if (this.parseErrors.some((e) => e.file === span.file && e.line >= span.line && e.line <= span.endLine)) return;
    // Blocks built with `dynamic` may carry what we cannot see; required-ness is only trusted for the schema's major.
    if (dynamicNames.size) return;
    // CDKTF config objects often spread props the front-end cannot resolve (`{ ...rule, type: 'ingress' }`): only a
    // construct's own config object, wholly visible, is checked, and only its required attributes (tsc rejects the
    // constructor call without them).
    if (this.cdktf && (path.length || !block.construct || block.construct.open)) return;
    // Documentation snippets elide the rest: `# ... other config ...`.
    if (this.elided(block)) return;
    const missing: string[] = [];
    for (const [n, s] of Object.entries(schema.attributes)) {
      if (s.required && !present.has(n) && !misnamed.has(n)) missing.push(this.cdktf ? (s.cdktfName ?? snakeToCamel(n)) : n);
    }
    if (!this.cdktf) for (const [n, nb] of Object.entries(schema.blocks)) if ((nb.minItems ?? 0) >= 1 && !present.has(n)) missing.push(`${n} { }`);
    if (!missing.length) return;
    // Without a package version the bindings may be an older major: an argument the schema does not know beside a
    // missing one is most often that major's name for it (`replicationGroupDescription` before `description`).
    if (this.uncertainCdktf && [...present].some((n) => !schema.attributes[n] && !schema.blocks[n] && !META_ARGUMENTS.has(n))) return;
    const where = path.length ? `block "${path.join('.')}" of ${type}` : type;
    if (!this.uncertainCdktf && (!this.sameMajor || this.newerThanSchema)) {
      const confirmed = this.cdktf ? [] : this.setByIdeal(address, path, missing);
      if (confirmed.length) {
        this.report('schema-missing-required', `${where} is missing required ${confirmed.length > 1 ? 'arguments' : 'argument'} ${confirmed.map((m) => `"${m}"`).join(', ')} (per ${this.schema.providerVersion}; the reference sets ${confirmed.length > 1 ? 'them' : 'it'}).`, block.span, address);
        this.findings[this.findings.length - 1]!.evidence = ['static', 'diff'];
        return;
      }
      this.unverifiable.add(`${address}${path.length ? '.' + path.join('.') : ''}: required ${missing.join(', ')} (per ${this.schema.providerVersion})`);
      return;
    }
    this.report('schema-missing-required', `${where} is missing required ${missing.length > 1 ? 'arguments' : 'argument'} ${missing.map((m) => `"${m}"`).join(', ')}.`, block.span, address);
  }

  /**
   * Of the required names a model block lacks, those the reference's block at the same address and nested path
   * sets (`projection_type` on the same `global_secondary_index`): what the schema alone cannot confirm for the
   * targeted provider versions, the reviewer's fix does.
   */
  private setByIdeal(address: string, path: string[], missing: string[]): string[] {
    if (!this.ideal) return [];
    let blocks = this.ideal.blocks.filter((b) => (b.kind === 'resource' || b.kind === 'data') && blockAddress(b) === address);
    for (const step of path) blocks = blocks.flatMap((b) => childBlocks(b, step));
    if (!blocks.length) return [];
    return missing.filter((m) => {
      const name = m.replace(/ \{ \}$/, '');
      return blocks.every((b) => b.attributes.some((a) => a.name === name) || childBlocks(b, name).length > 0);
    });
  }

  /** Reads of removed or deprecated attributes (`data.aws_region.current.name`): one finding per attribute, at its first read. */
  checkReferences(config: Configuration): void {
    const reads = new Map<string, { dep: DeprecationEntry; span: SourceSpan; from: string; text: string; count: number; attr: string; type: string }>();
    for (const ref of config.references) {
      const parts = ref.text.split('.');
      const isData = parts[0] === 'data';
      const type = isData ? parts[1] : parts[0];
      const attrName = (isData ? parts[3] : parts[2])?.replace(/\[[^]*$/, '');
      if (!type?.startsWith('aws_') || !attrName) continue;
      const dep = deprecationFor(isData ? 'data' : 'resource', type, attrName);
      if (!dep?.readable) continue;
      const span = ref.span ?? config.blocks.find((b) => blockAddress(b) === ref.from)?.span;
      if (!span) continue;
      const key = `${isData ? 'data.' : ''}${type}.${attrName}`;
      const seen = reads.get(key);
      if (seen) seen.count++;
      else reads.set(key, { dep, span, from: ref.from, text: ref.text, count: 1, attr: attrName, type });
    }
    for (const r of reads.values()) {
      const times = r.count > 1 ? `, read ${r.count} times; first` : '';
      this.deprecation(r.dep, r.span, r.from, `attribute "${r.attr}" of ${r.type} (${times ? times.slice(2) + ' ' : ''}read as ${r.text})`);
    }
  }
}

/** `6.25.0` → `6.25.1`. */
function nextPatch(v: string): string {
  const [maj, min, pat] = v.split(/[.-]/).map(Number);
  return `${maj ?? 0}.${min ?? 0}.${(pat ?? 0) + 1}`;
}

/** Types an HCL block can never stand for: scalars and collections of scalars. */
function isScalarish(type: string): boolean {
  return /^(string|number|bool|(list|set|map)\((string|number|bool)\))$/.test(type);
}

type StaticKind = 'string' | 'number' | 'bool' | 'null' | 'tuple' | 'object';

function staticKind(e: Expr): { kind: StaticKind; value?: string | number | boolean } | undefined {
  switch (e.kind) {
    case 'literal':
      if (e.value === null) return { kind: 'null' };
      return { kind: typeof e.value === 'string' ? 'string' : typeof e.value === 'number' ? 'number' : 'bool', value: e.value };
    case 'template': {
      // A template with interpolations may evaluate to anything (`"${var.list}"` is the list itself).
      const v = literalValue(e);
      return typeof v === 'string' ? { kind: 'string', value: v } : undefined;
    }
    case 'tuple':
      return { kind: 'tuple' };
    case 'object':
      return { kind: 'object' };
    default:
      return undefined;
  }
}

/** Why a static literal cannot convert to the schema type (Terraform's conversion rules), or undefined. */
export function typeProblem(e: Expr, type: string): string | undefined {
  const s = staticKind(e);
  if (!s || s.kind === 'null') return undefined;
  const base = type.startsWith('list(') || type.startsWith('set(') ? 'list' : type.startsWith('map(') ? 'map' : type;
  const show = (): string => (s.kind === 'tuple' ? 'a list' : s.kind === 'object' ? 'an object' : `${s.kind} ${JSON.stringify(s.value)}`);
  switch (base) {
    case 'bool':
      if (s.kind === 'bool') return undefined;
      if (s.kind === 'string' && (s.value === 'true' || s.value === 'false')) return undefined;
      return show();
    case 'number':
      if (s.kind === 'number') return undefined;
      if (s.kind === 'string' && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(String(s.value))) return undefined;
      return show();
    case 'string':
      return s.kind === 'tuple' || s.kind === 'object' ? show() : undefined;
    case 'list':
      return s.kind === 'tuple' ? undefined : show();
    case 'map':
    case 'object':
      return s.kind === 'object' ? undefined : show();
    default:
      return undefined;
  }
}

/** The TypeScript type the CDKTF bindings give a schema type, for messages. */
function bindingTypeName(type: string): string {
  if (type === 'bool') return 'boolean';
  const m = /^(list|set)\((string|number|bool)\)$/.exec(type);
  if (m) return `${m[2] === 'bool' ? 'boolean' : m[2]}[]`;
  const mm = /^map\((string|number|bool)\)$/.exec(type);
  if (mm) return `{ [key: string]: ${mm[1] === 'bool' ? 'boolean' : mm[1]} }`;
  return type;
}

/** The TypeScript static kind of a model expression read from CDKTF code: templates are strings there. */
function tsKind(e: Expr): 'string' | 'number' | 'boolean' | 'array' | 'object' | undefined {
  switch (e.kind) {
    case 'literal':
      return e.value === null ? undefined : typeof e.value === 'string' ? 'string' : typeof e.value === 'number' ? 'number' : 'boolean';
    case 'template':
      return e.heredoc ? undefined : 'string';
    case 'tuple':
      return 'array';
    case 'object':
      return 'object';
    default:
      return undefined;
  }
}

/** Why a CDKTF literal does not fit the binding's TypeScript type (scalars and collections of scalars only). */
export function bindingTypeProblem(e: Expr, type: string): string | undefined {
  const k = tsKind(e);
  if (!k) return undefined;
  const show = (x: Expr, kind: string): string => (kind === 'array' ? 'an array' : kind === 'object' ? 'an object' : x.kind === 'literal' ? `${kind} ${JSON.stringify(x.value)}` : 'a string');
  const scalar = (want: string, x: Expr): string | undefined => {
    const xk = tsKind(x);
    return xk && xk !== want ? show(x, xk) : undefined;
  };
  const tsOf = (t: string): string => (t === 'bool' ? 'boolean' : t);
  if (type === 'string' || type === 'number' || type === 'bool') return scalar(tsOf(type), e);
  const list = /^(list|set)\((string|number|bool)\)$/.exec(type);
  if (list) {
    if (k !== 'array') return show(e, k);
    for (const item of (e as Extract<Expr, { kind: 'tuple' }>).items) {
      const p = scalar(tsOf(list[2]!), item);
      if (p) return `an array holding ${p}`;
    }
    return undefined;
  }
  const map = /^map\((string|number|bool)\)$/.exec(type);
  if (map) {
    if (k !== 'object') return show(e, k);
    for (const en of (e as Extract<Expr, { kind: 'object' }>).entries) {
      const p = scalar(tsOf(map[1]!), en.value);
      if (p) return `an object whose "${en.key ?? '?'}" is ${p}`;
    }
  }
  return undefined;
}

export function validateConfiguration(config: Configuration, opts: SchemaCheckOptions): SchemaCheckResult {
  const checker = new Checker(opts.schema, config.files, opts.target, opts.platform ?? config.platform, opts.uncertain, opts.ideal);
  checker.parseErrors = (config.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => ({ file: d.span.file, line: d.span.line }));
  for (const b of config.blocks) checker.checkBlock(b);
  checker.checkReferences(config);
  const unverifiable = [...checker.unverifiable].sort();
  const notes: string[] = [];
  if (unverifiable.length) {
    const t = opts.target ?? ANY_VERSION;
    const shown = unverifiable.slice(0, 12).join(', ');
    notes.push(
      `schema: checked against AWS provider ${opts.schema.providerVersion} (${opts.schema.source}); the targeted versions (${t.text}) differ, so ${unverifiable.length} item(s) the schema cannot confirm were not reported: ${shown}${unverifiable.length > 12 ? ', ...' : ''}`,
    );
  }
  return { findings: checker.findings, notes, unverifiable };
}

/** Whether the schema's own version is among the admitted ones (used by `schema info` and the eval). */
export function targetAdmitsSchema(target: AdmittedRange, schema: SchemaIndex): boolean {
  return admits(target, schema.providerVersion);
}
