// The parts of Terraform's JSON formats the Terraform tier reads and writes: the synthesized stack (JSON
// configuration syntax), `terraform show -json` plans, the `-json` event stream, state format v4 and
// `terraform providers schema -json`. Only the fields the tier uses are typed; the rest is carried along as it is.

/** Any JSON value. */
export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One `provider "aws"` configuration of a synthesized stack. */
export interface AwsProviderBlock {
  alias?: string;
  region?: string;
  allowed_account_ids?: string[];
  assume_role?: Json;
}

/** A resource or data source body: meta-arguments, then the arguments in the provider's terms. */
export interface BlockBody {
  for_each?: Json;
  depends_on?: string[];
  lifecycle?: JsonObject;
  [argument: string]: Json | undefined;
}

/** Blocks of one section (`resource`, `data`): type, then name. */
export type Blocks = Record<string, Record<string, BlockBody>>;

/** A synthesized stack (`cdk.tf.json`). */
export interface Stack {
  terraform: { required_providers: Record<string, Json>; backend?: Json };
  provider?: { aws?: AwsProviderBlock | AwsProviderBlock[]; azuread?: Json };
  resource?: Blocks;
  data?: Blocks;
  locals?: Record<string, Json>;
  import?: { to: string; id: string }[];
  removed?: { from: string; lifecycle?: Json }[];
  variable?: Record<string, { default?: Json }>;
}

/** Every configuration of the AWS provider in a stack, aliased or not. */
export function awsProviders(stack: Stack): AwsProviderBlock[] {
  return [stack.provider?.aws ?? []].flat();
}

/** A resource instance key: a string of a `for_each` map, a number of `count`. */
export type InstanceKey = string | number;

/** One instance's change in a saved plan (`terraform show -json`). */
export interface ResourceChange {
  address: string;
  previous_address?: string;
  module_address?: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  index?: InstanceKey;
  action_reason?: string;
  change: {
    actions: string[];
    before: JsonObject | null;
    after: JsonObject | null;
    /** Mirrors `after`: `true` where the value is known only after apply. */
    after_unknown?: Json;
    /** Mirrors `after`: `true` where the value is sensitive. */
    after_sensitive?: Json;
    importing?: { id?: string } | null;
  };
}

/** A block of the plan's configuration: its references, which order state generation. */
export interface ConfigResource {
  address: string;
  provider_config_key?: string;
  expressions?: Json;
  for_each_expression?: Json;
  depends_on?: string[];
}

/** A saved plan as `terraform show -json` prints it. */
export interface Plan {
  resource_changes: ResourceChange[];
  configuration: { root_module: { resources: ConfigResource[] } };
}

/** A diagnostic of the `-json` event stream. */
export interface Diagnostic {
  severity: "error" | "warning";
  summary: string;
  detail?: string;
}

/** A line of the `-json` event stream of `terraform plan` or `terraform test`. */
export interface PlanEvent {
  type: string;
  diagnostic?: Diagnostic;
  change?: {
    action: string;
    resource: { addr: string; resource_type: string; resource_key?: InstanceKey };
  };
  test_summary?: { passed: number; failed: number; errored: number };
}

/** The events of a `-json` run, one JSON object a line. */
export function eventsOf(stdout: string): PlanEvent[] {
  return stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PlanEvent);
}

/** The error diagnostics of a `-json` run. */
export function errorsOf(stdout: string): Diagnostic[] {
  return eventsOf(stdout).flatMap((e) => (e.diagnostic?.severity === "error" ? [e.diagnostic] : []));
}

/** State format v4. */
export interface State {
  version: 4;
  terraform_version: string;
  serial: number;
  lineage: string;
  outputs: JsonObject;
  resources: StateResource[];
  check_results: null;
}

export interface StateResource {
  mode: "managed";
  type: string;
  name: string;
  provider: string;
  instances: StateInstance[];
}

export interface StateInstance {
  index_key?: InstanceKey;
  schema_version: number;
  attributes: JsonObject;
  sensitive_attributes: Json[];
  dependencies: string[];
}

/** A cty type as the schema writes it: `"string"`, `["list", "string"]`, `["object", {...}]`. */
export type CtyType = Json;

export interface SchemaBlock {
  attributes?: Record<string, { type?: CtyType }>;
  block_types?: Record<string, { nesting_mode: string; block: SchemaBlock }>;
}

/** `terraform providers schema -json`. */
export interface ProviderSchemas {
  provider_schemas: Record<string, { resource_schemas: Record<string, { version?: number; block: SchemaBlock }> }>;
}
