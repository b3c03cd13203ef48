import type { Rule } from '../types.js';
import { rule as rdsSingleAz } from './rds-single-az.js';
import { rule as singleSubnetLoadBalancer } from './single-subnet-load-balancer.js';
import { rule as asgSingleSubnet } from './asg-single-subnet.js';
import { rule as singleNatGateway } from './single-nat-gateway.js';
import { rule as subnetsSingleAz, literalZones } from './subnets-single-az.js';
import { rule as singleNodeService } from './single-node-service.js';

export const HIGH_AVAILABILITY_RULES: Rule[] = [rdsSingleAz, singleSubnetLoadBalancer, asgSingleSubnet, singleNatGateway, subnetsSingleAz, literalZones, singleNodeService];
