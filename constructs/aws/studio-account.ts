import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import type { AccountConfig, PersonaConfig, ProfileConfig, RoleConfig, TeamConfig } from "../../config/types";
import { studioPortal, type StudioPortal } from "../../policies/studio-portal";
import { ExecutionRoles } from "./execution-roles";
import type { IdentityCenterLookup } from "./identity-center-lookup";
import { SdkLifecycleConfigs } from "./sdk-lifecycle-configs";
import { StudioDomains } from "./studio-domains";
import { UserProfiles } from "./user-profiles";

export interface StudioAccountProps {
  /** The provider of this account. */
  readonly provider: AwsProvider;
  readonly account: AccountConfig;
  /** The teams, roles and profiles that live in this account. */
  readonly teams: Readonly<Record<string, TeamConfig>>;
  readonly roles: Readonly<Record<string, RoleConfig>>;
  readonly profiles: Readonly<Record<string, ProfileConfig>>;
  /** Every persona, for what the Studio web portal shows its people. */
  readonly personas: Readonly<Record<string, PersonaConfig>>;
  readonly identityCenter: IdentityCenterLookup;
  /** IAM path of the execution roles. */
  readonly executionRolePath: string;
  /** `aws`, or the region's other partition, for ARNs. */
  readonly partition: string;
  /**
   * Appended to the address of every block of this account (`aws_sagemaker_domain.team_research`).
   * @default "" (the Identity Center account)
   */
  readonly addressSuffix?: string;
}

/** Everything Studio needs in one account: the execution roles, one domain per team, and the user profiles. */
export class StudioAccount extends Construct {
  readonly domains: StudioDomains;

  constructor(scope: Construct, id: string, props: StudioAccountProps) {
    super(scope, id);
    const { provider, account, addressSuffix } = props;
    if (account.network === undefined) throw new Error(`account ${account.key} hosts domains but has no network`);
    const roles = new ExecutionRoles(this, "execution_roles", {
      provider,
      roles: props.roles,
      managedPolicies: account.managedPolicies,
      path: props.executionRolePath,
      accountId: account.accountId,
      partition: props.partition,
      addressSuffix,
    });
    this.domains = new StudioDomains(this, "studio", {
      provider,
      teams: props.teams,
      network: account.network,
      kmsKeyArn: account.kmsKeyArn,
      roles,
      identityCenter: props.identityCenter,
      addressSuffix,
    });
    const sdkDefaults = new SdkLifecycleConfigs(this, "sdk_defaults", {
      provider,
      account: { ...account, network: account.network },
      partition: props.partition,
      teams: props.teams,
      roles: props.roles,
      addressSuffix,
    });
    new UserProfiles(this, "user_profiles", {
      provider,
      profiles: props.profiles,
      teams: props.teams,
      domains: this.domains,
      roles,
      portals: personaPortals(props.roles, props.personas),
      personaOfRole: Object.fromEntries(Object.entries(props.roles).map(([key, role]) => [key, role.persona])),
      kmsKeyArn: account.kmsKeyArn,
      sdkDefaults,
      waitFor: [props.identityCenter.users],
      addressSuffix,
    });
  }
}

/** The portal of each persona the roles have, worked out once per persona. */
function personaPortals(
  roles: Readonly<Record<string, RoleConfig>>,
  personas: Readonly<Record<string, PersonaConfig>>,
): Record<string, StudioPortal> {
  const used = [...new Set(Object.values(roles).map((role) => role.persona))].sort();
  return Object.fromEntries(used.map((persona) => [persona, studioPortal(personas[persona]!)]));
}
