// Builds a Terraform state (format v4) for a synthesized stack, as if it had been applied, without any cloud.
//
// Terraform itself evaluates the configuration: a plan against the state built so far gives every instance's
// planned values (for_each over literal maps and over other resources already expanded, references resolved);
// what the provider leaves unknown until apply is filled with plausible fake values (ids, ARNs, URLs). A block
// joins the state only once every block it references or depends on is there, so its references resolve to the
// fake values of the state rather than to unknowns. A few rounds reach the whole stack.
import crypto from "node:crypto";

const AWS = "registry.terraform.io/hashicorp/aws";
// terraform_data (the Entra simulation's stand-ins) comes with Terraform.
const BUILTIN = "terraform.io/builtin/terraform";
const providerAddress = (type) => (type === "terraform_data" ? BUILTIN : AWS);
const SSO_INSTANCE = "ssoins-72230a2b1c3d4e5f";
const NOT_RESOURCES = new Set(["data", "each", "count", "var", "path", "module", "self", "terraform"]);

function hash(seed, length) {
  return crypto.createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/**
 * Every managed resource block (`type.name`) a configuration block refers to, and with `dependsOn` also those it
 * depends on. Only references shape planned values: `depends_on` orders the apply (and is kept in the state),
 * but waiting for it would cost a plan round per level.
 */
function referencedBlocks(resourceConfig, dependsOn) {
  const refs = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object")
      for (const [key, value] of Object.entries(node)) {
        if (key === "references" && Array.isArray(value)) value.forEach((ref) => refs.add(ref));
        else walk(value);
      }
  };
  walk(resourceConfig.expressions ?? {});
  walk(resourceConfig.for_each_expression ?? {});
  if (dependsOn) for (const dep of resourceConfig.depends_on ?? []) refs.add(dep);
  const blocks = new Set();
  for (const ref of refs) {
    const data = /^data\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/.exec(ref);
    const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)/.exec(ref);
    if (data) blocks.add(`data.${data[1]}.${data[2]}`);
    else if (match?.[1] === "local") blocks.add(`local.${match[2]}`);
    else if (match && !NOT_RESOURCES.has(match[1])) blocks.add(`${match[1]}.${match[2]}`);
  }
  return blocks;
}

/**
 * The managed blocks whose values a block's planned values wait for: its references, and through a data
 * source it reads, whatever that data source references or depends on (a data source whose dependencies
 * have changes is read only at apply, leaving its values unknown in the plan).
 */
function waitsFor(block, configs, seen = new Set()) {
  const out = new Set();
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

/** A plausible value for a computed string the provider only learns at apply time. */
function fakeString(attr, ctx) {
  const { type, values, account, region, address } = ctx;
  const h = (n) => hash(`${address}:${attr}`, n);
  switch (attr) {
    case "id":
      if (type === "aws_sagemaker_domain")
        return `d-${BigInt(`0x${h(15)}`)
          .toString(36)
          .slice(0, 12)}`;
      if (type === "aws_iam_role") return values.name;
      if (type === "aws_organizations_policy") return `p-${h(8)}`;
      return values.arn ?? `${type.replace(/^aws_/, "")}-${h(16)}`;
    case "arn":
      return fakeArn(ctx, h);
    case "single_sign_on_application_arn":
      return `arn:aws:sso::${account}:application/${SSO_INSTANCE}/apl-${h(16)}`;
    case "single_sign_on_managed_application_instance_id":
      return `ins-${h(16)}`;
    case "url":
      return `https://${values.id}.studio.${region}.sagemaker.aws`;
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

function fakeArn(ctx, h) {
  const { type, values, account, region } = ctx;
  switch (type) {
    case "aws_iam_role":
      return `arn:aws:iam::${account}:role${values.path ?? "/"}${values.name}`;
    case "aws_iam_policy":
      return `arn:aws:iam::${account}:policy${values.path ?? "/"}${values.name}`;
    case "aws_sagemaker_domain":
      return `arn:aws:sagemaker:${region}:${account}:domain/${values.id}`;
    case "aws_sagemaker_user_profile":
      return `arn:aws:sagemaker:${region}:${account}:user-profile/${values.domain_id}/${values.user_profile_name}`;
    case "aws_ssoadmin_permission_set":
      return `arn:aws:sso:::permissionSet/${SSO_INSTANCE}/ps-${h(16)}`;
    case "aws_organizations_policy":
      return `arn:aws:organizations::${account}:policy/o-${h(10)}/service_control_policy/${values.id}`;
    default: {
      const [service, ...kind] = type.replace(/^aws_/, "").split("_");
      return `arn:aws:${service}:${region}:${account}:${kind.join("-") || service}/${h(16)}`;
    }
  }
}

function fakeValue(attr, type, ctx) {
  if (type === "string") return fakeString(attr, ctx);
  if (type === "number") return 0;
  if (type === "bool") return false;
  if (Array.isArray(type) && (type[0] === "list" || type[0] === "set")) return [];
  if (Array.isArray(type) && type[0] === "map") return {};
  return null;
}

/** The type Terraform gives a JSON value of the configuration (JSON arrays are tuples, objects objects). */
function ctyType(value) {
  if (Array.isArray(value)) return ["tuple", value.map(ctyType)];
  if (value === null) return "dynamic";
  if (typeof value === "object")
    return ["object", Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ctyType(v)]))];
  return typeof value === "boolean" ? "bool" : typeof value;
}

