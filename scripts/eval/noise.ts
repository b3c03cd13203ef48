/**
 * `npm run eval:noise`: runs every rule over every MODEL and IDEAL response of the dev corpus and prints, per rule,
 * the share of responses with at least one finding. A rule that fires on most ideals (accepted, corrected code)
 * is noise; > 90% is flagged.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration, SourceFile } from '../../src/model/types.js';
import { extractResponse } from '../../src/extract/index.js';
import { parseHclFiles } from '../../src/hcl/index.js';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { syntheticTask } from './corpus-tasks.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const corpus = resolve(repoRoot, '../shared/corpus/dev');
const NOISE_THRESHOLD = 0.9;

type Parser = (files: SourceFile[]) => Configuration;

async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`eval:noise: corpus not found at ${corpus}; nothing to evaluate.`);
    return;
  }
  const hcl = { parseHclFiles: parseHclFiles as Parser };
  const cdktf = { parseCdktfFiles: parseCdktfFiles as Parser };
  const parsers: Record<string, Parser | undefined> = { 'tf-hcl': hcl?.parseHclFiles, 'cdktf-ts': cdktf?.parseCdktfFiles };
  const filter = process.argv[2];
  const counts = new Map<string, { model: number; ideal: number }>(ALL_RULES.map((r) => [r.meta.id, { model: 0, ideal: 0 }]));
  const totals = { model: 0, ideal: 0 };
  const crashes = new Map<string, number>();
  for (const platform of Object.keys(parsers).sort()) {
    const parse = parsers[platform];
    const root = join(corpus, platform);
    if (!parse || !existsSync(root)) {
      console.log(`(${platform}: front-end not available, skipped)`);
      continue;
    }
    for (const name of readdirSync(root).sort()) {
      if (filter && !`${platform}/${name}`.includes(filter)) continue;
      const lib = join(root, name, 'lib');
      const prompt = existsSync(join(lib, 'PROMPT.md')) ? readFileSync(join(lib, 'PROMPT.md'), 'utf8') : null;
      for (const which of ['model', 'ideal'] as const) {
        const md = join(lib, which === 'model' ? 'MODEL_RESPONSE.md' : 'IDEAL_RESPONSE.md');
        if (!existsSync(md)) continue;
        let config: Configuration;
        let files: SourceFile[];
        try {
          files = extractResponse(readFileSync(md, 'utf8'), `lib/${which === 'model' ? 'MODEL_RESPONSE' : 'IDEAL_RESPONSE'}.md`).files;
          config = parse(files);
        } catch (err) {
          crashes.set(`parse`, (crashes.get('parse') ?? 0) + 1);
          void err;
          continue;
        }
        totals[which]++;
        const { findings, warnings } = runRulesDetailed(ALL_RULES, config, syntheticTask(platform, prompt, null, files, `${platform}/${name}`, { withModel: false }), DEFAULT_CONVENTIONS);
        for (const w of warnings) {
          const id = /^rule (\S+) failed/.exec(w)?.[1] ?? 'unknown';
          crashes.set(id, (crashes.get(id) ?? 0) + 1);
        }
        for (const id of new Set(findings.map((f) => f.ruleId))) {
          const c = counts.get(id);
          if (c) c[which]++;
        }
      }
    }
  }
  const pct = (n: number, d: number): string => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`.padStart(6);
  console.log(`responses: ${totals.model} model, ${totals.ideal} ideal\n`);
  console.log(`${'rule'.padEnd(40)} ${'model'.padStart(6)} ${'ideal'.padStart(6)}  note`);
  for (const r of ALL_RULES) {
    const c = counts.get(r.meta.id)!;
    const idealRate = c.ideal / Math.max(1, totals.ideal);
    const note = idealRate > NOISE_THRESHOLD ? 'NOISY (>90% of ideals)' : c.model < c.ideal ? 'fires more on ideals' : '';
    console.log(`${r.meta.id.padEnd(40)} ${pct(c.model, totals.model)} ${pct(c.ideal, totals.ideal)}  ${note}`);
  }
  if (crashes.size) console.log(`\ncrashes: ${[...crashes].map(([k, v]) => `${k}=${v}`).join(', ')}`);
}

await main();
