import type { Rule } from '../types.js';
import { attrExpr, blocksOfKind, staticBool } from '../../model/query.js';
import { camelToSnake } from '../../model/names.js';

const SECRET_WORD = /^(password|passwd|secret|token|apikey|api_key|private_key|credentials?)$/;
/** Name endings that make the variable metadata about a secret, not the secret itself. */
const METADATA_END = /^(arn|arns|id|ids|name|names|length|ttl|days|rotation|enabled|enable|count|prefix|version|type|policy|path|key_id|kms|header|expiry|expiration|duration|validity|period|url)$/;

/** Whether an input name denotes a secret value itself (`db_password`, `apiToken`), not metadata about one (`secret_arn`). */
export function isSecretName(raw: string): boolean {
  // `DBPassword` (a CDKTF variable id) reads as db_password: acronyms end where a lower-case word starts.
  const name = camelToSnake(raw).toLowerCase();
  const words = name.split('_');
  const last = words[words.length - 1] ?? '';
  if (!words.some((w) => SECRET_WORD.test(w)) && !/(^|_)api_key($|_)|(^|_)private_key($|_)/.test(name)) return false;
  return !(METADATA_END.test(last) || (words.length >= 2 && METADATA_END.test(words.slice(-2).join('_'))));
}

export const rule: Rule = {
  meta: {
    id: 'sensitive-variable-not-marked',
    category: 'secrets',
    severity: 'medium',
    fixClass: 'A',
    title: 'Secret input variable not marked sensitive',
    rootCause: 'Models declare password/token inputs like any other string and forget `sensitive = true`.',
    fix: 'Add `sensitive = true` to the variable (and prefer reading the value from Secrets Manager).',
    fixExample: `variable "db_password" {
  type      = string
  sensitive = true
}`,
    docs: 'https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output',
    knowledgeGap: 'Variables that carry secrets must be marked sensitive.',
    impact: 'The value is printed in plan output and CI logs.',
  },
  check(ctx) {
    // CDKTF constructor props appear as variables but cannot be marked sensitive; only TerraformVariables can.
    const cdktf = ctx.config.platform.startsWith('cdktf');
    for (const v of blocksOfKind(ctx.config, 'variable')) {
      if (cdktf && v.construct === undefined) continue;
      if (!isSecretName(v.labels[0] ?? '')) continue;
      if (staticBool(attrExpr(v, 'sensitive')) === true) continue;
      ctx.report({ block: v, message: `Variable ${v.labels[0]} looks like a secret but is not marked \`sensitive = true\`.` });
    }
  },
};
