import type { PolicyDocument } from "../policies/document";
import { effectivePolicy } from "../policies/persona-policy";
import type { FederationConfig, RoleConfig } from "./types";

/** Everything a role's policies allow and deny together: its persona's managed policies and its inline policy. */
export function rolePolicy(config: FederationConfig, role: RoleConfig): PolicyDocument {
  const managed = config.accounts[role.account]!.managedPolicies;
  return effectivePolicy([...role.managedPolicyKeys.map((key) => managed[key]!.document), role.inlinePolicy]);
}
