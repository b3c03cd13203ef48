import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources, staticString } from '../../model/query.js';
import { referrers } from '../util/b-refs.js';

/** Resources that serve a certificate to clients: they accept only an issued one. */
const CONSUMER_TYPES = new Set([
  'aws_lb_listener',
  'aws_alb_listener',
  'aws_lb_listener_certificate',
  'aws_cloudfront_distribution',
  'aws_api_gateway_domain_name',
  'aws_apigatewayv2_domain_name',
  'aws_elb',
  'aws_cognito_user_pool_domain',
]);

export const rule: Rule = {
  meta: {
    id: 'acm-certificate-not-validated',
    category: 'service-constraint',
    severity: 'high',
    fixClass: 'B',
    // The consumer is created while the certificate is still PENDING_VALIDATION and the API refuses it
    // (CertificateNotFound / UnsupportedCertificate): the apply stops, whatever the check's measured precision.
    applyFailure: true,
    title: 'Certificate used before it is validated',
    rootCause:
      'The model requests an ACM certificate with DNS or e-mail validation and hands its ARN straight to a listener, distribution or custom domain, without an `aws_acm_certificate_validation` that waits until the certificate is issued.',
    fix: 'Create the DNS validation records and an `aws_acm_certificate_validation`, and take the ARN from it (`aws_acm_certificate_validation.cert.certificate_arn`); for a domain the account does not control, make HTTPS optional or import an existing certificate.',
    fixExample: `resource "aws_route53_record" "cert_validation" {
  for_each = { for o in aws_acm_certificate.site.domain_validation_options : o.domain_name => o }
  zone_id  = var.zone_id
  name     = each.value.resource_record_name
  type     = each.value.resource_record_type
  records  = [each.value.resource_record_value]
  ttl      = 60
}

resource "aws_acm_certificate_validation" "site" {
  certificate_arn         = aws_acm_certificate.site.arn
  validation_record_fqdns = [for r in aws_route53_record.cert_validation : r.fqdn]
}

resource "aws_lb_listener" "https" {
  # ...
  certificate_arn = aws_acm_certificate_validation.site.certificate_arn
}`,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/acm_certificate_validation',
    knowledgeGap: 'A requested ACM certificate is unusable until it is issued; Terraform must wait for the validation before any listener or distribution uses it.',
    impact: '`terraform apply` fails creating the listener, distribution or domain (the certificate is not issued), or waits for a validation that never completes.',
  },
  check(ctx) {
    const { config } = ctx;
    // A consumer that waits for a validation itself (depends_on) is not created early.
    const waiting = new Set(resources(config, 'aws_acm_certificate_validation').flatMap((v) => referrers(config, v)));
    for (const cert of resources(config, 'aws_acm_certificate')) {
      const method = staticString(attrExpr(cert, 'validation_method'))?.toUpperCase();
      // Imported certificates (certificate_body) and private-CA certificates are issued at once.
      if (method !== 'DNS' && method !== 'EMAIL') continue;
      if (referrers(config, cert, 'aws_acm_certificate_validation').length) continue;
      const consumers = referrers(config, cert).filter((r) => CONSUMER_TYPES.has(r.labels[0] ?? '') && !waiting.has(r));
      if (!consumers.length) continue;
      const names = consumers.map(blockAddress);
      ctx.report({
        block: consumers[0]!,
        resource: blockAddress(cert),
        message: `${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''} ${names.length > 1 ? 'use' : 'uses'} ${blockAddress(cert)} (${method} validation) directly, and no aws_acm_certificate_validation waits for it: the certificate is still pending validation when ${names.length > 1 ? 'they are' : 'it is'} created, so the apply fails.`,
      });
    }
  },
};
