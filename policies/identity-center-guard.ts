import { nobodyChangesIdentityCenterTrust, onlyDeployerChangesExemptRoles } from "./console-guard";
import type { PolicyDocument } from "./document";

/**
 * Who a person is and which groups they are in: users, groups and memberships of the identity store, in both APIs
 * that write them (the Identity Store API and the older directory API of the console), and the identity source and
 * trusted token issuers that decide who signs in. With SCIM provisioning, every user and group is written through
 * SCIM, which authenticates with its bearer token and not with IAM, so no IAM principal needs these; one that uses
 * them adds itself to the admin group, takes a member's user name (profiles are matched by user name), or mints
 * itself a SCIM token. Patterns, so that actions AWS adds under the same verbs are covered too.
 */
const IDENTITY_WRITES = [
  "identitystore:Create*",
  "identitystore:Update*",
  "identitystore:Delete*",
  "identitystore:AddRegion",
  "identitystore:RemoveRegion",
  "identitystore:ReserveUser",
  "sso-directory:Add*",
  "sso-directory:Remove*",
  "sso-directory:Create*",
  "sso-directory:Update*",
  "sso-directory:Delete*",
  "sso-directory:Disable*",
  "sso-directory:Enable*",
  "sso-directory:Import*",
  "sso-directory:Start*",
  "sso-directory:Complete*",
  "sso-directory:Verify*",
  // Who signs in and through what: the identity source, federation trusts, trusted token issuers, MFA settings.
  "sso:AssociateDirectory",
  "sso:DisassociateDirectory",
  "sso:CreateTrust",
  "sso:UpdateTrust",
  "sso:UpdateSSOConfiguration",
  "sso:PutMfaDeviceManagementForDirectory",
  "sso:CreateTrustedTokenIssuer",
  "sso:UpdateTrustedTokenIssuer",
  "sso:DeleteInstance",
  // The older APIs of permission sets and applications name no resource, so they cannot be bound to other sets'
  // or applications': nobody but the deployer uses them here.
  "sso:PutPermissionsPolicy",
  "sso:CreateApplicationInstance",
  "sso:CreateApplicationInstanceCertificate",
  "sso:DeleteApplicationInstance",
  "sso:DeleteApplicationInstanceCertificate",
  "sso:ImportApplicationInstanceServiceProviderMetadata",
  "sso:UpdateApplicationInstanceActiveCertificate",
  "sso:UpdateApplicationInstanceDisplayData",
  "sso:UpdateApplicationInstanceResponseConfiguration",
  "sso:UpdateApplicationInstanceResponseSchemaConfiguration",
  "sso:UpdateApplicationInstanceSecurityConfiguration",
  "sso:UpdateApplicationInstanceServiceProviderConfiguration",
  "sso:UpdateApplicationInstanceStatus",
  "sso:CreateManagedApplicationInstance",
  "sso:DeleteManagedApplicationInstance",
  "sso:UpdateManagedApplicationInstanceStatus",
  "sso:AssociateProfile",
  "sso:DisassociateProfile",
  "sso:CreateProfile",
  "sso:UpdateProfile",
  "sso:DeleteProfile",
];

/** Every change to a permission set, its policies and its assignments (creating a new one is left to others). */
const PERMISSION_SET_CHANGES = [
  "sso:UpdatePermissionSet",
  "sso:DeletePermissionSet",
  "sso:ProvisionPermissionSet",
  "sso:CreateAccountAssignment",
  "sso:DeleteAccountAssignment",
  "sso:PutInlinePolicyToPermissionSet",
  "sso:DeleteInlinePolicyFromPermissionSet",
  "sso:AttachManagedPolicyToPermissionSet",
  "sso:DetachManagedPolicyFromPermissionSet",
  "sso:AttachCustomerManagedPolicyReferenceToPermissionSet",
  "sso:DetachCustomerManagedPolicyReferenceFromPermissionSet",
  "sso:PutPermissionsBoundaryToPermissionSet",
  "sso:DeletePermissionsBoundaryFromPermissionSet",
  "sso:TagResource",
  "sso:UntagResource",
];

/** Every change to an application: who is assigned to it, how it authenticates, and the application itself. */
const APPLICATION_CHANGES = [
  "sso:CreateApplicationAssignment",
  "sso:DeleteApplication*",
  "sso:PutApplication*",
  "sso:UpdateApplication",
  "sso:TagResource",
  "sso:UntagResource",
];

export interface IdentityCenterGuardInput {
  readonly partition: string;
  /** The roles that deploy this stack: only they change what the stack manages here. */
  readonly deployerRoleArns: readonly string[];
  /** Roles besides the deployer that may write users, groups and memberships (another provisioning process). */
  readonly identityWriterRoleArns: readonly string[];
  /** The admin permission set: its role is exempt from the console guard by name, so nobody else may change it. */
  readonly adminPermissionSetArn: string;
  /**
   * The accounts whose IAM Identity Center applications are guarded: those that host domains and the Identity Center
   * account itself. Which of the two a domain's application ARN names is not documented, so both are.
   */
  readonly applicationAccountIds: readonly string[];
  /**
   * Whether this guard keeps the exempt roles and the admins' SAML provider itself: where the account hosts no
   * domain, no console guard does it there.
   */
  readonly protectsExemptions: boolean;
}

/**
 * Service control policy of the account IAM Identity Center is administered from, when that is a member account (a
 * delegated administrator): the console guard exempts the admin permission set's roles and trusts group
 * membership, so whoever writes IAM Identity Center there could make themselves an admin or a team member. Only
 * the deployer changes the federation's users, groups and memberships, the admin permission set and its
 * assignments, and the domains' applications and their assignments. (In the management account no SCP applies.)
 */
export function identityCenterGuardPolicy(input: IdentityCenterGuardInput): PolicyDocument {
  const deployers = { ArnNotLike: { "aws:PrincipalArn": [...input.deployerRoleArns] } };
  return {
    Version: "2012-10-17",
    Statement: [
      // The roles exempt here by ARN, and the admins' sign-in, cannot be taken over from this account either.
      ...(input.protectsExemptions
        ? [
            onlyDeployerChangesExemptRoles(
              [...input.deployerRoleArns, ...input.identityWriterRoleArns],
              input.deployerRoleArns,
            ),
            nobodyChangesIdentityCenterTrust(input.partition),
          ]
        : []),
      {
        Sid: "OnlyDeployerWritesIdentities",
        Effect: "Deny",
        Action: IDENTITY_WRITES,
        Resource: "*",
        Condition: {
          ArnNotLike: { "aws:PrincipalArn": [...input.deployerRoleArns, ...input.identityWriterRoleArns] },
        },
      },
      {
        Sid: "OnlyDeployerChangesAdminPermissionSet",
        Effect: "Deny",
        Action: PERMISSION_SET_CHANGES,
        Resource: input.adminPermissionSetArn,
        Condition: deployers,
      },
      {
        // The identity writers may already put anyone in a team's group: assigning an application gives them no more.
        Sid: "OnlyDeployerChangesStudioApplications",
        Effect: "Deny",
        Action: APPLICATION_CHANGES,
        Resource: [...new Set(input.applicationAccountIds)].map(
          (accountId) => `arn:${input.partition}:sso::${accountId}:application/*`,
        ),
        Condition: {
          ArnNotLike: { "aws:PrincipalArn": [...input.deployerRoleArns, ...input.identityWriterRoleArns] },
        },
      },
    ],
  };
}
