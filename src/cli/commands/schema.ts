/**
 * `iacjudge schema info` and `iacjudge schema import`: which provider schema the checks use, and converting
 * `terraform providers schema -json` output into an artifact usable with `--schema FILE` or `.iacjudge.json`
 * (`{ "schema": "path/to/file" }`).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { writeOutputFile } from '../../io/write.js';
import { jsonErrorMessage, readBounded } from '../../io/read.js';
import path from 'node:path';
import type { Command } from 'commander';
import type { RegisterCommand } from './index.js';
import { UsageError } from '../../contracts/errors.js';
import { encodeArtifact } from '../../schema/artifact.js';
import { artifactFromTerraformSchema } from '../../schema/from-terraform.js';
import { loadSchema, loadSchemaFromFile, type LoadedSchema } from '../../schema/index.js';

const CONFIG_FILE = '.iacjudge.json';
export const DEFAULT_IMPORT_OUT = '.iacjudge-schema.json.gz';
/** Cap on the `terraform providers schema -json` file read by `schema import`: 256 MiB. */
export const MAX_SCHEMA_IMPORT_BYTES = 256 * 1024 * 1024;

/** The imported schema path configured in `.iacjudge.json` of a folder, if any (resolved against that folder). */
export function configuredSchemaPath(dir: string): string | undefined {
  const file = path.join(dir, CONFIG_FILE);
  if (!existsSync(file)) return undefined;
  const got = readBounded(file, { label: CONFIG_FILE });
  if (!got.ok) throw new UsageError(got.message);
  let cfg: unknown;
  try {
    cfg = JSON.parse(got.bytes.toString('utf8'));
  } catch (err) {
    throw new UsageError(`${CONFIG_FILE}: invalid JSON (${jsonErrorMessage(err)})`);
  }
  const s = (cfg as { schema?: unknown })?.schema;
  if (s === undefined) return undefined;
  if (typeof s !== 'string' || !s) throw new UsageError(`${CONFIG_FILE}: "schema" must be a file path`);
  return path.resolve(dir, s);
}

/** Loads the schema named by --schema or .iacjudge.json, or the bundled one; `origin` says which. */
export function selectSchema(explicit: string | undefined, dir = process.cwd()): { schema: LoadedSchema; origin: string } {
  const chosen = explicit ? path.resolve(explicit) : configuredSchemaPath(dir);
  if (!chosen) return { schema: loadSchema(), origin: 'bundled' };
  if (!existsSync(chosen)) throw new UsageError(`schema file not found: ${explicit ?? chosen}`);
  try {
    return { schema: loadSchemaFromFile(chosen, explicit ?? path.relative(dir, chosen)), origin: explicit ? `--schema ${explicit}` : `${CONFIG_FILE} (${path.relative(dir, chosen)})` };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export const register: RegisterCommand = (program: Command) => {
  const cmd = program.command('schema').description('provider schema used by the schema checks: show it, or import one from terraform');

  cmd
    .command('info')
    .description('show the active provider schema: provider version, resource and data source counts, source')
    .option('--schema <file>', 'an imported schema artifact (default: .iacjudge.json "schema", else the bundled one)')
    .option('--json', 'print JSON')
    .action((opts: { schema?: string; json?: boolean }) => {
      const { schema, origin } = selectSchema(opts.schema);
      const info = {
        active: origin,
        providerVersion: schema.providerVersion,
        provider: schema.providerName,
        resources: schema.resourceTypes().length,
        dataSources: schema.dataSourceTypes().length,
        source: schema.source,
        generatorVersion: schema.generatorVersion,
      };
      if (opts.json) {
        process.stdout.write(JSON.stringify(info, null, 2) + '\n');
        return;
      }
      process.stdout.write(
        [
          `active schema:     ${info.active}`,
          `provider:          ${info.provider} ${info.providerVersion}`,
          `resources:         ${info.resources}`,
          `data sources:      ${info.dataSources}`,
          `source:            ${info.source}`,
          `generator version: ${info.generatorVersion}`,
        ].join('\n') + '\n',
      );
    });

  cmd
    .command('import')
    .description('convert `terraform providers schema -json` output into a schema artifact for --schema / .iacjudge.json')
    .argument('<terraform-schema.json>', 'output of `terraform providers schema -json`')
    .option('--out <file>', 'artifact to write', DEFAULT_IMPORT_OUT)
    .option('--provider-version <version>', 'AWS provider version the schema was taken from (see .terraform.lock.hcl)')
    .action((input: string, opts: { out: string; providerVersion?: string }) => {
      // `terraform providers schema -json` of the AWS provider is tens of megabytes; the cap leaves room for more.
      const got = readBounded(input, { label: input, maxBytes: MAX_SCHEMA_IMPORT_BYTES });
      if (!got.ok) throw new UsageError(got.reason === 'missing' ? `${input}: file not found` : got.message);
      let doc: unknown;
      try {
        doc = JSON.parse(got.bytes.toString('utf8'));
      } catch (err) {
        throw new UsageError(`${input}: invalid JSON (${jsonErrorMessage(err)})`);
      }
      if (opts.providerVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(opts.providerVersion)) {
        throw new UsageError(`--provider-version takes a version like 6.25.0 (got "${opts.providerVersion}")`);
      }
      let artifact;
      try {
        artifact = artifactFromTerraformSchema(doc, { providerVersion: opts.providerVersion, source: `terraform providers schema -json (${path.basename(input)})` });
      } catch (err) {
        throw new UsageError(`${input}: ${(err as Error).message}`);
      }
      mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
      writeOutputFile(opts.out, encodeArtifact(artifact));
      process.stdout.write(
        `wrote ${opts.out}: AWS provider ${artifact.provider.version}, ${Object.keys(artifact.resources).length} resources, ${Object.keys(artifact.dataSources).length} data sources\n` +
          `use it with --schema ${opts.out} or { "schema": "${opts.out}" } in ${CONFIG_FILE}\n`,
      );
    });
};
