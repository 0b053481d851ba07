import {
  IDENTITY_CENTER_ACCOUNT,
  type AccountConfig,
  type FederationConfig,
  type MemberConfig,
  type TeamConfig,
} from "../../config/types";
import { UserError } from "../shared/user-error";

/** One person's profile as the config declares it: the team, its domain and account, and the profile's address. */
export interface MemberTarget {
  readonly member: MemberConfig;
  readonly team: TeamConfig;
  readonly account: AccountConfig;
  /** The Terraform address of the profile (docs/addresses.md). */
  readonly address: string;
}

/** `aws_sagemaker_user_profile.member["<team>/<user>"]`, with `_<account>` in a workload account. */
export function profileAddress(team: TeamConfig, userName: string): string {
  const suffix = team.account === IDENTITY_CENTER_ACCOUNT ? "" : `_${team.account}`;
  return `aws_sagemaker_user_profile.member${suffix}[${JSON.stringify(`${team.key}/${userName}`)}]`;
}

export function targetOf(config: FederationConfig, team: TeamConfig, member: MemberConfig): MemberTarget {
  return { member, team, account: config.accounts[team.account]!, address: profileAddress(team, member.userName) };
}

/** Studio domains, and so profiles, exist only once the AWS side is declared. */
export function requireDeployed(config: FederationConfig, source: string): void {
  if (config.phase !== "full")
    throw new UserError(
      `${source} is in the bootstrap phase (no aws.identityCenter), so no Studio domain exists yet: finish docs/runbook.md section 1 first`,
    );
}

/**
 * The profile of `userName` in the config, in `team` when given. User names are matched as written in the
 * config, and a near miss (another case) is suggested rather than guessed.
 */
export function memberTarget(
  config: FederationConfig,
  userName: string,
  team: string | undefined,
  source: string,
): MemberTarget {
  requireDeployed(config, source);
  const teams = Object.values(config.teams).filter((t) => t.members[userName] !== undefined);
  if (teams.length === 0) {
    const near = Object.values(config.teams)
      .flatMap((t) => Object.keys(t.members))
      .find((name) => name.toLowerCase() === userName.toLowerCase());
    throw new UserError(
      near !== undefined
        ? `${userName} is not a member of any team in ${source}; did you mean ${near}? User names are matched as written in the config`
        : `${userName} is not a member of any team in ${source}: check the spelling, or for someone already removed on your branch pass --base origin/main (the deployed config)`,
    );
  }
  if (team !== undefined) {
    const chosen = teams.find((t) => t.key === team);
    if (chosen === undefined)
      throw new UserError(
        config.teams[team] === undefined
          ? `there is no team ${team} in ${source}: use one of ${Object.keys(config.teams).join(", ")}`
          : `${userName} is not a member of team ${team} in ${source}: they are in ${teams.map((t) => t.key).join(", ")}; if your branch moved them, pass --base origin/main (the deployed config)`,
      );
    return targetOf(config, chosen, chosen.members[userName]!);
  }
  if (teams.length > 1)
    throw new UserError(
      `${userName} is in ${teams.length} teams (${teams.map((t) => t.key).join(", ")}): add --team <key> to choose the profile`,
    );
  return targetOf(config, teams[0]!, teams[0]!.members[userName]!);
}
