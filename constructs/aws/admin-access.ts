import { SsoadminAccountAssignment } from "@cdktf/provider-aws/lib/ssoadmin-account-assignment";
import { SsoadminManagedPolicyAttachment } from "@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment";
import { SsoadminPermissionSet } from "@cdktf/provider-aws/lib/ssoadmin-permission-set";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { fixAddress } from "../fixed-address";
import type { IdentityCenterLookup } from "./identity-center-lookup";
import { stableGroupAssignment } from "./stable-group-assignment";

export interface AdminAccessProps {
  /** Where the permission set lives; its provider is used for every resource here. */
  readonly identityCenter: IdentityCenterLookup;
  /** Key of the admin group in the identity center lookup. */
  readonly adminGroupKey: string;
  readonly permissionSetName: string;
  /** ISO-8601 duration of an admin's console session. */
  readonly sessionDuration: string;
  /** The accounts the admins get SageMaker full access in, by account key: every account that hosts a domain. */
  readonly accountIds: Readonly<Record<string, string>>;
  /**
   * @default "aws"
   */
  readonly partition?: string;
}

const NAME = "admin";

/** A permission set with AmazonSageMakerFullAccess, assigned to the admin group on every account with domains. */
export class AdminAccess extends Construct {
  readonly permissionSet: SsoadminPermissionSet;

  constructor(scope: Construct, id: string, props: AdminAccessProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    const { instanceArn, provider } = props.identityCenter;

    this.permissionSet = fixAddress(
      new SsoadminPermissionSet(this, "permission_set", {
        provider,
        instanceArn,
        name: props.permissionSetName,
        description: "SageMaker administrators: full SageMaker access in the console",
        sessionDuration: props.sessionDuration,
      }),
      NAME,
    );
    const policy = fixAddress(
      new SsoadminManagedPolicyAttachment(this, "sagemaker_full_access", {
        provider,
        instanceArn,
        permissionSetArn: this.permissionSet.arn,
        managedPolicyArn: `arn:${partition}:iam::aws:policy/AmazonSageMakerFullAccess`,
      }),
      `${NAME}_sagemaker_full_access`,
    );
    const accounts = TerraformIterator.fromMap({ ...props.accountIds });
    fixAddress(
      new SsoadminAccountAssignment(this, "assignments", {
        provider,
        forEach: accounts,
        instanceArn,
        permissionSetArn: this.permissionSet.arn,
        principalId: props.identityCenter.groupId(props.adminGroupKey),
        principalType: "GROUP",
        targetId: accounts.value,
        targetType: "AWS_ACCOUNT",
        // Assigning before the policy is attached would provision an empty permission set.
        dependsOn: [policy],
        lifecycle: stableGroupAssignment(props.identityCenter, {
          groupKey: JSON.stringify(props.adminGroupKey),
          address: `aws_ssoadmin_account_assignment.${NAME}`,
        }),
      }),
      NAME,
    );
  }
}
