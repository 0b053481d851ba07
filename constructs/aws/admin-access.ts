import { SsoadminAccountAssignment } from "@cdktf/provider-aws/lib/ssoadmin-account-assignment";
import { SsoadminManagedPolicyAttachment } from "@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment";
import { SsoadminPermissionSet } from "@cdktf/provider-aws/lib/ssoadmin-permission-set";
import { Construct } from "constructs";
import type { IdentityCenterLookup } from "./identity-center-lookup";

export interface AdminAccessProps {
  readonly identityCenter: IdentityCenterLookup;
  /** Key of the admin group in the identity center lookup. */
  readonly adminGroupKey: string;
  readonly permissionSetName: string;
  /** ISO-8601 duration of an admin's console session. */
  readonly sessionDuration: string;
  /** The account the admins get SageMaker full access in. */
  readonly accountId: string;
  /**
   * @default "aws"
   */
  readonly partition?: string;
}

/** A permission set with AmazonSageMakerFullAccess, assigned to the admin group on the account. */
export class AdminAccess extends Construct {
  readonly permissionSet: SsoadminPermissionSet;

  constructor(scope: Construct, id: string, props: AdminAccessProps) {
    super(scope, id);
    const partition = props.partition ?? "aws";
    const instanceArn = props.identityCenter.instanceArn;

    this.permissionSet = new SsoadminPermissionSet(this, "permission_set", {
      instanceArn,
      name: props.permissionSetName,
      description: "SageMaker administrators: full SageMaker access in the console",
      sessionDuration: props.sessionDuration,
    });
    const policy = new SsoadminManagedPolicyAttachment(this, "sagemaker_full_access", {
      instanceArn,
      permissionSetArn: this.permissionSet.arn,
      managedPolicyArn: `arn:${partition}:iam::aws:policy/AmazonSageMakerFullAccess`,
    });
    new SsoadminAccountAssignment(this, "assignment", {
      instanceArn,
      permissionSetArn: this.permissionSet.arn,
      principalId: props.identityCenter.groupId(props.adminGroupKey),
      principalType: "GROUP",
      targetId: props.accountId,
      targetType: "AWS_ACCOUNT",
      // Assigning before the policy is attached would provision an empty permission set.
      dependsOn: [policy],
    });
  }
}
