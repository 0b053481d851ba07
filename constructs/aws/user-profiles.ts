import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SagemakerUserProfile } from "@cdktf/provider-aws/lib/sagemaker-user-profile";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import type { ProfileConfig } from "../../config/types";
import type { ExecutionRoles } from "./execution-roles";
import type { StudioDomains } from "./studio-domains";

export interface UserProfilesProps {
  /** The provider of the account the domains live in. */
  readonly provider: AwsProvider;
  /** Profiles keyed `<team>/<user name>`. */
  readonly profiles: Readonly<Record<string, ProfileConfig>>;
  readonly domains: StudioDomains;
  readonly roles: ExecutionRoles;
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
          { team: profile.team, userName: profile.userName, profileName: profile.profileName, role: profile.roleKey },
        ]),
      ),
    );
    // SageMaker creates a profile only for a user whose group is already assigned to the domain.
    this.profiles = new SagemakerUserProfile(this, "profiles", {
      provider: props.provider,
      forEach: profiles,
      domainId: props.domains.domainIdOf(profiles.getString("team")),
      userProfileName: profiles.getString("profileName"),
      singleSignOnUserIdentifier: "UserName",
      singleSignOnUserValue: profiles.getString("userName"),
      userSettings: { executionRole: props.roles.arnOf(profiles.getString("role")) },
      tags: { "sagemaker-team": profiles.getString("team") },
      dependsOn: [props.domains.assignments],
    });
  }
}
