import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SagemakerDomain } from "@cdktf/provider-aws/lib/sagemaker-domain";
import { SsoadminApplicationAssignment } from "@cdktf/provider-aws/lib/ssoadmin-application-assignment";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import type { NetworkConfig, TeamConfig } from "../../config/types";
import { fixAddress } from "../fixed-address";
import { ImportBlock } from "../import-block";
import { instanceAttribute } from "../instance-attribute";
import type { ExecutionRoles } from "./execution-roles";
import type { IdentityCenterLookup } from "./identity-center-lookup";
import { stableGroupAssignment } from "./stable-group-assignment";
import { appLifecycle, spaceStorage, type LimitOf } from "./studio-limits";

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

  constructor(scope: Construct, id: string, props: StudioDomainsProps) {
    super(scope, id);
    const teams = TerraformIterator.fromMap(
      Object.fromEntries(
        Object.values(props.teams).map((team) => [
          team.key,
          {
            domainName: team.domainName,
            defaultRole: `${team.key}/${team.defaultPersona}`,
            sharedSpaceRole: team.sharedSpaceRoleKey,
            sharedNotebooks: `s3://${team.s3Buckets[0]}/shared/notebooks/`,
            gitRepositories: team.gitRepositories,
            ...team.limits,
          },
        ]),
      ),
    );
    const defaultRole = props.roles.arnOf(teams.getString("defaultRole"));
    const limit: LimitOf = (name) => teams.getNumber(name);
    const suffix = props.addressSuffix ?? "";
    const securityGroups = props.network.securityGroupIds.length > 0 ? [...props.network.securityGroupIds] : undefined;

    // Replacing a domain deletes its users' home directories: the address is the team key, the home file
    // system is retained, and Terraform refuses any plan that would destroy a domain.
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
          executionRoleIdentityConfig: "USER_PROFILE_NAME",
        },
        defaultUserSettings: {
          executionRole: defaultRole,
          securityGroups,
          studioWebPortal: "ENABLED",
          defaultLandingUri: "studio::",
          jupyterLabAppSettings: { appLifecycleManagement: appLifecycle(limit) },
          codeEditorAppSettings: { appLifecycleManagement: appLifecycle(limit) },
          spaceStorageSettings: spaceStorage(limit),
          sharingSettings: {
            notebookOutputOption: "Allowed",
            s3OutputPath: teams.getString("sharedNotebooks"),
            s3KmsKeyId: props.kmsKeyArn,
          },
        },
        defaultSpaceSettings: {
          // Shared spaces run as a role no bigger than any member's persona, never as the default persona's.
          executionRole: props.roles.arnOf(teams.getString("sharedSpaceRole")),
          securityGroups,
          jupyterLabAppSettings: { appLifecycleManagement: appLifecycle(limit) },
          spaceStorageSettings: spaceStorage(limit),
        },
        tags: { "sagemaker-team": teams.key },
        // The provider never reads retention_policy back and marks it ForceNew: an imported domain has none in
        // its state, so without this its first plan would replace it. Ignoring it changes nothing else: a
        // created domain keeps Retain from its create, and DeleteDomain without a policy also retains.
        lifecycle: { preventDestroy: true, ignoreChanges: ["retention_policy"] },
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
