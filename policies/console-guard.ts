import { sagemaker, type PolicyDocument } from "./document";

/** What a console or CLI session could use to enter or change another person's Studio. */
export const CONSOLE_GUARDED_ACTIONS = sagemaker(
  "CreatePresignedDomainUrl",
  "CreatePresignedNotebookInstanceUrl",
  "CreateDomain",
  "UpdateDomain",
  "DeleteDomain",
  "CreateUserProfile",
  "UpdateUserProfile",
  "DeleteUserProfile",
);

/**
 * What would let someone make a role or policy under the execution-role path (which the guard exempts), or change
 * what the execution roles may do or which team they belong to (their `sagemaker-team` tag binds them to it).
 */
export const EXECUTION_PATH_CHANGES = [
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
  "iam:UpdateAssumeRolePolicy",
  "iam:PutRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:AttachRolePolicy",
  "iam:DetachRolePolicy",
  "iam:PutRolePermissionsBoundary",
  "iam:DeleteRolePermissionsBoundary",
  "iam:TagRole",
  "iam:UntagRole",
  "iam:CreatePolicy",
  "iam:CreatePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:DeletePolicy",
  "iam:DeletePolicyVersion",
  "iam:TagPolicy",
  "iam:UntagPolicy",
];

/** AWS names the roles of a permission set `AWSReservedSSO_<name>_<16 hex characters>`. */
const SSO_ROLE_SUFFIX = "?".repeat(16);

export interface ConsoleGuardInput {
  readonly partition: string;
  /** The admin permission set's name: its roles are `AWSReservedSSO_<name>_<suffix>`. */
  readonly adminPermissionSetName: string;
  /** IAM path of the execution roles: Studio calls SageMaker with them. */
  readonly executionRolePath: string;
  /** The roles that deploy this stack: the one Terraform runs as, and those it assumes in workload accounts. */
  readonly deployerRoleArns: readonly string[];
}

/**
 * Service control policy: nobody but the admins, the execution roles and the deployer opens Studio or changes
 * domains and profiles, whatever permission set or IAM role they hold; and nobody but the deployer makes or changes
 * roles and policies under the execution-role path, so that exemption cannot be borrowed. (SCPs do not bind the
 * management account.)
 */
export function consoleGuardPolicy(input: ConsoleGuardInput): PolicyDocument {
  const ssoRoles = `arn:${input.partition}:iam::*:role/aws-reserved/sso.amazonaws.com`;
  const adminRole = `AWSReservedSSO_${input.adminPermissionSetName}_${SSO_ROLE_SUFFIX}`;
  const underExecutionPath = (type: "role" | "policy") =>
    `arn:${input.partition}:iam::*:${type}${input.executionRolePath}*`;
  const exempt = [
    // With and without the region segment IAM Identity Center puts in some roles' paths.
    `${ssoRoles}/${adminRole}`,
    `${ssoRoles}/*/${adminRole}`,
    underExecutionPath("role"),
    ...input.deployerRoleArns,
  ];
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "OnlyAdminsUseSageMakerConsole",
        Effect: "Deny",
        Action: CONSOLE_GUARDED_ACTIONS,
        Resource: "*",
        Condition: { ArnNotLike: { "aws:PrincipalArn": exempt } },
      },
      {
        Sid: "OnlyDeployerChangesExecutionRoles",
        Effect: "Deny",
        Action: EXECUTION_PATH_CHANGES,
        Resource: [underExecutionPath("role"), underExecutionPath("policy")],
        Condition: { ArnNotLike: { "aws:PrincipalArn": [...input.deployerRoleArns] } },
      },
    ],
  };
}
