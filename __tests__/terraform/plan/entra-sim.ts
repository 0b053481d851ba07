// Entra-mode simulation: the azuread provider cannot be installed here, so every azuread_* resource and data
// source of an Entra-mode stack is replaced by something Terraform core plans with the same graph, and the AWS side
// is planned with the real AWS provider as it would be in Entra mode.
//
// A resource becomes two `terraform_data` stand-ins:
//   terraform_data.<type>_<name>      input: its arguments; replaced exactly when the azuread provider would
//                                     replace the object (its ForceNew arguments are `triggers_replace`), any other
//                                     change is an in-place update, as in Entra;
//   terraform_data.<type>_<name>_ids  input: the ids the object gets when created (object_id, client_id, ...),
//                                     with the same `triggers_replace`: they stay known and unchanged through an
//                                     in-place update, as Entra's ids do, and become unknown only with a new object.
// A data source has no dependencies on managed objects in this stack, so Terraform reads it while planning: it
// becomes a local value holding its arguments and what the lookup finds, known at plan time as a real read is.
// Every reference goes through `local.<type>_<name>` (`local.data_<type>_<name>` for a data source), which merges
// a resource's arguments (as planned: its stand-in's input) and ids attribute by attribute, so an update leaves
// both known, as the azuread provider does.

import { isJsonObject, type BlockBody, type Json, type JsonObject, type Stack } from "../terraform-json";

/** Arguments the azuread provider (3.x) marks ForceNew, per type; "all" when every argument is. */
const FORCE_NEW: Readonly<Record<string, "all" | readonly string[]>> = {
  azuread_synchronization_job_provision_on_demand: "all",
  azuread_application_from_template: "all",
  azuread_service_principal_token_signing_certificate: "all",
  azuread_app_role_assignment: ["app_role_id", "principal_object_id", "resource_object_id"],
  azuread_service_principal: ["client_id"],
  azuread_synchronization_secret: ["service_principal_id"],
  azuread_synchronization_job: ["service_principal_id", "template_id"],
  azuread_application_identifier_uri: ["application_id", "identifier_uri"],
  azuread_application_redirect_uris: ["application_id", "type"],
  // display_name, description and members change in place.
  azuread_group: ["assignable_to_role", "mail_enabled", "types"],
  azuread_group_member: ["group_object_id", "member_object_id"],
  azuread_privileged_access_group_eligibility_schedule: ["group_id", "principal_id", "assignment_type"],
  azuread_group_role_management_policy: ["group_id", "role_id"],
};

/** Resource types whose import blocks the simulation keeps, as imports into their stand-ins. */
const IMPORTED_INTO_STAND_INS = new Set(["azuread_group_member"]);

const META = new Set(["//", "for_each", "count", "depends_on", "lifecycle", "provider"]);

/** What a lookup finds, when it is more than an id: the users a lookup by user principal names returns. */
const STRUCTURED: Readonly<Record<string, Readonly<Record<string, (args: JsonObject) => Json>>>> = {
  azuread_users: {
    users: (args) => principalNames(args).map((upn) => ({ user_principal_name: upn, object_id: `sim-user-${upn}` })),
    object_ids: (args) => principalNames(args).map((upn) => `sim-user-${upn}`),
  },
};

/** A lookup's `user_principal_names`, literal in this stack. */
function principalNames(args: JsonObject): string[] {
  const names = args.user_principal_names;
  if (!Array.isArray(names)) throw new Error("entra simulation: azuread_users needs literal user_principal_names");
  return names.map(String);
}
const REF = /(?<![\w.])(data\.)?(azuread_[a-z_]+)\.([A-Za-z0-9_]+)/g;

const standIn = (data: boolean, type: string, name: string) => `${data ? "data_" : ""}${type}_${name}`;

/** Replaces `each.key` and `each.value[.attr]` in a data source's literal arguments by one instance's. */
function instanceArgs(value: Json, key: string, each: Json): Json {
  if (Array.isArray(value)) return value.map((v) => instanceArgs(v, key, each));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, instanceArgs(v, key, each)]));
  if (typeof value !== "string" || !value.includes("each.")) return value;
  const m = /^\$\{each\.(key|value)(?:\.([A-Za-z_]+))?\}$/.exec(value);
  if (!m) throw new Error(`entra simulation: cannot expand ${value} in a data source`);
  if (m[1] === "key") return key;
  if (!m[2]) return each;
  const attr = isJsonObject(each) ? each[m[2]] : undefined;
  if (attr === undefined) throw new Error(`entra simulation: each.value has no ${m[2]} in ${value}`);
  return attr;
}

/** The instances of a data source's literal for_each (a map, or a set written `toset([...])`), or undefined. */
function literalInstances(forEach: Json | undefined): [string, Json][] | undefined {
  if (forEach === undefined) return undefined;
  if (isJsonObject(forEach)) return Object.entries(forEach);
  const set = typeof forEach === "string" ? /^\$\{toset\((\[.*\])\)\}$/s.exec(forEach) : null;
  if (set?.[1]) return (JSON.parse(set[1]) as Json[]).map((value) => [String(value), value]);
  throw new Error(`entra simulation: a data source's for_each must be literal, not ${JSON.stringify(forEach)}`);
}

