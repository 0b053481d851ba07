import { ConditionalAccessPolicy } from "@cdktf/provider-azuread/lib/conditional-access-policy";
import { Construct } from "constructs";
import { fixAddress } from "../fixed-address";

export interface MfaPolicyProps {
  readonly displayName: string;
  /** The client id of the enterprise app the policy protects. */
  readonly clientId: string;
  /** Object ids of every team group and the admin group, sorted (an ordered list to the provider). */
  readonly groupIds: string[];
  /** Enforce, or only report what would have been required (`enabledForReportingButNotEnforced`). */
  readonly enforce: boolean;
  /** Object ids of break-glass accounts, never asked; sorted. */
  readonly breakGlassUserIds: readonly string[];
}

/**
 * A Conditional Access policy (Entra ID P1) that requires multifactor authentication to sign in to the AWS IAM
 * Identity Center app, for the team and admin groups. Report-only first: the sign-in logs show who would have been
 * asked; `identityProvider.entra.mfa.enforce` switches it on.
 */
export class MfaPolicy extends Construct {
  constructor(scope: Construct, id: string, props: MfaPolicyProps) {
    super(scope, id);
    fixAddress(
      new ConditionalAccessPolicy(this, "policy", {
        displayName: props.displayName,
        state: props.enforce ? "enabled" : "enabledForReportingButNotEnforced",
        conditions: {
          clientAppTypes: ["all"],
          applications: { includedApplications: [props.clientId] },
          users: {
            includedGroups: props.groupIds,
            excludedUsers: props.breakGlassUserIds.length > 0 ? [...props.breakGlassUserIds] : undefined,
          },
        },
        grantControls: { operator: "OR", builtInControls: ["mfa"] },
      }),
      "mfa",
    );
  }
}
