import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTask, runRule } from './helpers.js';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import { rule as vars } from '../../src/rules/backend/backend-uses-variables.js';
import { rule as local } from '../../src/rules/backend/backend-local.js';

test('backend-uses-variables fires on interpolation in the backend block', () => {
  const findings = runRule(
    vars,
    `terraform {
  backend "s3" {
    bucket         = "terraform-state-\${var.environment_suffix}"
    key            = "app/terraform.tfstate"
    region         = "us-east-1"
    dynamodb_table = var.lock_table
  }
}`,
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'critical');
  assert.match(findings[0]!.message, /bucket/);
  assert.match(findings[0]!.message, /dynamodb_table/);
});

test('backend-uses-variables accepts literals and partial configuration', () => {
  assert.deepEqual(runRule(vars, 'terraform {\n  backend "s3" {}\n}'), []);
  assert.deepEqual(runRule(vars, 'terraform {\n  backend "s3" {\n    key = "app/terraform.tfstate"\n    encrypt = true\n  }\n}'), []);
});

test('backend-local fires only when remote state is the convention', () => {
  const tf = 'terraform {\n  backend "local" {\n    path = "terraform.tfstate"\n  }\n}';
  assert.equal(runRule(local, tf).length, 1);
  assert.deepEqual(runRule(local, tf, { conventions: { remoteState: false } }), []);
  assert.deepEqual(runRule(local, 'terraform {\n  backend "s3" {}\n}'), []);
});

// CDKTF: TypeScript values resolve at synth time; only Terraform tokens (TerraformVariable, resources) break a backend.

const stack = (body: string): string => `import { Construct } from 'constructs';
import { TerraformStack, S3Backend, TerraformVariable } from 'cdktf';
export class TapStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: { environmentSuffix: string; stateBucket: string }) {
    super(scope, id);
${body}
  }
}`;

function runCdktf(body: string): ReturnType<typeof runRulesDetailed>['findings'] {
  const config = parseCdktfFiles([{ path: 'lib/tap-stack.ts', language: 'ts', content: stack(body) }]);
  return runRulesDetailed([vars], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings;
}

test('backend-uses-variables (CDKTF): constructor props are fine, TerraformVariable tokens are not', () => {
  assert.deepEqual(
    runCdktf("    new S3Backend(this, { bucket: props.stateBucket, key: `${props.environmentSuffix}/${id}.tfstate`, region: 'us-east-1' });"),
    [],
  );
  const findings = runCdktf(
    "    const bucketVar = new TerraformVariable(this, 'state_bucket', { type: 'string' });\n    new S3Backend(this, { bucket: bucketVar.stringValue, key: 'x' });",
  );
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /bucket/);
});

import { rule as backendMissing } from '../../src/rules/backend/backend-missing.js';
import { rule as s3BackendWithoutLocking } from '../../src/rules/backend/s3-backend-without-locking.js';

const bucketOnly = `
resource "aws_s3_bucket" "b" {
  bucket = "b"
}`;

test('backend-missing fires when resources exist and no backend is declared', () => {
  const findings = runRule(backendMissing, `terraform {\n  required_version = ">= 1.5"\n}\n${bucketOnly}`);
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.category, 'backend');
});

