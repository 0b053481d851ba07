import { TerraformLocal } from "cdktf";
import { Construct } from "constructs";
import type { NetworkConfig, TeamConfig } from "../../config/types";
import { CheckBlock } from "../check-block";
import { fixAddress } from "../fixed-address";
import type { ExecutionRoles } from "./execution-roles";
import { appLifecycle, spaceStorage, type LimitOf } from "./studio-limits";

/** Profile names as the source identity of sessions: the private `users/<profile>/` prefixes rely on it. */
export const EXECUTION_ROLE_IDENTITY = "USER_PROFILE_NAME";

/**
 * What Terraform never updates on a domain after creating it. The AWS provider sends AppNetworkAccessType in every
 * UpdateDomain, which SageMaker refuses for a VpcOnly domain ("VpcId and Subnet IDs are required for updating
 * domains to VpcOnly mode", hashicorp/terraform-provider-aws#45528), so any in-place update would stop the apply.
 * What changes with the config lives on the user profiles; the rest is compared by {@link DomainSettings}. The
 * retention policy is never read back (an imported domain has none in its state) and acts only on delete.
 */
export const KEPT_FROM_CREATION = [
  "retention_policy",
  "app_network_access_type",
  "default_user_settings",
  "default_space_settings",
  "domain_settings[0].execution_role_identity_config",
];

/** The defaults of a team's shared spaces, in the provider's shape (repositories: a dynamic block, or a list). */
export function sharedSpaceDefaults(
  executionRole: string,
  securityGroups: string[] | undefined,
  limit: LimitOf,
  repositories?: readonly string[],
) {
  return {
    executionRole,
    securityGroups,
    jupyterLabAppSettings: {
      appLifecycleManagement: appLifecycle(limit),
      ...(repositories === undefined ? {} : { codeRepository: repositories.map((url) => ({ repositoryUrl: url })) }),
    },
    spaceStorageSettings: spaceStorage(limit),
  };
}

export interface DomainSettingsProps {
  /** The domains' address (`aws_sagemaker_domain.team`): these expressions are plain text, not tokens. */
  readonly domains: string;
  readonly teams: Readonly<Record<string, TeamConfig>>;
  readonly network: NetworkConfig;
  readonly roles: ExecutionRoles;
  /** Appended to the names of the local and the check, as to the domains' address. */
  readonly addressSuffix: string;
}

/**
 * What a domain keeps from its creation, compared on every plan with what the config says now: a Terraform check
 * warns, per team, about what differs, and {@link updates} holds the UpdateDomain input that brings each domain
 * in line (run with the AWS CLI, which sends only what it is given).
 */
export class DomainSettings extends Construct {
  /** Per team, the `aws sagemaker update-domain --cli-input-json` input: a bare expression, for an output. */
  readonly updates: string;

