import type { Block } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attrExpr, blockAddress, staticString } from '../../model/query.js';
import { dirname, isCdktfConfig } from '../util/files.js';

export const rule: Rule = {
  meta: {
    id: 'duplicate-declaration',
    category: 'reference',
    severity: 'critical',
    fixClass: 'C',
    title: 'Name declared twice',
    rootCause: 'The model repeats a variable, local, resource or output in two files (often a variable in both main.tf and variables.tf).',
    fix: 'Keep one declaration per address; delete the copy.',
    fixExample: '# variables.tf holds the only declaration\nvariable "environment_suffix" {\n  type = string\n}',
    docs: 'https://developer.hashicorp.com/terraform/language/syntax/configuration',
    knowledgeGap: 'Cross-file consistency: one declaration per name',
    impact: 'terraform init/validate fails: "Duplicate variable/resource declaration".',
  },
  check(ctx) {
    if (isCdktfConfig(ctx.config)) return;
    const seen = new Map<string, Block | { span: Block['span'] }>();
    const report = (addr: string, first: { span: Block['span'] }, second: { span: Block['span'] }): void => {
      ctx.report({
        span: second.span,
        resource: addr,
        message: `${addr} is declared twice: ${first.span.file}:${first.span.line} and ${second.span.file}:${second.span.line}.`,
      });
    };
    for (const b of ctx.config.blocks) {
      if (b.kind === 'locals') {
        for (const a of b.attributes) {
          const addr = `local.${a.name}`;
          const key = `${dirname(b.span.file)}\u0000${addr}`;
          const prev = seen.get(key);
          if (prev) report(addr, prev, a);
          else seen.set(key, a);
        }
        continue;
      }
      if (b.kind === 'terraform') {
        // One module holds at most one required_providers and one backend block, whatever the file.
        for (const inner of b.blocks) {
          if (inner.type !== 'required_providers' && inner.type !== 'backend' && inner.type !== 'cloud') continue;
          const addr = inner.type === 'required_providers' ? 'terraform.required_providers' : 'terraform.backend';
          const key = `${dirname(b.span.file)}\u0000${addr}`;
          const prev = seen.get(key);
          if (prev) report(addr, prev, inner);
          else seen.set(key, inner);
        }
        continue;
      }
      if (!['variable', 'resource', 'data', 'module', 'output', 'provider'].includes(b.kind)) continue;
      // A provider block whose alias is an expression (`alias = "peer_${each.value}"`) is an invalid aliased
      // configuration, not a second default one (read against the code: reported as a duplicate, judged wrong).
      if (b.kind === 'provider' && attrExpr(b, 'alias') && staticString(attrExpr(b, 'alias')) === undefined) continue;
      const addr = blockAddress(b);
      // Each directory is its own module: the same name in two modules is two different things.
      const key = `${dirname(b.span.file)}\u0000${addr}`;
      const prev = seen.get(key);
      if (prev) report(addr, prev, b);
      else seen.set(key, b);
    }
  },
};
