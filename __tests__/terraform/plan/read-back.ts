// The state after a successful apply, as the providers' Read functions store what the APIs return, rather than
// what was planned (state.ts builds the planned values). Each rewrite is one the provider's source shows it makes,
// or one of the API's own forms; the second-apply variant then plans the same config against it and must see no
// change at all.
//
// AWS provider (internal/service/...):
//   - IAM and Organizations policy documents: stored as the API returns them (IAM returns its own layout; the
//     provider keeps the prior text only when equivalent, and an import has none), compared by meaning.
//   - sagemaker domain.go and user_profile.go flattenUserSettings: auto_mount_home_efs and studio_web_portal are
//     set from the answer whatever the config said (Optional + Computed), space storage settings too.
// azuread provider (3.x), for the Entra simulation's stand-ins:
//   - service_principal_token_signing_certificate_resource.go Read: end_date is Graph's endDateTime, UTC with
//     whole seconds and `Z`.
//   - conditional_access_policy_resource.go: included_groups and excluded_users are ordered lists as Graph keeps
//     them (modelled sorted; the stack sends them sorted).

import { isJsonObject, type Json, type JsonObject, type State, type StateResource } from "../terraform-json";

/** A JSON policy document in another layout and key order: what IAM may return for the same policy. */
function relaidPolicy(text: string): string {
  const reorder = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(reorder);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.keys(value)
        .reverse()
        .map((key) => [key, reorder(value[key] ?? null)]),
    );
  };
  return JSON.stringify(reorder(JSON.parse(text) as Json), null, 4);
}

const POLICIES: Readonly<Record<string, readonly string[]>> = {
  aws_iam_role: ["assume_role_policy"],
  aws_iam_policy: ["policy"],
  aws_iam_role_policy: ["policy"],
  aws_ssoadmin_permission_set_inline_policy: ["inline_policy"],
  aws_organizations_policy: ["content"],
};

/** Graph's form of a timestamp: UTC, whole seconds, `Z`. */
const graphDate = (text: string) => new Date(text).toISOString().replace(/\.\d{3}Z$/, "Z");

function readUserSettings(settings: Json | undefined, autoMount: string): void {
  for (const s of Array.isArray(settings) ? settings : []) {
    if (!isJsonObject(s)) continue;
    s.auto_mount_home_efs = autoMount;
    s.studio_web_portal = s.studio_web_portal || "ENABLED";
  }
}

/** Rewrites one instance's attributes in place as the provider's Read would leave them. */
function readInstance(resource: StateResource, attributes: JsonObject): void {
  for (const name of POLICIES[resource.type] ?? []) {
    const policy = attributes[name];
    if (typeof policy === "string" && policy.startsWith("{")) attributes[name] = relaidPolicy(policy);
  }
  if (resource.type === "aws_sagemaker_domain") readUserSettings(attributes.default_user_settings, "Enabled");
  if (resource.type === "aws_sagemaker_user_profile") readUserSettings(attributes.user_settings, "DefaultAsDomain");
  if (resource.type !== "terraform_data") return;
  // Entra stand-ins: the real object's arguments are the stand-in's input (and, for ForceNew ones, its triggers).
  for (const value of [attributes.input, attributes.triggers_replace, attributes.output]) {
    const args = isJsonObject(value) ? value.value : undefined;
    if (!isJsonObject(args)) continue;
    if (
      resource.name.startsWith("azuread_service_principal_token_signing_certificate_") &&
      typeof args.end_date === "string" &&
      args.end_date
    )
      args.end_date = graphDate(args.end_date);
    const users = isJsonObject(args.conditions) ? args.conditions.users : undefined;
    if (!isJsonObject(users)) continue;
    for (const list of ["included_groups", "excluded_users"]) {
      const ids = users[list];
      if (Array.isArray(ids)) users[list] = [...ids].sort();
    }
  }
}

/** A copy of `state` as read back after the apply. */
export function readBack(state: State): State {
  const copy = structuredClone(state);
  for (const resource of copy.resources)
    for (const instance of resource.instances) readInstance(resource, instance.attributes);
  copy.serial += 1;
  return copy;
}
