/**
 * `npm run eval:seeds`: runs the rule catalog (and the schema stage, when present) on the model responses of
 * three seed tasks and checks, per failure the reviewers documented, whether a finding of the expected category
 * was reported. The expectation lists below are the evaluation's ground truth (titles paraphrased).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration, SourceFile } from '../../src/model/types.js';
import type { Finding } from '../../src/findings/types.js';
import type { Stage, PipelineContext } from '../../src/contracts/pipeline.js';
import { extractResponse } from '../../src/extract/index.js';
import { parseHclFiles } from '../../src/hcl/index.js';
import { parseCdktfFiles } from '../../src/cdktf/index.js';
import { schemaStage } from '../../src/schema/stage.js';
import { syntheticTask } from './corpus-tasks.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { runRules } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';
import { analyzeTask } from '../../src/pipeline/run.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const corpus = resolve(repoRoot, '../shared/corpus/dev');

interface Expected {
  title: string;
  /** Any of these categories counts as found. */
  categories: string[];
}

const SEEDS: { task: string; expected: Expected[] }[] = [
  {
    task: 'tf-hcl/Pr4693',
    expected: [
      { title: 'provider blocks in main.tf', categories: ['file-layout'] },
      { title: 'no environment_suffix, names from project/environment', categories: ['naming'] },
      { title: 'S3 bucket without public access block', categories: ['public-exposure'] },
      { title: 'Lambda source outside lib/lambda', categories: ['file-layout'] },
      { title: 'required variables without defaults', categories: ['required-input'] },
      { title: 'DynamoDB provisioned + autoscaling instead of on-demand global table', categories: ['lifecycle-cost', 'misconfiguration'] },
      { title: 'IAM policies with wildcards', categories: ['iam-least-privilege'] },
      { title: 'Route53 not conditional', categories: ['optional-feature'] },
      { title: 'log groups without retention', categories: ['logging'] },
      { title: 'X-Ray enabled but no SDK in handler', categories: ['application-code'] },
      { title: 'incomplete CORS (no OPTIONS methods)', categories: ['misconfiguration'] },
      { title: 'basic dashboard', categories: ['monitoring'] },
    ],
  },
  {
    task: 'tf-hcl/Pr7548',
    expected: [
      { title: 'Step Functions role lacks log-delivery permissions', categories: ['iam-missing-permission'] },
      { title: 'provider constraint ~> 5.0 vs lock 6.x', categories: ['provider-version'] },
      { title: 'local backend', categories: ['backend'] },
      { title: 'provider/terraform blocks in main.tf', categories: ['file-layout'] },
      { title: 'hard-coded word in a Name tag', categories: ['naming'] },
      { title: 'unneeded Lambda service statement in key policy', categories: ['key-policy'] },
    ],
  },
  {
    task: 'cdktf-ts/Pr5673',
    expected: [
      { title: 'serverSideEncryption as array instead of object', categories: ['schema'] },
      { title: 'API Gateway method with httpMethod "*"', categories: ['schema'] },
      { title: 'Lambda environment encryption not explicit', categories: ['encryption'] },
      { title: 'environment differences undocumented', categories: ['documentation'] },
      { title: 'reserved concurrency vs account quota', categories: ['service-constraint', 'scaling'] },
      { title: 'no Lambda error/duration/throttle alarms', categories: ['monitoring'] },
      { title: 'IAM permissions undocumented', categories: ['documentation', 'iam-least-privilege'] },
      { title: 'no environmentSuffix validation', categories: ['naming', 'misconfiguration'] },
      { title: 'no error-scenario integration tests', categories: ['tests'] },
      { title: 'no PITR / backup strategy', categories: ['backup-recovery'] },
    ],
  },
];

type Parser = (files: SourceFile[]) => Configuration;

