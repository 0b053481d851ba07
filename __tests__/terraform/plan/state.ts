// Builds a Terraform state (format v4) for a synthesized stack, as if it had been applied, without any cloud.
//
// Terraform itself evaluates the configuration: a plan against the state built so far gives every instance's
// planned values (for_each over literal maps and over other resources already expanded, references resolved);
// what the provider leaves unknown until apply is filled with plausible fake values (ids, ARNs, URLs). A block
// joins the state only once every block it references or depends on is there, so its references resolve to the
// fake values of the state rather than to unknowns. A few rounds reach the whole stack.
import crypto from "node:crypto";
import {
  awsProviders,
  isJsonObject,
  type ConfigResource,
  type CtyType,
  type Json,
  type JsonObject,
  type Plan,
  type ProviderSchemas,
  type SchemaBlock,
  type Stack,
  type State,
  type StateResource,
} from "../terraform-json";

const AWS = "registry.terraform.io/hashicorp/aws";
// terraform_data (the Entra simulation's stand-ins) comes with Terraform.
const BUILTIN = "terraform.io/builtin/terraform";
const providerAddress = (type: string) => (type === "terraform_data" ? BUILTIN : AWS);
const SSO_INSTANCE = "ssoins-72230a2b1c3d4e5f";
const NOT_RESOURCES = new Set(["data", "each", "count", "var", "path", "module", "self", "terraform"]);

function hash(seed: string, length: number): string {
  return crypto.createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/**
 * Every managed resource block (`type.name`) a configuration block refers to, and with `dependsOn` also those it
 * depends on. Only references shape planned values: `depends_on` orders the apply (and is kept in the state),
 * but waiting for it would cost a plan round per level.
 */
function referencedBlocks(resourceConfig: Partial<ConfigResource>, dependsOn: boolean): Set<string> {
  const refs = new Set<string>();
  const walk = (node: Json | undefined) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object")
      for (const [key, value] of Object.entries(node)) {
        if (key === "references" && Array.isArray(value))
          value.forEach((ref) => typeof ref === "string" && refs.add(ref));
        else walk(value);
      }
  };
  walk(resourceConfig.expressions ?? {});
  walk(resourceConfig.for_each_expression ?? {});
  if (dependsOn) for (const dep of resourceConfig.depends_on ?? []) refs.add(dep);
  const blocks = new Set<string>();
  for (const ref of refs) {
    const data = /^data\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/.exec(ref);
    const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/.exec(ref);
    if (data) blocks.add(`data.${data[1]}.${data[2]}`);
    else if (match?.[1] === "local") blocks.add(`local.${match[2]}`);
    else if (match?.[1] && !NOT_RESOURCES.has(match[1])) blocks.add(`${match[1]}.${match[2]}`);
  }
  return blocks;
}

/**
 * The managed blocks whose values a block's planned values wait for: its references, and through a data
 * source it reads, whatever that data source references or depends on (a data source whose dependencies
 * have changes is read only at apply, leaving its values unknown in the plan).
 */
function waitsFor(
  block: string,
  configs: ReadonlyMap<string, Partial<ConfigResource>>,
  seen = new Set<string>(),
): Set<string> {
  const out = new Set<string>();
  const isData = block.startsWith("data.");
  for (const ref of referencedBlocks(configs.get(block) ?? {}, isData)) {
    if (seen.has(ref)) continue;
    seen.add(ref);
    if (ref.startsWith("data.") || ref.startsWith("local."))
      for (const dep of waitsFor(ref, configs, seen)) out.add(dep);
    else out.add(ref);
  }
  return out;
}

/** What a fake value is made for: an instance of `type` at `address`, its values so far. */
interface FakeContext {
  readonly type: string;
  readonly account: string;
  readonly region: string;
  readonly address: string;
  readonly values: JsonObject;
}

/** A string attribute of the instance so far, as ARNs and ids are built from it. */
function text(values: JsonObject, attr: string, fallback = ""): string {
  const value = values[attr];
  return typeof value === "string" ? value : fallback;
}

