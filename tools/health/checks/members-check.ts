import type { FederationConfig } from "../../../config/types";
import type { Finding } from "./finding";

const CHECK = "Members in IAM Identity Center";
/** Names listed in a summary line; the rest are counted. */
const SHOWN = 10;

/**
 * The config's permanent members (of the teams and the admin group) that IAM Identity Center does not have. Eligible
 * admins are left out: they are in the admin group, and so in the provisioning scope, only while activated.
 */
export function membersFinding(config: FederationConfig, userNames: ReadonlySet<string>): Finding[] {
  const members = [...new Set(Object.values(config.groups).flatMap((group) => group.members))].sort();
  const missing = members.filter((member) => !userNames.has(member.toLowerCase()));
  if (missing.length === 0)
    return [{ check: CHECK, status: "ok", summary: `all ${members.length} members of the config are there` }];
  const shown = missing.slice(0, SHOWN).join(", ");
  const more = missing.length > SHOWN ? ` and ${missing.length - SHOWN} more` : "";
  return [
    {
      check: CHECK,
      status: "action",
      summary: `${missing.length} of ${members.length} members are missing: ${shown}${more}; they cannot sign in, and an apply that gives them a profile fails`,
      next:
        config.identityProvider.type === "entra"
          ? "check the provisioning log findings, then provision each one on demand in Entra > the app > Provisioning > Provision on demand (docs/runbook.md, section 14)"
          : "provision them from your identity provider, or correct their user names in the config (docs/runbook.md, section 14)",
    },
  ];
}
