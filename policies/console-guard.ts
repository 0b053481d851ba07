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
 * domains and profiles, whatever permission set or IAM role they hold. (SCPs do not bind the management account.)
 */
export function consoleGuardPolicy(input: ConsoleGuardInput): PolicyDocument {
  const exempt = [
    `arn:${input.partition}:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_${input.adminPermissionSetName}_*`,
    `arn:${input.partition}:iam::*:role${input.executionRolePath}*`,
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
    ],
  };
}
