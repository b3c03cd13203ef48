/**
 * Finds file names in markdown text (headings, labels, sentences) and in a code block's first comment line.
 * Tokenizing first and testing each short token keeps the matching linear on any input.
 */
import { FILE_EXTENSIONS, extensionOf } from './languages.js';

/** Product names spelled like file names (`Node.js`); never files. */
const NOT_FILES = new Set([
  'node.js',
  'next.js',
  'nuxt.js',
  'vue.js',
  'react.js',
  'express.js',
  'nest.js',
  'chart.js',
  'three.js',
  'd3.js',
  'angular.js',
  'ember.js',
  'backbone.js',
  'deno.js',
  'socket.io',
]);

const MAX_TOKEN = 300;

/** Characters that end a token in prose: whitespace, quotes, brackets, emphasis and list punctuation. */
const TOKEN_BREAK = /[\s`"'<>()[\]{},;|]+/;

/** Punctuation that may trail a file name in a sentence (`see main.tf.`, `main.tf:`). */
function trimTrailing(token: string): string {
  let end = token.length;
  while (end > 0 && '.:!?*'.includes(token[end - 1] ?? '')) end--;
  let start = 0;
  while (start < end && token[start] === '*') start++;
  return token.slice(start, end);
}

/**
 * True when a token looks like a file name: a known extension and a non-empty stem. With `anyExtension`
 * (a token standing alone as a label, heading or comment) any short lower-case extension counts
 * (`terraform.tfvars.example`, `lambda.zip`).
 */
export function isFileName(token: string, anyExtension = false): boolean {
  if (token.length === 0 || token.length > MAX_TOKEN) return false;
  if (NOT_FILES.has(token.toLowerCase())) return false;
  // Globs (`lib/environments/*/backend.tf`) name many files, not this one.
  if (token.includes('*') || token.includes('?')) return false;
  const ext = extensionOf(token);
  if (!ext) return false;
  const known = FILE_EXTENSIONS.has(ext);
  if (!known && !(anyExtension && /^[a-z][a-z0-9]{1,9}$/.test(token.slice(token.length - ext.length)))) return false;
  const base = token.slice(token.lastIndexOf('/') + 1);
  // A dot-file without stem (`.tf`) or a version-like token (`1.5.ts`) is not a name.
  const stem = base.slice(0, base.length - ext.length - 1);
  return stem.length > 0 && /[A-Za-z_]/.test(stem);
}

/** File names in a piece of prose, in order, without repeats. */
export function fileNamesIn(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(TOKEN_BREAK)) {
    const token = trimTrailing(raw);
    if (isFileName(token) && !out.includes(token)) out.push(token);
  }
  return out;
}

/** Strips `File:`, `Filename:`, `Path:` and numbering (`File 2:`, `1.`, `Step 3 -`) in front of a name. */
function stripLabelPrefix(text: string): string {
  let t = text.trim();
  t = t.replace(/^(?:step\s+)?\d{1,3}[.):]?\s+/i, '');
  t = t.replace(/^(?:new\s+|updated\s+)?(?:file|filename|file name|path|name)(?:\s+\d{1,3})?\s*[:\-–—]\s*/i, '');
  return t.trim();
}

/**
 * When a paragraph or heading is nothing but a file name (`**variables.tf**`, `` `lib/x.ts`: ``, `File: main.tf`,
 * `1. main.tf`), that name; else undefined.
 */
export function labelName(text: string): string | undefined {
  if (text.length > MAX_TOKEN) return undefined;
  const t = trimTrailing(stripLabelPrefix(text)).replace(/^[`*_"']+|[`*_"']+$/g, '');
  const trimmed = trimTrailing(t.trim());
  return isFileName(trimmed, true) && !/\s/.test(trimmed) ? trimmed : undefined;
}

/** A line that is only decoration: `# =====`, `// -----`, `/*****`. */
function isBanner(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && /^[#/*=\-_~+ ]+$/.test(t) && !/[A-Za-z0-9]/.test(t);
}

const COMMENT_OPEN = /^(?:#|\/\/|\/\*+|--|;|<!--)\s*/;

/**
 * Name given in a comment at the top of a block: `# main.tf`, `// lib/tap-stack.ts`, `/* file: x.ts *\/`,
 * `# File: lib/x.tf`, `# main.tf - description`. Looks past decoration lines (up to three lines).
 */
export function commentName(content: string): string | undefined {
  let seen = 0;
  for (const rawLine of content.split('\n', 8)) {
    // Names sit at the start of short lines; the cap keeps every pattern below cheap on hostile input.
    const line = rawLine.slice(0, MAX_TOKEN).replace(/\r$/, '').trim();
    if (line === '') continue;
    if (++seen > 3) return undefined;
    if (isBanner(line)) continue;
    const open = COMMENT_OPEN.exec(line);
    if (!open) return undefined;
    let body = line.slice(open[0].length);
    body = body.replace(/\s*(?:\*+\/|-->)\s*$/, '');
    // Decoration glued to the name: `# =====# main.tf`.
    body = body.replace(/^[=\-*#~_ ]+/, '');
    body = stripLabelPrefix(body);
    const first = body.split(/\s/, 1)[0] ?? '';
    const token = trimTrailing(first.replace(/^[`'"]+|[`'"]+$/g, ''));
    if (!isFileName(token, true)) return undefined;
    // After the name only a description separator may follow, never more words of a sentence.
    const rest = body.slice(first.length).trim();
    if (rest === '' || /^[-–—:(|]/.test(rest)) return token;
    return undefined;
  }
  return undefined;
}
