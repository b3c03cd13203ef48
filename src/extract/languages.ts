/**
 * Languages of extracted files: from a fence's info string or from a file name's extension.
 * Languages are the short ids SourceFile.language uses: `hcl`, `ts`, `js`, `py`, `json`, `yaml`, ...
 */

/** Info-string words (lower case) → language. */
const FENCE_LANGUAGES: Record<string, string> = {
  hcl: 'hcl',
  terraform: 'hcl',
  tf: 'hcl',
  tfvars: 'hcl',
  typescript: 'ts',
  ts: 'ts',
  tsx: 'ts',
  javascript: 'js',
  js: 'js',
  jsx: 'js',
  mjs: 'js',
  cjs: 'js',
  node: 'js',
  python: 'py',
  py: 'py',
  python3: 'py',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  markdown: 'markdown',
  md: 'markdown',
};

/** Fences that hold commands, transcripts or prose, not files. */
const NON_FILE_FENCES = new Set([
  'sh',
  'bash',
  'shell',
  'zsh',
  'console',
  'shell-session',
  'shellsession',
  'terminal',
  'powershell',
  'ps1',
  'pwsh',
  'cmd',
  'bat',
  'batch',
  'text',
  'txt',
  'plaintext',
  'plain',
  'output',
  'log',
  'none',
  'mermaid',
  'diff',
]);

/** Extensions (lower case, no dot) → language. Longest match first is handled by languageForPath. */
const EXTENSION_LANGUAGES: Record<string, string> = {
  tf: 'hcl',
  tfvars: 'hcl',
  hcl: 'hcl',
  ts: 'ts',
  tsx: 'ts',
  mts: 'ts',
  cts: 'ts',
  js: 'js',
  jsx: 'js',
  mjs: 'js',
  cjs: 'js',
  py: 'py',
  json: 'json',
  yaml: 'yaml',
  yml: 'yaml',
  md: 'markdown',
  sh: 'shell',
  txt: 'text',
  toml: 'toml',
  ini: 'ini',
  cfg: 'ini',
};

/** Extensions whose files are code the judge reads: a name with one of these makes even a shell/text fence a file. */
export const CODE_EXTENSIONS = new Set(['tf', 'tfvars', 'hcl', 'ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'py', 'json', 'yaml', 'yml']);

/** Every extension a file name in prose may carry to count as a file name. */
export const FILE_EXTENSIONS = new Set(Object.keys(EXTENSION_LANGUAGES));

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** `lib/main.tf` → `hcl`, `lib/tap-stack.ts` → `ts`, `lib/lambda/index.py` → `py`; unknown → `text`. */
export function languageForPath(path: string): string {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tf.json')) return 'json';
  return EXTENSION_LANGUAGES[extensionOf(lower)] ?? 'text';
}

export interface FenceLanguage {
  /** The first word of the info string, lower case ('' when none). */
  word: string;
  /** Mapped language, or undefined when unknown or absent. */
  language?: string;
  /** The fence declares commands, output or plain text. */
  nonFile: boolean;
}

export function fenceLanguage(lang: string | null | undefined): FenceLanguage {
  // Info strings look like `hcl`, `typescript title="x"`, `{.hcl}`, `HCL`.
  const word = (lang ?? '').trim().split(/[\s{},]/)[0]?.replace(/^\./, '').toLowerCase() ?? '';
  return { word, language: FENCE_LANGUAGES[word], nonFile: NON_FILE_FENCES.has(word) };
}

/** Language families that may label the same file: a `typescript` fence may hold `index.js`. */
function family(language: string): string {
  if (language === 'ts' || language === 'js') return 'script';
  return language;
}

/** True when a fence language and a file-name language cannot describe the same block. */
export function languagesConflict(fence: string | undefined, fromName: string): boolean {
  if (!fence || fromName === 'text') return false;
  return family(fence) !== family(fromName);
}