  constructor(scope: Construct, id: string, props: DomainSettingsProps) {
    super(scope, id);
    const { domains, network, addressSuffix } = props;
    const securityGroups = network.securityGroupIds.length > 0 ? [...network.securityGroupIds] : undefined;
    const wanted = fixAddress(
      new TerraformLocal(
        this,
        "wanted",
        Object.fromEntries(
          Object.values(props.teams).map((team) => {
            const limit: LimitOf = (name) => team.limits[name];
            // Known before the role exists: an imported domain is compared in the plan that creates the role.
            const role = props.roles.configuredArnOf(team.sharedSpaceRoleKey);
            const space = sharedSpaceDefaults(role, securityGroups, limit, team.gitRepositories);
            const idle = space.jupyterLabAppSettings.appLifecycleManagement.idleSettings;
            const storage = space.spaceStorageSettings.defaultEbsStorageSettings;
            return [
              team.key,
              {
                compared: {
                  shared_spaces_role: role,
                  shared_spaces_idle_shutdown: idle.lifecycleManagement,
                  shared_spaces_idle_timeout: idle.idleTimeoutInMinutes,
                  shared_spaces_min_idle_timeout: idle.minIdleTimeoutInMinutes,
                  shared_spaces_max_idle_timeout: idle.maxIdleTimeoutInMinutes,
                  shared_spaces_storage_gb: storage.defaultEbsVolumeSizeInGb,
                  shared_spaces_max_storage_gb: storage.maximumEbsVolumeSizeInGb,
                  shared_spaces_git_repositories: [...team.gitRepositories].sort(),
                  execution_role_identity: EXECUTION_ROLE_IDENTITY,
                  network_access: network.appNetworkAccessType,
                },
                defaultSpaceSettings: apiShape(space),
              },
            ];
          }),
        ),
      ),
      `studio_domain_settings${addressSuffix}`,
    );
    const want = `local.${wanted.friendlyUniqueId}`;
    // The same names as `compared`, read from the domain as the provider last read it.
    const space = "domain.default_space_settings[0]";
    const idle = `${space}.jupyter_lab_app_settings[0].app_lifecycle_management[0].idle_settings[0]`;
    const storage = `${space}.space_storage_settings[0].default_ebs_storage_settings[0]`;
    const actual = `{
      shared_spaces_role = try(${space}.execution_role, null),
      shared_spaces_idle_shutdown = try(${idle}.lifecycle_management, null),
      shared_spaces_idle_timeout = try(${idle}.idle_timeout_in_minutes, null),
      shared_spaces_min_idle_timeout = try(${idle}.min_idle_timeout_in_minutes, null),
      shared_spaces_max_idle_timeout = try(${idle}.max_idle_timeout_in_minutes, null),
      shared_spaces_storage_gb = try(${storage}.default_ebs_volume_size_in_gb, null),
      shared_spaces_max_storage_gb = try(${storage}.maximum_ebs_volume_size_in_gb, null),
      shared_spaces_git_repositories = try(sort([for repository in ${space}.jupyter_lab_app_settings[0].code_repository : repository.repository_url]), []),
      execution_role_identity = try(domain.domain_settings[0].execution_role_identity_config, null),
      network_access = domain.app_network_access_type,
    }`;
    const differing = `{ for key, domain in ${domains} : key => [for name, value in ${want}[key].compared : name if jsonencode(value) != jsonencode(${actual}[name])] }`;
    const teamsDiffering = `[for key, names in ${differing} : format("%s (%s): %s", key, ${domains}[key].id, join(", ", names)) if length(names) > 0]`;
    new CheckBlock(this, "check", {
      name: `studio_domain_settings${addressSuffix}`,
      condition: `\${length(${teamsDiffering}) == 0}`,
      errorMessage:
        `Studio domain settings differ from the config: \${join("; ", ${teamsDiffering})}. Terraform does not ` +
        "update a domain after creating it (the AWS provider's UpdateDomain fails on VpcOnly domains), so these " +
        'apply only when you run the update yourself (docs/runbook.md, "Domain settings"): in the stack\'s ' +
        "folder, terraform output -json studio_domain_updates | jq '.[\"<team>\"]' > update.json, then aws " +
        "sagemaker update-domain --cli-input-json file://update.json (with credentials of the domain's account).",
    });

    // The identity setting is sent only when it differs: SageMaker accepts it only while no app is running.
    this.updates = `{ for key, domain in ${domains} : key => merge({ DomainId = domain.id, DefaultSpaceSettings = ${want}[key].defaultSpaceSettings }, { for name, value in { DomainSettingsForUpdate = { ExecutionRoleIdentityConfig = "${EXECUTION_ROLE_IDENTITY}" } } : name => value if try(domain.domain_settings[0].execution_role_identity_config, null) != "${EXECUTION_ROLE_IDENTITY}" }) }`;
  }
}

/** The provider's camelCase structure as the SageMaker API names it (its lists of repositories are plural). */
function apiShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(apiShape);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => inner !== undefined && !(Array.isArray(inner) && inner.length === 0))
      .map(([key, inner]) => [
        key === "codeRepository" ? "CodeRepositories" : key.charAt(0).toUpperCase() + key.slice(1),
        apiShape(inner),
      ]),
  );
}
