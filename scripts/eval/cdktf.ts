/**
 * Evaluates the CDKTF front-end over the dev corpus: how many construct instantiations it finds in MODEL and IDEAL
 * responses, which share of provider classes map to a Terraform type the schema knows, the unmapped class names,
 * crashes (must be 0) and time. Reads ../shared/corpus/dev/cdktf-ts; exits 0 with a message when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeCdktf } from '../../src/cdktf/index.js';
import { extractResponse } from '../../src/extract/index.js';
import { walkExpr, allAttributes } from '../../src/model/query.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/dev/cdktf-ts');

if (!existsSync(corpus)) {
  console.log(`eval:cdktf: corpus not found at ${corpus}; nothing to evaluate.`);
  process.exit(0);
}

const started = Date.now();
let tasks = 0;
let responses = 0;
let providerCalls = 0;
let mapped = 0;
let coreCalls = 0;
let projectCalls = 0;
let crashes = 0;
let syntaxErrors = 0;
let blocks = 0;
let exprNodes = 0;
let opaqueNodes = 0;
const unmapped = new Map<string, number>();
const crashList: string[] = [];

for (const task of readdirSync(corpus).sort()) {
  const lib = path.join(corpus, task, 'lib');
  if (!existsSync(lib)) continue;
  tasks++;
  for (const doc of ['MODEL_RESPONSE.md', 'IDEAL_RESPONSE.md']) {
    const file = path.join(lib, doc);
    if (!existsSync(file)) continue;
    responses++;
    try {
      const extracted = extractResponse(readFileSync(file, 'utf8'), `lib/${doc}`);
      const { config, constructs } = analyzeCdktf(extracted.files);
      for (const d of config.diagnostics) {
        if (/analysis failed|could not read construct/.test(d.message)) {
          crashes++;
          crashList.push(`${task}/${doc}: ${d.message}`);
        } else if (d.message.startsWith('TypeScript syntax error')) syntaxErrors++;
      }
      for (const c of constructs) {
        if (c.fromProvider) {
          providerCalls++;
          if (c.confidence !== 'guess') mapped++;
          else unmapped.set(`${c.className} (${c.tfType ?? '?'})`, (unmapped.get(`${c.className} (${c.tfType ?? '?'})`) ?? 0) + 1);
        } else if (c.role === 'project-class') projectCalls++;
        else coreCalls++;
      }
      blocks += config.blocks.length;
      for (const b of config.blocks) {
        for (const { attribute } of allAttributes(b)) {
          walkExpr(attribute.expr, (e) => {
            exprNodes++;
            if (e.kind === 'opaque') opaqueNodes++;
          });
        }
      }
    } catch (err) {
      crashes++;
      crashList.push(`${task}/${doc}: ${(err as Error).stack ?? String(err)}`);
    }
  }
}

const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(2) : '0.00') + '%';
console.log(`tasks:                      ${tasks}`);
console.log(`responses:                  ${responses}`);
console.log(`construct calls found:      ${providerCalls + coreCalls} (provider classes ${providerCalls}, cdktf core ${coreCalls}); project-class instantiations ${projectCalls}`);
console.log(`provider classes mapped:    ${mapped}/${providerCalls} = ${pct(mapped, providerCalls)} (goal ≥ 97%; schema-verified, or module path of a provider without bundled schema)`);
console.log(`blocks:                     ${blocks}`);
console.log(`opaque expression nodes:    ${opaqueNodes}/${exprNodes} = ${pct(opaqueNodes, exprNodes)}`);
console.log(`files with syntax errors:   ${syntaxErrors} diagnostics`);
console.log(`crashes:                    ${crashes}`);
for (const c of crashList.slice(0, 10)) console.log(`  ${c}`);
console.log('unmapped class names by frequency:');
for (const [name, n] of [...unmapped.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 40)) {
  console.log(`  ${String(n).padStart(4)}  ${name}`);
}
console.log(`time:                       ${((Date.now() - started) / 1000).toFixed(1)}s`);
