import { extractResponse } from './src/extract/index.js';
import { fromMarkdown } from 'mdast-util-from-markdown';
const v = Array.from({ length: 5000 }, (_, i) => `## f${i}.tf\n\`\`\`hcl\nresource "a" "b${i}" {}\n\`\`\``).join('\n');
for (let k = 0; k < 3; k++) { let t = performance.now(); fromMarkdown(v); const a = performance.now() - t; t = performance.now(); extractResponse(v, 'm'); console.log(Math.round(a), Math.round(performance.now() - t)); }
