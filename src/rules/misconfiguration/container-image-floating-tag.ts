import type { Block, Configuration } from '../../model/types.js';
import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources, staticString } from '../../model/query.js';
import { blockText } from '../util/b-refs.js';

/** `image = "nginx:latest"`, `"image": "repo/app"`, `image: 'nginx'` in a container definition. Linear: bounded, no nesting. */
const IMAGE_LITERAL = /\bimage["']?\s*[:=]\s*["'`]([^"'`\s]{1,200})["'`]/g;
/** `image = var.container_image` (HCL) — the variable's default is the image. */
const IMAGE_VAR = /\bimage["']?\s*[:=]\s*var\.([A-Za-z0-9_-]{1,100})/g;

/** An image reference without a fixed version: `:latest`, or no tag and no digest at all. */
export function floatingImage(image: string): boolean {
  if (image.includes('${') || image.includes('@sha256:')) return false;
  const last = image.slice(image.lastIndexOf('/') + 1);
  if (!/^[a-z0-9]/.test(last)) return false;
  const colon = last.indexOf(':');
  if (colon < 0) return true;
  return last.slice(colon + 1) === 'latest';
}

/** Task definitions running a floating image, and how many task definitions there are. */
function floatingImages(config: Configuration): { hits: { block: Block; image: string }[]; total: number } {
  const varDefault = (name: string): string | undefined => {
    const v = config.symbols.get(`var.${name}`)?.block;
    return v ? staticString(attrExpr(v, 'default')) : undefined;
  };
  const hits: { block: Block; image: string }[] = [];
  const defs = resources(config, 'aws_ecs_task_definition');
  for (const td of defs) {
    const text = blockText(config, td);
    const images: string[] = [];
    for (const m of text.matchAll(IMAGE_LITERAL)) images.push(m[1]!);
    for (const m of text.matchAll(IMAGE_VAR)) {
      const d = varDefault(m[1]!);
      if (d) images.push(d);
    }
    const floating = images.find(floatingImage);
    if (floating) hits.push({ block: td, image: floating });
  }
  return { hits, total: defs.length };
}

export const rule: Rule = {
  meta: {
    id: 'container-image-floating-tag',
    category: 'misconfiguration',
    severity: 'low',
    fixClass: 'B',
    title: 'Container image on a moving tag (latest or none) where the reference pins it',
    rootCause: 'Models copy quick-start examples (`nginx:latest`, `amazon/aws-xray-daemon`) into task definitions; the image tag is never pinned to a version or digest.',
    fix: 'Reference a versioned image tag or a digest, ideally from ECR, and pass it in as a variable.',
    fixExample: `variable "app_image" {
  type    = string
  default = "public.ecr.aws/nginx/nginx:1.27.2"
}

resource "aws_ecs_task_definition" "app" {
  # ...
  container_definitions = jsonencode([{
    name  = "app"
    image = var.app_image
  }])
}`,
    docs: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-considerations.html',
    knowledgeGap: 'Container images in production task definitions need an immutable version tag or digest, not latest.',
    impact: 'Deployments are not reproducible: a new upstream image silently changes what runs, and rollbacks cannot restore the old one.',
  },
  check(ctx) {
    // Many tasks accept a sample image (nginx:latest) as the requirement: the rule reports only when the reference
    // response runs its task definitions on pinned images. Without a reference it stays quiet.
    if (!ctx.ideal) return;
    const reference = floatingImages(ctx.ideal);
    if (reference.total === 0 || reference.hits.length > 0) return;
    for (const h of floatingImages(ctx.config).hits) {
      ctx.report({ block: h.block, message: `${blockAddress(h.block)} runs image "${h.image}", which is not pinned to a version or digest.` });
    }
  },
};
