/**
 * Recognizes blocks that are not files by their content (shell commands, directory trees) and sniffs the
 * language of blocks whose fence does not say. Every pattern runs per line on bounded input.
 */

const COMMAND_WORDS = new Set([
  'terraform', 'tofu', 'tflint', 'tfsec', 'checkov', 'npm', 'npx', 'yarn', 'pnpm', 'cdktf', 'cdk', 'aws', 'sam',
  'cd', 'git', 'export', 'set', 'unset', 'source', 'mkdir', 'pip', 'pip3', 'python', 'python3', 'node', 'curl',
  'wget', 'make', 'chmod', 'sudo', 'brew', 'apt', 'apt-get', 'docker', 'echo', 'cp', 'mv', 'rm', 'ls', 'cat',
  'zip', 'unzip', 'jest', 'go', 'kubectl', 'helm', 'touch', 'tree', 'pytest',
]);

const MAX_LINE = 400;

function lines(content: string, limit = 400): string[] {
  return content.split('\n', limit).map((l) => l.slice(0, MAX_LINE).replace(/\r$/, ''));
}

/** Every non-blank, non-comment line is a shell command (`terraform init`, `$ npm test`). */
export function looksLikeCommands(content: string): boolean {
  let commands = 0;
  for (const raw of lines(content)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    // `terraform {` and `key = value` are HCL, not commands.
    if (line.endsWith('{') || line.includes(' = ')) return false;
    const first = line.replace(/^\$\s*/, '').split(/\s/, 1)[0] ?? '';
    if (!line.startsWith('$') && !COMMAND_WORDS.has(first)) return false;
    commands++;
  }
  return commands > 0;
}

/** A directory listing drawn with tree glyphs (`├──`, `└──`, `|--`). */
export function looksLikeTree(content: string): boolean {
  let glyphs = 0;
  for (const line of lines(content)) {
    if (/[├└]──|[|`+]--\s/.test(line)) glyphs++;
    if (glyphs >= 2) return true;
  }
  return false;
}

/** Language of a block without an info string, from unmistakable first constructs; undefined when unsure. */
export function sniffLanguage(content: string): string | undefined {
  for (const raw of lines(content, 200)) {
    const line = raw.trim();
    if (/^(resource|data|module|variable|output|provider)\s+"/.test(line)) return 'hcl';
    if (/^(terraform|locals)\s*\{/.test(line)) return 'hcl';
    if (/^import\s.{0,200}\sfrom\s+['"](cdktf|constructs|@cdktf\/|aws-cdk-lib)/.test(line)) return 'ts';
  }
  return undefined;
}
