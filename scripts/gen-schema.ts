/**
 * Generates the bundled provider-schema artifact (src/schema/data/aws.schema.json.gz).
 *
 *   npm run gen:schema                               # from node_modules/@cdktf/provider-aws (.jsii + lib/*.js)
 *   npm run gen:schema -- --jsii DIR                 # from an unpacked @cdktf/provider-aws package folder
 *   npm run gen:schema -- --from-terraform schema.json [--provider-version 6.25.0] [--out FILE]
 *
 * The jsii assembly gives the structure: each resource/data source class `Represents a {@link .../docs/resources/X aws_X}`,
 * its `<Class>Config` struct (settable arguments; optional=false means required), nested structs for blocks
 * (`SomeStruct` = single object block, `IResolvable | SomeStruct[]` = list or set block), and the class getters
 * (arguments missing from the config struct are computed only). The generated lib/<module>/index.js adds what jsii
 * erases: the Terraform names and whether a repeated block is a list or a set (`type: "set"`), and whether a block
 * list is written with `listMapperHcl(fn, false)`, i.e. accepted as an attribute too.
 * Output is deterministic: sorted keys, gzip with mtime 0.
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildArtifact, compactBlock, decodeArtifact, encodeArtifact, type CompactBlock, type SchemaArtifact } from '../src/schema/artifact.js';
import { artifactFromTerraformSchema, AWS_PROVIDER_ADDRESS } from '../src/schema/from-terraform.js';
import { encodeIndexed } from '../src/schema/indexed.js';
import { GENERATOR_VERSION } from '../src/schema/generator-version.js';
import type { AttributeSchema, BlockSchema, NestingMode } from '../src/schema/types.js';

export { GENERATOR_VERSION };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLED_ARTIFACT = path.join(repoRoot, 'src/schema/data/aws.schema.json.gz');
/** The bundled artifact indexed by type (src/schema/indexed.ts): what the CLI loads; derived from the artifact only. */
export const BUNDLED_INDEX = path.join(repoRoot, 'src/schema/data/aws.schema.idx');
/** The provider block's own schema (`provider "aws" { ... }`, `new AwsProvider(...)`), as a TypeScript module. */
export const BUNDLED_PROVIDER_CONFIG = path.join(repoRoot, 'src/schema/data/aws-provider-config.ts');

type TypeRef =
  | { primitive: string }
  | { fqn: string }
  | { collection: { kind: 'array' | 'map'; elementtype: TypeRef } }
  | { union: { types: TypeRef[] } };

interface JsiiProperty {
  name: string;
  type: TypeRef;
  optional?: boolean;
  static?: boolean;
  immutable?: boolean;
  docs?: { summary?: string; remarks?: string; deprecated?: string };
}
interface JsiiType {
  kind: 'class' | 'interface' | 'enum';
  fqn: string;
  name: string;
  base?: string;
  datatype?: boolean;
  properties?: JsiiProperty[];
  docs?: { summary?: string };
  locationInModule?: { filename: string };
  initializer?: { parameters?: { name: string; type: TypeRef }[] };
}

/** Per-argument facts taken from the generated JavaScript (`xToHclTerraform` and `synthesizeHclAttributes`). */
interface HclFact {
  isBlock: boolean;
  /** simple | list | set | map | struct */
  type: string;
  storageClassType: string;
  /** `listMapperHcl(fn, false)`: a list of objects that is an attribute in Terraform's eyes. */
  attributeMode: boolean;
}

