import type { Block, Configuration, Expr } from '../../model/types.js';
import type { Conventions } from '../../contracts/conventions.js';
import type { Rule } from '../types.js';
import { SUFFIX_IN_CODE, SUFFIX_PROMPT } from './suffix-prompt.js';
import { attrExpr, blocksOfKind, resources, staticString, walkExpr } from '../../model/query.js';
import { declaresSuffix, mentionsSuffix } from '../util/suffix.js';
import { hasUniqueName, nameExprs } from '../util/names.js';
import { isCdktfConfig } from '../util/files.js';

const SUFFIX_LIKE = /suffix|unique/i;
/** Suffixes AWS attributes carry (`arn_suffix` of a load balancer, the partition's `dns_suffix`): not a naming input. */
const ATTRIBUTE_SUFFIX = /(arn|dns|url|domain|zone)_?suffix/i;
const suffixLike = (name: string): boolean => SUFFIX_LIKE.test(name) && !ATTRIBUTE_SUFFIX.test(name);

/** An identifier in a name expression that looks like a uniqueness mechanism: `*suffix*`, `*unique*`, a random_* resource. */
function suffixLikeIn(expr: Expr): string | undefined {
  let found: string | undefined;
  walkExpr(expr, (e) => {
    if (found) return;
    if (e.kind === 'reference') {
      const text = e.parts.join('.');
      if (suffixLike(text) || /^random_/.test(e.parts[0] ?? '')) found = text;
    } else if (e.kind === 'opaque' && (suffixLike(e.text) || /\b(?:Date\.now|Math\.random|crypto\.randomUUID)\(/.test(e.text))) found = e.text;
    // `Fn.uuid()` / `uuid()` / `timestamp()` in a name: unique per plan (a replacement every time, not a collision).
    else if (e.kind === 'call' && (e.name === 'uuid' || e.name === 'timestamp')) found = `${e.name}()`;
  });
  return found;
}

export const rule: Rule = {
  meta: {
    id: 'missing-suffix-variable',
    category: 'naming',
    severity: 'critical',
    fixClass: 'B',
    title: 'No environment suffix input',
    rootCause:
      'The model names resources from project/environment variables and does not know that every deployment (one per pull request) needs a unique suffix in every name.',
    fix: 'Declare the suffix input and build every resource name from it.',
    fixExample: 'variable "environment_suffix" {\n  description = "Unique suffix for resource names"\n  type        = string\n}\n\nresource "aws_s3_bucket" "data" {\n  bucket = "data-${var.environment_suffix}"\n}',
    docs: 'https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/naming-your-resources.html',
    knowledgeGap: 'CI/CD requirements: unique environment suffix for parallel deployments',
    promptGate: SUFFIX_PROMPT,
    idealGate: SUFFIX_IN_CODE,
    impact: 'Parallel deployments in one account collide on names ("already exists"); the pipeline cannot run PR environments.',
  },
  check(ctx) {
    const gap = suffixGap(ctx.config, ctx.conventions, ctx.task.prompt);
    // Names a random id makes unique, or names built from inputs where the prompt asks for no suffix: the
    // pipeline's convention, not a collision; reported by names-unique-without-suffix-input.
    const idealSuffix = ctx.ideal !== undefined && idealNamesCarrySuffix(ctx.ideal, ctx.conventions);
    if (!gap || conventionOnly(gap, ctx.task.prompt, idealSuffix, isCdktfConfig(ctx.config))) return;
    // Names from inputs, where the reference's own suffix may only be one of a few environments: the reference's
    // names vary per deployment no more than the model's (read against the code: judged noise).
    if (!gap.literalNamed.length && ctx.ideal && suffixIsEnumerated(ctx.ideal, gap.wanted)) return;
    const { named, wanted, lookalike } = gap;
    if (lookalike && !gap.viaVariable) {
      // Some names carry a random value; the others (conventionOnly let them through) have no per-deployment part.
      ctx.report({
        block: gap.unmarked[0],
        resource: 'var.' + wanted,
        severity: 'high',
        message: `No \`${wanted}\` input is declared; ${gap.unmarked.length} of ${named.length} named resources (${exampleName(gap.unmarked)}) have no per-deployment part (only the names built with \`${lookalike}\` vary), so a second deployment in the account collides with them.`,
      });
      return;
    }
    // Names with no per-deployment part at all (a `name_prefix` is made unique by Terraform) are the ones to cite.
    const fromInputs = gap.unmarked.length ? gap.unmarked : named;
    ctx.report({
      block: lookalike || gap.literalNamed.length ? named[0] : fromInputs[0],
      resource: 'var.' + wanted,
      // A differently named suffix input receives no value from a pipeline that sets the conventional one.
      severity: lookalike ? 'medium' : 'critical',
      message: lookalike
        ? `No \`${wanted}\` input; names use \`${lookalike}\` instead (${named.length} named resources).`
        : gap.literalNamed.length
          ? `No \`${wanted}\` input is declared; ${named.length} named resources have no per-deployment part, ${gap.literalNamed.length} of them a fixed literal name (${exampleName(gap.literalNamed)}) that a second deployment in the account collides with.`
          : `No \`${wanted}\` input is declared; ${fromInputs.length} named resources (${exampleName(fromInputs)}) take their names from inputs other than a suffix: two deployments with the same inputs collide.`,
    });
  },
};

/**
 * Whether the reviewer's ideal builds resource names from the suffix input: a suffix it declares only for tags or the
 * state key leaves its names as fixed as the model's (read against the code: judged noise).
 */
export function idealNamesCarrySuffix(ideal: Configuration, conventions: Conventions): boolean {
  if (!declaresSuffix(ideal, conventions)) return false;
  return resources(ideal).some((r) => hasUniqueName(r.labels[0] ?? '') && nameExprs(r, { includeTagName: false }).some((n) => mentionsSuffix(n.expr, conventions, ideal)));
}

/**
 * Whether a configuration declares the suffix input with a validation that allows only listed values
 * (`contains(["dev", "staging", "prod"], var.environment_suffix)`): an environment name, not a per-deployment part.
 */
function suffixIsEnumerated(config: Configuration, wanted: string): boolean {
  const variable = blocksOfKind(config, 'variable').find((v) => v.labels[0] === wanted);
  if (!variable) return false;
  return variable.blocks
    .filter((b) => b.type === 'validation')
    .some((v) => {
      const condition = attrExpr(v, 'condition');
      let listed = false;
      if (condition) walkExpr(condition, (e) => {
        if (e.kind === 'call' && e.name === 'contains' && e.args[0]?.kind === 'tuple') listed = true;
      });
      return listed;
    });
}

/** Types whose names are unique per account or region: the collision a reader recognizes first. */
const ACCOUNT_UNIQUE = /^aws_(s3_bucket|iam_role|iam_policy|iam_user|lambda_function|cloudwatch_log_group|dynamodb_table|sqs_queue|sns_topic|kms_alias|secretsmanager_secret|ecr_repository|db_instance|rds_cluster|lb|lb_target_group|ecs_cluster|cloudtrail|ssm_parameter)$/;

/** The first literal name to cite: one of a type whose names are unique per account, else the first. */
function exampleName(literalNamed: Block[]): string {
  const pick = literalNamed.find((b) => ACCOUNT_UNIQUE.test(b.labels[0] ?? '')) ?? literalNamed[0]!;
  return `${pick === literalNamed[0] ? 'first' : 'e.g.'}: ${pick.labels.join('.')}`;
}

/**
 * Whether the names can already vary per deployment (a random value, or inputs the deployer sets) and the prompt
 * asks for no suffix: "cannot be deployed twice" would then misstate the code (read against the code: judged false).
 */
export function conventionOnly(gap: SuffixGap, prompt: string | null | undefined, idealNamesSuffix = false, cdktf = false): boolean {
  // The reviewer's ideal builds names from the suffix input and some names have no per-deployment part at all (no
  // suffix-like input, no random value): those collide on a second deployment, whatever the other names use. On
  // CDKTF, names built from the stack's inputs (`${props.environment}-role`) are the convention's business unless the
  // task asks for a suffix: every CDKTF reference carries the template's environmentSuffix, and reviewers listed the
  // missing suffix in 8 of 22 such dev tasks (read against the code: judged noise in every reading round).
  // In HCL the same holds where every such name carries the deployment's environment input (`${var.project}-${var.environment}-db`,
  // through a `name_prefix` local): readers judged the missing suffix noise in 9 such tasks of rounds 46-54 (names
  // from a project input alone, or literals, they judged real collisions).
  if (idealNamesSuffix && gap.unmarked.length > 0 && !((cdktf || gap.environmentCarried) && gap.literalNamed.length === 0)) return false;
  if (gap.lookalike && !gap.viaVariable) return true;
  return !gap.lookalike && gap.literalNamed.length === 0 && !(prompt && SUFFIX_PROMPT.test(prompt));
}

export interface SuffixGap {
  named: Block[];
  wanted: string;
  /** The uniqueness mechanism the names use instead, if any (`var.env_suffix`, `random_id.r.hex`). */
  lookalike: string | undefined;
  /** The mechanism is an input (a differently named suffix variable), not a generated value. */
  viaVariable: boolean;
  /** Named resources with a name no input can change (a literal, or a template of literals only); none when every
   * name is built from something else (inputs, locals, computed values). */
  literalNamed: Block[];
  /** Named resources none of whose names has a per-deployment part (a suffix-like input, a random value, a `*_prefix`). */
  unmarked: Block[];
  /** Every unmarked name reads an environment input (`var.environment`, `terraform.workspace`, a local built from one). */
  environmentCarried: boolean;
}

/** An input or local that names the deployment's environment or stage (`environment`, `env_name`, `stage`). */
const ENVIRONMENT_NAME = /(?:^|_)(?:env|environment|stage|workspace)(?:_?name)?$/i;

/**
 * Locals whose value reads an environment input, directly or through other locals (`name_prefix =
 * "${var.project}-${var.environment}"`): the locals that read one directly, then every local that reads a local
 * already found, along the reverse of the references (each reference followed once: linear in the locals' size).
 */
function environmentLocals(config: Configuration): Set<string> {
  const values = new Map<string, Expr>();
  for (const b of blocksOfKind(config, 'locals')) for (const a of b.attributes) values.set(a.name, a.expr);
  const readers = new Map<string, string[]>();
  const carrying = new Set<string>();
  for (const [name, expr] of values) {
    walkExpr(expr, (e) => {
      const read = e.kind === 'reference' && e.parts[0] === 'local' ? e.parts[1] : undefined;
      if (!read) return;
      const list = readers.get(read);
      if (list) list.push(name);
      else readers.set(read, [name]);
    });
    if (readsEnvironment(expr, carrying)) carrying.add(name);
  }
  const queue = [...carrying];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const reader of readers.get(next) ?? []) {
      if (!carrying.has(reader)) {
        carrying.add(reader);
        queue.push(reader);
      }
    }
  }
  return carrying;
}