test('backend-missing quotes the line of the task that asks for remote state', () => {
  const [f] = runRule(backendMissing, bucketOnly, { prompt: 'Build a bucket.\n- **S3 backend** with state locking for the state file\n- Tags on everything' });
  assert.match(f!.message, /but no backend; state would be kept in a local file, although the task asks for remote state \("S3 backend with state locking for the state file"\)\.$/);
  assert.match(runRule(backendMissing, bucketOnly, { prompt: 'Build a bucket.' })[0]!.message, /kept in a local file\.$/);
  // A paragraph is quoted around the request.
  const paragraph = `${'They run three environments and deploy from a pipeline with several stages, '.repeat(3)}and need proper remote state setup with S3 and DynamoDB locking. High availability is critical for the checkout service.`;
  assert.match(runRule(backendMissing, bucketOnly, { prompt: paragraph })[0]!.message, /asks for remote state \("…[^"]*need proper remote state setup with S3 and DynamoDB lo…"\)\.$/);
  // A passing mention is no request; a response that builds the lock table answers a task about state for others.
  assert.doesNotMatch(runRule(backendMissing, bucketOnly, { prompt: 'State files are stored per workspace automatically when using workspaces with a remote backend.' })[0]!.message, /asks for/);
  const lockTable = `${bucketOnly}\nresource "aws_dynamodb_table" "terraform_locks" {\n  name     = "locks"\n  hash_key = "LockID"\n}\n`;
  assert.deepEqual(runRule(backendMissing, lockTable, { prompt: '- DynamoDB tables for Terraform state locking' }), []);
});

test('backend-missing is quiet with an s3 or cloud backend, without resources, or when remote state is not expected', () => {
  assert.deepEqual(runRule(backendMissing, `terraform {\n  backend "s3" {}\n}\n${bucketOnly}`), []);
  assert.deepEqual(runRule(backendMissing, `terraform {\n  cloud {\n    organization = "o"\n  }\n}\n${bucketOnly}`), []);
  assert.deepEqual(runRule(backendMissing, `variable "x" {\n  default = 1\n}`), []);
  assert.deepEqual(runRule(backendMissing, bucketOnly, { conventions: { remoteState: false } }), []);
});

test('backend-missing: a backend the response writes outside its configuration (an HCL backend.tf in a CDKTF answer) is not reported missing', () => {
  const response = (markdown: string) => ({ origin: 'lib/MODEL_RESPONSE.md', files: [], warnings: [], markdown });
  const hclBackend = '## backend.tf\n\n```hcl\nterraform {\n  backend "s3" {\n    bucket = "state"\n  }\n}\n```\n';
  const cdktfBackend = 'The stack:\n\n    new S3Backend(this, { bucket: "state", key: "app.tfstate" });\n';
  // With the ideal beside it, the model's rules read the model's text.
  assert.deepEqual(runRule(backendMissing, bucketOnly, { ideal: bucketOnly, modelResponse: response(hclBackend) }), []);
  assert.deepEqual(runRule(backendMissing, bucketOnly, { ideal: bucketOnly, modelResponse: response(cdktfBackend) }), []);
  const silent = runRule(backendMissing, bucketOnly, { ideal: bucketOnly, modelResponse: response('No backend here: state is `local` for now.') });
  assert.deepEqual(silent.map((f) => [f.resource, f.location.line]), [['terraform.backend', 2]]);
});

test('s3-backend-without-locking fires on a filled-in S3 backend without use_lockfile or dynamodb_table', () => {
  const findings = runRule(s3BackendWithoutLocking, `terraform {\n  backend "s3" {\n    bucket = "state"\n    key    = "app.tfstate"\n    region = "us-east-1"\n  }\n}`);
  assert.equal(findings.length, 1);
  assert.equal(runRule(s3BackendWithoutLocking, `terraform {\n  backend "s3" {\n    bucket       = "state"\n    use_lockfile = false\n  }\n}`).length, 1);
});

test('s3-backend-without-locking accepts locking and partial configuration', () => {
  assert.deepEqual(runRule(s3BackendWithoutLocking, `terraform {\n  backend "s3" {\n    bucket       = "state"\n    use_lockfile = true\n  }\n}`), []);
  assert.deepEqual(runRule(s3BackendWithoutLocking, `terraform {\n  backend "s3" {\n    bucket         = "state"\n    dynamodb_table = "locks"\n  }\n}`), []);
  assert.deepEqual(runRule(s3BackendWithoutLocking, `terraform {\n  backend "s3" {}\n}`), []);
});

import { rule as backendUnknownArgument } from '../../src/rules/backend/backend-unknown-argument.js';

test('backend-unknown-argument: bucket settings written into the s3 backend block are rejected by init', () => {
  const tf = `terraform {
  backend "s3" {
    bucket     = "tf-state"
    key        = "app/terraform.tfstate"
    region     = "us-east-1"
    versioning = true
    server_side_encryption_configuration {
      rule {
        apply_server_side_encryption_by_default {
          sse_algorithm = "AES256"
        }
      }
    }
  }
}`;
  const f = runRule(backendUnknownArgument, tf);
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['terraform.backend.s3', 2]]);
  assert.match(f[0]!.message, /`versioning`, `server_side_encryption_configuration`/);
});

test('backend-unknown-argument: backend arguments, other backends and partial configuration are fine', () => {
  const tf = `terraform {
  backend "s3" {
    bucket         = "tf-state"
    key            = "app/terraform.tfstate"
    region         = "us-east-1"
    encrypt        = true
    kms_key_id     = "alias/tf"
    use_lockfile   = true
    dynamodb_table = "locks"
    assume_role {
      role_arn = "arn:aws:iam::123456789012:role/tf"
    }
  }
}`;
  assert.deepEqual(runRule(backendUnknownArgument, tf), []);
  assert.deepEqual(runRule(backendUnknownArgument, 'terraform {\n  backend "local" {\n    path = "x.tfstate"\n  }\n}\n'), []);
});
