/**
 * `.iacjudge.json`: per-project overrides of the conventions and of rule settings.
 * Looked up at `--config`, else in the task folder, else in the working directory.
 * Validated with a JSON schema so a typo names the file and the bad key instead of being ignored.
 */
import { existsSync } from 'node:fs';
import { jsonErrorMessage, readBounded } from '../io/read.js';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { UsageError } from '../contracts/errors.js';
import { DEFAULT_CONVENTIONS, type Conventions } from '../contracts/conventions.js';
import type { Rule } from './types.js';
import type { Severity } from '../taxonomy/categories.js';
import { SEVERITIES } from '../taxonomy/categories.js';
import { allMetas } from './catalog-meta.js';
import { closestName } from './util/variables.js';

export const CONFIG_FILE_NAME = '.iacjudge.json';

/** `off` drops the finding, `warn`/`error` put it in the observation/failure tier, `severity` overrides its severity. */
export type RuleSetting = 'off' | 'warn' | 'error' | { severity?: Severity };
export type RuleSettings = Record<string, RuleSetting>;

export interface IacjudgeConfig {
  conventions?: Partial<Conventions>;
  rules?: RuleSettings;
  /** An imported provider schema artifact (`iacjudge schema import`), relative to the config file. */
  schema?: string;
  /** Force the pipeline's conventions and score on (a plain folder) or off (a task folder). */
  pipeline?: boolean;
}

const CONVENTION_TYPES: Record<keyof Conventions, 'string' | 'boolean'> = {
  providerFile: 'string',
  suffixVariable: 'string',
  suffixVariableCdktf: 'string',
  lambdaDir: 'string',
  destroyable: 'boolean',
  selfSufficient: 'boolean',
  remoteState: 'boolean',
};

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    schema: { type: 'string', minLength: 1 },
    pipeline: { type: 'boolean' },
    conventions: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(Object.entries(CONVENTION_TYPES).map(([k, t]) => [k, { type: t }])),
    },
    rules: {
      type: 'object',
      additionalProperties: {
        oneOf: [
          { enum: ['off', 'warn', 'error'] },
          {
            type: 'object',
            additionalProperties: false,
            properties: { severity: { enum: [...SEVERITIES] } },
          },
        ],
      },
    },
  },
} as const;

let compiled: ValidateFunction | undefined;
/** ajv is loaded and the schema compiled on the first config file only: most runs have none (start-up time). */
function validator(): ValidateFunction {
  if (!compiled) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
    compiled = new Ajv({ allErrors: true }).compile(SCHEMA);
  }
  return compiled;
}

/** The config file to use: explicit path, else `.iacjudge.json` in the task folder, else in cwd. */
export function findConfigFile(opts: { explicit?: string; taskDir?: string; cwd?: string } = {}): string | undefined {
  if (opts.explicit) {
    if (!existsSync(opts.explicit)) throw new UsageError(`config file not found: ${opts.explicit}`);
    return opts.explicit;
  }
  for (const dir of [opts.taskDir, opts.cwd ?? process.cwd()]) {
    if (!dir) continue;
    const p = join(dir, CONFIG_FILE_NAME);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Reads and validates a config file. `displayPath` is what error messages name (keep it relative). */
export function loadConfigFile(path: string, displayPath = path, opts: { within?: string; knownIds?: ReadonlySet<string> } = {}): IacjudgeConfig {
  // Bounded read: a FIFO hung the run, /dev/zero aborted it, a link to /etc/shadow leaked its start into the error.
  const got = readBounded(path, { label: displayPath, ...(opts.within !== undefined ? { within: opts.within } : {}) });
  if (!got.ok) throw new ConfigRefusedError(got.message);
  return parseConfig(got.bytes.toString('utf8'), displayPath, opts.knownIds);
}

/** The config file was not read at all (special file, outside the task folder, too large); the message has no file bytes. */
export class ConfigRefusedError extends UsageError {}

/**
 * `knownIds`: every id a finding can carry (the pipeline passes the rule, schema, diff, log, syntax and claim ids);
 * without it only the rule catalog's ids are known.
 */
export function parseConfig(text: string, displayPath: string, knownIds?: ReadonlySet<string>): IacjudgeConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${displayPath}: invalid JSON (${jsonErrorMessage(err)})`);
  }
  const validate = validator();
  if (!validate(data)) throw new UsageError(`${displayPath}: ${describeError(validate.errors ?? [])}`);
  const config = data as IacjudgeConfig;
  const known = knownIds ?? new Set(allMetas().map((m) => m.id));
  for (const id of Object.keys(config.rules ?? {})) {
    if (known.has(id)) continue;
    const hint = closestName(id, known);
    throw new UsageError(`${displayPath}: rules.${id}: unknown rule id${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  return config;
}

function describeError(errors: ErrorObject[]): string {
  // Prefer the most specific error: an unknown key, then a wrong type/value.
  const extra = errors.find((e) => e.keyword === 'additionalProperties');
  if (extra) {
    const key = (extra.params as { additionalProperty: string }).additionalProperty;
    return `${pointer(extra.instancePath, key)}: unknown key`;
  }
  const e = errors.find((x) => x.keyword !== 'oneOf' && x.keyword !== 'const' && x.keyword !== 'enum' && x.keyword !== 'type') ?? errors[0];
  if (!e) return 'invalid configuration';
  if (e.instancePath.startsWith('/rules/')) return `${pointer(e.instancePath)}: expected "off", "warn", "error" or { "severity": "critical" | "high" | "medium" | "low" }`;
  return `${pointer(e.instancePath)}: ${e.message ?? 'invalid value'}`;
}

function pointer(instancePath: string, key?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (key) parts.push(key);
  return parts.join('.') || '(root)';
}

export function resolveConventions(config: IacjudgeConfig | undefined, base: Conventions = DEFAULT_CONVENTIONS): Conventions {
  return { ...base, ...(config?.conventions ?? {}) };
}

/** Drops rules set to "off" and overrides severities. */
export function applyRuleSettings(rules: Rule[], settings: RuleSettings): Rule[] {
  const out: Rule[] = [];
  for (const rule of rules) {
    const s = settings[rule.meta.id];
    if (s === 'off') continue;
    if (typeof s === 'object' && s.severity) out.push({ meta: { ...rule.meta, severity: s.severity }, check: rule.check });
    else out.push(rule);
  }
  return out;
}
