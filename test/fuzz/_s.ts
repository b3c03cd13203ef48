import { pumpedInputs } from './regex-inventory.js';
const bad = [/([A-Z]+)([A-Z][a-z])/, /(#|\/\/|\/\*)[^\n]*(\.\.\.|…)/, /\s+$/, /\[[^\]]*\]$/, /\/+$/, /\.([a-z.]+)$/i, /\s+#.*$|\s+\/\/.*$/, /\([^)]*\)/, /\s+#.*$|^\s*#.*$|\s*\/\/.*$/, /^\*$|Resource\s*[:=]\s*\[?\s*["']\*|Action\s*[:=]\s*\[?\s*["'][a-z0-9]*:?\*/i, /[:\s]+$/, /(?:impact level|severity|priority|impact)\**\s*[:|-]\s*\**\s*([A-Za-z]+)/i, /^(#{1,6})\s+(.+?)\s*#*\s*$/, /^(?:(?:critical|high|medium|low|major|minor|moderate|severe|significant)(?:[- ](?:priority|severity|impact|level))?|category [a-d]\b)[^a-z]*(?:\w+\s*){0,3}$/i, /\bservice principal\b.*\bkms\b|\bkms\b.*\bservice principal\b/i, /^\*\*(?:\d+[.)]\s*)?([^*]{3,160})\*\*\s*:?\s*$/, /^\s*\.\.\.\s*$/m, /[ \t]*$/];
const best = (re: RegExp, s: string, k: number) => { let b = Infinity; for (let i = 0; i < k; i++) { const t = performance.now(); re.exec(s); b = Math.min(b, performance.now() - t); } return b; };
for (const re of bad) {
  let found = '';
  for (const p of pumpedInputs(re.source, 22, 40)) if (best(re, p, 1) > 8 && best(re, p, 3) > 8) { found = 'exp'; break; }
  if (!found) for (const i of pumpedInputs(re.source, 2048, 40)) if (best(re, i, 1) > 8 && best(re, i, 3) > 8) { found = 'poly ' + JSON.stringify(i.slice(0, 20)); break; }
  console.log(found || 'MISSED', re.source.slice(0, 60));
}
