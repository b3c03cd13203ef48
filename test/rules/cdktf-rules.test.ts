import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { UNKNOWN_EXPORT_CODE } from '../../src/cdktf/exports.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import { CATALOG_B } from '../../src/rules/catalog-b.js';
import type { Rule } from '../../src/rules/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { SourceFile } from '../../src/model/types.js';
import { rule as unknownExport } from '../../src/rules/syntax/cdktf-unknown-export.js';
import { rule as lambdaPackage } from '../../src/rules/application-code/cdktf-lambda-package-missing.js';
import { makeTask, configFromHcl } from './helpers.js';

function runCdktf(rule: Rule, content: string, extra: SourceFile[] = []): Finding[] {
  const config = parseCdktfFiles([{ path: 'lib/tap-stack.ts', language: 'ts', content }, ...extra]);
  const { findings, warnings } = runRulesDetailed([rule], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS);
  if (warnings.length) throw new Error(warnings.join('\n'));
  return findings;
}

const stack = (imports: string, body: string): string => `
import { Construct } from 'constructs';
import { TerraformStack, TerraformAsset, AssetType } from 'cdktf';
import * as path from 'path';
${imports}
export class TapStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    ${body}
  }
}`;

test('both CDKTF rules are registered in catalog B and the diagnostic code matches the front-end', () => {
  const ids = CATALOG_B.map((r) => r.meta.id);
  assert.ok(ids.includes('cdktf-unknown-export') && ids.includes('cdktf-lambda-package-missing'));
  assert.equal(UNKNOWN_EXPORT_CODE, unknownExport.meta.id);
});

test('cdktf-unknown-export: one syntax finding per file listing what the compiler rejects', () => {
  const content = stack(
    `import { AwsProvider, Vpc } from '@cdktf/provider-aws';
import { S3BucketVersioning } from '@cdktf/provider-aws/lib/s3-bucket-versioning';`,
    `new AwsProvider(this, 'aws', { region: 'us-east-1' });
    new Vpc(this, 'vpc', { cidrBlock: '10.0.0.0/16' });
    new S3BucketVersioning(this, 'v', { bucket: 'b', versioningConfiguration: { status: 'Enabled' } });`,
  );
  const findings = runCdktf(unknownExport, content);
  assert.equal(findings.length, 1);
  const f = findings[0]!;
  assert.equal(f.category, 'syntax');
  assert.equal(f.resource, 'file:lib/tap-stack.ts');
  assert.equal(f.location.line, 5);
  assert.match(f.message, /^3 import\/class problem/);
  assert.match(f.message, /S3BucketVersioningA/);
});

test('cdktf-unknown-export: quiet on correct imports and on HCL', () => {
  const content = stack(
    `import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';`,
    `new AwsProvider(this, 'aws', { region: 'us-east-1' });
    new S3BucketVersioningA(this, 'v', { bucket: 'b', versioningConfiguration: { status: 'Enabled' } });`,
  );
  assert.deepEqual(runCdktf(unknownExport, content), []);
  const hcl = configFromHcl('resource "aws_s3_bucket" "b" {}\n');
  assert.deepEqual(runRulesDetailed([unknownExport], hcl, makeTask(), DEFAULT_CONVENTIONS).findings, []);
});

const fnImport = `import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';`;
const fn = (code: string) => `${code}
    new LambdaFunction(this, 'fn', { functionName: 'f', role: 'r', handler: 'index.handler', runtime: 'nodejs20.x', ${'PLACE'} });`;

test('cdktf-lambda-package-missing: a bare zip name nobody builds, with a placeholder hash', () => {
  const content = stack(fnImport, fn('').replace('PLACE', `filename: 'lambda.zip', sourceCodeHash: 'placeholder'`));
  const findings = runCdktf(lambdaPackage, content);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.category, 'application-code');
  assert.equal(findings[0]!.resource, 'aws_lambda_function.fn');
  assert.match(findings[0]!.message, /"lambda\.zip", with the stand-in source_code_hash "placeholder"/);
});

