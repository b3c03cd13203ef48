/**
 * Turns deployment / validation logs into diagnostics. Understands Terraform's human output (with or
 * without the box-drawing gutter), Terraform `-json` output (streamed UI lines and `validate -json`),
 * `tsc` output, and falls back to error-looking lines (cdktf, AWS API errors) otherwise.
 */
export interface LogDiagnostic {
  summary: string;
  detail: string;
  /** Resource address from "with aws_x.y," or the JSON diagnostic's address. */
  address?: string;
  /** Source file and line the tool pointed at. */
  file?: string;
  line?: number;
  /** Where in the log (1-based line). */
  logLine: number;
  /** The raw log lines of this diagnostic, bounded. */
  excerpt: string;
}

const MAX_LOG_BYTES = 5 * 1024 * 1024;
const MAX_DIAGNOSTICS = 200;
const MAX_EXCERPT_LINES = 20;

/** Strips ANSI colour codes and the `│`/`╷`/`╵` gutter Terraform draws around diagnostics. */
function clean(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/\u001b\[[0-9;]{0,20}m/g, '').replace(/^[ \t]{0,8}[│╷╵|][ \t]?/, '').trimEnd();
}

export function parseLog(content: string): LogDiagnostic[] {
  const text = content.length > MAX_LOG_BYTES ? content.slice(0, MAX_LOG_BYTES) : content;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const json = parseJsonDiagnostics(lines);
  if (json.length) return json.slice(0, MAX_DIAGNOSTICS);
  const out: LogDiagnostic[] = [];
  const seenLines = new Set<number>();
  parseTerraformHuman(lines, out, seenLines);
  parseTsc(lines, out, seenLines);
  if (!out.length) parseFallback(lines, out);
  return out.slice(0, MAX_DIAGNOSTICS);
}

function parseJsonDiagnostics(lines: string[]): LogDiagnostic[] {
  const out: LogDiagnostic[] = [];
  const first = lines.find((l) => l.trim().length > 0)?.trim() ?? '';
  if (!first.startsWith('{')) return out;
  // `terraform validate -json` prints one multi-line object.
  const whole = lines.join('\n');
  const asObject = tryJson(whole);
  if (asObject && Array.isArray(asObject.diagnostics)) {
    for (const d of asObject.diagnostics) pushJsonDiagnostic(d, 1, out);
    return out;
  }
  // Streamed `-json` UI output: one object per line.
  lines.forEach((line, i) => {
    const obj = tryJson(line.trim());
    if (!obj) return;
    const diag = obj.diagnostic ?? (obj['@level'] === 'error' ? { severity: 'error', summary: obj['@message'] } : undefined);
    if (diag) pushJsonDiagnostic(diag, i + 1, out);
  });
  return out;
}

function tryJson(s: string): any {
  if (!s.startsWith('{')) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

function pushJsonDiagnostic(d: any, logLine: number, out: LogDiagnostic[]): void {
  if (!d || typeof d !== 'object' || (d.severity && d.severity !== 'error')) return;
  const summary = String(d.summary ?? '').replace(/^Error:\s*/, '');
  const detail = String(d.detail ?? '');
  const range = d.range && typeof d.range === 'object' ? d.range : undefined;
  out.push({
    summary,
    detail,
    address: typeof d.address === 'string' ? d.address : undefined,
    file: typeof range?.filename === 'string' ? range.filename : undefined,
    line: typeof range?.start?.line === 'number' ? range.start.line : undefined,
    logLine,
    excerpt: [summary, detail].filter(Boolean).join('\n').slice(0, 2000),
  });
}

const ERROR_START = /^Error: (.{1,500})$/;
const WITH_ADDRESS = /^\s{0,8}with ((?:module\.[\w-]{1,80}\.)*(?:data\.)?[a-z][\w-]{0,80}\.[\w-]{1,80}(?:\[[^\]]{0,80}\])?),?\s*$/;
const ON_FILE_LINE = /^\s{0,8}on ([^\s]{1,200}) line (\d{1,7})/;

function parseTerraformHuman(lines: string[], out: LogDiagnostic[], seen: Set<number>): void {
  for (let i = 0; i < lines.length && out.length < MAX_DIAGNOSTICS; i++) {
    const m = ERROR_START.exec(clean(lines[i]!));
    if (!m) continue;
    const diag: LogDiagnostic = { summary: m[1]!.trim(), detail: '', logLine: i + 1, excerpt: '' };
    const excerpt = [clean(lines[i]!)];
    const detail: string[] = [];
    let j = i + 1;
    for (; j < lines.length && j < i + 60; j++) {
      const raw = lines[j]!;
      const line = clean(raw);
      if (ERROR_START.test(line) || /^\s{0,8}╵/.test(raw)) break;
      if (excerpt.length < MAX_EXCERPT_LINES) excerpt.push(line);
      const w = WITH_ADDRESS.exec(line);
      if (w && !diag.address) {
        diag.address = w[1]!.replace(/\[[^\]]*\]$/, '');
        continue;
      }
      const o = ON_FILE_LINE.exec(line);
      if (o && !diag.file) {
        diag.file = o[1]!.replace(/,$/, '');
        diag.line = Number(o[2]);
        continue;
      }
      if (line.trim()) detail.push(line.trim());
    }
    diag.detail = detail.join(' ').slice(0, 2000);
    diag.excerpt = excerpt.join('\n').trim().slice(0, 2000);
    seen.add(i);
    out.push(diag);
    i = j - 1;
  }
}

// lib/tap-stack.ts(12,5): error TS2322: ...   or   lib/tap-stack.ts:12:5 - error TS2322: ...
const TSC_PAREN = /^([^\s()]{1,300})\((\d{1,7}),(\d{1,7})\): error (TS\d{4}): (.{0,1000})$/;
const TSC_COLON = /^([^\s:]{1,300}):(\d{1,7}):(\d{1,7}) - error (TS\d{4}): (.{0,1000})$/;

function parseTsc(lines: string[], out: LogDiagnostic[], seen: Set<number>): void {
  lines.forEach((raw, i) => {
    if (seen.has(i) || out.length >= MAX_DIAGNOSTICS) return;
    const line = clean(raw).trim();
    const m = TSC_PAREN.exec(line) ?? TSC_COLON.exec(line);
    if (!m) return;
    out.push({
      summary: `error ${m[4]}: ${m[5]}`,
      detail: '',
      file: m[1],
      line: Number(m[2]),
      logLine: i + 1,
      excerpt: line.slice(0, 2000),
    });
  });
}

const ERRORISH = /\b(?:error|failed|exception|denied|not authorized)\b/i;

function parseFallback(lines: string[], out: LogDiagnostic[]): void {
  lines.forEach((raw, i) => {
    if (out.length >= MAX_DIAGNOSTICS) return;
    const line = clean(raw).trim();
    if (!line || line.length > 2000 || !ERRORISH.test(line)) return;
    out.push({ summary: line, detail: '', logLine: i + 1, excerpt: line });
  });
}