/** State paths of the sensitive values a plan marks in `after_sensitive`. */
function sensitivePaths(marks, prefix = []) {
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
function fillBlock(value, unknown, block, ctx) {
  const out = { ...value };
  // id first: ARNs and URLs are built from it.
  const names = Object.keys(block.attributes ?? {}).sort((a, b) => (a === "id" ? -1 : b === "id" ? 1 : 0));
  for (const name of names) {
    const mark = unknown?.[name];
    // terraform_data's output is its input once applied.
    if (mark === true && ctx.type === "terraform_data" && name === "output") out[name] = out.input;
    else if (mark === true) out[name] = fakeValue(name, block.attributes[name].type, { ...ctx, values: out });
    else if (out[name] === undefined) out[name] = null;
  }
  // The state keeps a dynamically typed attribute with its type.
  for (const name of names)
    if (block.attributes[name].type === "dynamic" && out[name] !== null)
      out[name] = { value: out[name], type: ctyType(out[name]) };
  for (const [name, nested] of Object.entries(block.block_types ?? {})) {
    const mark = unknown?.[name];
    const empty = nested.nesting_mode === "single" || nested.nesting_mode === "group" ? null : [];
    if (mark === true || out[name] === undefined) out[name] = empty;
    else if (Array.isArray(out[name]))
      out[name] = out[name].map((item, i) => fillBlock(item, Array.isArray(mark) ? mark[i] : {}, nested.block, ctx));
    else if (out[name] && typeof out[name] === "object" && nested.nesting_mode !== "map")
      out[name] = fillBlock(out[name], mark, nested.block, ctx);
  }
  return out;
}

/** `aws.research` -> the state's provider string and the account/region that provider configuration targets. */
export function providerOf(providerConfigKey, stack) {
  const alias = providerConfigKey.includes(".") ? providerConfigKey.split(".").pop() : undefined;
  const blocks = [stack.provider?.aws ?? []].flat();
  const block = blocks.find((p) => p.alias === alias) ?? {};
  return {
    state: `provider["${AWS}"]${alias ? `.${alias}` : ""}`,
    account: block.allowed_account_ids?.[0] ?? "123456789012",
    region: block.region ?? "us-east-1",
  };
}

export function emptyState() {
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
export function addReadyBlocks(state, plan, schema, stack) {
  const schemaOf = (type) => schema.provider_schemas[providerAddress(type)].resource_schemas[type];
  const configs = new Map(plan.configuration.root_module.resources.map((r) => [r.address, r]));
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
    const config = configs.get(block);
    const [type, name] = block.split(".");
    const {
      state: provider,
      account,
      region,
    } = type === "terraform_data" ? { state: `provider["${BUILTIN}"]` } : providerOf(config.provider_config_key, stack);
    const dependencies = [...referencedBlocks(config, true)]
      .filter((ref) => ref !== block && !ref.startsWith("data.") && !ref.startsWith("local."))
      .sort();
    const instances = creates
      .filter((rc) => `${rc.type}.${rc.name}` === block)
      .map((rc) => {
        const ctx = { type, account, region, address: rc.address };
        const attributes = fillBlock(rc.change.after, rc.change.after_unknown, schemaOf(type).block, ctx);
        return {
          ...(rc.index !== undefined ? { index_key: rc.index } : {}),
          schema_version: schemaOf(type).version ?? 0,
          attributes,
          sensitive_attributes: sensitivePaths(rc.change.after_sensitive),
          dependencies,
        };
      });
    state.resources.push({ mode: "managed", type, name, provider, instances });
  }
  state.serial += 1;
  return ready;
}
