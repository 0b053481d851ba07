import type { RawProblem } from "../../errors";
import { defaultPermissionSetName, PERMISSION_SET_NAME_MAX } from "../../names";
import type { FederationInput } from "../../schema";

/** The derived permission set name grows with the config name; IAM Identity Center caps it. */
export function permissionSetName(input: FederationInput): RawProblem[] {
  const name = input.admins.permissionSetName ?? defaultPermissionSetName(input.name);
  if (name.length <= PERMISSION_SET_NAME_MAX) return [];
  return [
    {
      path: ["admins"],
      rule: `permission set name "${name}" is longer than ${PERMISSION_SET_NAME_MAX} characters`,
      fix: "set admins.permissionSetName to a shorter name",
    },
  ];
}