async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`eval:seeds: corpus not found at ${corpus}; nothing to evaluate.`);
    return;
  }
  const hcl = { parseHclFiles: parseHclFiles as Parser };
  const cdktf = { parseCdktfFiles: parseCdktfFiles as Parser };
  const schema = { schemaStage: schemaStage as Stage };
  let found = 0;
  let total = 0;
  for (const seed of SEEDS) {
    const dir = join(corpus, seed.task);
    const platform = seed.task.split('/')[0]!;
    const parse = platform === 'tf-hcl' ? hcl?.parseHclFiles : cdktf?.parseCdktfFiles;
    console.log(`\n== ${seed.task}`);
    if (!parse) {
      console.log(`   front-end for ${platform} not available; skipped`);
      total += seed.expected.length;
      continue;
    }
    const markdown = readFileSync(join(dir, 'lib/MODEL_RESPONSE.md'), 'utf8');
    const prompt = existsSync(join(dir, 'lib/PROMPT.md')) ? readFileSync(join(dir, 'lib/PROMPT.md'), 'utf8') : null;
    const metadata = existsSync(join(dir, 'metadata.json')) ? JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) : null;
    const response = extractResponse(markdown, 'lib/MODEL_RESPONSE.md');
    const config = parse(response.files);
    const task = syntheticTask(platform, prompt, metadata, response.files, seed.task);
    const warnings: string[] = [];
    const findings: Finding[] = runRules(ALL_RULES, config, task, DEFAULT_CONVENTIONS, warnings);
    if (schema) {
      const ctx: PipelineContext = { task, options: { conventions: DEFAULT_CONVENTIONS }, model: config, ideal: null, findings: [], notes: [], warnings: [], score: null };
      try {
        schema.schemaStage.run(ctx);
        findings.push(...ctx.findings);
      } catch (err) {
        warnings.push(`schema stage failed: ${(err as Error).message}`);
      }
    }
    const byCategory = new Map<string, Finding[]>();
    for (const f of findings) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
    for (const e of seed.expected) {
      total++;
      const hits = e.categories.flatMap((c) => byCategory.get(c) ?? []);
      if (hits.length) found++;
      const rules = [...new Set(hits.map((h) => h.ruleId))].join(', ');
      console.log(`   ${hits.length ? 'FOUND' : 'miss '}  ${e.title} [${e.categories.join('|')}]${hits.length ? `  ← ${rules}` : ''}`);
    }
    const expectedCats = new Set(seed.expected.flatMap((e) => e.categories));
    const extra = [...byCategory.keys()].filter((c) => !expectedCats.has(c)).sort();
    console.log(`   ${findings.length} findings; categories not in the documented list: ${extra.map((c) => `${c}(${byCategory.get(c)!.length})`).join(', ') || 'none'}`);
    for (const w of warnings) console.log(`   warning: ${w}`);
  }
  console.log(`\nTOTAL: ${found}/${total} documented failures matched by a finding of the expected category (${((100 * found) / Math.max(1, total)).toFixed(0)}%)`);

  // The whole pipeline (rules, schema, diff; the written analysis ignored): is each documented failure in the
  // failure tier, and at which rank, or only among the observations?
  console.log('\n== full analysis (--no-claims): failure tier');
  let inTier = 0;
  let anywhere = 0;
  for (const seed of SEEDS) {
    const result = analyzeTask(join(corpus, seed.task), { claims: false, score: false });
    const tier = result.findings.filter((f) => f.tier === 'failure');
    console.log(`\n   ${seed.task}: failure tier ${tier.length} of ${result.findings.length} findings`);
    for (const e of seed.expected) {
      const inT = tier.filter((f) => e.categories.includes(f.category));
      const any = result.findings.filter((f) => e.categories.includes(f.category));
      if (inT.length) inTier++;
      if (any.length) anywhere++;
      const where = inT.length ? `tier, rank ${inT[0]!.rank} (${inT[0]!.ruleId})` : any.length ? `observation only, rank ${any[0]!.rank} (${any[0]!.ruleId})` : 'not reported';
      console.log(`   ${inT.length ? 'TIER ' : any.length ? 'obs  ' : 'miss '}  ${e.title}: ${where}`);
    }
  }
  console.log(`\nTOTAL (full analysis): ${inTier}/${total} in the failure tier, ${anywhere}/${total} anywhere`);
}

await main();
