/**
 * The compact provider schema, as loaded at run time. Produced by scripts/gen-schema.ts from the
 * @cdktf/provider-aws jsii assembly or from `terraform providers schema -json`; never edited by hand.
 */
export type NestingMode = 'single' | 'list' | 'set' | 'map';

/** Terraform value types, simplified: `string`, `number`, `bool`, `list(string)`, `map(string)`, `set(...)`, `object`, `any`. */
export type ValueType = string;

export interface AttributeSchema {
  type: ValueType;
  required?: boolean;
  optional?: boolean;
  /** Set by the provider only; assigning it is an error. */
  computedOnly?: boolean;
  deprecated?: boolean;
  /** The CDKTF property name when it is not the camelCase of the Terraform name (`equals` → `equalTo`, `self` → `selfAttribute`). */
  cdktfName?: string;
}

export interface BlockSchema {
  attributes: Record<string, AttributeSchema>;
  blocks: Record<string, NestedBlockSchema>;
}

export interface NestedBlockSchema {
  nesting: NestingMode;
  minItems?: number;
  maxItems?: number;
  block: BlockSchema;
  deprecated?: boolean;
  /**
   * The provider also accepts this block written as an attribute (`ingress = [{...}]`): SDKv2 "attributes as
   * blocks" (aws_security_group ingress/egress, aws_route_table route) and framework nested attributes.
   */
  asAttribute?: boolean;
  /** The CDKTF property name when it is not the camelCase of the Terraform name. */
  cdktfName?: string;
}

export interface SchemaIndex {
  /** Provider version the schema describes, e.g. `6.25.0`. */
  providerVersion: string;
  /** Where it came from: `bundled (@cdktf/provider-aws 21.22.1)` or the imported file. */
  source: string;
  resource(type: string): BlockSchema | undefined;
  dataSource(type: string): BlockSchema | undefined;
  resourceTypes(): string[];
  dataSourceTypes(): string[];
}
