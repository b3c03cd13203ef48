/**
 * Outdated engine versions and deprecated Lambda runtimes: a small dated table, maintained by hand.
 * Each entry says when it was checked and where; update the table, never the rules, when AWS moves on.
 */

export interface EngineVersionEntry {
  /** RDS/ElastiCache engine as written in `engine` (`mysql`, `postgres`, `aurora-postgresql`, `redis`, ...). */
  engine: string;
  /** Versions matched by prefix on dot boundaries: `5.7` matches `5.7`, `5.7.44`; `15.3` matches `15.3` only at that depth. */
  versions: string[];
  status: 'end-of-standard-support' | 'superseded-minor' | 'retired-minor';
  note: string;
  checked: string;
  source: string;
}

const CHECKED = '2026-11-24';
const RDS_MYSQL = 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/MySQL.Concepts.VersionMgmt.html';
const RDS_PG = 'https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html';
const AURORA_PG = 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurorapostgresql-release-calendar.html';
const AURORA_MYSQL = 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/AuroraMySQL.release-calendars.html';
const ELASTICACHE = 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html';

export const ENGINE_VERSIONS: EngineVersionEntry[] = [
  { engine: 'mysql', versions: ['5.5', '5.6', '5.7'], status: 'end-of-standard-support', note: 'MySQL 5.7 left RDS standard support on 2024-02-29 (paid Extended Support only).', checked: CHECKED, source: RDS_MYSQL },
  { engine: 'postgres', versions: ['9', '10', '11', '12'], status: 'end-of-standard-support', note: 'RDS for PostgreSQL 11 ended standard support 2024-02-29 and 12 on 2025-02-28.', checked: CHECKED, source: RDS_PG },
  { engine: 'aurora-postgresql', versions: ['9', '10', '11', '12'], status: 'end-of-standard-support', note: 'Aurora PostgreSQL 11 ended standard support 2024-02-29 and 12 on 2025-02-28.', checked: CHECKED, source: AURORA_PG },
  { engine: 'aurora-postgresql', versions: ['15.2', '15.3', '15.4', '15.5'], status: 'retired-minor', note: 'Aurora PostgreSQL 15.2-15.5 are retired minors (CreateDBCluster: "Cannot find version"); use a current 15.x minor such as 15.10.', checked: CHECKED, source: AURORA_PG },
  { engine: 'aurora-postgresql', versions: ['13.3', '13.4', '13.5', '13.6', '13.7'], status: 'retired-minor', note: 'Aurora PostgreSQL 13.3-13.7 are retired minors ("Cannot find version 13.7"); use a current 13.x minor (or a newer major).', checked: CHECKED, source: AURORA_PG },
  { engine: 'postgres', versions: ['14.1', '14.2', '14.3', '14.4', '14.5', '14.6', '14.7', '14.8', '14.9', '14.10'], status: 'retired-minor', note: 'RDS for PostgreSQL 14.10 and earlier 14.x minors can no longer be created ("Cannot find version"); use the current 14.x minor.', checked: CHECKED, source: RDS_PG },
  { engine: 'postgres', versions: ['15.2', '15.3', '15.4', '15.5'], status: 'retired-minor', note: 'RDS for PostgreSQL 15.2-15.5 can no longer be created ("Cannot find version 15.4 for postgres"); use the current 15.x minor.', checked: CHECKED, source: RDS_PG },
  {
    engine: 'mysql',
    versions: Array.from({ length: 25 }, (_, i) => `8.0.${i + 11}`),
    status: 'retired-minor',
    note: 'RDS for MySQL 8.0.35 and earlier 8.0 minors left standard support on 2025-03-31 and can no longer be created ("Cannot find version 8.0.35 for mysql"); use a current 8.0 minor or 8.4.',
    checked: CHECKED,
    source: RDS_MYSQL,
  },
  { engine: 'aurora-mysql', versions: ['5.7', '5.6'], status: 'end-of-standard-support', note: 'Aurora MySQL version 2 (MySQL 5.7 compatible) ended standard support 2024-10-31.', checked: CHECKED, source: AURORA_MYSQL },
  { engine: 'aurora', versions: ['5.6'], status: 'end-of-standard-support', note: 'Aurora MySQL version 1 (MySQL 5.6 compatible) is retired.', checked: CHECKED, source: AURORA_MYSQL },
  { engine: 'redis', versions: ['2', '3', '4', '5'], status: 'end-of-standard-support', note: 'ElastiCache for Redis OSS 4 and 5 are at end of standard support; use Valkey or Redis OSS 7.', checked: CHECKED, source: ELASTICACHE },
];

export interface RuntimeEntry {
  runtime: string;
  /** Date AWS deprecated the runtime (no security patches). */
  deprecated: string;
  /** Function creation is blocked: apply fails. */
  createBlocked: boolean;
}

export const LAMBDA_RUNTIMES_SOURCE = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtimes-deprecated';
export const LAMBDA_RUNTIMES_CHECKED = CHECKED;

export const DEPRECATED_LAMBDA_RUNTIMES: RuntimeEntry[] = [
  { runtime: 'python2.7', deprecated: '2021-07-15', createBlocked: true },
  { runtime: 'python3.6', deprecated: '2022-07-18', createBlocked: true },
  { runtime: 'python3.7', deprecated: '2023-12-04', createBlocked: true },
  { runtime: 'python3.8', deprecated: '2024-10-14', createBlocked: true },
  { runtime: 'python3.9', deprecated: '2025-12-15', createBlocked: false },
  { runtime: 'nodejs10.x', deprecated: '2021-07-30', createBlocked: true },
  { runtime: 'nodejs12.x', deprecated: '2023-03-31', createBlocked: true },
  { runtime: 'nodejs14.x', deprecated: '2023-12-04', createBlocked: true },
  { runtime: 'nodejs16.x', deprecated: '2024-06-12', createBlocked: true },
  { runtime: 'nodejs18.x', deprecated: '2025-09-01', createBlocked: false },
  { runtime: 'go1.x', deprecated: '2024-01-08', createBlocked: true },
  { runtime: 'java8', deprecated: '2024-01-08', createBlocked: true },
  { runtime: 'dotnetcore3.1', deprecated: '2023-04-03', createBlocked: true },
  { runtime: 'dotnet6', deprecated: '2024-12-20', createBlocked: true },
  { runtime: 'ruby2.7', deprecated: '2023-12-07', createBlocked: true },
  { runtime: 'ruby3.2', deprecated: '2026-03-31', createBlocked: false },
];

/** Version `v` is matched by a table version `t` when it equals it or continues it after a dot. */
export function versionMatches(v: string, t: string): boolean {
  return v === t || v.startsWith(`${t}.`);
}

export function outdatedEngine(engine: string, version: string): EngineVersionEntry | undefined {
  const e = engine.toLowerCase();
  // Aurora MySQL versions look like `8.0.mysql_aurora.3.04.0` or `5.7.mysql_aurora.2.11.2`.
  const v = version.toLowerCase();
  return ENGINE_VERSIONS.find((entry) => entry.engine === e && entry.versions.some((t) => versionMatches(v, t)));
}
