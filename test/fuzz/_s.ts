import { pumpSpecs, pumped, regexLiterals } from './regex-inventory.js';
const best = (re: RegExp, s: string, k: number) => { let b = Infinity; for (let i = 0; i < k; i++) { const t = performance.now(); re.exec(s); b = Math.min(b, performance.now() - t); } return b; };
export function verdict(re: RegExp, cap: number): string | undefined {
  const specs = pumpSpecs(re.source, re.flags, cap);
  for (const spec of specs) {
    const probe = pumped(spec, 22);
    if (best(re, probe, 1) > 8 && best(re, probe, 3) > 8) return 'exponential ' + JSON.stringify(probe.slice(0, 30));
  }
  for (const spec of specs) {
    const s512 = pumped(spec, 512);
    if (best(re, s512, 1) > 50) return 'slow@512 ' + JSON.stringify(s512.slice(0, 30));
    const s2k = pumped(spec, 2048);
    const t2 = best(re, s2k, 1);
    if (t2 < 0.3) continue;
    if (t2 > 50) return 'slow@2048 ' + JSON.stringify(s2k.slice(0, 30));
    const t2b = best(re, s2k, 3);
    if (t2b < 0.3) continue;
    const t8 = best(re, pumped(spec, 8192), 2);
    if (t8 > 8 && t8 > 6 * t2b) return `superlinear ${t2b.toFixed(1)}->${t8.toFixed(1)} ` + JSON.stringify(s2k.slice(0, 30));
  }
  return undefined;
}
const bad = [/([A-Z]+)([A-Z][a-z])/, /(#|\/\/|\/\*)[^\n]*(\.\.\.|…)/, /\s+$/, /\[[^\]]*\]$/, /\/+$/, /\.([a-z.]+)$/i, /\s+#.*$|\s+\/\/.*$/, /\([^)]*\)/, /\s+#.*$|^\s*#.*$|\s*\/\/.*$/, /^\*$|Resource\s*[:=]\s*\[?\s*["']\*|Action\s*[:=]\s*\[?\s*["'][a-z0-9]*:?\*/i, /[:\s]+$/, /(?:impact level|severity|priority|impact)\**\s*[:|-]\s*\**\s*([A-Za-z]+)/i, /^(#{1,6})\s+(.+?)\s*#*\s*$/, /^(?:(?:critical|high|medium|low|major|minor|moderate|severe|significant)(?:[- ](?:priority|severity|impact|level))?|category [a-d]\b)[^a-z]*(?:\w+\s*){0,3}$/i, /\bservice principal\b.*\bkms\b|\bkms\b.*\bservice principal\b/i, /^\*\*(?:\d+[.)]\s*)?([^*]{3,160})\*\*\s*:?\s*$/, /^\s*\.\.\.\s*$/m, /[ \t]*$/, /^(a+)+$/];
const cap = Number(process.argv[2] ?? 40);
for (const re of bad) console.log(verdict(re, cap) ?? 'MISSED', re.source.slice(0, 50));
const { sites } = regexLiterals('/work/main');
const uniq = new Map<string, typeof sites[0]>(); for (const s of sites) uniq.set(s.source + '/' + s.flags, s);
const t = performance.now(); const found: string[] = [];
for (const s of uniq.values()) { const v = verdict(new RegExp(s.source, s.flags.replace(/[gy]/g, '')), cap); if (v) found.push(s.where + ' ' + v); }
console.log('sweep', uniq.size, (performance.now() - t).toFixed(0), 'ms'); console.log(found.join('\n'));