const HCL_ATTR_RE =
  /^ {8,16}(\w+): \{\n\s*value: ([^\n]*)\n\s*isBlock: (true|false),\n\s*type: "(\w+)",\n\s*storageClassType: "(\w+)",/gm;
const HCL_FN_RE = /^function (\w+)ToHclTerraform\(struct\) \{$/gm;
const CLASS_RE = /^class (\w+) extends cdktf\.Terraform(?:Resource|DataSource|Provider) \{$/gm;
const GETTER_RE = /get (\w+)\(\) \{\n\s*return this\.get\w*Attribute\('(\w+)'\)/g;

interface ModuleFacts {
  /** key: struct name (for xToHclTerraform) or class name (for synthesizeHclAttributes) → snake name → fact */
  byOwner: Map<string, Map<string, HclFact>>;
  /** camelCase getter → snake name */
  getterNames: Map<string, string>;
}

function parseModuleJs(text: string): ModuleFacts {
  const byOwner = new Map<string, Map<string, HclFact>>();
  // Cut the file into sections starting at each owner marker; attribute tables belong to the nearest owner above.
  const marks: { at: number; owner: string }[] = [];
  for (const m of text.matchAll(HCL_FN_RE)) marks.push({ at: m.index, owner: m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1) });
  for (const m of text.matchAll(CLASS_RE)) marks.push({ at: m.index, owner: m[1]! });
  marks.sort((a, b) => a.at - b.at);
  for (let i = 0; i < marks.length; i++) {
    const start = marks[i]!.at;
    const end = i + 1 < marks.length ? marks[i + 1]!.at : text.length;
    let section = text.slice(start, end);
    // In a class section only synthesizeHclAttributes lists arguments.
    if (!section.startsWith('function')) {
      const s = section.indexOf('synthesizeHclAttributes()');
      if (s < 0) continue;
      section = section.slice(s);
    }
    const facts = new Map<string, HclFact>();
    for (const m of section.matchAll(HCL_ATTR_RE)) {
      // `listMapperHcl(someStructToHclTerraform, false)`: objects in a list that Terraform treats as an attribute.
      const mapper = /listMapperHcl\(([\w.]+), (true|false)\)/.exec(m[2]!);
      facts.set(m[1]!, {
        isBlock: m[3] === 'true',
        type: m[4]!,
        storageClassType: m[5]!,
        // `type: "struct"` is a plugin-framework single nested object: the bindings render a SingleNestedAttribute
        // (`x = { ... }`, aws_s3tables_table_bucket encryption_configuration) and a SingleNestedBlock the same way,
        // so both spellings are accepted. SDKv2 MaxItems=1 blocks are `type: "list"` and stay blocks only, and so
        // does `timeouts` (a struct in every binding, a block in Terraform).
        attributeMode: (!!mapper && mapper[2] === 'false' && !mapper[1]!.startsWith('cdktf.')) || (m[4] === 'struct' && m[1] !== 'timeouts'),
      });
    }
    if (facts.size) byOwner.set(marks[i]!.owner, facts);
  }
  const getterNames = new Map<string, string>();
  for (const m of text.matchAll(GETTER_RE)) getterNames.set(m[1]!, m[2]!);
  return { byOwner, getterNames };
}

function camelToSnake(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

const LINK_ANCHOR_RE = /\{@link https:\/\/registry\.terraform\.io\/providers\/hashicorp\/aws\/[^ #}]+#(\w+) /;

function terraformName(p: JsiiProperty): string {
  const m = LINK_ANCHOR_RE.exec(p.docs?.summary ?? '') ?? LINK_ANCHOR_RE.exec(p.docs?.remarks ?? '');
  return m ? m[1]! : camelToSnake(p.name);
}

class JsiiConverter {
  private readonly moduleFacts = new Map<string, ModuleFacts>();
  constructor(
    private readonly types: Record<string, JsiiType>,
    private readonly pkgDir: string,
  ) {}

  private facts(t: JsiiType): ModuleFacts {
    const file = t.locationInModule?.filename ?? '';
    // src/dynamodb-table/index.ts → lib/dynamodb-table/index.js
    const js = path.join(this.pkgDir, file.replace(/^src\//, 'lib/').replace(/\.ts$/, '.js'));
    let f = this.moduleFacts.get(js);
    if (!f) {
      f = existsSync(js) ? parseModuleJs(readFileSync(js, 'utf8')) : { byOwner: new Map(), getterNames: new Map() };
      this.moduleFacts.set(js, f);
    }
    return f;
  }

  private isStruct(fqn: string): boolean {
    const t = this.types[fqn];
    return !!t && t.kind === 'interface' && !!t.datatype;
  }

  /** Strip `IResolvable` from unions: `boolean | IResolvable` is a boolean. */
  private unwrap(ref: TypeRef): TypeRef {
    if ('union' in ref) {
      const rest = ref.union.types.filter((x) => !('fqn' in x && x.fqn === 'cdktf.IResolvable'));
      if (rest.length === 1) return this.unwrap(rest[0]!);
    }
    return ref;
  }

  valueType(ref: TypeRef): string {
    const r = this.unwrap(ref);
    if ('primitive' in r) {
      if (r.primitive === 'string' || r.primitive === 'date') return 'string';
      if (r.primitive === 'number') return 'number';
      if (r.primitive === 'boolean') return 'bool';
      return 'any';
    }
    if ('collection' in r) return `${r.collection.kind === 'array' ? 'list' : 'map'}(${this.valueType(r.collection.elementtype)})`;
    if ('fqn' in r) {
      const known: Record<string, string> = {
        'cdktf.StringMap': 'map(string)',
        'cdktf.NumberMap': 'map(number)',
        'cdktf.BooleanMap': 'map(bool)',
        'cdktf.AnyMap': 'map(any)',
        'cdktf.StringMapList': 'list(map(string))',
        'cdktf.NumberMapList': 'list(map(number))',
        'cdktf.BooleanMapList': 'list(map(bool))',
        'cdktf.AnyMapList': 'list(map(any))',
        'cdktf.StringListList': 'list(list(string))',
        'cdktf.NumberListList': 'list(list(number))',
        'cdktf.IResolvable': 'any',
      };
      if (known[r.fqn]) return known[r.fqn]!;
      if (this.isStruct(r.fqn) || r.fqn.endsWith('OutputReference')) return 'object';
      if (r.fqn.endsWith('List')) return 'list(object)';
      if (r.fqn.endsWith('Map')) return 'map(object)';
    }
    return 'any';
  }

  /** The struct a block property holds, and whether it is one object or a collection. */
  private blockShape(ref: TypeRef): { fqn: string; many: 'array' | 'map' | null } | null {
    const r = this.unwrap(ref);
    if ('fqn' in r && this.isStruct(r.fqn)) return { fqn: r.fqn, many: null };
    if ('collection' in r) {
      const e = this.unwrap(r.collection.elementtype);
      if ('fqn' in e && this.isStruct(e.fqn)) return { fqn: e.fqn, many: r.collection.kind };
    }
    return null;
  }

  /**
   * A block schema from a struct (the Config struct of a resource, or a nested struct).
   * @param factsOwner the owner key in the module's JS facts: class name for Config structs, struct name otherwise.
   * @param getterClass class whose getters list computed-only arguments (the resource class, or XOutputReference).
   */
  structBlock(structFqn: string, factsOwner: string, getterClass: string | undefined, depth = 0): BlockSchema {
    const out: BlockSchema = { attributes: {}, blocks: {} };
    const st = this.types[structFqn];
    if (!st || depth > 12) return out;
    const facts = this.facts(st);
    const hcl = facts.byOwner.get(factsOwner);
    const settable = new Set<string>();
    for (const p of st.properties ?? []) {
      settable.add(p.name);
      const name = terraformName(p);
      const fact = hcl?.get(name);
      const shape = this.blockShape(p.type);
      const deprecated = !!p.docs?.deprecated;
      // jsii renames some properties (`equals` → `equalTo`, `self` → `selfAttribute`): record the CDKTF name.
      const cdktfName = camelToSnake(p.name) === name ? undefined : p.name;
      if (shape && (fact?.isBlock ?? true)) {
        let nesting: NestingMode;
        if (shape.many === null) nesting = 'single';
        else if (shape.many === 'map') nesting = 'map';
        else nesting = fact?.type === 'set' ? 'set' : 'list';
        const childName = this.types[shape.fqn]!.name;
        const childGetter = `${shape.fqn}OutputReference`;
        out.blocks[name] = {
          nesting,
          ...(p.optional ? {} : { minItems: 1 }),
          ...(nesting === 'single' ? { maxItems: 1 } : {}),
          block: this.structBlock(shape.fqn, childName, this.types[childGetter] ? childGetter : undefined, depth + 1),
          ...(deprecated ? { deprecated: true } : {}),
          ...(fact?.attributeMode ? { asAttribute: true } : {}),
          ...(cdktfName ? { cdktfName } : {}),
        };
        continue;
      }
      let type = this.valueType(p.type);
      // jsii has no sets: the JS knows `type: "set"`.
      if (fact?.type === 'set' && type.startsWith('list(')) type = `set(${type.slice(5)}`;
      const a: AttributeSchema = { type };
      if (p.optional) a.optional = true;
      else a.required = true;
      if (deprecated) a.deprecated = true;
      if (cdktfName) a.cdktfName = cdktfName;
      out.attributes[name] = a;
    }
    // Computed-only arguments: getters on the class that the config struct does not have.
    const gc = getterClass ? this.types[getterClass] : undefined;
    for (const p of gc?.properties ?? []) {
      if (p.static || settable.has(p.name) || p.name.endsWith('Input')) continue;
      if (p.name === 'fqn' || p.name === 'friendlyUniqueId' || p.name === 'terraformResourceType' || p.name === 'internalValue') continue;
      const name = facts.getterNames.get(p.name) ?? camelToSnake(p.name);
      if (out.attributes[name] || out.blocks[name]) continue;
      out.attributes[name] = { type: this.valueType(p.type), computedOnly: true };
    }
    return out;
  }
}

const REPRESENTS_RE = /Represents a \{@link https:\/\/registry\.terraform\.io\/providers\/hashicorp\/aws\/([^/]+)\/docs\/(resources|data-sources)\/\w+ (\w+)\}/;

export function artifactFromJsii(pkgDir: string): SchemaArtifact {
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    cdktf?: { provider?: { name?: string; version?: string } };
  };
  const assembly = JSON.parse(readFileSync(path.join(pkgDir, '.jsii'), 'utf8')) as { types: Record<string, JsiiType> };
  const conv = new JsiiConverter(assembly.types, pkgDir);
  const resources = new Map<string, BlockSchema>();
  const dataSources = new Map<string, BlockSchema>();
  let linkVersion: string | undefined;
  for (const fqn of Object.keys(assembly.types).sort()) {
    const t = assembly.types[fqn]!;
    if (t.kind !== 'class' || (t.base !== 'cdktf.TerraformResource' && t.base !== 'cdktf.TerraformDataSource')) continue;
    const m = REPRESENTS_RE.exec(t.docs?.summary ?? '');
    if (!m) throw new Error(`${fqn}: no Terraform type in its docs summary`);
    linkVersion ??= m[1];
    // The config struct is the constructor's `config` parameter (usually `<Class>Config`, `...ConfigA` on name clashes).
    const configParam = t.initializer?.parameters?.find((p) => p.name === 'config')?.type;
    const configFqn = configParam && 'fqn' in configParam ? configParam.fqn : `${fqn}Config`;
    if (!assembly.types[configFqn]) throw new Error(`${fqn}: config struct ${configFqn} not found`);
    const schema = conv.structBlock(configFqn, t.name, fqn);
    (m[2] === 'resources' ? resources : dataSources).set(m[3]!, schema);
  }
  const providerVersion = pkg.cdktf?.provider?.version ?? linkVersion;
  if (!providerVersion) throw new Error('provider version not found in package.json cdktf.provider.version nor in docs links');
  return buildArtifact({
    generatorVersion: GENERATOR_VERSION,
    providerName: pkg.cdktf?.provider?.name ?? AWS_PROVIDER_ADDRESS,
    providerVersion,
    source: `bundled (${pkg.name} ${pkg.version})`,
    resources,
    dataSources,
  });
}

/** The provider configuration block (the `AwsProvider` class's config struct), compact-encoded. */
export function providerConfigFromJsii(pkgDir: string): CompactBlock {
  const assembly = JSON.parse(readFileSync(path.join(pkgDir, '.jsii'), 'utf8')) as { types: Record<string, JsiiType> };
  const conv = new JsiiConverter(assembly.types, pkgDir);
  const fqn = Object.keys(assembly.types).sort().find((k) => assembly.types[k]!.kind === 'class' && assembly.types[k]!.base === 'cdktf.TerraformProvider');
  if (!fqn) throw new Error('no TerraformProvider class in the assembly');
  const t = assembly.types[fqn]!;
  const configParam = t.initializer?.parameters?.find((p) => p.name === 'config')?.type;
  const configFqn = configParam && 'fqn' in configParam ? configParam.fqn : `${fqn}Config`;
  return compactBlock(conv.structBlock(configFqn, t.name, undefined));
}

/** The generated module: sorted keys (compactBlock sorts), so the text is reproducible. */
function providerConfigModule(block: CompactBlock, source: string): string {
  return `/**
 * GENERATED by \`npm run gen:schema\` from ${source}: the AWS provider block's own schema. Do not edit by hand.
 * Compact encoding of src/schema/artifact.ts (expand with expandBlock).
 */
import type { CompactBlock } from '../artifact.js';

export const AWS_PROVIDER_CONFIG: CompactBlock = ${JSON.stringify(block, null, 2)};
`;
}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
    out[a.slice(2)] = v;
    i++;
  }
  return out;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  let artifact: SchemaArtifact;
  if (args['from-terraform']) {
    const doc: unknown = JSON.parse(readFileSync(args['from-terraform'], 'utf8'));
    artifact = artifactFromTerraformSchema(doc, {
      providerVersion: args['provider-version'],
      source: `terraform providers schema -json (${path.basename(args['from-terraform'])})`,
    });
  } else {
    const pkgDir = args['jsii'] ?? path.join(repoRoot, 'node_modules/@cdktf/provider-aws');
    if (!existsSync(path.join(pkgDir, '.jsii'))) {
      throw new Error(`${pkgDir}/.jsii not found: run \`npm install\` (devDependency @cdktf/provider-aws) or pass --jsii DIR`);
    }
    artifact = artifactFromJsii(pkgDir);
    if (!args['out']) {
      writeFileSync(BUNDLED_PROVIDER_CONFIG, providerConfigModule(providerConfigFromJsii(pkgDir), artifact.source.replace(/^bundled \((.*)\)$/, '$1')));
      process.stdout.write(`wrote ${path.relative(process.cwd(), BUNDLED_PROVIDER_CONFIG)}\n`);
    }
  }
  const out = args['out'] ?? BUNDLED_ARTIFACT;
  mkdirSync(path.dirname(out), { recursive: true });
  const bytes = encodeArtifact(artifact);
  writeFileSync(out, bytes);
  if (path.resolve(out) === BUNDLED_ARTIFACT) {
    // Encoded from the artifact as written (decoded back), so the index can always be re-derived from the .gz alone.
    const index = encodeIndexed(decodeArtifact(bytes, out));
    writeFileSync(BUNDLED_INDEX, index);
    process.stdout.write(`wrote ${path.relative(process.cwd(), BUNDLED_INDEX)}: ${index.length} bytes\n`);
  }
  const r = Object.keys(artifact.resources).length;
  const d = Object.keys(artifact.dataSources).length;
  process.stdout.write(
    `wrote ${path.relative(process.cwd(), out) || out}: provider ${artifact.provider.version}, ${r} resources, ${d} data sources, ${bytes.length} bytes (${artifact.source})\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`gen-schema: ${(err as Error).message}\n`);
    process.exit(2);
  }
}
