import type { Rule } from '../types.js';
import type { Diagnostic } from '../../model/types.js';

/** Code of the CDKTF front-end's diagnostics for imports and classes the provider package does not export. */
const UNKNOWN_EXPORT_CODE = 'cdktf-unknown-export';
/** Problems listed in one finding's message; the rest are counted. */
const MAX_LISTED = 4;

export const rule: Rule = {
  meta: {
    id: 'cdktf-unknown-export',
    category: 'syntax',
    severity: 'critical',
    fixClass: 'C',
    title: 'Provider class or module the package does not export',
    rootCause:
      'Models write CDKTF imports from memory of older provider releases: classes imported from the package root, modules that never existed (`lib/cloudtrail-trail`), and class names without the `A` suffix jsii adds on collisions (`S3BucketVersioningA`).',
    fix: 'Import each class from its own module (`@cdktf/provider-aws/lib/<resource>`) with the exact exported name.',
    fixExample: "import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';\nimport { Vpc } from '@cdktf/provider-aws/lib/vpc';",
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/providers#import-providers',
    knowledgeGap: 'The layout of prebuilt CDKTF provider packages: one module per resource, root exports namespaces only.',
    impact: 'TypeScript compilation fails ("has no exported member", "Cannot find module"), so nothing synthesizes or deploys.',
  },
  check(ctx) {
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of ctx.config.diagnostics) {
      if (d.code !== UNKNOWN_EXPORT_CODE) continue;
      byFile.set(d.span.file, [...(byFile.get(d.span.file) ?? []), d]);
    }
    for (const [file, list] of [...byFile.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const listed = list.slice(0, MAX_LISTED).map((d) => `line ${d.span.line}: ${d.message}`);
      const more = list.length > MAX_LISTED ? ` (and ${list.length - MAX_LISTED} more)` : '';
      ctx.report({
        span: list[0]!.span,
        resource: `file:${file}`,
        message: `${list.length} import/class problem(s) the TypeScript compiler rejects — ${listed.join('; ')}${more}`,
      });
    }
  },
};
