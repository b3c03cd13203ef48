import type { Rule } from '../types.js';
import { rule as sgEgressAllOpen } from './sg-egress-all-open.js';
import { rule as requestedNoOpenCidr } from './requested-no-open-cidr.js';

export const NETWORK_RULES: Rule[] = [sgEgressAllOpen, requestedNoOpenCidr];
