import { appendFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseFailureAnalysis } from '../../src/verify/parse.js';
import { classifyClaim } from '../../src/verify/classify.js';
import { categoryInfo } from '../../src/taxonomy/categories.js';
import { corpusTasks, parseFlags, recordedQuality } from './corpus-tasks.js';
const out = '/tmp/sfc/claims.jsonl';
for (const t of corpusTasks(parseFlags())) {
  const recorded = recordedQuality(t.path);
  if (recorded === null) continue;
  const p = join(t.path, 'lib/MODEL_FAILURES.md');
  const text = existsSync(p) ? readFileSync(p, 'utf8') : '';
  const claims = text ? parseFailureAnalysis(text) : [];
  const rows = claims.map((c) => { const k = classifyClaim(c); return { title: c.title.slice(0, 100), sev: c.severity, cat: k.category, cls: k.category ? categoryInfo(k.category).fixClass : null, claimed: c.claimedCategory, snippets: c.snippets.length }; });
  appendFileSync(out, JSON.stringify({ task: t.key, recorded, claims: rows }) + '\n');
}
