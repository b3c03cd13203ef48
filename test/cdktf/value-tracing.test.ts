import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { attrExpr, exprToText, literalValue } from '../../src/model/query.js';
import type { Configuration, Expr } from '../../src/model/types.js';
import { block, ts } from './helpers.js';

const text = (e: Expr | undefined): string => (e ? exprToText(e) : '<none>');

/** A KMS construct, a database construct that takes the key through its props, and a stack wiring them. */
function app(stackBody: string[], extraClasses: string[] = []): Configuration {
  return parseCdktfFiles(
    [
      ts(
        'lib/modules.ts',
        [
          `import { Construct } from 'constructs';`,
          `import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';`,
          `import { Vpc } from '@cdktf/provider-aws/lib/vpc';`,
          `import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';`,
          `import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';`,
          `export class KmsModule extends Construct {`,
          `  public readonly keyId: string;`,
          `  public readonly key: KmsKey;`,
          `  constructor(scope: Construct, id: string) {`,
          `    super(scope, id);`,
          `    this.key = new KmsKey(this, 'key', { enableKeyRotation: true });`,
          `    this.keyId = this.key.keyId;`,
          `  }`,
          `}`,
          `export interface DbProps { kmsKeyId: string; vpc: Vpc; name: string; port?: number; suffix: string }`,
          `export class DbModule extends Construct {`,
          `  constructor(scope: Construct, id: string, props: DbProps) {`,
          `    super(scope, id);`,
          `    const { suffix } = props;`,
          `    const sg = new SecurityGroup(this, 'db-sg', { vpcId: props.vpc.id, name: \`db-\${suffix}\` });`,
          `    new DbInstance(this, 'db', {`,
          `      identifier: props.name,`,
          `      kmsKeyId: props.kmsKeyId,`,
          `      port: props.port,`,
          `      vpcSecurityGroupIds: [sg.id],`,
          `      instanceClass: 'db.t3.micro',`,
          `    });`,
          `  }`,
          `}`,
          ...extraClasses,
        ].join('\n'),
      ),
      ts(
        'lib/tap-stack.ts',
        [
          `import { TerraformStack } from 'cdktf';`,
          `import { Construct } from 'constructs';`,
          `import { Vpc } from '@cdktf/provider-aws/lib/vpc';`,
          `import { KmsModule, DbModule } from './modules';`,
          `export interface TapStackProps { environmentSuffix?: string }`,
          `export class TapStack extends TerraformStack {`,
          `  constructor(scope: Construct, id: string, props?: TapStackProps) {`,
          `    super(scope, id);`,
          `    const environmentSuffix = props?.environmentSuffix || 'dev';`,
          `    const vpc = new Vpc(this, 'main', { cidrBlock: '10.0.0.0/16' });`,
          `    const kms = new KmsModule(this, 'kms');`,
          ...stackBody.map((l) => `    ${l}`),
          `  }`,
          `}`,
        ].join('\n'),
      ),
    ],
    'cdktf-ts',
    { schema: null },
  );
}

test('props of a construct instantiated once carry the references its instantiation passes', () => {
  const c = app([`new DbModule(this, 'db', { kmsKeyId: kms.keyId, vpc, name: 'orders', suffix: environmentSuffix });`]);
  const db = block(c, 'aws_db_instance.db');
  // A construct member that is a resource attribute, read through the instance (`kms.keyId` is `this.key.keyId`).
  assert.equal(text(attrExpr(db, 'kms_key_id')), 'aws_kms_key.key.key_id');
  // A construct passed whole, then read (`props.vpc.id`).
  assert.equal(text(attrExpr(block(c, 'aws_security_group.db-sg'), 'vpc_id')), 'aws_vpc.main.id');
  // The stack's own prop flows in under the stack's name, through destructuring.
  assert.equal(text(attrExpr(block(c, 'aws_security_group.db-sg'), 'name')), '"db-${var.environmentSuffix}"');
  // A literal keeps the variable reading, with the literal as its default; an absent prop stays a variable too.
  assert.equal(text(attrExpr(db, 'identifier')), 'var.name');
  assert.equal(literalValue(attrExpr(block(c, 'variable.name'), 'default')), 'orders');
  assert.equal(text(attrExpr(db, 'port')), 'var.port');
  // No variable is invented for the props that were traced.
  assert.equal(c.blocks.some((b) => b.kind === 'variable' && (b.labels[0] === 'kmsKeyId' || b.labels[0] === 'vpc')), false);
});

