import type { Rule } from '../types.js';
import { blockAddress } from '../../model/query.js';
import { envVariablesRead, resourceVariablesReadWithEmptyDefault, functionEnvironmentKeys, functionsWithCode } from '../util/b-handler.js';

export const rule: Rule = {
  meta: {
    id: 'lambda-env-var-not-set',
    category: 'application-code',
    severity: 'high',
    fixClass: 'A',
    title: 'Handler reads environment variables the function does not set',
    rootCause:
      'Models write the handler and the Terraform function separately and the two drift: the code reads `os.environ["TABLE_NAME"]` or `process.env.TOPIC_ARN`, the function\'s `environment.variables` never defines it.',
    fix: 'Set every variable the handler reads in `environment { variables = {...} }`, pointing at the resources it needs.',
    fixExample: `resource "aws_lambda_function" "processor" {
  # ...
  environment {
    variables = {
      TABLE_NAME    = aws_dynamodb_table.items.name
      SNS_TOPIC_ARN = aws_sns_topic.alerts.arn
    }
  }
}`,
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html',
    knowledgeGap: 'Handler code and function configuration must agree on environment variable names.',
    impact: 'The function fails at runtime (KeyError / undefined) on its first invocation.',
  },
  check(ctx) {
    for (const { fn, files } of functionsWithCode(ctx.config, ctx.task)) {
      const keys = functionEnvironmentKeys(fn);
      if (!keys) continue;
      const read = [...new Set(files.flatMap((f) => envVariablesRead(f.content)))].sort();
      const missing = read.filter((n) => !keys.has(n));
      const skipped = [...new Set(files.flatMap((f) => resourceVariablesReadWithEmptyDefault(f.content)))].sort().filter((n) => !keys.has(n) && !missing.includes(n));
      if (!missing.length && !skipped.length) continue;
      const list = (names: string[]) => `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}`;
      const parts = [
        ...(missing.length ? [`reads ${list(missing)}, which its environment does not define`] : []),
        ...(skipped.length ? [`${missing.length ? 'and ' : ''}reads ${list(skipped)} with an empty fallback and no value set, so what ${skipped.length === 1 ? 'that resource is' : 'those resources are'} for silently never happens`] : []),
      ];
      ctx.report({ block: fn, message: `${blockAddress(fn)}'s code ${parts.join(' ')}.` });
    }
  },
};
