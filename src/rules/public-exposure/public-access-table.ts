/**
 * Public endpoints across the service family, as data (see src/rules/util/settings-table.ts). A data store with
 * a public endpoint is `high`; an endpoint that is public behind authentication (EKS API, Lambda URLs) or a
 * subnet that hands out public IPs is `medium`/`low`.
 */
import type { TableCheck } from '../util/settings-table.js';

const PUBLIC = { category: 'public-exposure', fixClass: 'A' } as const;

export const PUBLIC_ACCESS_TABLE: TableCheck[] = [
  {
    ...PUBLIC,
    id: 'publicly-accessible-data-service',
    severity: 'high',
    title: 'Redshift cluster or DMS replication instance is publicly accessible',
    rootCause: 'The model sets `publicly_accessible = true` so a client outside the VPC can connect during testing.',
    fix: 'Set `publicly_accessible = false` and place the cluster or instance in private subnets; connect through the VPC, a VPN or SSM.',
    fixExample: 'resource "aws_redshift_cluster" "dw" {\n  publicly_accessible       = false\n  cluster_subnet_group_name = aws_redshift_subnet_group.private.name\n}',
    docs: 'https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html',
    knowledgeGap: 'Network security: data services stay in private subnets',
    impact: 'The endpoint resolves to a public IP; only the security group stands between the data and the internet.',
    what: 'is reachable from the internet',
    rows: [{ types: ['aws_redshift_cluster', 'aws_dms_replication_instance'], require: [{ path: ['publicly_accessible'], test: { is: false }, unset: 'ok' }] }],
  },
  {
    ...PUBLIC,
    id: 'mq-broker-publicly-accessible',
    severity: 'high',
    title: 'Amazon MQ broker is publicly accessible',
    rootCause: 'Models set `publicly_accessible = true` to reach the broker console from a laptop.',
    fix: 'Set `publicly_accessible = false` and deploy the broker into private subnets.',
    fixExample: 'resource "aws_mq_broker" "events" {\n  publicly_accessible = false\n  subnet_ids          = [aws_subnet.private[0].id]\n}',
    docs: 'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/amazon-mq-basic-elements.html',
    knowledgeGap: 'Network security: message brokers stay in private subnets',
    impact: 'The broker endpoints, including the web console, are reachable from the internet.',
    what: 'is reachable from the internet',
    rows: [{ types: ['aws_mq_broker'], require: [{ path: ['publicly_accessible'], test: { is: false }, unset: 'ok' }] }],
  },
  {
    ...PUBLIC,
    id: 'msk-public-access',
    severity: 'high',
    title: 'MSK brokers have public IPs',
    rootCause: 'Public access is turned on so producers outside the VPC can connect.',
    fix: 'Keep `connectivity_info.public_access.type = "DISABLED"`; reach the cluster through the VPC, peering or PrivateLink.',
    fixExample: 'connectivity_info {\n  public_access {\n    type = "DISABLED"\n  }\n}',
    docs: 'https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html',
    knowledgeGap: 'Network security: streaming clusters stay private',
    impact: 'Kafka brokers are reachable from the internet.',
    what: 'gives its brokers public IPs',
    rows: [
      {
        types: ['aws_msk_cluster'],
        require: [{ path: ['broker_node_group_info', 'connectivity_info', 'public_access', 'type'], test: { noneOf: ['SERVICE_PROVIDED_EIPS'] }, unset: 'ok' }],
      },
    ],
  },
  {
    ...PUBLIC,
    id: 'eks-public-endpoint',
    severity: 'medium',
    title: 'EKS API endpoint is public to the whole internet',
    rootCause: 'EKS clusters get a public API endpoint open to 0.0.0.0/0 by default; models keep the default.',
    fix: 'Set `endpoint_private_access = true` and `endpoint_public_access = false`, or restrict `public_access_cidrs` to known ranges.',
    fixExample: 'vpc_config {\n  subnet_ids              = aws_subnet.private[*].id\n  endpoint_private_access = true\n  endpoint_public_access  = false\n}',
    docs: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    knowledgeGap: 'EKS endpoint access control',
    impact: 'The Kubernetes API server is reachable from any address; only authentication protects it.',
    what: 'has a public API endpoint open to 0.0.0.0/0',
    rows: [
      {
        types: ['aws_eks_cluster'],
        require: [
          {
            path: ['vpc_config', 'endpoint_public_access'],
            test: { is: false },
            unset: 'gap',
            orElse: { path: ['vpc_config', 'public_access_cidrs'], test: { excludes: ['0.0.0.0/0'] }, unset: 'gap' },
          },
        ],
      },
    ],
  },
  {
    ...PUBLIC,
    id: 'subnet-maps-public-ip',
    severity: 'low',
    defaultTier: 'observation',
    title: 'Subnet assigns public IPs on launch',
    rootCause: 'Models set `map_public_ip_on_launch = true` on public subnets (and default subnets do it implicitly), so anything launched there is internet-facing.',
    fix: 'Leave `map_public_ip_on_launch` false; give public IPs only to what needs them (load balancers, NAT gateways use their own).',
    fixExample: 'resource "aws_subnet" "public" {\n  map_public_ip_on_launch = false\n}',
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html',
    knowledgeGap: 'Public IP assignment is per instance, not per subnet',
    what: 'gives every instance launched in it a public IP',
    rows: [
      { types: ['aws_subnet'], require: [{ path: ['map_public_ip_on_launch'], test: { is: false }, unset: 'ok' }] },
      { types: ['aws_default_subnet'], require: [{ path: ['map_public_ip_on_launch'], test: { is: false }, unset: 'gap' }] },
    ],
  },
  {
    ...PUBLIC,
    id: 'sagemaker-notebook-direct-internet',
    severity: 'medium',
    title: 'SageMaker notebook has direct internet access',
    rootCause: 'Notebook instances get direct internet access by default; models do not set `direct_internet_access = "Disabled"`.',
    fix: 'Set `direct_internet_access = "Disabled"` with a `subnet_id` in a private subnet (egress through NAT or endpoints).',
    fixExample: 'resource "aws_sagemaker_notebook_instance" "nb" {\n  subnet_id              = aws_subnet.private[0].id\n  direct_internet_access = "Disabled"\n}',
    docs: 'https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html',
    knowledgeGap: 'SageMaker network isolation',
    what: 'has direct internet access',
    rows: [{ types: ['aws_sagemaker_notebook_instance'], require: [{ path: ['direct_internet_access'], test: { oneOf: ['Disabled'] }, unset: 'gap' }] }],
  },
  {
    ...PUBLIC,
    id: 'lambda-url-without-auth',
    severity: 'medium',
    title: 'Lambda function URL without authentication',
    rootCause: '`authorization_type = "NONE"` makes the function callable by anyone with the URL; models use it to skip signing.',
    fix: 'Use `authorization_type = "AWS_IAM"`, or put the function behind API Gateway with an authorizer.',
    fixExample: 'resource "aws_lambda_function_url" "api" {\n  function_name      = aws_lambda_function.api.function_name\n  authorization_type = "AWS_IAM"\n}',
    docs: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
    knowledgeGap: 'Lambda function URL authentication',
    what: 'can be invoked by anyone',
    rows: [{ types: ['aws_lambda_function_url'], require: [{ path: ['authorization_type'], test: { oneOf: ['AWS_IAM'] }, unset: 'gap' }] }],
  },
];
