import type { Block, Expr, SourceSpan } from '../../model/types.js';
import type { Rule } from '../types.js';
import { blockAddress, walkExpr } from '../../model/query.js';
import { closest } from '../../schema/suggest.js';
import { isCdktfConfig } from '../util/files.js';

/**
 * Terraform's built-in functions (https://developer.hashicorp.com/terraform/language/functions), as of Terraform 1.10.
 * Hand-written: the language adds a function or two a year, and a call outside this set fails at plan ("Call to
 * unknown function"). Provider-defined functions (`provider::aws::arn_parse`) are namespaced and never listed here.
 */
const BUILT_IN_FUNCTIONS: readonly string[] = [
  'abs', 'abspath', 'alltrue', 'anytrue', 'base64decode', 'base64encode', 'base64gzip', 'base64sha256', 'base64sha512',
  'basename', 'bcrypt', 'can', 'ceil', 'chomp', 'chunklist', 'cidrhost', 'cidrnetmask', 'cidrsubnet', 'cidrsubnets',
  'coalesce', 'coalescelist', 'compact', 'concat', 'contains', 'csvdecode', 'dirname', 'distinct', 'element', 'endswith',
  'ephemeralasnull', 'file', 'filebase64', 'filebase64sha256', 'filebase64sha512', 'fileexists', 'filemd5', 'fileset',
  'filesha1', 'filesha256', 'filesha512', 'flatten', 'floor', 'format', 'formatdate', 'formatlist', 'indent', 'index',
  'issensitive', 'join', 'jsondecode', 'jsonencode', 'keys', 'length', 'log', 'lookup', 'lower', 'matchkeys', 'max', 'md5',
  'merge', 'min', 'nonsensitive', 'one', 'parseint', 'pathexpand', 'plantimestamp', 'pow', 'range', 'regex', 'regexall',
  'replace', 'reverse', 'rsadecrypt', 'sensitive', 'setintersection', 'setproduct', 'setsubtract', 'setunion', 'sha1',
  'sha256', 'sha512', 'signum', 'slice', 'sort', 'split', 'startswith', 'strcontains', 'strrev', 'substr', 'sum',
  'templatefile', 'templatestring', 'textdecodebase64', 'textencodebase64', 'timeadd', 'timecmp', 'timestamp', 'title',
  'tobool', 'tolist', 'tomap', 'tonumber', 'toset', 'tostring', 'transpose', 'trim', 'trimprefix', 'trimspace', 'trimsuffix',
  'try', 'type', 'upper', 'urlencode', 'uuid', 'uuidv5', 'values', 'yamldecode', 'yamlencode', 'zipmap',
];
const KNOWN = new Set(BUILT_IN_FUNCTIONS);

/** Functions Terraform 0.15 removed, with what replaced them. */
const REMOVED: Readonly<Record<string, string>> = { list: 'tolist([...]) or a [...] tuple', map: 'tomap({...}) or a {...} object' };

/** Where a name followed by parentheses is a type constraint (`list(object({...}))`), not a call. */
function typeConstraint(owner: Block, attribute: string): boolean {
  return attribute === 'type' && (owner.kind === 'variable' || owner.type === 'variable');
}

export const rule: Rule = {
  meta: {
    id: 'unknown-function',
    category: 'reference',
    severity: 'high',
    fixClass: 'C',
    title: 'Call to a function Terraform does not have',
    rootCause:
      'Models borrow function names from other languages or older Terraform (`regexreplace`, `list()`, `map()`): Terraform has a fixed set of built-in functions and no user-defined ones.',
    fix: 'Use the built-in that does it (`replace` takes a regular expression written between slashes; `tolist`, `tomap`), or compute the value another way.',
    fixExample: 'locals {\n  # replace() treats a pattern in slashes as a regular expression\n  key = replace(var.policy_arn, "/[^a-zA-Z0-9]/", "-")\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/functions',
    knowledgeGap: 'Terraform has only built-in functions (plus namespaced provider functions); there is no regexreplace, and list()/map() were removed in 0.15.',
    impact: 'Plan fails with "Call to unknown function" wherever the expression is evaluated.',
  },
  check(ctx) {
    // CDKTF calls functions through Fn.*, which the compiler checks.
    if (isCdktfConfig(ctx.config)) return;
    for (const top of ctx.config.blocks) {
      // One finding per block (the engine keeps one per check and resource), naming each unknown call once.
      const calls = new Map<string, { attribute: string; span: SourceSpan | undefined }>();
      const visit = (block: Block): void => {
        for (const a of block.attributes) {
          // `type` anywhere in a variable (also in a block a garbled response nested in it) is a type constraint.
          if (typeConstraint(top, a.name)) continue;
          walkExpr(a.expr, (e: Expr) => {
            if (e.kind === 'call' && !e.name.includes('::') && !KNOWN.has(e.name) && !calls.has(e.name)) calls.set(e.name, { attribute: a.name, span: e.span ?? a.span });
          });
        }
        for (const nested of block.blocks) visit(nested);
      };
      visit(top);
      if (!calls.size) continue;
      const described = [...calls].map(([name, at]) => `\`${name}()\` in \`${at.attribute}\`${hintFor(name)}`);
      const first = [...calls.values()][0]!;
      ctx.report({
        block: top,
        resource: blockAddress(top),
        ...(first.span ? { span: first.span } : {}),
        message: `${blockAddress(top)} calls ${described.join('; ')}: ${calls.size > 1 ? 'none of these is a Terraform function' : 'not a Terraform function'}, so plan fails with "Call to unknown function".`,
      });
    }
  },
};

/** What to write instead: the replacement of a removed function, the regex form of replace(), or the nearest name. */
function hintFor(name: string): string {
  const removed = REMOVED[name];
  if (removed) return ` (removed in Terraform 0.15: use ${removed})`;
  if (name === 'regexreplace') return ' (replace() takes a regular expression between slashes)';
  return closestHint(name);
}

function closestHint(name: string): string {
  const near = closest(name, BUILT_IN_FUNCTIONS);
  return near ? ` (did you mean \`${near}()\`?)` : '';
}
