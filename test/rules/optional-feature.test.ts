import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runRule } from './helpers.js';
import { rule as unguarded } from '../../src/rules/optional-feature/unguarded-optional-feature.js';
import { rule as httpsOnly } from '../../src/rules/optional-feature/https-without-http-path.js';
import { rule as emptyInput } from '../../src/rules/optional-feature/empty-input-passed-through.js';

test('unguarded-optional-feature: zone and record always created from required inputs', () => {
  const hcl =
    'variable "domain_name" {}\nvariable "route53_zone_id" {}\n' +
    'resource "aws_route53_zone" "main" {\n  name = var.domain_name\n}\n' +
    'resource "aws_route53_record" "app" {\n  zone_id = var.route53_zone_id\n  name = var.domain_name\n  type = "A"\n}\n';
  const f = runRule(unguarded, hcl);
  assert.deepEqual(f.map((x) => x.resource).sort(), ['aws_route53_record.app', 'aws_route53_zone.main']);
  assert.match(f.find((x) => x.resource === 'aws_route53_record.app')!.message, /var\.route53_zone_id/);
});

test('unguarded-optional-feature: the reference requires the same inputs without defaults: a feature the task supplies', () => {
  const hcl = 'variable "domain_name" {}\nresource "aws_route53_zone" "main" {\n  name = var.domain_name\n}\n';
  // A partial reference that shows only the variables: the same input, also without a default.
  assert.deepEqual(runRule(unguarded, hcl, { ideal: 'variable "domain_name" {\n  type = string\n}\n' }), []);
  // The reference gives it a default (or guards the feature): the model's mandatory input is the failure.
  const f = runRule(unguarded, hcl, { ideal: 'variable "domain_name" {\n  default = "example.internal"\n}\n' });
  assert.deepEqual(f.map((x) => [x.resource, x.location.line]), [['aws_route53_zone.main', 2]]);
});

test('unguarded-optional-feature: inputs through locals and empty defaults count; guarded resources are fine', () => {
  const viaLocal =
    'variable "domain" {\n  default = ""\n}\nlocals {\n  fqdn = "api.${var.domain}"\n}\n' +
    'resource "aws_api_gateway_domain_name" "d" {\n  domain_name = local.fqdn\n}\n';
  assert.equal(runRule(unguarded, viaLocal).length, 1);
  const guarded =
    'variable "domain_name" {\n  default = null\n}\nvariable "enable_dns" {\n  default = false\n}\n' +
    'resource "aws_route53_zone" "main" {\n  count = var.enable_dns ? 1 : 0\n  name = var.domain_name\n}\n';
  assert.deepEqual(runRule(unguarded, guarded), []);
  const defaulted = 'variable "domain_name" {\n  default = "example.com"\n}\nresource "aws_route53_zone" "main" {\n  name = var.domain_name\n}\n';
  assert.deepEqual(runRule(unguarded, defaulted), []);
});

test('unguarded-optional-feature: HTTP listeners are not optional features; certificate validation always is', () => {
  const hcl =
    'variable "cert" {}\nresource "aws_lb_listener" "http" {\n  port = 80\n  protocol = "HTTP"\n  default_action {\n    type = "forward"\n  }\n}\n' +
    'resource "aws_acm_certificate" "c" {\n  domain_name = "app.example.com"\n  validation_method = "DNS"\n}\nresource "aws_acm_certificate_validation" "v" {\n  certificate_arn = aws_acm_certificate.c.arn\n}\n';
  assert.deepEqual(runRule(unguarded, hcl).map((x) => x.resource), ['aws_acm_certificate_validation.v']);
});

const HTTPS = 'variable "acm_certificate_arn" {}\nresource "aws_lb_listener" "https" {\n  port = 443\n  protocol = "HTTPS"\n  certificate_arn = var.acm_certificate_arn\n  default_action {\n    type = "forward"\n  }\n}\n';

test('https-without-http-path: HTTPS only, or HTTP that only redirects', () => {
  assert.equal(runRule(httpsOnly, HTTPS).length, 1);
  const redirect = HTTPS + 'resource "aws_lb_listener" "http" {\n  port = 80\n  protocol = "HTTP"\n  default_action {\n    type = "redirect"\n  }\n}\n';
  const f = runRule(httpsOnly, redirect);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.resource, 'aws_lb_listener.https');
});

test('https-without-http-path: a forwarding HTTP listener or a guarded HTTPS listener is fine', () => {
  const forward = HTTPS + 'resource "aws_lb_listener" "http" {\n  port = 80\n  protocol = "HTTP"\n  default_action {\n    type = "forward"\n  }\n}\n';
  assert.deepEqual(runRule(httpsOnly, forward), []);
  assert.deepEqual(runRule(httpsOnly, HTTPS.replace('port = 443', 'count = var.enable_https ? 1 : 0\n  port = 443')), []);
});

test('empty-input-passed-through: key_name = var with an empty default', () => {
  const hcl = 'variable "key_pair_name" {\n  default = ""\n}\nresource "aws_launch_template" "app" {\n  name     = "app"\n  key_name = var.key_pair_name\n}\n';
  const f = runRule(emptyInput, hcl);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.category, 'optional-feature');
  assert.equal(f[0]!.location.line, 6);
});

