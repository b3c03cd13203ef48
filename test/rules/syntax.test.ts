import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTask } from './helpers.js';
import { rule } from '../../src/rules/syntax/response-truncated.js';
import { extractResponse } from '../../src/extract/index.js';
import { parseHclFiles } from '../../src/hcl/index.js';
import { runRulesDetailed } from '../../src/rules/engine.js';
import { DEFAULT_CONVENTIONS } from '../../src/contracts/conventions.js';

function findings(markdown: string) {
  const model = extractResponse(markdown, 'lib/MODEL_RESPONSE.md');
  return runRulesDetailed([rule], parseHclFiles(model.files), makeTask({ modelResponse: model }), DEFAULT_CONVENTIONS).findings;
}

const HEAD = '## main.tf\n\n```hcl\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({\n';

test('response-truncated: a response that stops inside a block is one critical blocker at the cut', () => {
  const f = findings(HEAD);
  assert.equal(f.length, 1);
  assert.equal(f[0]!.severity, 'critical');
  assert.equal(f[0]!.resource, 'aws_iam_policy.p');
  assert.deepEqual(f[0]!.location, { file: 'lib/main.tf', line: 6 });
  assert.match(f[0]!.message, /stops at lib\/MODEL_RESPONSE\.md:9 inside 3 unclosed brackets in `aws_iam_policy\.p`/);
});

test('response-truncated: a complete response, or one that only lost its closing fence, is not cut', () => {
  assert.equal(findings(`${HEAD}    Version = "2012-10-17"\n  })\n}\n\`\`\`\n`).length, 0);
  assert.equal(findings(`${HEAD}    Version = "2012-10-17"\n  })\n}\n`).length, 0);
  // The rule reads the response its configuration came from: the ideal's configuration never reports the model's cut.
  const model = extractResponse(HEAD, 'lib/MODEL_RESPONSE.md');
  const ideal = extractResponse('## main.tf\n\n```hcl\nresource "aws_sqs_queue" "q" {}\n```\n', 'lib/IDEAL_RESPONSE.md');
  const onIdeal = runRulesDetailed([rule], parseHclFiles(ideal.files), makeTask({ modelResponse: model, idealResponse: ideal }), DEFAULT_CONVENTIONS);
  assert.equal(onIdeal.findings.length, 0);
});
