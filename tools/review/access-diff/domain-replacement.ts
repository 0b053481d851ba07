import { IDENTITY_CENTER_ACCOUNT, type FederationConfig, type TeamConfig } from "../../../config/types";
import { code, codeList } from "../../shared/markdown";
import { sorted } from "../../shared/sets";

/** A Studio domain the change would take away, with its users' home directories (EFS). */
export interface DomainLoss {
  readonly team: string;
  readonly domainName: string;
  readonly action: "replaced" | "destroyed";
  /** Why, in the config's own terms, e.g. "aws.network.vpcId `vpc-a` -> `vpc-b`". */
  readonly reasons: readonly string[];
}

/**
 * Domains a plan would destroy or replace. The domain's address is its team key, and the provider replaces a
 * domain when its name, VPC, subnets, security groups (domain settings), KMS key or region change
 * (research/aws.md, ForceNew fields); `prevent_destroy` then fails the plan, but the reviewer should know why.
 */
export function domainLosses(base: FederationConfig, head: FederationConfig): DomainLoss[] {
  const before = deployedDomains(base);
  const after = deployedDomains(head);
  const losses: DomainLoss[] = [];
  for (const team of Object.values(before)) {
    const same = after[team.key];
    if (same !== undefined) {
      const reasons = replacementReasons(base, team, head, same);
      if (reasons.length > 0) losses.push({ team: team.key, domainName: team.domainName, action: "replaced", reasons });
      continue;
    }
    // A retired team's domain is forgotten, not destroyed, if the retirement names the account it is in.
    const retired = head.retiredTeams[team.key];
    if (retired !== undefined && retired.account === team.account) continue;
    const renamed = Object.values(after).find(
      (other) => before[other.key] === undefined && other.group.toLowerCase() === team.group.toLowerCase(),
    );
    losses.push({
      team: team.key,
      domainName: team.domainName,
      action: renamed ? "replaced" : "destroyed",
      reasons: [
        renamed
          ? `team key renamed ${code(team.key)} → ${code(renamed.key)} (a new Terraform address)`
          : retired !== undefined
            ? `retiredTeams.${team.key} names account ${code(retired.account)}, but the domain is in ${code(team.account)}`
            : head.phase === "full"
              ? "team removed from the config"
              : "the config no longer declares the AWS side",
      ],
    });
  }
  return losses;
}

/** Domains exist only once the AWS side is declared (the full phase). */
function deployedDomains(config: FederationConfig): Readonly<Record<string, TeamConfig>> {
  return config.phase === "full" ? config.teams : {};
}

function replacementReasons(base: FederationConfig, was: TeamConfig, head: FederationConfig, is: TeamConfig): string[] {
  const reasons: string[] = [];
  const compare = (what: string, before: string, after: string) => {
    if (before !== after) reasons.push(`${what} ${before} → ${after}`);
  };
  const ids = (values: readonly string[] | undefined) => codeList(sorted(values ?? []));
  const optional = (value: string | undefined) => (value === undefined ? "(none)" : code(value));
  compare("domain name", code(was.domainName), code(is.domainName));
  const before = base.accounts[was.account];
  const after = head.accounts[is.account];
  // The config path of the team's account settings: aws.* for the Identity Center account.
  const at = is.account === IDENTITY_CENTER_ACCOUNT ? "aws" : `aws.accounts.${is.account}`;
  compare("aws.region", code(base.aws.region), code(head.aws.region));
  compare("account", optional(before?.accountId), optional(after?.accountId));
  compare(`${at}.network.vpcId`, optional(before?.network?.vpcId), optional(after?.network?.vpcId));
  // Subnets and security groups are sets to the provider: reordering them is no change.
  compare(`${at}.network.subnetIds`, ids(before?.network?.subnetIds), ids(after?.network?.subnetIds));
  compare(
    `${at}.network.securityGroupIds`,
    ids(before?.network?.securityGroupIds),
    ids(after?.network?.securityGroupIds),
  );
  compare(`${at}.kmsKeyArn`, optional(before?.kmsKeyArn), optional(after?.kmsKeyArn));
  return reasons;
}