test('empty-input-passed-through: a conditional null, a non-empty default or a guarded resource are fine', () => {
  const base = 'variable "key_pair_name" {\n  default = ""\n}\n';
  assert.equal(runRule(emptyInput, base + 'resource "aws_launch_template" "app" {\n  key_name = var.key_pair_name != "" ? var.key_pair_name : null\n}\n').length, 0);
  assert.equal(runRule(emptyInput, 'variable "key_pair_name" {\n  default = "ops"\n}\nresource "aws_launch_template" "app" {\n  key_name = var.key_pair_name\n}\n').length, 0);
  assert.equal(runRule(emptyInput, base + 'resource "aws_launch_template" "app" {\n  count    = var.key_pair_name == "" ? 0 : 1\n  key_name = var.key_pair_name\n}\n').length, 0);
});

import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { makeTask } from './helpers.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';

test('unguarded-optional-feature: a CDKTF construct created under an if, a ternary or && is guarded', () => {
  const stack = (creation: string) =>
    [
      "import { Construct } from 'constructs';",
      "import { TerraformStack } from 'cdktf';",
      "import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone';",
      'export class DnsStack extends TerraformStack {',
      '  constructor(scope: Construct, id: string, props: { domainName?: string }) {',
      '    super(scope, id);',
      creation,
      '  }',
      '}',
    ].join('\n');
  const run = (creation: string) => {
    const config = parseCdktfFiles([{ path: 'lib/dns-stack.ts', language: 'ts', content: stack(creation) }]);
    return { config, findings: runRulesDetailed([unguarded], config, makeTask({ platform: 'cdktf-ts' }), DEFAULT_CONVENTIONS).findings };
  };
  const always = run("    new Route53Zone(this, 'zone', { name: props.domainName! });");
  assert.equal(always.config.blocks.find((b) => b.kind === 'resource')!.construct!.conditional, undefined);
  for (const guarded of [
    "    if (props.domainName) {\n      new Route53Zone(this, 'zone', { name: props.domainName });\n    }",
    "    const zone = props.domainName ? new Route53Zone(this, 'zone', { name: props.domainName }) : undefined;",
    "    const zone = props.domainName && new Route53Zone(this, 'zone', { name: props.domainName });",
  ]) {
    const r = run(guarded);
    assert.equal(r.config.blocks.find((b) => b.kind === 'resource')!.construct!.conditional, true, guarded);
    assert.deepEqual(r.findings, [], guarded);
  }
});

test('unguarded-optional-feature: a child module\'s resource follows its caller: a guarded call or one passing the inputs is fine', () => {
  const child = 'variable "domain_name" {}\nresource "aws_route53_zone" "main" {\n  name = var.domain_name\n}\n';
  const call = (body: string) => `module "dns" {\n  source = "./modules/dns"\n${body}}\n`;
  const files = (root: string) => ({ 'lib/main.tf': root, 'lib/modules/dns/main.tf': child });
  // The caller passes nothing and creates the module always: the feature is mandatory and unsupplied.
  assert.deepEqual(runRule(unguarded, files(call(''))).map((x) => [x.resource, x.location.file]), [['aws_route53_zone.main', 'lib/modules/dns/main.tf']]);
  assert.deepEqual(runRule(unguarded, files(call('  count = var.environment == "prod" ? 1 : 0\n'))), []);
  assert.deepEqual(runRule(unguarded, files(call('  domain_name = var.domain_name\n'))), []);
});

test('unguarded-optional-feature: certificate validation in a child module called unconditionally is still reported', () => {
  const child = 'resource "aws_acm_certificate_validation" "cert" {\n  certificate_arn = aws_acm_certificate.cert.arn\n}\n';
  const root = 'module "tls" {\n  source = "./modules/tls"\n}\n';
  assert.deepEqual(runRule(unguarded, { 'lib/main.tf': root, 'lib/modules/tls/main.tf': child }).map((x) => x.resource), ['aws_acm_certificate_validation.cert']);
});

test('unguarded-optional-feature on CDKTF: construct props are what callers pass; a TerraformVariable without a default is an input', async () => {
  const { runCdktfRule } = await import('./helpers.js');
  const stack = (input: string) => `import { Construct } from 'constructs';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';

interface DnsProps { hostedZoneId: string; dnsName: string }

export class Dns extends Construct {
  constructor(scope: Construct, id: string, props: DnsProps) {
    super(scope, id);
${input}
  }
}
`;
  const fromProps = stack(`    new Route53Record(this, 'primary', { zoneId: props.hostedZoneId, name: props.dnsName, type: 'A', ttl: 60, records: ['10.0.0.1'] });`);
  assert.deepEqual(runCdktfRule(unguarded, fromProps), []);
  const fromVariable = stack(`    const zone = new TerraformVariable(this, 'zone_id', { type: 'string' });
    new Route53Record(this, 'primary', { zoneId: zone.stringValue, name: 'app.example.org', type: 'A', ttl: 60, records: ['10.0.0.1'] });`);
  assert.deepEqual(runCdktfRule(unguarded, fromVariable).map((f) => f.resource), ['aws_route53_record.primary']);
});
