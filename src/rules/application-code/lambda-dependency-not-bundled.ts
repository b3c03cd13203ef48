import type { Rule } from '../types.js';
import { attr, attrExpr, blockAddress, resources, staticString } from '../../model/query.js';
import { resolveExpr } from '../util/b-resolve.js';
import { functionsWithCode } from '../util/b-handler.js';
import { judgingModel } from '../util/b-code.js';
import { blockText } from '../util/b-refs.js';
import { jsThirdPartyImports, pyThirdPartyImports } from '../util/app-deps.js';

/** Files that declare or install dependencies. */
const MANIFEST = /(^|\/)(package\.json|requirements[^/]*\.txt|pyproject\.toml|Pipfile|setup\.py|poetry\.lock|package-lock\.json|yarn\.lock)$/;
/** Build steps that install or bundle dependencies. */
const BUILD = /\b(npm (ci|install|i)\b|yarn( install)?\b|pip3? install|esbuild|webpack|poetry install|sam build)/;

export const rule: Rule = {
  meta: {
    id: 'lambda-dependency-not-bundled',
    category: 'application-code',
    severity: 'high',
    fixClass: 'B',
    title: 'Handler imports a package the deployment package does not include (the reference avoids it)',
    rootCause:
      'Models write handlers that import third-party packages (uuid, axios, requests, psycopg2) as if they were installed, then zip only the source file; the Lambda runtime provides the standard library and the AWS SDK, nothing else.',
    fix: 'Use only what the runtime provides (e.g. `crypto.randomUUID()`, boto3, SDK v3), or ship a manifest and bundle the dependencies (build step, layer).',
    fixExample: `resource "aws_lambda_layer_version" "deps" {
  layer_name          = "handler-deps"
  filename            = "\${path.module}/build/deps-layer.zip"
  compatible_runtimes = ["python3.12"]
}

resource "aws_lambda_function" "fn" {
  # ...
  layers = [aws_lambda_layer_version.deps.arn]
}`,
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/python-package.html',
    knowledgeGap: 'A Lambda package must contain every non-runtime dependency the handler imports.',
    impact: 'Invocations fail with Runtime.ImportModuleError ("Cannot find module" / "No module named").',
  },
  check(ctx) {
    // Accepted answers often import drivers (psycopg2, pg, redis) the corpus never invokes; the rule reports only
    // packages the reference response does without, and stays quiet without a reference.
    if (!ctx.ideal) return;
    if (ctx.ideal.files.some((f) => MANIFEST.test(f.path) || BUILD.test(f.content))) return;
    // Any file counts: reference handlers are often heredocs inside .tf files.
    const referenceImports = new Set(ctx.ideal.files.flatMap((f) => [...pyThirdPartyImports(f.content), ...jsThirdPartyImports(f.content, undefined)]));
    const files = [...ctx.config.files, ...(judgingModel(ctx.config, ctx.task) ? [] : ctx.task.extraFiles)];
    if (files.some((f) => MANIFEST.test(f.path))) return;
    if (files.some((f) => BUILD.test(f.content))) return;
    // Build commands the answer gives in its prose (`npm install ... && zip -r fn.zip index.js node_modules`) bundle
    // the dependencies as much as a script file would (read against the code: judged false without this).
    const markdown = judgingModel(ctx.config, ctx.task) ? ctx.task.model?.markdown : undefined;
    if (markdown && BUILD.test(markdown)) return;
    if (resources(ctx.config, 'aws_lambda_layer_version').length) return;
    for (const { fn, files: code } of functionsWithCode(ctx.config, ctx.task)) {
      if (attr(fn, 'layers')) continue;
      if (BUILD.test(blockText(ctx.config, fn))) continue;
      const runtime = staticString(resolveExpr(ctx.config, attrExpr(fn, 'runtime'))) ?? '';
      let missing: string[] = [];
      if (runtime.startsWith('python')) missing = code.flatMap((f) => pyThirdPartyImports(f.content));
      else if (runtime.startsWith('nodejs')) {
        const major = Number(/^nodejs(\d+)/.exec(runtime)?.[1] ?? NaN);
        missing = code.filter((f) => !f.path.endsWith('.py')).flatMap((f) => jsThirdPartyImports(f.content, Number.isNaN(major) ? undefined : major));
      }
      missing = [...new Set(missing)].filter((p) => !referenceImports.has(p)).sort();
      if (!missing.length) continue;
      ctx.report({
        block: fn,
        message: `${blockAddress(fn)} (${runtime}) imports ${missing.slice(0, 5).join(', ')}, which the runtime does not provide, and the response ships no manifest, layer or build step that bundles ${missing.length === 1 ? 'it' : 'them'}.`,
      });
    }
  },
};