test('a props spread and a props object passed through are followed', () => {
  const c = app([
    `const dbProps = { kmsKeyId: kms.key.arn, vpc, name: 'x', suffix: 'y' };`,
    `new DbModule(this, 'db', { ...dbProps, name: 'orders' });`,
  ]);
  assert.equal(text(attrExpr(block(c, 'aws_db_instance.db'), 'kms_key_id')), 'aws_kms_key.key.arn');
  assert.equal(text(attrExpr(block(c, 'aws_security_group.db-sg'), 'vpc_id')), 'aws_vpc.main.id');
});

test('a construct instantiated twice keeps its props as variables (no instance wins)', () => {
  const c = app([
    `new DbModule(this, 'db', { kmsKeyId: kms.keyId, vpc, name: 'a', suffix: 'x' });`,
    `new DbModule(this, 'db2', { kmsKeyId: kms.key.arn, vpc, name: 'b', suffix: 'x' });`,
  ]);
  assert.equal(text(attrExpr(block(c, 'aws_db_instance.db'), 'kms_key_id')), 'var.kmsKeyId');
  assert.equal(text(attrExpr(block(c, 'aws_security_group.db-sg'), 'vpc_id')), 'var.vpc.id');
});

test('a class another class extends keeps its props as variables (super() passes other values)', () => {
  const c = app(
    [`new DbModule(this, 'db', { kmsKeyId: kms.keyId, vpc, name: 'a', suffix: 'x' });`],
    [
      `export class AuditedDb extends DbModule {`,
      `  constructor(scope: Construct, id: string, props: DbProps) { super(scope, id, props); }`,
      `}`,
    ],
  );
  assert.equal(text(attrExpr(block(c, 'aws_db_instance.db'), 'kms_key_id')), 'var.kmsKeyId');
});

test('a stack created inside another stack (nested) takes its props from that caller; a top-level stack keeps them as inputs', () => {
  const nested = [
    `import { TerraformStack } from 'cdktf';`,
    `import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';`,
    `export class DocsStack extends TerraformStack {`,
    `  constructor(scope: Construct, id: string, props: { environment: string }) {`,
    `    super(scope, id);`,
    `    const { environment } = props;`,
    `    new S3Bucket(this, 'docs', { bucket: \`company-docs-\${environment}\` });`,
    `  }`,
    `}`,
  ];
  const c = app([`new DocsStack(this, 'docs', { environment: environmentSuffix });`], nested);
  assert.equal(text(attrExpr(block(c, 'aws_s3_bucket.docs'), 'bucket')), '"company-docs-${var.environmentSuffix}"');
  // The same stack created by the app's entry point: its props are the deployment's inputs.
  const top = parseCdktfFiles(
    [
      ts('lib/docs.ts', [`import { Construct } from 'constructs';`, ...nested].join('\n')),
      ts('bin/app.ts', [`import { App } from 'cdktf';`, `import { DocsStack } from '../lib/docs';`, `const app = new App();`, `new DocsStack(app, 'docs', { environment: process.env.ENV || 'dev' });`, `app.synth();`].join('\n')),
    ],
    'cdktf-ts',
    { schema: null },
  );
  assert.equal(text(attrExpr(block(top, 'aws_s3_bucket.docs'), 'bucket')), '"company-docs-${var.environment}"');
});