/** A plausible value for a computed string the provider only learns at apply time. */
function fakeString(attr: string, ctx: FakeContext): string {
  const { type, values, region, address } = ctx;
  const account = ctx.account;
  const h = (n: number) => hash(`${address}:${attr}`, n);
  switch (attr) {
    case "id":
      if (type === "aws_sagemaker_domain")
        return `d-${BigInt(`0x${h(15)}`)
          .toString(36)
          .slice(0, 12)}`;
      if (type === "aws_iam_role") return text(values, "name");
      if (type === "aws_organizations_policy") return `p-${h(8)}`;
      return text(values, "arn", `${type.replace(/^aws_/, "")}-${h(16)}`);
    case "arn":
      return fakeArn(ctx, h);
    case "single_sign_on_application_arn":
      return `arn:aws:sso::${account}:application/${SSO_INSTANCE}/apl-${h(16)}`;
    case "single_sign_on_managed_application_instance_id":
      return `ins-${h(16)}`;
    case "url":
      return `https://${text(values, "id")}.studio.${region}.sagemaker.aws`;
    case "home_efs_file_system_id":
      return `fs-${h(17)}`;
    case "security_group_id_for_domain_boundary":
      return `sg-${h(17)}`;
    case "unique_id":
      return `AROA${h(17).toUpperCase()}`;
    case "policy_id":
      return `ANPA${h(17).toUpperCase()}`;
    case "create_date":
    case "created_date":
      return "2026-01-05T09:00:00Z";
    default:
      return `fake-${attr}-${h(12)}`;
  }
}

function fakeArn(ctx: FakeContext, h: (n: number) => string): string {
  const { type, values, account, region } = ctx;
  const path = text(values, "path", "/");
  switch (type) {
    case "aws_iam_role":
      return `arn:aws:iam::${account}:role${path}${text(values, "name")}`;
    case "aws_iam_policy":
      return `arn:aws:iam::${account}:policy${path}${text(values, "name")}`;
    case "aws_sagemaker_domain":
      return `arn:aws:sagemaker:${region}:${account}:domain/${text(values, "id")}`;
    case "aws_sagemaker_user_profile":
      return `arn:aws:sagemaker:${region}:${account}:user-profile/${text(values, "domain_id")}/${text(values, "user_profile_name")}`;
    case "aws_ssoadmin_permission_set":
      return `arn:aws:sso:::permissionSet/${SSO_INSTANCE}/ps-${h(16)}`;
    case "aws_organizations_policy":
      return `arn:aws:organizations::${account}:policy/o-${h(10)}/service_control_policy/${text(values, "id")}`;
    default: {
      const [service, ...kind] = type.replace(/^aws_/, "").split("_");
      return `arn:aws:${service}:${region}:${account}:${kind.join("-") || service}/${h(16)}`;
    }
  }
}

function fakeValue(attr: string, type: CtyType | undefined, ctx: FakeContext): Json {
  if (type === "string") return fakeString(attr, ctx);
  if (type === "number") return 0;
  if (type === "bool") return false;
  if (Array.isArray(type) && (type[0] === "list" || type[0] === "set")) return [];
  if (Array.isArray(type) && type[0] === "map") return {};
  return null;
}

/** The type Terraform gives a JSON value of the configuration (JSON arrays are tuples, objects objects). */
function ctyType(value: Json): CtyType {
  if (Array.isArray(value)) return ["tuple", value.map(ctyType)];
  if (value === null) return "dynamic";
  if (typeof value === "object")
    return ["object", Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ctyType(v)]))];
  return typeof value === "boolean" ? "bool" : typeof value;
}

/** State paths of the sensitive values a plan marks in `after_sensitive`. */
function sensitivePaths(marks: Json | undefined, prefix: Json[] = []): Json[] {
  if (marks === true) return [prefix];
  if (Array.isArray(marks))
    return marks.flatMap((m, i) =>
      sensitivePaths(m, [...prefix, { type: "index", value: { value: i, type: "number" } }]),
    );
  if (marks && typeof marks === "object")
    return Object.entries(marks).flatMap(([k, m]) => sensitivePaths(m, [...prefix, { type: "get_attr", value: k }]));
  return [];
}

/** Replaces every unknown in `value` (as marked by the plan's `after_unknown`) following the schema block. */
function fillBlock(
  value: JsonObject,
  unknown: Json | undefined,
  block: SchemaBlock,
  ctx: Omit<FakeContext, "values">,
): JsonObject {
  const out = { ...value };
  const marks = isJsonObject(unknown) ? unknown : {};
  const attributes = block.attributes ?? {};
  // id first: ARNs and URLs are built from it.
  const names = Object.keys(attributes).sort((a, b) => (a === "id" ? -1 : b === "id" ? 1 : 0));
  for (const name of names) {
    const mark = marks[name];
    // terraform_data's output is its input once applied.
    if (mark === true && ctx.type === "terraform_data" && name === "output") out[name] = out.input ?? null;
    else if (mark === true) out[name] = fakeValue(name, attributes[name]?.type, { ...ctx, values: out });
    else if (out[name] === undefined) out[name] = null;
  }
  // The state keeps a dynamically typed attribute with its type.
  for (const name of names) {
    const current = out[name];
    if (attributes[name]?.type === "dynamic" && current !== null && current !== undefined)
      out[name] = { value: current, type: ctyType(current) };
  }
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    const mark = marks[name];
    const current = out[name];
    const empty = nested.nesting_mode === "single" || nested.nesting_mode === "group" ? null : [];
    if (mark === true || current === undefined) out[name] = empty;
    else if (Array.isArray(current))
      out[name] = current.map((item, i) =>
        fillBlock(isJsonObject(item) ? item : {}, Array.isArray(mark) ? mark[i] : {}, nested.block, ctx),
      );
    else if (isJsonObject(current) && nested.nesting_mode !== "map")
      out[name] = fillBlock(current, mark, nested.block, ctx);
  }
  return out;
}

