import type { Block } from '../../model/types.js';
import { isTerraformConfigPath } from '../../model/paths.js';
import type { Rule } from '../types.js';
import { attrExpr, blockAddress, blocksOfKind, resources } from '../../model/query.js';
import { literalText } from '../util/b-s3.js';
import { blockText } from '../util/b-refs.js';
import { promptMentions } from '../util/b-prompt.js';
import { FLOW_LOG_EXAMPLE } from './requested-logging-missing.js';

const FLOW_PRINCIPAL = 'vpc-flow-logs.amazonaws.com';
const FLOW_NAME = /flow[-_ ]?logs?/i;

export const rule: Rule = {
  meta: {
    id: 'flow-log-scaffolding-without-flow-log',
    category: 'logging',
    severity: 'medium',
    fixClass: 'B',
    title: 'Flow-log role and log group without the flow log itself',
    rootCause:
      'Models write the supporting pieces of VPC flow logs (an IAM role trusted by vpc-flow-logs.amazonaws.com, a "flow-logs" log group) and never declare the `aws_flow_log` that attaches them to the VPC, so no traffic is captured.',
    fix: 'Declare `aws_flow_log` on the VPC with the role and the log group as destination.',
    fixExample: FLOW_LOG_EXAMPLE,
    docs: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/flow_log',
    knowledgeGap: 'VPC flow logs exist only once an aws_flow_log resource ties the VPC to its destination.',
    impact: 'No network traffic is recorded although the configuration looks like it logs: no forensics, failed compliance checks.',
  },
  check(ctx) {
    if (resources(ctx.config, 'aws_flow_log').length) return;
    // Flow logs created inside a module cannot be seen; a module mentioning them counts as present.
    if (blocksOfKind(ctx.config, 'module').some((m) => FLOW_NAME.test(blockText(ctx.config, m)))) return;
    // requested-logging-missing already reports a VPC without flow logs when the task asks for them.
    if (resources(ctx.config, 'aws_vpc').length && promptMentions(ctx, /flow logs?/)) return;
    const evidence: Block[] = [];
    for (const role of resources(ctx.config, 'aws_iam_role')) if (blockText(ctx.config, role).includes(FLOW_PRINCIPAL)) evidence.push(role);
    for (const g of resources(ctx.config, 'aws_cloudwatch_log_group')) if (FLOW_NAME.test(literalText(attrExpr(g, 'name')))) evidence.push(g);
    // CDKTF builds trust policies as objects outside the construct call: the principal anywhere in the stack counts.
    const principalInFiles = ctx.config.files.some((f) => !isTerraformConfigPath(f.path) && f.content.includes(FLOW_PRINCIPAL));
    if (!evidence.length && !principalInFiles) return;
    const at = evidence[0] ?? resources(ctx.config, 'aws_iam_role')[0] ?? resources(ctx.config)[0];
    if (!at) return;
    ctx.report({
      block: at,
      message: `The configuration prepares VPC flow logs (${evidence.length ? evidence.map(blockAddress).slice(0, 3).join(', ') : `trust for ${FLOW_PRINCIPAL}`}) but declares no aws_flow_log, so no traffic is captured.`,
    });
  },
};
