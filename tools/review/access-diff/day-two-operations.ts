import { ADMIN_GROUP_KEY, type FederationConfig } from "../../../config/types";
import { code, codeList } from "../../shared/markdown";

/**
 * The day-2 operations a change carries out through Terraform blocks rather than as plain creates and deletes, one
 * line each, in what they mean for the people who sign in and what the operator still does around the apply:
 * retiring a team (its domain is forgotten), switching the admin group to just in time or back (memberships are
 * imported or forgotten), rotating the SAML signing certificate (sign-in stops until it is activated).
 */
export function dayTwoOperations(base: FederationConfig, head: FederationConfig): string[] {
  return [...retirements(base, head), ...justInTimeSwitch(base, head), ...certificateRotation(base, head)];
}

function retirements(base: FederationConfig, head: FederationConfig): string[] {
  if (base.phase !== "full") return [];
  return (
    Object.values(head.retiredTeams)
      // Named in another account, the domain is not forgotten but destroyed: a domain loss, refused by the plan.
      .filter(
        (retired) => base.teams[retired.key]?.account === retired.account && head.teams[retired.key] === undefined,
      )
      .map((retired) => {
        const team = base.teams[retired.key]!;
        // The guard covers the accounts with domains Terraform manages: the account of its last team leaves it.
        const unguarded =
          head.aws.consoleGuard.scp && (head.accounts[retired.account]?.teams.length ?? 0) === 0
            ? ` The console guard is detached from account ${code(retired.account)} with the same apply: delete the domain soon.`
            : "";
        return (
          `team ${code(team.key)} retired: Terraform forgets its domain ${code(team.domainName)}, which stays in its ` +
          "account with the home directories, unmanaged, and deletes the team's profiles, roles, domain assignment " +
          "and group. Before the apply, delete the domain's apps and spaces; afterwards, delete the domain yourself " +
          `(docs/runbook.md, "Remove a team").${unguarded}`
        );
      })
  );
}

function justInTimeSwitch(base: FederationConfig, head: FederationConfig): string[] {
  const before = base.admins.justInTime;
  const after = head.admins.justInTime;
  const group = head.groups[ADMIN_GROUP_KEY]!;
  if (head.identityProvider.type !== "entra" || group.existingObjectId !== undefined) return [];
  const permanent = group.members;
  if (before === undefined && after !== undefined) {
    if (!after.importMemberships)
      return permanent.length === 0
        ? []
        : [
            `admin group switched to just in time without ${code("admins.justInTime.importMemberships")}: the permanent ` +
              `admins ${codeList(permanent)} are members already and Entra refuses to add them again, so the apply ` +
              "fails. Set importMemberships: true for this change.",
          ];
    return [
      `admin group switched to just in time: the plan imports the memberships of the permanent admins ` +
        `${codeList(permanent)}; the eligible admins ${codeList(after.eligible)} stay permanent members until ` +
        "you remove them from the group in Entra after the apply. Remove importMemberships after the apply.",
    ];
  }
  if (before !== undefined && after === undefined)
    return [
      "admin group back to permanent membership: Terraform forgets the memberships it managed one by one (they " +
        `stay), the group holds every admin again (${codeList(group.members)}), and PIM eligibility is deleted.`,
    ];
  if (before?.importMemberships && after?.importMemberships) {
    const joined = permanent.filter((user) => !base.groups[ADMIN_GROUP_KEY]!.members.includes(user));
    if (joined.length > 0)
      return [
        `${code("admins.justInTime.importMemberships")} is still on: the plan fails to import the new permanent ` +
          `admins ${codeList(joined)}, who are not members yet. Remove importMemberships.`,
      ];
  }
  return [];
}

function certificateRotation(base: FederationConfig, head: FederationConfig): string[] {
  const before = base.identityProvider;
  const after = head.identityProvider;
  if (before.type !== "entra" || after.type !== "entra") return [];
  if (before.signingCertificateEndDate === after.signingCertificateEndDate) return [];
  return [
    `SAML signing certificate rotated (valid until ${code(before.signingCertificateEndDate)} → ` +
      `${code(after.signingCertificateEndDate)}): the apply replaces it, and sign-in through Entra fails until ` +
      "the new certificate is activated and its metadata is uploaded to IAM Identity Center, a few minutes. Plan " +
      'the window (docs/runbook.md, "Signing certificate").',
  ];
}
