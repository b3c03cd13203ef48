import type { Rule } from '../types.js';
import { rule as sgEgressAllOpen } from './sg-egress-all-open.js';

export const NETWORK_RULES: Rule[] = [sgEgressAllOpen];