/**
 * An argument as it is stored in a stand-in's input: the result of an expression in the JSON types that a state
 * (generated from JSON values) records, tuples and objects, so that a list a function returns (`sort(...)`) is not
 * a change of type, which terraform_data would plan as an update.
 */
function asJsonTypes(value: Json): Json {
  if (Array.isArray(value)) return value.map(asJsonTypes);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asJsonTypes(v)]));
  const whole = typeof value === "string" ? /^\$\{(.*)\}$/s.exec(value)?.[1] : undefined;
  return whole !== undefined && !whole.includes("${") ? `\${jsondecode(jsonencode(${whole}))}` : value;
}

/** Rewrites an Entra-mode stack so that it plans without the azuread provider. */
export function simulateEntra(original: Stack): Stack {
  const stack = structuredClone(original);
  const blocks: { data: boolean; type: string; name: string; body: BlockBody }[] = [];
  for (const [section, data] of [
    ["resource", false],
    ["data", true],
  ] as const)
    for (const [type, byName] of Object.entries(stack[section] ?? {}))
      if (type.startsWith("azuread_")) {
        for (const [name, body] of Object.entries(byName)) blocks.push({ data, type, name, body });
        delete stack[section]?.[type];
      }
  const key = (data: unknown, type: string, name: string) => `${data ? "data." : ""}${type}.${name}`;

  // The attributes read from each block, directly or as each.value.<attr> where for_each iterates over it.
  const readAttrs = new Map(blocks.map((b) => [key(b.data, b.type, b.name), new Set<string>()]));
  const everything = JSON.stringify(stack) + JSON.stringify(blocks.map((b) => b.body));
  for (const m of everything.matchAll(
    /(?<![\w.])(data\.)?(azuread_[a-z_]+)\.([A-Za-z0-9_]+)(?:\[[^\]]*\])?\.([a-z_]+)/g,
  ))
    readAttrs.get(key(m[1], `${m[2]}`, `${m[3]}`))?.add(`${m[4]}`);
  const allBodies = [
    ...blocks.map((b) => b.body),
    ...(["resource", "data"] as const).flatMap((s) =>
      Object.values(stack[s] ?? {}).flatMap((byName) => Object.values(byName)),
    ),
  ];
  // ... and through a for expression's symbol: [for key, group in azuread_group.team : group.object_id].
  for (const m of everything.matchAll(
    /for\s+(?:\w+,\s*)?(\w+)\s+in\s+(data\.)?(azuread_[a-z_]+)\.([A-Za-z0-9_]+)\s*:/g,
  ))
    for (const use of everything.matchAll(new RegExp(`(?<![\\w.])${m[1]}\\.([a-z_]+)`, "g")))
      readAttrs.get(key(m[2], `${m[3]}`, `${m[4]}`))?.add(`${use[1]}`);
  for (const body of allBodies) {
    const over = typeof body.for_each === "string" ? [...body.for_each.matchAll(REF)] : [];
    for (const ref of over)
      for (const m of JSON.stringify(body).matchAll(/each\.value\.([a-z_]+)/g))
        readAttrs.get(key(ref[1], `${ref[2]}`, `${ref[3]}`))?.add(`${m[1]}`);
  }

  const resources = (stack.resource ??= {});
  const standIns = (resources.terraform_data ??= {});
  const locals = (stack.locals ??= {});
  const isResource = new Set(blocks.filter((b) => !b.data).map((b) => key(false, b.type, b.name)));
  for (const b of blocks) {
    const literalArgs = Object.fromEntries(
      Object.entries(b.body).flatMap(([k, v]) => (META.has(k) || v === undefined ? [] : [[k, v]])),
    ) as JsonObject;
    const args = b.data ? literalArgs : (asJsonTypes(literalArgs) as JsonObject);
    const read = [...(readAttrs.get(key(b.data, b.type, b.name)) ?? [])];
    const computed = read.filter((attr) => !(attr in args));
    const id = standIn(b.data, b.type, b.name);
    if (b.data) {
      const found = (instanceKey: string, values: JsonObject) =>
        Object.fromEntries(
          computed.map((attr) => [
            attr,
            STRUCTURED[b.type]?.[attr]?.(values) ?? `sim-${b.type}-${attr}-${instanceKey}`,
          ]),
        );
      const instances = literalInstances(b.body.for_each);
      locals[id] = instances
        ? Object.fromEntries(
            instances.map(([k, each]) => {
              const values = instanceArgs(args, k, each) as JsonObject;
              return [k, { ...values, ...found(k, values) }];
            }),
          )
        : { ...args, ...found("0", args) };
      continue;
    }
    const forEach = b.body.for_each;
    const declared = FORCE_NEW[b.type];
    const forceNew: readonly string[] = declared === "all" ? Object.keys(args) : (declared ?? []);
    const triggers = Object.fromEntries(Object.entries(args).filter(([k]) => forceNew.includes(k)));
    const replaced = Object.keys(triggers).length > 0 ? { triggers_replace: triggers } : {};
    const lifecycle: JsonObject = { ...b.body.lifecycle };
    // Conditions read attributes of the real object (self.app_roles, ...), and ignore_changes names its arguments,
    // which a stand-in does not have; neither changes what the AWS side is planned with.
    delete lifecycle.precondition;
    delete lifecycle.postcondition;
    delete lifecycle.ignore_changes;
    const dependsOn = (b.body.depends_on ?? []).filter((dep) => isResource.has(dep));
    standIns[id] = {
      ...(forEach !== undefined ? { for_each: forEach } : {}),
      ...(dependsOn.length > 0 ? { depends_on: dependsOn } : {}),
      ...(Object.keys(lifecycle).length > 0 ? { lifecycle } : {}),
      input: args,
      ...replaced,
    };
    const instance = forEach !== undefined ? "${each.key}" : "0";
    if (computed.length > 0)
      standIns[`${id}_ids`] = {
        ...(forEach !== undefined ? { for_each: forEach } : {}),
        input: Object.fromEntries(computed.map((attr) => [attr, `sim-${b.type}-${attr}-${instance}`])),
        ...replaced,
      };
    const argsRead = JSON.stringify(read.filter((attr) => attr in args));
    const merged = (object: string, ids: string) =>
      computed.length > 0
        ? `merge({ for name in ${argsRead} : name => ${object}.input[name] }, ${ids}.output)`
        : `{ for name in ${argsRead} : name => ${object}.input[name] }`;
    locals[id] =
      forEach !== undefined
        ? `\${{ for key, object in terraform_data.${id} : key => ${merged("object", `terraform_data.${id}_ids[key]`)} }}`
        : `\${${merged(`terraform_data.${id}`, `terraform_data.${id}_ids`)}}`;
  }

  // The redirect URIs' import targets an Entra object, which a stand-in cannot be; an adopted domain's import is
  // planned by the external examples' adopt variants, so here the adopted domain is simply part of the state.
  // Memberships of the admin group switched to just in time (admins.justInTime.importMemberships) are imported into
  // their stand-ins: the import ids must be known while planning, as they must be in Entra. The azuread provider
  // reads a membership's group and member back from the import id, so it plans no replacement; a terraform_data
  // import knows only its id, so such a stand-in ignores its triggers_replace.
  const imports = (stack.import ?? []).filter((block) => IMPORTED_INTO_STAND_INS.has(block.to.split(".")[0] ?? ""));
  delete stack.import;
  if (imports.length > 0)
    stack.import = imports.map(({ to, id }) => {
      const [, type = "", name = "", instance = ""] = /^(azuread_[a-z_]+)\.([A-Za-z0-9_]+)(.*)$/.exec(to) ?? [];
      const target = standIns[standIn(false, type, name)];
      if (!target) throw new Error(`entra simulation: the import into ${to} has no stand-in`);
      target.lifecycle = { ...target.lifecycle, ignore_changes: ["triggers_replace"] };
      return { to: `terraform_data.${standIn(false, type, name)}${instance}`, id };
    });
  // Whatever the stack forgets of Entra, the simulation forgets of its stand-ins.
  if (stack.removed)
    stack.removed = stack.removed.flatMap((block) => {
      const m = /^(azuread_[a-z_]+)\.([A-Za-z0-9_]+)$/.exec(block.from);
      if (!m) return [block];
      const id = standIn(false, `${m[1]}`, `${m[2]}`);
      return [id, `${id}_ids`].map((name) => ({ ...block, from: `terraform_data.${name}` }));
    });
  delete stack.provider?.azuread;
  delete stack.terraform.required_providers.azuread;
  for (const variable of Object.values(stack.variable ?? {}))
    if (variable.default === undefined) variable.default = "simulated-value";

  // depends_on names a block, not a value: a resource's stand-in (data sources are read while planning anyway).
  for (const section of ["resource", "data"] as const)
    for (const byName of Object.values(stack[section] ?? {}))
      for (const body of Object.values(byName))
        if (body.depends_on) {
          body.depends_on = body.depends_on.flatMap((dep) => {
            const m = /^(data\.)?(azuread_[a-z_]+)\.([A-Za-z0-9_]+)$/.exec(dep);
            if (!m) return [dep];
            return m[1] ? [] : [`terraform_data.${standIn(false, `${m[2]}`, `${m[3]}`)}`];
          });
          if (body.depends_on.length === 0) delete body.depends_on;
        }
  // Every other reference reads the local of the object.
  return JSON.parse(
    JSON.stringify(stack).replace(
      REF,
      (_, data: string | undefined, type: string, name: string) => `local.${standIn(data !== undefined, type, name)}`,
    ),
  ) as Stack;
}
