import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SagemakerUserProfile } from "@cdktf/provider-aws/lib/sagemaker-user-profile";
import { TerraformIterator, TerraformLocal, Token, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { ProfileConfig, TeamConfig } from "../../config/types";
import type { StudioPortal } from "../../policies/studio-portal";
import { fixAddress } from "../fixed-address";
import type { ExecutionRoles } from "./execution-roles";
import { attachSdkDefaults, type SdkLifecycleConfigs } from "./sdk-lifecycle-configs";
import { CODE_REPOSITORIES, type StudioDomains } from "./studio-domains";
import type { LimitOf } from "./studio-limits";
import { DEFAULT_INSTANCE_APPS, studioWebPortalSettings } from "./portal-settings";
import { sharedNotebooks, userSettings } from "./user-settings";

export interface UserProfilesProps {
  /** The provider of the account the domains live in. */
  readonly provider: AwsProvider;
  /** Profiles keyed `<team>/<user name>`. */
  readonly profiles: Readonly<Record<string, ProfileConfig>>;
  /** The teams of the profiles, for their Git repositories. */
  readonly teams: Readonly<Record<string, TeamConfig>>;
  readonly domains: StudioDomains;
  readonly roles: ExecutionRoles;
  /** The Studio web portal of each persona, keyed by persona. */
  readonly portals: Readonly<Record<string, StudioPortal>>;
  /** The persona of each role (`<team>/<persona>`), which picks the role's portal. */
  readonly personaOfRole: Readonly<Record<string, string>>;
  /**
   * Key of the account's domains, which also encrypts shared notebooks.
   * @default - an AWS managed key
   */
  readonly kmsKeyArn?: string;
  /**
   * The lifecycle configs that write each persona's SageMaker SDK defaults, attached to its members' apps.
   * @default - none attached
   */
  readonly sdkDefaults?: SdkLifecycleConfigs;
  /** What must exist first: the users in the identity store (read after their provisioning). */
  readonly waitFor: ITerraformDependable[];
  /**
   * Appended to the address (`aws_sagemaker_user_profile.member_research`).
   * @default "" (the Identity Center account)
   */
  readonly addressSuffix?: string;
}

/** One Studio user profile per member, bound to the member's IAM Identity Center user and persona role. */
export class UserProfiles extends Construct {
  readonly profiles: SagemakerUserProfile;

  constructor(scope: Construct, id: string, props: UserProfilesProps) {
    super(scope, id);
    const profiles = TerraformIterator.fromMap(
      Object.fromEntries(
        Object.entries(props.profiles).map(([key, profile]) => [
          key,
          {
            team: profile.team,
            userName: profile.userName,
            profileName: profile.profileName,
            role: profile.roleKey,
          },
        ]),
      ),
    );
    // What every profile of one team and persona shares is written once per role, not once per member, and the
    // portal (some hundred instance types) once per persona, not once per role.
    const suffix = props.addressSuffix ?? "";
    const roleKeys = [...new Set(Object.values(props.profiles).map((profile) => profile.roleKey))].sort();
    const personas = [...new Set(roleKeys.map((key) => props.personaOfRole[key]!))].sort();
    const portals = fixAddress(
      new TerraformLocal(
        this,
        "portals",
        Object.fromEntries(personas.map((persona) => [persona, portalSettings(props.portals[persona]!)])),
      ),
      `persona_portals${suffix}`,
    );
    const settings = fixAddress(
      new TerraformLocal(
        this,
        "settings",
        Object.fromEntries(
          Object.values(props.profiles).map((profile) => [
            profile.roleKey,
            {
              gitRepositories: props.teams[profile.team]!.gitRepositories,
              sharedNotebooks: sharedNotebooks(props.teams[profile.team]!),
              persona: props.personaOfRole[profile.roleKey]!,
              ...profile.limits,
            },
          ]),
        ),
      ),
      `profile_settings${suffix}`,
    );
    const roleSetting = `local.${settings.friendlyUniqueId}[each.value.role]`;
    const setting = (name: string) => `\${${roleSetting}.${name}}`;
    const portalSetting = (name: string) => `\${local.${portals.friendlyUniqueId}[${roleSetting}.persona].${name}}`;
    const limit: LimitOf = (name) => Token.asNumber(setting(name));
    // SageMaker creates a profile only for a user who is in the identity store and whose group is already
    // assigned to the domain.
    this.profiles = fixAddress(
      new SagemakerUserProfile(this, "profiles", {
        provider: props.provider,
        forEach: profiles,
        domainId: props.domains.domainIdOf(profiles.getString("team")),
        userProfileName: profiles.getString("profileName"),
        singleSignOnUserIdentifier: "UserName",
        singleSignOnUserValue: profiles.getString("userName"),
        // Everything a person's apps get, with the persona's limits: a domain keeps the settings of its creation,
        // and a profile's app settings replace the domain's, so the team's repositories are repeated here.
        userSettings: {
          executionRole: props.roles.arnOf(profiles.getString("role")),
          ...userSettings(limit, setting("sharedNotebooks"), props.kmsKeyArn),
          studioWebPortalSettings: studioWebPortalSettings(portalSetting),
        },
        tags: { "sagemaker-team": profiles.getString("team") },
        dependsOn: [props.domains.assignments, ...props.waitFor],
      }),
      `member${suffix}`,
    );
    this.profiles.addOverride("user_settings.jupyter_lab_app_settings.dynamic.code_repository", {
      ...CODE_REPOSITORIES,
      for_each: setting("gitRepositories"),
    });
    // Spaces start on a type the persona may use, not on SageMaker's default.
    for (const app of DEFAULT_INSTANCE_APPS)
      this.profiles.addOverride(`user_settings.${app}.default_resource_spec`, {
        instance_type: portalSetting("defaultInstanceType"),
      });
    if (props.sdkDefaults) attachSdkDefaults(this.profiles, props.sdkDefaults, profiles.getString("role"));
  }
}

/** A persona's portal, as plain values of the local (sorted lists, no default when it has none). */
function portalSettings(portal: StudioPortal) {
  return {
    hiddenAppTypes: [...portal.hiddenAppTypes].sort(),
    hiddenMlTools: [...portal.hiddenMlTools].sort(),
    hiddenInstanceTypes: [...portal.hiddenInstanceTypes].sort(),
    defaultInstanceType: portal.defaultInstanceType ?? null,
  };
}
