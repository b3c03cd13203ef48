/** Rules of the second catalog half (cost, monitoring, app code, service limits, network, secrets, tags, IAM gaps, backend, keys, tests, encryption, scaling, backups). */
import type { Rule } from './types.js';

export const CATALOG_B: Rule[] = [];
