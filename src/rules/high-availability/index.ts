import type { Rule } from '../types.js';
import { rule as rdsSingleAz } from './rds-single-az.js';
import { rule as singleSubnetLoadBalancer } from './single-subnet-load-balancer.js';

export const HIGH_AVAILABILITY_RULES: Rule[] = [rdsSingleAz, singleSubnetLoadBalancer];
