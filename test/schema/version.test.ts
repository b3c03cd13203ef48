import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  admits,
  admitsNone,
  allAbove,
  allBelow,
  minAdmitted,
  parseTerraformConstraint,
  rangeFromCdktfPackage,
  ConstraintError,
} from '../../src/schema/version.js';

const yes = (c: string, v: string) => assert.equal(admits(parseTerraformConstraint(c), v), true, `${c} admits ${v}`);
const no = (c: string, v: string) => assert.equal(admits(parseTerraformConstraint(c), v), false, `${c} rejects ${v}`);

test('~> with two segments: minor may grow, major fixed', () => {
  yes('~> 5.0', '5.0.0');
  yes('~> 5.0', '5.99.3');
  no('~> 5.0', '6.0.0');
  no('~> 5.0', '4.67.0');
  yes('~> 5.31', '5.80.0');
  no('~> 5.31', '5.30.9');
});

test('~> with three segments: only the patch may grow', () => {
  yes('~> 5.1.2', '5.1.2');
  yes('~> 5.1.2', '5.1.9');
  no('~> 5.1.2', '5.2.0');
  no('~> 5.1.2', '5.1.1');
});

test('~> with one segment behaves like >=', () => {
  yes('~> 5', '5.0.0');
  yes('~> 5', '6.3.0');
  no('~> 5', '4.9.0');
});

test('comparison operators, exact versions, partial versions', () => {
  yes('>= 5.0', '6.25.0');
  no('>= 5.0', '4.0.0');
  yes('> 5.0', '5.0.1');
  no('> 5.0', '5.0.0');
  yes('< 6.0', '5.99.0');
  no('< 6.0', '6.0.0');
  yes('<= 6.0', '6.0.0');
  yes('= 6.22.1', '6.22.1');
  no('= 6.22.1', '6.22.2');
  yes('6.22.1', '6.22.1');
  no('6', '6.0.1');
});

test('comma lists and != exclusions', () => {
  yes('>= 5.0, < 6.0', '5.50.0');
  no('>= 5.0, < 6.0', '6.0.0');
  no('>= 5.0, != 5.10.0, < 6', '5.10.0');
  yes('>= 5.0, != 5.10.0, < 6', '5.10.1');
  yes('>= 5.0, != 5.10.0, < 6', '5.9.0');
});

test('ranges: admits none, all above, all below, minimum', () => {
  assert.equal(admitsNone(parseTerraformConstraint('>= 6.0, < 5.0')), true);
  assert.equal(admitsNone(parseTerraformConstraint('~> 6.0')), false);
  assert.equal(allAbove(parseTerraformConstraint('>= 6.40'), '6.25.0'), true);
  assert.equal(allAbove(parseTerraformConstraint('~> 6.0'), '6.25.0'), false);
  assert.equal(allBelow(parseTerraformConstraint('~> 5.0'), '6.0.0'), true);
  assert.equal(allBelow(parseTerraformConstraint('>= 5.0'), '6.0.0'), false);
  assert.equal(minAdmitted(parseTerraformConstraint('~> 5.31')), '5.31.0');
});

test('malformed constraints throw ConstraintError', () => {
  assert.throws(() => parseTerraformConstraint('~> five'), ConstraintError);
  assert.throws(() => parseTerraformConstraint(''), ConstraintError);
  assert.throws(() => parseTerraformConstraint('=> 5.0'), ConstraintError);
});

test('@cdktf/provider-aws majors map to AWS provider versions', () => {
  const r19 = rangeFromCdktfPackage('^19.0.0')!;
  assert.equal(admits(r19, '5.40.0'), true);
  assert.equal(admits(r19, '6.0.0'), false);
  const r21 = rangeFromCdktfPackage('21.22.1')!;
  assert.equal(admits(r21, '6.25.0'), true);
  assert.equal(rangeFromCdktfPackage('^3.0.0'), null);
  assert.equal(rangeFromCdktfPackage('not a range'), null);
});

import { findCdktfPackageSpec } from '../../src/schema/provider-info.js';

test('a package.json shown with a `// package.json` label line still pins @cdktf/provider-aws', () => {
  const content = '// package.json\n{\n  "dependencies": {\n    "@cdktf/provider-aws": "^18.0.0",\n    "cdktf": "^0.19.0"\n  }\n}\n';
  assert.deepEqual(findCdktfPackageSpec([{ path: 'lib/package.json', language: 'json', content }]), { spec: '^18.0.0', file: 'lib/package.json', line: 4 });
  assert.equal(findCdktfPackageSpec([{ path: 'lib/package.json', language: 'json', content: '{ not json' }]), null);
});
