import type { Rule } from '../types.js';
import type { Block, SourceFile } from '../../model/types.js';
import { attrExpr, blockAddress, dataSources, resources, staticString } from '../../model/query.js';
import { judgingModel } from '../util/b-code.js';
import { basename, isCdktfConfig } from '../util/files.js';

const FUNCTION_TYPES = ['aws_lambda_function', 'aws_lambda_layer_version'];
const PACKAGE = /\.(zip|jar)$/i;
/** A real `source_code_hash` is base64 of a SHA-256 (44 characters) or hex (64); anything else literal is a stand-in. */
const REAL_HASH = /^[A-Za-z0-9+/]{43}=$|^[0-9a-f]{64}$/;

export const rule: Rule = {
  meta: {
    id: 'cdktf-lambda-package-missing',
    category: 'application-code',
    severity: 'high',
    fixClass: 'B',
    title: 'Lambda deployment package that nothing builds',
    rootCause:
      'CDKTF has no packaging step of its own, so models point `filename` at a zip name (`lambda.zip`) that neither the response ships nor the stack builds, often with a placeholder `sourceCodeHash`.',
    fix: 'Package the handler folder with a TerraformAsset (`type: AssetType.ARCHIVE`) and pass `asset.path` / `asset.assetHash`, or deploy from S3 (`s3Bucket`/`s3Key`).',
    fixExample:
      "const asset = new TerraformAsset(this, 'handler', { path: path.resolve(__dirname, 'lambda'), type: AssetType.ARCHIVE });\nnew LambdaFunction(this, 'fn', { filename: asset.path, sourceCodeHash: asset.assetHash, ... });",
    docs: 'https://developer.hashicorp.com/terraform/cdktf/concepts/assets',
    knowledgeGap: 'Lambda code must be packaged by the stack (TerraformAsset) or uploaded before deploy; a bare zip name is not a package.',
    impact: 'Apply fails ("Could not find file lambda.zip" / "unable to load") and no function is created.',
  },
  check(ctx) {
    if (!isCdktfConfig(ctx.config)) return;
    const shipped = new Set<string>(ctx.config.files.map((f) => basename(f.path)));
    if (!judgingModel(ctx.config, ctx.task)) for (const f of ctx.task.extraFiles) shipped.add(basename(f.path));
    const built = new Set<string>();
    for (const archive of dataSources(ctx.config, 'archive_file')) {
      const out = staticString(attrExpr(archive, 'output_path'));
      if (out) built.add(basename(out));
    }
    for (const fn of FUNCTION_TYPES.flatMap((t) => resources(ctx.config, t))) {
      const filename = staticString(attrExpr(fn, 'filename'));
      if (filename === undefined || !PACKAGE.test(filename)) continue;
      const name = basename(filename);
      if (shipped.has(name) || built.has(name) || writesFile(ctx.config.files, name)) continue;
      ctx.report({ block: fn, resource: blockAddress(fn), message: message(fn, filename) });
    }
  },
};

function message(fn: Block, filename: string): string {
  const hash = staticString(attrExpr(fn, 'source_code_hash'));
  const stub = hash !== undefined && !hash.includes('${') && !REAL_HASH.test(hash) ? `, with the stand-in source_code_hash "${hash}"` : '';
  return `${blockAddress(fn)} deploys "${filename}"${stub}, but the response neither ships nor builds that package.`;
}

/** The stack code writes the archive itself (`fs.writeFileSync('lambda.zip', ...)`, an archiver): not a missing package. */
function writesFile(files: SourceFile[], name: string): boolean {
  const quoted = [`'${name}'`, `"${name}"`, `\`${name}\``, `/${name}'`, `/${name}"`, `/${name}\``];
  return files.some((f) => /\b(writeFileSync|writeZip|createWriteStream|archiver|AdmZip)\b/.test(f.content) && quoted.some((q) => f.content.includes(q)));
}
