/**
 * Well-known AWS provider defaults, as data: resource type → argument path (nested blocks joined with `.`)
 * → the value the provider uses when the argument is left out. An ideal that writes one of these values out
 * (or drops a model argument that holds it) changes nothing the provider deploys, so the diff ignores it.
 *
 * Only defaults that are fixed in the provider schema belong here; computed values (a default the API picks,
 * which can change per region or engine) do not.
 */
export type DefaultValue = string | number | boolean;

export const PROVIDER_DEFAULTS: Readonly<Record<string, Readonly<Record<string, DefaultValue>>>> = {
  aws_kms_key: { deletion_window_in_days: 30, enable_key_rotation: false, is_enabled: true, key_usage: 'ENCRYPT_DECRYPT', customer_master_key_spec: 'SYMMETRIC_DEFAULT', bypass_policy_lockout_safety_check: false, multi_region: false },
  aws_secretsmanager_secret: { recovery_window_in_days: 30, force_overwrite_replica_secret: false },
  aws_s3_bucket: { force_destroy: false, object_lock_enabled: false },
  aws_s3_bucket_public_access_block: { block_public_acls: false, block_public_policy: false, ignore_public_acls: false, restrict_public_buckets: false },
  aws_db_instance: { skip_final_snapshot: false, deletion_protection: false, publicly_accessible: false, storage_encrypted: false, auto_minor_version_upgrade: true, copy_tags_to_snapshot: false, apply_immediately: false, performance_insights_enabled: false, iam_database_authentication_enabled: false, delete_automated_backups: true, monitoring_interval: 0 },
  aws_rds_cluster: { skip_final_snapshot: false, deletion_protection: false, copy_tags_to_snapshot: false, apply_immediately: false, iam_database_authentication_enabled: false, delete_automated_backups: true },
  aws_rds_cluster_instance: { publicly_accessible: false, auto_minor_version_upgrade: true, apply_immediately: false, performance_insights_enabled: false, monitoring_interval: 0 },
  aws_lambda_function: { timeout: 3, memory_size: 128, publish: false, package_type: 'Zip', reserved_concurrent_executions: -1, 'ephemeral_storage.size': 512, 'tracing_config.mode': 'PassThrough' },
  aws_sqs_queue: { visibility_timeout_seconds: 30, message_retention_seconds: 345600, max_message_size: 262144, delay_seconds: 0, receive_wait_time_seconds: 0, fifo_queue: false, content_based_deduplication: false },
  aws_sns_topic: { fifo_topic: false, content_based_deduplication: false },
  aws_dynamodb_table: { billing_mode: 'PROVISIONED', stream_enabled: false, table_class: 'STANDARD', deletion_protection_enabled: false, 'point_in_time_recovery.enabled': false, 'server_side_encryption.enabled': false, 'ttl.enabled': false },
  aws_cloudwatch_log_group: { retention_in_days: 0, skip_destroy: false },
  aws_cloudwatch_metric_alarm: { treat_missing_data: 'missing', actions_enabled: true },
  aws_lb: { internal: false, load_balancer_type: 'application', enable_deletion_protection: false, idle_timeout: 60, enable_http2: true, drop_invalid_header_fields: false, ip_address_type: 'ipv4' },
  aws_alb: { internal: false, load_balancer_type: 'application', enable_deletion_protection: false, idle_timeout: 60, enable_http2: true, drop_invalid_header_fields: false, ip_address_type: 'ipv4' },
  aws_lb_target_group: { deregistration_delay: 300, target_type: 'instance', slow_start: 0, 'health_check.enabled': true, 'health_check.healthy_threshold': 3, 'health_check.unhealthy_threshold': 3, 'health_check.interval': 30, 'health_check.path': '/' },
  aws_ecr_repository: { image_tag_mutability: 'MUTABLE', force_delete: false, 'image_scanning_configuration.scan_on_push': false },
  aws_instance: { monitoring: false, disable_api_termination: false, disable_api_stop: false, source_dest_check: true, get_password_data: false },
  aws_security_group: { revoke_rules_on_delete: false },
  aws_vpc: { enable_dns_support: true, enable_dns_hostnames: false, instance_tenancy: 'default', assign_generated_ipv6_cidr_block: false },
  aws_subnet: { map_public_ip_on_launch: false, assign_ipv6_address_on_creation: false },
  aws_iam_role: { max_session_duration: 3600, force_detach_policies: false, path: '/' },
  aws_iam_policy: { path: '/' },
  aws_iam_user: { path: '/', force_destroy: false },
  aws_iam_instance_profile: { path: '/' },
  aws_sfn_state_machine: { type: 'STANDARD', publish: false },
  aws_kinesis_stream: { retention_period: 24, enforce_consumer_deletion: false },
  aws_cloudtrail: { include_global_service_events: true, enable_logging: true, is_multi_region_trail: false, enable_log_file_validation: false, is_organization_trail: false },
  aws_api_gateway_method: { api_key_required: false },
  aws_efs_file_system: { performance_mode: 'generalPurpose', throughput_mode: 'bursting' },
  aws_ecs_service: { enable_execute_command: false, enable_ecs_managed_tags: false, force_new_deployment: false, wait_for_steady_state: false },
  aws_autoscaling_group: { force_delete: false, health_check_grace_period: 300, wait_for_capacity_timeout: '10m' },
  aws_elasticache_replication_group: { auto_minor_version_upgrade: true, apply_immediately: false },
  aws_cloudfront_distribution: { is_ipv6_enabled: false, retain_on_delete: false, wait_for_deployment: true },
  aws_s3_bucket_versioning: { 'versioning_configuration.mfa_delete': 'Disabled' },
};

/** The provider default of `path` on a resource type, when it is a well-known one. */
export function providerDefault(type: string, path: readonly string[]): DefaultValue | undefined {
  return PROVIDER_DEFAULTS[type]?.[path.join('.')];
}
