// Entra-mode simulation: the azuread provider cannot be installed here, so every azuread_* resource and data
// source of an Entra-mode stack becomes a `terraform_data` stand-in, and Terraform core plans the AWS side with
// the real AWS provider as it would in Entra mode. What this keeps is the graph: references, for_each over the
// Entra groups, and the `depends_on` that makes the identity-store lookups wait for provisioning. A stand-in
// is replaced exactly when the azuread provider would replace the real object (its ForceNew arguments go into
// `triggers_replace`); any other argument change is an in-place update, as in Entra.

/** Arguments the azuread provider (3.x) marks ForceNew, per type; "all" when every argument is. */
const FORCE_NEW = {
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

const META = new Set(["//", "for_each", "count", "depends_on", "lifecycle", "provider"]);

/** The expression inside a `${...}` argument (or the literal, JSON-encoded). */
const expression = (value) =>
  typeof value === "string" && /^\$\{.*\}$/s.test(value) ? value.slice(2, -1) : JSON.stringify(value);

/** Computed attributes read as structures: the users a lookup found, one per user principal name asked for. */
const STRUCTURED = {
  azuread_users: {
    users: (args) =>
      `\${[for upn in ${expression(args.user_principal_names)} : { user_principal_name = upn, object_id = "sim-user-\${upn}" }]}`,
  },
};
const REF = /(?<![\w.])(data\.)?(azuread_[a-z_]+)\.([A-Za-z0-9_]+)(\[[^\]]*\])?(\.[a-z_]+)?/g;

const standIn = (data, type, name) => `${data ? "data_" : ""}${type}_${name}`;

/** Rewrites an Entra-mode stack so that it plans without the azuread provider. */
export function simulateEntra(original) {
  const stack = structuredClone(original);
  const blocks = [];
  for (const [section, data] of [
    ["resource", false],
    ["data", true],
  ])
    for (const [type, byName] of Object.entries(stack[section] ?? {}))
      if (type.startsWith("azuread_")) {
        for (const [name, body] of Object.entries(byName)) blocks.push({ data, type, name, body });
        delete stack[section][type];
      }
  const key = (data, type, name) => `${data ? "data." : ""}${type}.${name}`;

  // The attributes read from each block (directly, or as each.value.<attr> where for_each iterates over it):
  // the stand-in's output must have them.
  const readAttrs = new Map(blocks.map((b) => [key(b.data, b.type, b.name), new Set()]));
  const text = JSON.stringify(stack) + JSON.stringify(blocks.map((b) => b.body));
  for (const m of text.matchAll(REF)) if (m[5]) readAttrs.get(key(m[1], m[2], m[3]))?.add(m[5].slice(1));
  // for_each over one block (`${azuread_group.team}`) or over the merge of several (created and existing groups).
  const iterating = (body) => {
    const m = typeof body.for_each === "string" && /^\$\{(?:merge\((.*)\)|(.*))\}$/.exec(body.for_each);
    const refs = m ? (m[1] ?? m[2]).split(/,\s*/) : [];
    const parsed = refs.map((ref) => /^(data\.)?(azuread_[a-z_]+)\.([A-Za-z0-9_]+)$/.exec(ref));
    return parsed.length > 0 && parsed.every(Boolean) ? parsed.map((p) => key(p[1], p[2], p[3])) : [];
  };
  const allBodies = [
    ...blocks.map((b) => b.body),
    ...["resource", "data"].flatMap((s) => Object.values(stack[s] ?? {}).flatMap((byName) => Object.values(byName))),
  ];
  for (const body of allBodies) {
    for (const over of iterating(body))
      for (const m of JSON.stringify(body).matchAll(/each\.value\.([a-z_]+)/g)) readAttrs.get(over).add(m[1]);
  }

  stack.resource ??= {};
  stack.resource.terraform_data = {};
  for (const b of blocks) {
    const args = Object.fromEntries(Object.entries(b.body).filter(([k]) => !META.has(k)));
    const instance = b.body.for_each !== undefined ? "${each.key}" : "0";
    const computed = {};
    for (const attr of readAttrs.get(key(b.data, b.type, b.name))) {
      if (attr in args) continue;
      const structured = STRUCTURED[b.type]?.[attr];
      if (structured) {
        computed[attr] = structured(args);
        continue;
      }
      // Lists of other objects' ids follow what was looked up; an object's own ids never change.
      computed[attr] = attr.endsWith("_ids") ? Object.values(args) : `sim-${b.type}-${attr}-${instance}`;
    }
    const forceNew = FORCE_NEW[b.type] === "all" ? Object.keys(args) : (FORCE_NEW[b.type] ?? []);
    const triggers = Object.fromEntries(Object.entries(args).filter(([k]) => forceNew.includes(k)));
    const lifecycle = { ...b.body.lifecycle };
    // Conditions read attributes of the real object (self.app_roles, ...), and ignore_changes names its arguments,
    // which a stand-in does not have; neither changes what the AWS side is planned with.
    delete lifecycle.precondition;
    delete lifecycle.postcondition;
    delete lifecycle.ignore_changes;
    stack.resource.terraform_data[standIn(b.data, b.type, b.name)] = {
      ...(b.body.for_each !== undefined ? { for_each: b.body.for_each } : {}),
      ...(b.body.depends_on ? { depends_on: b.body.depends_on } : {}),
      ...(Object.keys(lifecycle).length > 0 ? { lifecycle } : {}),
      input: { ...args, ...computed },
      ...(Object.keys(triggers).length > 0 ? { triggers_replace: triggers } : {}),
    };
  }

  // The redirect URIs' import targets an Entra object, which a stand-in cannot be; an adopted domain's import is
  // planned by the external examples' adopt-domain variant (a domain the fake AWS API describes), so here the
  // adopted domain is simply part of the state.
  delete stack.import;
  delete stack.provider.azuread;
  delete stack.terraform.required_providers.azuread;
  for (const variable of Object.values(stack.variable ?? {}))
    if (variable.default === undefined) variable.default = "simulated-value";

  // References: attribute reads go through the stand-in's output; whole-object references (for_each,
  // depends_on) name the stand-in itself.
  const json = JSON.stringify(stack).replace(REF, (_, data, type, name, index = "", attr = "") =>
    attr
      ? `terraform_data.${standIn(data, type, name)}${index}.output${attr}`
      : `terraform_data.${standIn(data, type, name)}${index}`,
  );
  // A for expression over a stand-in's instances reads their attributes under output too.
  const iterated = [...json.matchAll(/for \w+, (\w+) in terraform_data\.[A-Za-z0-9_]+ :/g)].map((m) => m[1]);
  const out = JSON.parse(
    iterated.reduce(
      (text, name) => text.replace(new RegExp(`\\b${name}\\.(?!output\\.)`, "g"), `${name}.output.`),
      json,
    ),
  );
  // for_each over a stand-in: each.value is the stand-in, its attributes are under output.
  for (const section of ["resource", "data"])
    for (const byName of Object.values(out[section] ?? {}))
      for (const [name, body] of Object.entries(byName))
        if (
          typeof body.for_each === "string" &&
          /^\$\{(terraform_data\.[A-Za-z0-9_]+|merge\(terraform_data\.[A-Za-z0-9_]+(, terraform_data\.[A-Za-z0-9_]+)*\))\}$/.test(
            body.for_each,
          )
        )
          byName[name] = JSON.parse(JSON.stringify(body).replace(/each\.value\.(?!output\.)/g, "each.value.output."));
  return out;
}
