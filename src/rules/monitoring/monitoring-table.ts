/**
 * Operational monitoring settings as data (see src/rules/util/settings-table.ts): enhanced monitoring and
 * Performance Insights on databases, Container Insights on ECS clusters, detailed monitoring on instances.
 * Operational best practice that reviewers do not list unless the task asks: `low` observations.
 */
import type { TableCheck } from '../util/settings-table.js';

const MONITORING = {
  category: 'monitoring',
  fixClass: 'B',
  severity: 'low',
  defaultTier: 'observation',
  knowledgeGap: 'Service-level metrics (enhanced monitoring, Performance Insights, Container Insights) are off unless enabled.',
} as const;

/** Instance classes without Performance Insights (see service-constraint/performance-insights-unsupported-class). */
const NO_PERFORMANCE_INSIGHTS = ['db.t2.micro', 'db.t2.small', 'db.t3.micro', 'db.t3.small', 'db.t4g.micro', 'db.t4g.small'];

export const MONITORING_TABLE: TableCheck[] = [
  {
    ...MONITORING,
    id: 'rds-enhanced-monitoring-disabled',
    title: 'RDS instance without enhanced monitoring',
    rootCause: 'Enhanced monitoring is off unless `monitoring_interval` is above 0 with a monitoring role; models keep the default 0.',
    fix: 'Set `monitoring_interval = 60` (or less) and `monitoring_role_arn` to a role with AmazonRDSEnhancedMonitoringRole.',
    fixExample: 'resource "aws_db_instance" "db" {\n  monitoring_interval = 60\n  monitoring_role_arn = aws_iam_role.rds_monitoring.arn\n}',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html',
    what: 'has no enhanced monitoring',
    rows: [{ types: ['aws_db_instance', 'aws_rds_cluster_instance'], require: [{ path: ['monitoring_interval'], test: { atLeast: 1 }, unset: 'gap' }] }],
  },
  {
    ...MONITORING,
    id: 'rds-performance-insights-disabled',
    title: 'RDS instance without Performance Insights',
    rootCause: 'Performance Insights is off unless `performance_insights_enabled = true`; models keep the default.',
    fix: 'Set `performance_insights_enabled = true` on instance classes that support it (not micro/small burstable classes).',
    fixExample: 'resource "aws_db_instance" "db" {\n  instance_class               = "db.t3.medium"\n  performance_insights_enabled = true\n}',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.html',
    what: 'has Performance Insights off',
    rows: [
      {
        types: ['aws_db_instance', 'aws_rds_cluster_instance'],
        // Classes without Performance Insights: turning it on fails (performance-insights-unsupported-class).
        when: [{ path: ['instance_class'], test: { noneOf: NO_PERFORMANCE_INSIGHTS }, unset: 'ok' }],
        require: [{ path: ['performance_insights_enabled'], test: { is: true }, unset: 'gap' }],
      },
    ],
  },
  {
    ...MONITORING,
    id: 'ecs-cluster-container-insights-disabled',
    title: 'ECS cluster without Container Insights',
    rootCause: 'Container Insights is off unless the cluster has `setting { name = "containerInsights", value = "enabled" }`; models create a bare cluster.',
    fix: 'Add `setting { name = "containerInsights" value = "enabled" }` (or `"enhanced"`).',
    fixExample: 'resource "aws_ecs_cluster" "main" {\n  name = "app"\n  setting {\n    name  = "containerInsights"\n    value = "enabled"\n  }\n}',
    docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html',
    what: 'has Container Insights off',
    rows: [{ types: ['aws_ecs_cluster'], require: [{ path: ['setting', 'value'], test: { oneOf: ['enabled', 'enhanced'] }, unset: 'gap' }] }],
  },
  {
    ...MONITORING,
    id: 'instance-detailed-monitoring-disabled',
    title: 'EC2 instance without detailed monitoring',
    rootCause: 'Instances report metrics every five minutes unless `monitoring = true`; models keep the default.',
    fix: 'Set `monitoring = true` for one-minute CloudWatch metrics.',
    fixExample: 'resource "aws_instance" "app" {\n  monitoring = true\n}',
    docs: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-detailed-monitoring.html',
    what: 'has detailed monitoring off',
    rows: [{ types: ['aws_instance'], require: [{ path: ['monitoring'], test: { is: true }, unset: 'gap' }] }],
  },
];
