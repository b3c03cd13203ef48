import type { Rule } from '../types.js';
import { attrExpr, blockAddress, resources, staticBool } from '../../model/query.js';

export const rule: Rule = {
  meta: {
    id: 'publicly-accessible-database',
    category: 'public-exposure',
    severity: 'high',
    fixClass: 'A',
    title: 'Database instance is publicly accessible',
    rootCause: 'The model sets publicly_accessible = true to make testing easy.',
    fix: 'Keep databases in private subnets with publicly_accessible = false; reach them through the application or a bastion/SSM.',
    fixExample: 'resource "aws_db_instance" "main" {\n  publicly_accessible  = false\n  db_subnet_group_name = aws_db_subnet_group.private.name\n}',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html',
    knowledgeGap: 'Network security: databases stay in private subnets',
    impact: 'The database endpoint resolves to a public IP; exposure depends only on the security group.',
  },
  check(ctx) {
    for (const type of ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_neptune_cluster_instance', 'aws_docdb_cluster_instance']) {
      for (const r of resources(ctx.config, type)) {
        if (staticBool(attrExpr(r, 'publicly_accessible')) !== true) continue;
        ctx.report({ block: r, resource: blockAddress(r), message: `${blockAddress(r)} sets publicly_accessible = true.` });
      }
    }
  },
};