test('cdktf-lambda-package-missing: quiet for TerraformAsset, S3 deployment, shipped or written packages', () => {
  const asset = stack(
    fnImport,
    fn(`const asset = new TerraformAsset(this, 'code', { path: path.resolve(__dirname, 'lambda'), type: AssetType.ARCHIVE });`).replace(
      'PLACE',
      'filename: asset.path, sourceCodeHash: asset.assetHash',
    ),
  );
  assert.deepEqual(runCdktf(lambdaPackage, asset), []);
  const s3 = stack(fnImport, fn('').replace('PLACE', `s3Bucket: 'artifacts', s3Key: 'lambda.zip'`));
  assert.deepEqual(runCdktf(lambdaPackage, s3), []);
  const zipName = stack(fnImport, fn('').replace('PLACE', `filename: 'lambda.zip'`));
  assert.deepEqual(runCdktf(lambdaPackage, zipName, [{ path: 'lib/lambda.zip', language: 'text', content: '' }]), []);
  const written = stack(
    `${fnImport}\nimport * as fs from 'fs';`,
    fn(`fs.writeFileSync(path.join(__dirname, 'lambda.zip'), Buffer.from(''));`).replace('PLACE', `filename: 'lambda.zip'`),
  );
  assert.deepEqual(runCdktf(lambdaPackage, written), []);
});

import { listAttributeGets, rule as listAttributeGet } from '../../src/rules/syntax/cdktf-list-attribute-get.js';

test('cdktf-list-attribute-get: .get(i) on a primitive list attribute does not compile; on a list of objects it does', () => {
  const src = [
    "import { DataAwsAvailabilityZones } from '@cdktf/provider-aws/lib/data-aws-availability-zones';",
    "import * as ami from '@cdktf/provider-aws/lib/data-aws-ami';",
    'export function f(scope: any) {',
    "  const azs = new DataAwsAvailabilityZones(scope, 'azs', { state: 'available' });",
    "  const image = new ami.DataAwsAmi(scope, 'ami', { mostRecent: true });",
    '  const first = azs.names.get(0);',
    '  const device = image.blockDeviceMappings.get(0);',
    '  return [first, device];',
    '}',
  ].join('\n');
  assert.deepEqual(listAttributeGets('lib/net.ts', src), [{ line: 6, variable: 'azs', attribute: 'names', type: 'list(string)' }]);
  const config = parseCdktfFiles([{ path: 'lib/net.ts', language: 'ts', content: src }]);
  const f = runRulesDetailed([listAttributeGet], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings;
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['file:lib/net.ts', 6, 'syntax']]);
  assert.match(f[0]!.message, /azs\.names\.get\(\.\.\.\)/);
  assert.deepEqual(listAttributeGets('lib/net.ts', src.replace('azs.names.get(0)', 'Fn.element(azs.names, 0)')), []);
});

import { attributeCalls, rule as attributeCalled } from '../../src/rules/syntax/cdktf-attribute-called.js';

test('cdktf-attribute-called: calling an attribute of a provider construct does not compile; its methods and getters do', () => {
  const src = [
    "import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';",
    'export function f(scope: any) {',
    "  const cert = new AcmCertificate(scope, 'cert', { domainName: 'app.example.org', validationMethod: 'DNS' });",
    "  const option = cert.domainValidationOptions('0');",
    '  const ok = cert.domainValidationOptions.get(0).resourceRecordName;',
    "  cert.addOverride('lifecycle.create_before_destroy', true);",
    '  cert.resetSubjectAlternativeNames();',
    '  return [option, ok, cert.arn];',
    '}',
  ].join('\n');
  assert.deepEqual(attributeCalls('lib/cert.ts', src), [{ line: 4, variable: 'cert', attribute: 'domainValidationOptions' }]);
  const config = parseCdktfFiles([{ path: 'lib/cert.ts', language: 'ts', content: src }]);
  const f = runRulesDetailed([attributeCalled], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings;
  assert.deepEqual(f.map((x) => [x.resource, x.location.line, x.category]), [['file:lib/cert.ts', 4, 'syntax']]);
  assert.match(f[0]!.message, /cert\.domainValidationOptions\(\.\.\.\)/);
  assert.deepEqual(attributeCalls('lib/cert.ts', src.replace("cert.domainValidationOptions('0')", 'cert.domainValidationOptions.get(0)')), []);
});