/** `aws.research` -> the state's provider string and the account/region that provider configuration targets. */
export function providerOf(
  providerConfigKey: string,
  stack: Stack,
): { readonly state: string; readonly account: string; readonly region: string } {
  const alias = providerConfigKey.includes(".") ? providerConfigKey.split(".").pop() : undefined;
  const block = awsProviders(stack).find((p) => p.alias === alias) ?? {};
  return {
    state: `provider["${AWS}"]${alias ? `.${alias}` : ""}`,
    account: block.allowed_account_ids?.[0] ?? "123456789012",
    region: block.region ?? "us-east-1",
  };
}

export function emptyState(): State {
  return {
    version: 4,
    terraform_version: "1.11.0",
    serial: 1,
    lineage: "6c1b3f0e-plan-tier-0000-000000000000",
    outputs: {},
    resources: [],
    check_results: null,
  };
}

/**
 * Adds to `state` every block of `plan` (a `terraform show -json` plan) whose creation no longer waits for
 * another block. Returns the blocks added; none while creates remain means a cycle or an unfillable value.
 */
export function addReadyBlocks(state: State, plan: Plan, schema: ProviderSchemas, stack: Stack): string[] {
  const schemaOf = (type: string) => {
    const found = schema.provider_schemas[providerAddress(type)]?.resource_schemas[type];
    if (!found) throw new Error(`no schema for ${type} in the providers' schemas`);
    return found;
  };
  const configs = new Map<string, Partial<ConfigResource>>(
    plan.configuration.root_module.resources.map((r) => [r.address, r]),
  );
  // Locals are not in the plan's configuration: their references come from the stack's own text, so that a
  // block reading a local waits for what the local reads (a data source read late leaves it unknown).
  for (const [name, value] of Object.entries(stack.locals ?? {})) {
    const references = [...JSON.stringify(value).matchAll(/\b(?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+/g)].map(
      (m) => m[0],
    );
    configs.set(`local.${name}`, { expressions: { value: { references } } });
  }
  // Only new instances: one already in the state may be planned for replacement while its data sources wait.
  const creates = plan.resource_changes.filter(
    (rc) => rc.mode === "managed" && !rc.module_address && rc.change.actions.join() === "create",
  );
  const pending = new Set(creates.map((rc) => `${rc.type}.${rc.name}`));
  const ready = [...pending].filter((block) => {
    return [...waitsFor(block, configs)].every((ref) => ref === block || !pending.has(ref));
  });
  for (const block of ready) {
    const config = configs.get(block) ?? {};
    const [type = "", name = ""] = block.split(".");
    // terraform_data has no account or region; nothing of it is faked from them.
    const {
      state: provider,
      account,
      region,
    } = type === "terraform_data"
      ? { state: `provider["${BUILTIN}"]`, account: "", region: "" }
      : providerOf(config.provider_config_key ?? "aws", stack);
    const dependencies = [...referencedBlocks(config, true)]
      .filter((ref) => ref !== block && !ref.startsWith("data.") && !ref.startsWith("local."))
      .sort();
    const instances = creates
      .filter((rc) => `${rc.type}.${rc.name}` === block)
      .map((rc) => {
        const ctx = { type, account, region, address: rc.address };
        const attributes = fillBlock(rc.change.after ?? {}, rc.change.after_unknown, schemaOf(type).block, ctx);
        return {
          ...(rc.index !== undefined ? { index_key: rc.index } : {}),
          schema_version: schemaOf(type).version ?? 0,
          attributes,
          sensitive_attributes: sensitivePaths(rc.change.after_sensitive),
          dependencies,
        };
      });
    const resource: StateResource = { mode: "managed", type, name, provider, instances };
    state.resources.push(resource);
  }
  state.serial += 1;
  return ready;
}
