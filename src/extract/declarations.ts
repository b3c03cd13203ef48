/**
 * Top-level declarations of a code block, by address (`resource.aws_s3_bucket.b`, `variable.x`, `class.Stack`).
 * Extraction compares them to tell a revised file from a continuation or a repeated excerpt. Line-based and
 * anchored, so linear on any input.
 */

const HCL_LABELED = /^(resource|data)\s+"?([\w-]+)"?\s+"?([\w-]+)"?\s*\{/;
const HCL_SINGLE = /^(variable|output|module|provider)\s+"?([\w-]+)"?\s*\{/;
const HCL_TERRAFORM = /^terraform\s*\{/;
const TS_DECL = /^(?:export\s+)?(?:default\s+)?(?:abstract\s+)?(class|interface|function|enum|type|const|let)\s+([A-Za-z_$][\w$]*)/;

export function declarations(language: string, content: string): Set<string> {
  const out = new Set<string>();
  for (const raw of content.split('\n')) {
    // Top level only: declarations start at column 0.
    // Every pattern starts with a lowercase keyword: other lines (indented, `}`, blank) cannot match.
    const first = raw.charCodeAt(0);
    if (!(first >= 0x61 && first <= 0x7a)) continue;
    const line = raw.slice(0, 400);
    if (language === 'hcl') {
      let m = HCL_LABELED.exec(line);
      if (m) out.add(`${m[1]}.${m[2]}.${m[3]}`);
      else if ((m = HCL_SINGLE.exec(line))) out.add(`${m[1]}.${m[2]}`);
      else if (HCL_TERRAFORM.test(line)) out.add('terraform');
    } else if (language === 'ts' || language === 'js') {
      const m = TS_DECL.exec(line);
      if (m) out.add(`${m[1] === 'let' ? 'const' : m[1]}.${m[2]}`);
    }
  }
  return out;
}

export function overlaps(a: Set<string>, b: Set<string>): boolean {
  // The smaller set is walked: a file joined from many parts is compared with each small further part.
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}

/** The last top-level declaration of a block, as an address (`aws_lambda_function.api`, `var.x`), or undefined. */
export function lastDeclaration(language: string, content: string): string | undefined {
  let last: string | undefined;
  for (const raw of content.split('\n')) {
    const first = raw.charCodeAt(0);
    if (!(first >= 0x61 && first <= 0x7a)) continue;
    const line = raw.slice(0, 400);
    if (language === 'hcl') {
      let m = HCL_LABELED.exec(line);
      if (m) last = m[1] === 'data' ? `data.${m[2]}.${m[3]}` : `${m[2]}.${m[3]}`;
      else if ((m = HCL_SINGLE.exec(line))) last = `${m[1] === 'variable' ? 'var' : m[1]}.${m[2]}`;
    } else if (language === 'ts' || language === 'js') {
      const m = TS_DECL.exec(line);
      if (m) last = m[2];
    }
  }
  return last;
}
