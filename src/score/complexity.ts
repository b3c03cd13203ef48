/**
 * Complexity factors of the rubric's step 4, read from the IDEAL configuration:
 * multiple integrated services, security practices, high availability, advanced patterns, single service.
 */
import type { Block, Configuration } from '../model/types.js';
import { allAttributes, attrExpr, literalValue, nestedBlocks, resources, staticBool, staticNumber, staticString } from '../model/query.js';
import { isSupportService, serviceOfType } from './services.js';

export interface Factor {
  applies: boolean;
  detail: string;
}

export interface ComplexityFactors {
  multipleServices: Factor;
  security: Factor;
  highAvailability: Factor;
  advancedPatterns: Factor;
  singleService: Factor;
  /** Distinct services of the configuration, sorted. */
  services: string[];
}

function typeOf(b: Block): string {
  return b.labels[0] ?? '';
}

function types(config: Configuration): string[] {
  return resources(config).map(typeOf);
}

function has(config: Configuration, pred: (t: string) => boolean): string[] {
  return [...new Set(types(config).filter(pred))].sort();
}

/** Services whose resources reference a resource of another service (or are referenced by one). */
function integratedServices(config: Configuration): Set<string> {
  const serviceOfAddress = new Map<string, string>();
  for (const b of resources(config)) serviceOfAddress.set(`${typeOf(b)}.${b.labels[1] ?? ''}`, serviceOfType(typeOf(b)));
  const out = new Set<string>();
  for (const r of config.references) {
    const from = serviceOfAddress.get(r.from);
    const to = serviceOfAddress.get(r.target);
    if (from && to && from !== to) {
      out.add(from);
      out.add(to);
    }
  }
  return out;
}

function countOf(b: Block): number | undefined {
  return staticNumber(attrExpr(b, 'count'));
}

/** True when a boolean-ish attribute anywhere in the block (nested too) is statically true. */
function anyTrue(b: Block, names: string[]): boolean {
  return allAttributes(b).some(({ attribute }) => names.includes(attribute.name) && staticBool(attribute.expr) === true);
}

function anySet(b: Block, names: string[]): boolean {
  return allAttributes(b).some(({ attribute }) => names.includes(attribute.name) && literalValue(attribute.expr) !== null);
}

function securityEvidence(config: Configuration): string[] {
  const ev = new Set<string>();
  for (const b of resources(config)) {
    const t = typeOf(b);
    if (t === 'aws_kms_key') ev.add('KMS keys');
    else if (t === 'aws_s3_bucket_server_side_encryption_configuration') ev.add('S3 encryption');
    else if (t.startsWith('aws_wafv2_') || t.startsWith('aws_guardduty_') || t.startsWith('aws_securityhub_')) ev.add('threat protection');
    else if (t === 'aws_s3_bucket_public_access_block') ev.add('S3 public access blocks');
    if (anyTrue(b, ['encrypted', 'storage_encrypted', 'enable_key_rotation', 'encryption_at_rest_enabled', 'transit_encryption_enabled', 'at_rest_encryption_enabled'])) ev.add('encryption settings');
    if (anySet(b, ['kms_key_id', 'kms_key_arn', 'kms_master_key_id', 'kms_master_key_arn'])) ev.add('KMS-encrypted resources');
    if (nestedBlocks(b, 'server_side_encryption').some((s) => staticBool(attrExpr(s, 'enabled')) !== false)) ev.add('encryption settings');
  }
  return [...ev].sort();
}

function haEvidence(config: Configuration): string[] {
  const ev = new Set<string>();
  const subnetZones = new Set<string>();
  let subnetCount = 0;
  for (const b of resources(config)) {
    const t = typeOf(b);
    if (anyTrue(b, ['multi_az', 'automatic_failover_enabled', 'multi_az_enabled', 'cross_zone_load_balancing'])) ev.add('multi-AZ');
    if (t === 'aws_autoscaling_group' || t === 'aws_appautoscaling_target' || t === 'aws_appautoscaling_policy') ev.add('auto-scaling');
    if (t === 'aws_db_instance' && attrExpr(b, 'replicate_source_db')) ev.add('read replicas');
    if (t === 'aws_dynamodb_table' && nestedBlocks(b, 'replica').length > 0) ev.add('replicas');
    if (t === 'aws_dynamodb_table_replica' || t === 'aws_s3_bucket_replication_configuration' || t === 'aws_rds_global_cluster') ev.add('replicas');
    if (t === 'aws_route53_record' && nestedBlocks(b, 'failover_routing_policy').length > 0) ev.add('failover');
    if (t === 'aws_rds_cluster_instance' && (countOf(b) ?? 1) >= 2) ev.add('multiple cluster instances');
    if (t === 'aws_subnet') {
      const n = countOf(b);
      subnetCount += n ?? (attrExpr(b, 'count') || attrExpr(b, 'for_each') ? 2 : 1);
      const az = staticString(attrExpr(b, 'availability_zone'));
      if (az) subnetZones.add(az);
      else if (attrExpr(b, 'availability_zone')) subnetZones.add(`dynamic:${b.labels[1]}`);
    }
  }
  if (subnetZones.size >= 2 || (subnetCount >= 2 && subnetZones.size === 1 && [...subnetZones][0]!.startsWith('dynamic:'))) ev.add('subnets in several AZs');
  return [...ev].sort();
}

const EVENT_TYPES = [
  'aws_lambda_event_source_mapping',
  'aws_cloudwatch_event_rule',
  'aws_cloudwatch_event_target',
  'aws_sns_topic_subscription',
  'aws_sfn_state_machine',
  'aws_s3_bucket_notification',
  'aws_pipes_pipe',
  'aws_scheduler_schedule',
  'aws_kinesis_stream',
  'aws_kinesis_firehose_delivery_stream',
  'aws_apigatewayv2_api',
  'aws_lambda_function',
  'aws_ecs_service',
];

function advancedEvidence(config: Configuration): string[] {
  const found = has(config, (t) => EVENT_TYPES.includes(t));
  const ev = new Set<string>();
  for (const t of found) {
    if (t === 'aws_lambda_function') ev.add('serverless functions');
    else if (t === 'aws_ecs_service') ev.add('container services');
    else if (t === 'aws_sfn_state_machine') ev.add('Step Functions workflows');
    else ev.add('event-driven wiring');
  }
  return [...ev].sort();
}

export function complexityFactors(config: Configuration): ComplexityFactors {
  const services = [...new Set(types(config).filter((t) => t.startsWith('aws_')).map(serviceOfType))].sort();
  const integrated = integratedServices(config);
  const integratedList = services.filter((s) => integrated.has(s));
  const core = services.filter((s) => !isSupportService(s));
  const security = securityEvidence(config);
  const ha = haEvidence(config);
  const adv = advancedEvidence(config);
  return {
    services,
    multipleServices: {
      applies: integratedList.length >= 3,
      detail: `${services.length} services (${integratedList.length} integrated by references${integratedList.length ? `: ${integratedList.join(', ')}` : ''})`,
    },
    security: { applies: security.length > 0, detail: security.length ? security.join(', ') : 'no KMS, encryption or access blocks' },
    highAvailability: { applies: ha.length > 0, detail: ha.length ? ha.join(', ') : 'no multi-AZ, scaling or replicas' },
    advancedPatterns: { applies: adv.length > 0, detail: adv.length ? adv.join(', ') : 'no event-driven or serverless pieces' },
    singleService: { applies: core.length <= 1 && services.length > 0, detail: core.length ? `only ${core[0]} (plus support services)` : 'only support services' },
  };
}
