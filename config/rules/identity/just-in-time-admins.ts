import { isoDurationMinutes, pimActivationMinutes, pimDuration } from "../../durations";
import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/** Just-in-time admins need Entra (PIM for groups); each eligible one must be an admin; PIM caps activation at a day. */
export function justInTimeAdmins(input: FederationInput): RawProblem[] {
  const jit = input.admins.justInTime;
  if (jit === undefined) return [];
  if (input.identityProvider.type !== "entra")
    return [
      {
        path: ["admins", "justInTime"],
        rule: "just-in-time admins need Entra ID Privileged Identity Management; with an external identity provider this config does not manage the admin group",
        fix: "remove admins.justInTime and set up eligibility in your identity provider",
      },
    ];
  const problems: RawProblem[] = [];
  const admins = new Set(input.admins.members.map((user) => user.toLowerCase()));
  (jit.members ?? []).forEach((user, index) => {
    if (!admins.has(user.toLowerCase()))
      problems.push({
        path: ["admins", "justInTime", "members", index],
        rule: `"${user}" is not one of admins.members`,
        fix: "list the admin under admins.members too, or remove them here",
      });
  });
  if (jit.importMemberships && input.admins.existingGroupId !== undefined)
    problems.push({
      path: ["admins", "justInTime", "importMemberships"],
      rule: "the existing admin group's membership stays Entra's (admins.existingGroupId): there is no membership to import",
      fix: "remove importMemberships",
    });
  const activation = pimActivationMinutes(jit.maximumDuration);
  const session = isoDurationMinutes(input.admins.sessionDuration);
  if (activation !== undefined && session !== undefined && session > activation)
    problems.push({
      path: ["admins", "sessionDuration"],
      rule: `an admin session (${input.admins.sessionDuration}) would outlast the activation (${jit.maximumDuration}) that grants it`,
      fix: `set admins.sessionDuration to ${pimDuration(activation)} or less, or raise justInTime.maximumDuration`,
    });
  if (activation === undefined)
    problems.push({
      path: ["admins", "justInTime", "maximumDuration"],
      rule: `activation duration "${jit.maximumDuration}" must be whole half hours from 1 to 24 hours (PIM takes half-hour steps; an activation needs time to reach IAM Identity Center)`,
      fix: "write it like PT4H, PT1H30M or P1D",
    });
  // PIM never lets someone approve their own activation: a sole approver who is eligible could never activate.
  const eligible = new Set((jit.members ?? input.admins.members).map((user) => user.toLowerCase()));
  if (jit.approvers.length === 1 && eligible.has(jit.approvers[0]!.toLowerCase()))
    problems.push({
      path: ["admins", "justInTime", "approvers", 0],
      rule: `"${jit.approvers[0]}" is the only approver and is eligible too: nobody could approve their own activation`,
      fix: "add a second approver, or make the approver a permanent admin (leave them out of justInTime.members)",
    });
  return problems;
}
