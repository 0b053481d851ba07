import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SagemakerDomain } from "@cdktf/provider-aws/lib/sagemaker-domain";
import { SsoadminApplicationAssignment } from "@cdktf/provider-aws/lib/ssoadmin-application-assignment";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import type { NetworkConfig, TeamConfig } from "../../config/types";
import { fixAddress } from "../fixed-address";
import { ImportBlock } from "../import-block";
import { instanceAttribute } from "../instance-attribute";
import { DomainSettings, EXECUTION_ROLE_IDENTITY, KEPT_FROM_CREATION, sharedSpaceDefaults } from "./domain-settings";
import type { ExecutionRoles } from "./execution-roles";
import type { IdentityCenterLookup } from "./identity-center-lookup";
import { stableGroupAssignment } from "./stable-group-assignment";
import type { LimitOf } from "./studio-limits";
import { sharedNotebooks, userSettings } from "./user-settings";

export interface StudioDomainsProps {
  /** The provider of the account the domains live in (their assignments use the Identity Center's). */
  readonly provider: AwsProvider;
  readonly teams: Readonly<Record<string, TeamConfig>>;
  readonly network: NetworkConfig;
  readonly roles: ExecutionRoles;
  readonly identityCenter: IdentityCenterLookup;
  /**
   * Key that encrypts the domains' home file systems.
   * @default - an AWS managed key
   */
  readonly kmsKeyArn?: string;
  /**
   * Appended to every address (`aws_sagemaker_domain.team_research`).
   * @default "" (the Identity Center account)
   */
  readonly addressSuffix?: string;
}

/** The Git repositories of a team's JupyterLab spaces (none: no block, as SageMaker returns none). */
export const CODE_REPOSITORIES = {
  for_each: "${each.value.gitRepositories}",
  content: { repository_url: "${code_repository.value}" },
};

/**
 * One Studio domain per team in IAM Identity Center mode, and the team's group assigned to the domain's
 * Identity Center application (without it nobody can open Studio).
 */
export class StudioDomains extends Construct {
  readonly domains: SagemakerDomain;
  readonly assignments: SsoadminApplicationAssignment;
  readonly settings: DomainSettings;

  constructor(scope: Construct, id: string, props: StudioDomainsProps) {
    super(scope, id);
    const teams = TerraformIterator.fromMap(
      Object.fromEntries(
        Object.values(props.teams).map((team) => [
          team.key,
          {
            domainName: team.domainName,
            sharedSpaceRole: team.sharedSpaceRoleKey,
            sharedNotebooks: sharedNotebooks(team),
            gitRepositories: team.gitRepositories,
            ...team.limits,
          },
        ]),
      ),
    );
    const sharedSpaceRole = props.roles.arnOf(teams.getString("sharedSpaceRole"));
    const limit: LimitOf = (name) => teams.getNumber(name);
    const suffix = props.addressSuffix ?? "";
    const securityGroups = props.network.securityGroupIds.length > 0 ? [...props.network.securityGroupIds] : undefined;

    // Replacing a domain deletes its users' home directories: the address is the team key, the home file
    // system is retained, and Terraform refuses any plan that would destroy a domain. Its settings are those of
    // its creation (KEPT_FROM_CREATION): each profile carries its own, and a profile that had none would fall back
    // to the least a member of the team may do, the shared-space role.
    this.domains = fixAddress(
      new SagemakerDomain(this, "domains", {
        provider: props.provider,
        forEach: teams,
        domainName: teams.getString("domainName"),
        authMode: "SSO",
        vpcId: props.network.vpcId,
        subnetIds: [...props.network.subnetIds],
        appNetworkAccessType: props.network.appNetworkAccessType,
        kmsKeyId: props.kmsKeyArn,
        retentionPolicy: { homeEfsFileSystem: "Retain" },
        domainSettings: {
          securityGroupIds: securityGroups,
          executionRoleIdentityConfig: EXECUTION_ROLE_IDENTITY,
        },
        defaultUserSettings: {
          executionRole: sharedSpaceRole,
          securityGroups,
          ...userSettings(limit, teams.getString("sharedNotebooks"), props.kmsKeyArn),
        },
        // Shared spaces run as a role no bigger than any member's persona, never as the default persona's.
        defaultSpaceSettings: sharedSpaceDefaults(sharedSpaceRole, securityGroups, limit),
        tags: { "sagemaker-team": teams.key },
        lifecycle: { preventDestroy: true, ignoreChanges: KEPT_FROM_CREATION },
      }),
      `team${suffix}`,
    );
    // Adopted domains: imported under their team's key, then updated in place to the config (a name, VPC, subnet
    // or KMS key that differs would replace them, which prevent_destroy refuses).
    for (const { key, importDomainId } of Object.values(props.teams))
      if (importDomainId !== undefined)
        new ImportBlock(this, `import_${key}`, {
          to: `aws_sagemaker_domain.team${suffix}[${JSON.stringify(key)}]`,
          id: importDomainId,
          provider: props.provider,
        });
    this.domains.addOverride(
      "default_user_settings.jupyter_lab_app_settings.dynamic.code_repository",
      CODE_REPOSITORIES,
    );
    this.domains.addOverride(
      "default_space_settings.jupyter_lab_app_settings.dynamic.code_repository",
      CODE_REPOSITORIES,
    );

    this.settings = new DomainSettings(this, "settings", {
      domains: `aws_sagemaker_domain.team${suffix}`,
      teams: props.teams,
      network: props.network,
      roles: props.roles,
      addressSuffix: suffix,
    });

    const assigned = TerraformIterator.fromResources(this.domains);
    const assignment = `aws_ssoadmin_application_assignment.team${suffix}`;
    this.assignments = fixAddress(
      new SsoadminApplicationAssignment(this, "assignments", {
        provider: props.identityCenter.provider,
        forEach: assigned,
        applicationArn: assigned.getString("single_sign_on_application_arn"),
        principalId: props.identityCenter.groupId(assigned.key),
        principalType: "GROUP",
        lifecycle: stableGroupAssignment(props.identityCenter, { groupKey: "each.key", address: assignment }),
      }),
      assignment.split(".")[1]!,
    );
  }

  /** The id of the domain of this team (a string or an iterator expression). */
  domainIdOf(team: string): string {
    return instanceAttribute(this.domains, team, "id");
  }
}
