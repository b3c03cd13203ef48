// Lists every regular expression literal (and `new RegExp` call) in src/, with its location, by reading the
// sources with the TypeScript compiler API; the ReDoS sweep runs each against pumped adversarial strings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface RegexSite {
  /** `src/x/y.ts:12`. */
  where: string;
  source: string;
  flags: string;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export function regexLiterals(root: string): { sites: RegexSite[]; dynamic: string[] } {
  const sites: RegexSite[] = [];
  const dynamic: string[] = [];
  for (const file of tsFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const rel = relative(root, file).split('\\').join('/');
    const visit = (n: ts.Node): void => {
      const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = (n as ts.RegularExpressionLiteral).text;
        const close = lit.lastIndexOf('/');
        sites.push({ where: `${rel}:${line}`, source: lit.slice(1, close), flags: lit.slice(close + 1) });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
        dynamic.push(`${rel}:${line}`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { sites, dynamic };
}

/** A character a regex atom matches (a guess that is good enough to pump it). */
function classSample(body: string, negated: boolean): string[] {
  if (negated) {
    return ['a', ' ', '-', '0', '\n', '"', '`'].filter((c) => {
      try {
        return new RegExp(`[^${body}]`).test(c);
      } catch {
        return false;
      }
    }).slice(0, 2);
  }
  const out: string[] = [];
  for (const c of ['a', ' ', '0', '-', '.', '_', '/', '"', '`', '*', '#', ':', '$', '{', '\\', '\t', '\n', 'A', '=', ',', '(', '[', '|', '~', '@']) {
    try {
      if (new RegExp(`[${body}]`).test(c)) out.push(c);
    } catch {
      return out;
    }
    if (out.length >= 2) break;
  }
  return out;
}

interface Atom {
  /** Characters the atom matches. */
  samples: string[];
  /** Index of the first atom of the alternative this one is in (after the last `|` or `(`). */
  branch: number;
}

/**
 * Splits a regex source into atoms, each with sample characters it matches: literal characters, escapes,
 * classes, `.`. Groups, anchors and quantifiers are skipped: the pumps are built from what can repeat.
 */
export function regexAtoms(source: string): Atom[] {
  const atoms: Atom[] = [];
  let branch = 0;
  const push = (samples: string[]): void => {
    atoms.push({ samples, branch });
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      i++;
      const map: Record<string, string[]> = { s: [' ', '\t'], d: ['1'], w: ['a', '_'], S: ['a'], W: ['-', ' '], D: ['a'], n: ['\n'], r: ['\r'], t: ['\t'] };
      if (e === 'b' || e === 'B') continue;
      if (e === 'u' || e === 'x') {
        const m = /^(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))/.exec(source.slice(i));
        if (m) {
          push([String.fromCodePoint(parseInt(m[1] ?? m[2] ?? m[3]!, 16))]);
          i += m[0].length - 1;
          continue;
        }
      }
      if (/[1-9]/.test(e)) continue;
      push(map[e] ?? [e]);
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      const negated = source[j] === '^';
      if (negated) j++;
      let body = '';
      if (source[j] === ']') body += source[j++];
      while (j < source.length && source[j] !== ']') {
        if (source[j] === '\\') body += source[j++];
        body += source[j++];
      }
      i = j;
      const samples = classSample(body, negated);
      if (samples.length) push(samples);
      continue;
    }
    if (c === '.') {
      push(['a', ' ']);
      continue;
    }
    if (c === '(' || c === '|') {
      branch = atoms.length;
      if (c === '(' && source[i + 1] === '?') {
        const m = /^\(\?(?:<[A-Za-z_$][\w$]*>|<=|<!|[:=!])/.exec(source.slice(i));
        if (m) i += m[0].length - 1;
      }
      continue;
    }
    if (c === '{') {
      const m = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i));
      if (m) {
        i += m[0].length - 1;
        continue;
      }
    }
    if ('^$)?*+'.includes(c)) continue;
    push([c]);
  }
  return atoms;
}

/** One adversarial input shape: `prefix + unit × n + tail`. */
export interface PumpSpec {
  prefix: string;
  unit: string;
  tail: string;
}

export function pumped(spec: PumpSpec, reps: number): string {
  return spec.prefix + spec.unit.repeat(Math.max(1, Math.ceil(reps / spec.unit.length))) + spec.tail;
}

/**
 * Adversarial input shapes for one regex: a prefix reaching an atom (all atoms before it, or those of its own
 * alternative), that atom, atom pair or atom run pumped, then a tail that fails most patterns (`\n` stops `.`,
 * NUL stops classes; under the m flag `$` matches before `\n`, so the tail is NUL alone). `maxPumps` keeps the
 * first pumps in priority order (single atoms at each position, pairs, runs), for a quick sweep.
 */
export function pumpSpecs(source: string, flags = '', maxPumps = Infinity): PumpSpec[] {
  const atoms = regexAtoms(source);
  const firsts = atoms.map((a) => a.samples[0]!);
  const singles: [string, number][] = [];
  const pairs: [string, number][] = [];
  const runs: [string, number][] = [];
  atoms.forEach((a, i) => {
    for (const s of a.samples) singles.push([s, i]);
    const next = atoms[i + 1];
    if (next) for (const s of a.samples) for (const t of next.samples) pairs.push([s + t, i]);
    // Words and operators: a run of atoms pumped whole, with and without a separator (`kms kms kms`).
    for (let len = 3; len <= 12 && i + len <= atoms.length; len += 3) {
      const run = firsts.slice(i, i + len).join('');
      runs.push([run, i], [`${run} `, i]);
    }
  });
  // Line starts, for `^...` under the m flag.
  singles.push(['\n', 0], [' \n', 0]);
  const tail = flags.includes('m') ? '\u0000' : '\n\u0000';
  const out = new Map<string, PumpSpec>();
  let taken = 0;
  // Letters of literal words rarely pump anything: whitespace, punctuation and class samples go first.
  const wordy = (u: string): boolean => /^[A-Za-z0-9]$/.test(u);
  const ordered = [...singles.filter(([u]) => !wordy(u)), ...singles.filter(([u]) => wordy(u)), ...pairs, ...runs];
  for (const [unit, at] of ordered) {
    if (taken >= maxPumps) break;
    const before = out.size;
    for (const prefix of new Set([firsts.slice(atoms[at]?.branch ?? 0, at).join(''), firsts.slice(0, at).join('')])) {
      const key = `${prefix}\u0001${unit}`;
      if (!out.has(key)) out.set(key, { prefix, unit, tail });
    }
    if (out.size > before) taken++;
  }
  return [...out.values()];
}

/** The inputs of `pumpSpecs`, built at `reps` repetitions. */
export function pumpedInputs(source: string, reps: number, maxPumps = Infinity, flags = ''): string[] {
  return pumpSpecs(source, flags, maxPumps).map((spec) => pumped(spec, reps));
}
