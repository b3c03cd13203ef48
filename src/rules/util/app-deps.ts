/**
 * Third-party packages a Lambda handler imports, read from its text (never executed). Linear regular expressions.
 */

/** Node.js built-in modules (with or without the `node:` prefix). */
const NODE_BUILTINS = new Set([
  'assert', 'async_hooks', 'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns',
  'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector', 'module', 'net', 'os', 'path', 'perf_hooks', 'process',
  'punycode', 'querystring', 'readline', 'repl', 'stream', 'stream/promises', 'string_decoder', 'timers', 'timers/promises', 'tls',
  'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib', 'test',
]);

/** Python packages commonly imported by handlers that the Lambda runtime does not provide (boto3/botocore are provided). */
const PY_THIRD_PARTY = new Set([
  'requests', 'pandas', 'numpy', 'psycopg2', 'pymysql', 'mysql', 'jwt', 'yaml', 'aws_xray_sdk', 'aws_lambda_powertools', 'redis',
  'opensearchpy', 'elasticsearch', 'stripe', 'sqlalchemy', 'pydantic', 'httpx', 'aiohttp', 'cryptography', 'pytz', 'dateutil',
  'openpyxl', 'PIL', 'jsonschema', 'pymongo', 'twilio', 'slack_sdk', 'google', 'paramiko',
]);

const JS_IMPORT = [/\brequire\(\s*['"]([^'"\s]{1,120})['"]\s*\)/g, /\bfrom\s+['"]([^'"\s]{1,120})['"]/g, /^[^\S\n]*import[^\S\n]+['"]([^'"\s]{1,120})['"]/gm];
const PY_IMPORT = [/^[^\S\n]*import[^\S\n]+([A-Za-z_][A-Za-z0-9_]*)/gm, /^[^\S\n]*from[^\S\n]+([A-Za-z_][A-Za-z0-9_]*)[^\S\n]+import\b/gm];

/** The package name of a JS module specifier: `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`. */
function jsPackage(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Packages a JS/TS handler loads that neither Node.js nor the Lambda runtime provides. */
export function jsThirdPartyImports(code: string, runtimeMajor: number | undefined): string[] {
  const out = new Set<string>();
  for (const re of JS_IMPORT) {
    re.lastIndex = 0;
    for (let m = re.exec(code); m; m = re.exec(code)) {
      const spec = m[1]!;
      if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) continue;
      if (NODE_BUILTINS.has(spec)) continue;
      const pkg = jsPackage(spec);
      if (NODE_BUILTINS.has(pkg)) continue;
      // The runtime bundles SDK v3 (nodejs18.x and later) or v2 (up to nodejs16.x).
      if (pkg.startsWith('@aws-sdk/') && (runtimeMajor === undefined || runtimeMajor >= 18)) continue;
      if (pkg === 'aws-sdk' && (runtimeMajor === undefined || runtimeMajor < 18)) continue;
      if (pkg === 'aws-sdk' || pkg.startsWith('@types/')) continue;
      out.add(pkg);
    }
  }
  return [...out].sort();
}

/** Well-known third-party packages a Python handler imports (the runtime ships boto3 and the standard library only). */
export function pyThirdPartyImports(code: string): string[] {
  const out = new Set<string>();
  for (const re of PY_IMPORT) {
    re.lastIndex = 0;
    for (let m = re.exec(code); m; m = re.exec(code)) if (PY_THIRD_PARTY.has(m[1]!)) out.add(m[1]!);
  }
  return [...out].sort();
}
