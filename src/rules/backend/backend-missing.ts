import type { Rule } from '../types.js';
import { blocksOfKind, resources } from '../../model/query.js';

/**
 * A line of the prompt that asks for remote state (an S3 backend, state locking, Terraform Cloud) and does not say
 * the project provides it already.
 */
export const REMOTE_STATE_ASKED =
  /^(?![^\n]*\b(?:already|assume[sd]?|exists?|do not|don't|provided|pre-?configured|if needed|optional(?:ly)?)\b)[^\n]*(?:remote (?:terraform )?(?:state|backend)|s3 backend|state locking|backend for (?:the )?(?:terraform )?state|terraform cloud)/im;

/** A backend written anywhere in a response's text: an HCL `backend "s3"` / `cloud {}` block or a CDKTF backend class. */
const BACKEND_WRITTEN = /\bbackend\s+"[a-z0-9]+"\s*\{|^[ \t]*cloud[ \t]*\{|\bnew\s+(?:S3|Remote|Cloud|Local|Gcs|Azurerm|Http|Consul|Pg|Cos|Oss)Backend\s*\(/m;

export const rule: Rule = {
  meta: {
    id: 'backend-missing',
    category: 'backend',
    severity: 'medium',
    fixClass: 'B',
    title: 'No remote state backend configured',
    rootCause:
      'Models write resources and a provider but no `backend` block (or, in CDKTF, no `S3Backend`), so Terraform falls back to a local state file on whichever runner applies.',
    fix: 'Declare an S3 backend with partial configuration (`backend "s3" {}`; in CDKTF `new S3Backend(this, {...})`) and pass bucket, key, region and locking at init time.',
    fixExample: `terraform {
  backend "s3" {}
}
# terraform init -backend-config="bucket=\${STATE_BUCKET}" -backend-config="key=\${ENVIRONMENT_SUFFIX}/terraform.tfstate" -backend-config="use_lockfile=true"`,
    docs: 'https://developer.hashicorp.com/terraform/language/backend/s3',
    knowledgeGap: 'Pipelines and teams need remote, locked state (S3 backend), not the implicit local backend.',
    impact: 'State lives on one runner: later pipeline stages cannot plan or destroy what was created, and concurrent applies corrupt state.',
    // A failure where a line of the task asks for remote state and does not say the project already has one ("the
    // S3 backend is already defined in provider.tf"): in 10 of 18 such dev tasks the reviewer documented it, and
    // readers listed it as a missed defect. Elsewhere the pipeline configures the backend: an observation.
    promptGate: REMOTE_STATE_ASKED,
    // The reviewer names it "no remote state", which the matcher cannot tie to a resource.
    listedOnCode: true,
  },
  check(ctx) {
    if (!ctx.conventions.remoteState) return;
    const all = resources(ctx.config);
    if (!all.length) return;
    const terraform = blocksOfKind(ctx.config, 'terraform');
    const hasBackend = terraform.some((tf) => tf.blocks.some((b) => b.type === 'backend' || b.type === 'cloud'));
    if (hasBackend) return;
    // A backend the response writes where the front-end does not read it as configuration (an HCL backend.tf in a
    // CDKTF answer, code a broken fence left outside the files): "no backend" would misstate the response. Read for
    // the model only (its rules run with the ideal beside them); the ideal's own run reads its configuration.
    const markdown = ctx.ideal ? ctx.task.model?.markdown : undefined;
    if (markdown && BACKEND_WRITTEN.test(markdown)) return;
    const at = terraform[0] ?? all[0]!;
    ctx.report({
      block: at,
      resource: 'terraform.backend',
      message: `The configuration declares ${all.length} resources but no backend; state would be kept in a local file.`,
    });
  },
};