function readsEnvironment(expr: Expr, locals: ReadonlySet<string>): boolean {
  let found = false;
  walkExpr(expr, (e) => {
    if (found || e.kind !== 'reference') return;
    const [root, name] = e.parts;
    if (root === 'terraform' && name === 'workspace') found = true;
    else if (root === 'var' && name && ENVIRONMENT_NAME.test(name)) found = true;
    else if (root === 'local' && name && (locals.has(name) || ENVIRONMENT_NAME.test(name))) found = true;
  });
  return found;
}

/**
 * Named resources of a configuration without the conventional suffix input, and what they use instead. A literal
 * name the prompt spells out ("create alias kms-publishing-cdn") is the task's, not a collision the model made.
 */
export function suffixGap(config: Configuration, conventions: Conventions, prompt?: string | null): SuffixGap | undefined {
  if (declaresSuffix(config, conventions)) return undefined;
  // The name expressions of each uniquely named resource, read once.
  const namesOf = new Map<Block, ReturnType<typeof nameExprs>>();
  for (const r of resources(config)) {
    if (!hasUniqueName(r.labels[0] ?? '') || inOwnVpc(r)) continue;
    const names = nameExprs(r, { includeTagName: false });
    if (names.length) namesOf.set(r, names);
  }
  const named = [...namesOf.keys()];
  if (!named.length) return undefined;
  const wanted = isCdktfConfig(config) ? conventions.suffixVariableCdktf : conventions.suffixVariable;
  const variable = blocksOfKind(config, 'variable').find((v) => suffixLike(v.labels[0] ?? ''))?.labels[0];
  // The uniqueness mechanism of each name expression (a suffix-like input, a random value), computed once.
  const mechanism = new Map<Expr, string | undefined>();
  for (const names of namesOf.values()) for (const n of names) mechanism.set(n.expr, suffixLikeIn(n.expr));
  const inNames = [...mechanism.values()].find((x) => x !== undefined);
  const lookalike = variable ?? inNames;
  const promptText = prompt?.toLowerCase() ?? '';
  const dictated = (e: Expr): boolean => {
    const value = staticString(e)?.replace(/^alias\//, '').toLowerCase();
    return value !== undefined && value.length >= 4 && promptText.includes(value);
  };
  // `bucket_prefix` / `name_prefix`: Terraform appends a unique suffix, so a literal prefix collides with nothing.
  const literalNamed = named.filter((r) => namesOf.get(r)!.some((n) => !n.attribute.endsWith('_prefix') && isLiteralName(n.expr) && !dictated(n.expr)));
  const unmarked = named.filter((r) => namesOf.get(r)!.every((n) => !n.attribute.endsWith('_prefix') && mechanism.get(n.expr) === undefined));
  const envLocals = environmentLocals(config);
  const environmentCarried = unmarked.length > 0 && unmarked.every((r) => namesOf.get(r)!.every((n) => readsEnvironment(n.expr, envLocals)));
  return { named, wanted, lookalike, viaVariable: variable !== undefined || (inNames?.startsWith('var.') ?? false), literalNamed, unmarked, environmentCarried };
}

/**
 * A security group in a VPC the stack creates (`vpc_id = aws_vpc.main.id`, a VPC module's output): its name is unique
 * only within that VPC, and each deployment creates its own (read against the code: "MyApp-SG-Public" judged no
 * collision). One in a VPC the deployment is given (`var.vpc_id`, a lookup) shares it with every other deployment.
 */
function inOwnVpc(r: Block): boolean {
  if (r.labels[0] !== 'aws_security_group') return false;
  const vpc = attrExpr(r, 'vpc_id');
  if (!vpc) return false;
  let own = false;
  walkExpr(vpc, (e) => {
    if (e.kind === 'reference' && (e.parts[0] === 'aws_vpc' || e.parts[0] === 'module')) own = true;
  });
  return own;
}

/** A name no input can change: a literal, or a template of literals only. */
function isLiteralName(e: Expr): boolean {
  if (e.kind === 'literal') return true;
  return e.kind === 'template' && e.parts.every((p) => p.kind === 'literal');
}
