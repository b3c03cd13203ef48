import ts from 'typescript';
import { parseTypeScript } from '../util/ts-source.js';
import type { Rule } from '../types.js';
import { basename, typeScriptFiles } from '../util/files.js';
import { lineOf, namedImportsFrom } from '../util/ts-classes.js';

/**
 * Static members of cdktf 0.21's `Fn` (its own and those of `FnGenerated`). A test compares the list with the
 * installed declaration files.
 */
export const FN_MEMBERS: ReadonlySet<string> = new Set([
  '_bcrypt', '_join', '_lookup', '_range', 'abs', 'abspath', 'alltrue', 'anytrue', 'base64decode', 'base64encode', 'base64gzip', 'base64sha256', 'base64sha512', 'basename', 'bcrypt', 'can', 'ceil', 'chomp', 'chunklist', 'cidrhost', 'cidrnetmask', 'cidrsubnet', 'cidrsubnets', 'coalesce', 'coalescelist', 'compact', 'concat', 'conditional', 'contains', 'csvdecode', 'dirname', 'distinct', 'element', 'endswith', 'file', 'filebase64', 'filebase64sha256', 'filebase64sha512', 'fileexists', 'filemd5', 'fileset', 'filesha1', 'filesha256', 'filesha512', 'flatten', 'floor', 'format', 'formatdate', 'formatlist', 'indent', 'index', 'join', 'jsondecode', 'jsonencode', 'keys', 'lengthOf', 'log', 'lookup', 'lookupNested', 'lower', 'matchkeys', 'max', 'md5', 'merge', 'min', 'nonsensitive', 'one', 'parseint', 'pathexpand', 'plantimestamp', 'pow', 'range', 'rawString', 'regex', 'regexall', 'replace', 'reverse', 'rsadecrypt', 'sensitive', 'setintersection', 'setproduct', 'setsubtract', 'setunion', 'sha1', 'sha256', 'sha512', 'signum', 'slice', 'sort', 'split', 'startswith', 'strcontains', 'strrev', 'substr', 'sum', 'templatefile', 'textdecodebase64', 'textencodebase64', 'timeadd', 'timecmp', 'timestamp', 'title', 'tobool', 'tolist', 'tomap', 'tonumber', 'toset', 'tostring', 'transpose', 'trim', 'trimprefix', 'trimspace', 'trimsuffix', 'try', 'upper', 'urlencode', 'uuid', 'uuidv5', 'values', 'yamldecode', 'yamlencode', 'zipmap',
]);

/** What models reach for, and what CDKTF has instead. */
const INSTEAD: Record<string, string> = {
  random: 'random values come from the random provider (`RandomId`, `RandomPassword`) or `Fn.uuid()`',
  random_password: 'passwords come from the random provider\'s `RandomPassword` or Secrets Manager',
  length: 'the length function is `Fn.lengthOf`',
};

export interface UndefinedFnCall {
  member: string;
  line: number;
}

/** `Fn.name` accesses, with `Fn` imported from cdktf, that name no static member of Fn. */
export function undefinedFnMembers(path: string, content: string): UndefinedFnCall[] {
  const sf = parseTypeScript(path, content);
  const locals = [...namedImportsFrom(sf, 'cdktf')].filter(([, imported]) => imported === 'Fn').map(([local]) => local);
  if (!locals.length) return [];
  const out: UndefinedFnCall[] = [];
  const walk = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && locals.includes(n.expression.text) && !FN_MEMBERS.has(n.name.text)) {
      out.push({ member: n.name.text, line: lineOf(sf, n) });
    }
    ts.forEachChild(n, walk);
  };
  walk(sf);
  return out;
}

export const rule: Rule = {
  meta: {
    id: 'cdktf-fn-member-undefined',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    title: 'Call of a function CDKTF\'s Fn does not have (TypeScript does not compile)',
    rootCause:
      'The model calls `Fn.random()`, `Fn.jsonDecode()` or another function that is not a Terraform function CDKTF exposes; Fn mirrors the Terraform function list in lower case (`Fn.jsondecode`, `Fn.lengthOf`).',
    fix: 'Call the Terraform function by its CDKTF name, or use a provider resource for what no function does (the random provider for random values).',
    fixExample: "import { Fn } from 'cdktf';\nimport { RandomId } from '@cdktf/provider-random/lib/id';\n\nconst suffix = new RandomId(this, 'suffix', { byteLength: 4 });\nconst config = Fn.jsondecode(secret.secretString);",
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/functions',
    knowledgeGap: 'CDKTF exposes Terraform\'s built-in functions as static members of Fn, lower case; there is no Fn.random.',
    impact: '`tsc` fails (TS2339: property does not exist on typeof Fn), so `cdktf synth` produces nothing.',
  },
  check(ctx) {
    for (const file of typeScriptFiles(ctx.config)) {
      const byMember = new Map<string, UndefinedFnCall[]>();
      for (const c of undefinedFnMembers(file.path, file.content)) byMember.set(c.member, [...(byMember.get(c.member) ?? []), c]);
      for (const [member, group] of byMember) {
        const first = group[0]!;
        const instead = INSTEAD[member] ? `; ${INSTEAD[member]}` : '';
        ctx.report({
          span: { file: file.path, line: first.line, column: 1, endLine: first.line, endColumn: 1 },
          resource: `${file.path}:Fn.${member}`,
          message: `${basename(file.path)}: \`Fn.${member}\` (line ${first.line}${group.length > 1 ? ` and ${group.length - 1} more` : ''}) is not a function of CDKTF's Fn: tsc rejects it (TS2339)${instead}.`,
        });
      }
    }
  },
};
