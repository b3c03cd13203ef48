/**
 * `tsx scripts/eval/rule-probe.ts <rule-id> [platform]`: every finding of one rule on the dev corpus' model and
 * ideal responses, one line each, so a new or changed check is read against real code before it lands.
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

const corpus = resolve(fileURLToPath(import.meta.url), '../../../../shared/corpus/dev');
const [ruleId, only] = process.argv.slice(2);
const rule = ALL_RULES.find((r) => r.meta.id === ruleId);
if (!rule || !existsSync(corpus)) {
  console.log(!rule ? `unknown rule ${ruleId}` : `corpus not found at ${corpus}`);
  process.exit(rule ? 0 : 2);
}
const parsers: Record<string, (f: SourceFile[]) => Configuration> = { 'tf-hcl': parseHclFiles, 'cdktf-ts': parseCdktfFiles };
const tally = { model: 0, ideal: 0 };
for (const platform of Object.keys(parsers).filter((p) => !only || p === only)) {
  const root = join(corpus, platform);
  for (const name of readdirSync(root).sort()) {
    const lib = join(root, name, 'lib');
    const prompt = existsSync(join(lib, 'PROMPT.md')) ? readFileSync(join(lib, 'PROMPT.md'), 'utf8') : null;
    for (const which of ['model', 'ideal'] as const) {
      const md = join(lib, which === 'model' ? 'MODEL_RESPONSE.md' : 'IDEAL_RESPONSE.md');
      if (!existsSync(md)) continue;
      try {
        const files = extractResponse(readFileSync(md, 'utf8'), `lib/${which === 'model' ? 'MODEL_RESPONSE' : 'IDEAL_RESPONSE'}.md`).files;
        const config = parsers[platform]!(files);
        const { findings } = runRulesDetailed([rule], config, syntheticTask(platform, prompt, null, files, `${platform}/${name}`, { withModel: false }), DEFAULT_CONVENTIONS);
        if (findings.length) tally[which] += 1;
        for (const f of findings) console.log(`${which.padEnd(5)} ${platform}/${name} ${f.resource ?? ''} ${f.location.file}:${f.location.line} ${f.message.slice(0, 160)}`);
      } catch {
        // an unparsable response says nothing about the rule
      }
    }
  }
}
console.log(`\n${ruleId}: ${tally.model} model responses, ${tally.ideal} ideal responses with a finding`);
