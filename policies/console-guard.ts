import type { PolicyDocument } from "./document";

/**
 * Everything SageMaker does, and the MLflow tracking servers it hosts. A deny on the whole service, not a list:
 * a list misses the actions AWS adds next year, and every action touches a domain, something in it, or a team's
 * resource (listings name them all).
 */
export const SAGEMAKER_SERVICES = ["sagemaker:*", "sagemaker-mlflow:*"];

/**
 * Every verb of SageMaker's and MLflow's actions but Describe, List and Get: what a reader is denied. Patterns, so
 * that new actions under these verbs are covered; the catalogue test fails on an action under a verb not listed
 * here. Reading does not include Search and QueryLineage (they read across every team, as the listings do, but in
 * full) nor InvokeEndpoint (it runs a model).
 */
export const SAGEMAKER_NON_READS = [
  ...[
    "Access",
    "Add",
    "Associate",
    "Attach",
    "Batch",
    "Call",
    "Complete",
    "Create",
    "Delete",
    "Deploy",
    "Deregister",
    "Detach",
    "Disable",
    "Disassociate",
    "Enable",
    "Extend",
    "Import",
    "Invoke",
    "Put",
    "Query",
    "Register",
    "Render",
    "Retry",
    "Sample",
    "Search",
    "Send",
    "Start",
    "Stop",
    "Train",
    "Update",
  ].map((verb) => `sagemaker:${verb}*`),
  ...[
    "Access",
    "Create",
    "Delete",
    "End",
    "Finalize",
    "Log",
    "Rename",
    "Restore",
    "Search",
    "Set",
    "Start",
    "Transition",
    "Update",
  ].map((verb) => `sagemaker-mlflow:${verb}*`),
];

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
  /**
   * Whether the admins may pass the execution roles, and so start work that runs as a persona's role and keeps
   * running after an admin's session (or just-in-time activation) ends.
   */
  readonly adminsPassExecutionRoles: boolean;
  /** Roles that keep reading SageMaker (Describe, List, Get) and nothing more: a pull request's plan role. */
  readonly readerRoleArns: readonly string[];
}

/**
 * The roles of the admin permission set, with and without the region segment IAM Identity Center puts in some paths.
 * Nobody can borrow the name: IAM refuses to create or change a role under `/aws-reserved/`.
 */
export function adminRolePatterns(partition: string, permissionSetName: string): string[] {
  const ssoRoles = `arn:${partition}:iam::*:role/aws-reserved/sso.amazonaws.com`;
  const role = `AWSReservedSSO_${permissionSetName}_${SSO_ROLE_SUFFIX}`;
  return [`${ssoRoles}/${role}`, `${ssoRoles}/*/${role}`];
}

/**
 * Service control policy of every account that hosts domains: SageMaker belongs to the federation there. Nobody but
 * the admins, the execution roles and the deployer uses SageMaker at all (another permission set, an IAM
 * administrator, a workload's own role: none of them reach a domain, a profile, a space, an app or a team's
 * resources); nobody but the roles designed to pass an execution role passes one; and nobody but the deployer makes
 * or changes roles and policies under the execution-role path, so that exemption cannot be borrowed. SCPs do not
 * bind the management account, and service-linked roles are not subject to them.
 */
export function consoleGuardPolicy(input: ConsoleGuardInput): PolicyDocument {
  const admins = adminRolePatterns(input.partition, input.adminPermissionSetName);
  const underExecutionPath = (type: "role" | "policy") =>
    `arn:${input.partition}:iam::*:${type}${input.executionRolePath}*`;
  const executionRoles = underExecutionPath("role");
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "OnlyTheFederationUsesSageMaker",
        Effect: "Deny",
        Action: SAGEMAKER_SERVICES,
        Resource: "*",
        Condition: {
          ArnNotLike: {
            "aws:PrincipalArn": [...admins, executionRoles, ...input.deployerRoleArns, ...input.readerRoleArns],
          },
        },
      },
      ...(input.readerRoleArns.length === 0
        ? []
        : [
            {
              Sid: "ReadersOnlyRead",
              Effect: "Deny" as const,
              Action: SAGEMAKER_NON_READS,
              Resource: "*",
              Condition: { ArnLike: { "aws:PrincipalArn": [...input.readerRoleArns] } },
            },
          ]),
      {
        // Members pass their team's compute role and the compute role passes itself (their own policies say which);
        // the deployer passes them to domains and profiles. Anyone else would run work as a persona's role.
        Sid: "OnlyDesignedRolesPassExecutionRoles",
        Effect: "Deny",
        Action: ["iam:PassRole"],
        Resource: executionRoles,
        Condition: {
          ArnNotLike: {
            "aws:PrincipalArn": [
              executionRoles,
              ...input.deployerRoleArns,
              ...(input.adminsPassExecutionRoles ? admins : []),
            ],
          },
        },
      },
      {
        Sid: "OnlyDeployerChangesExecutionRoles",
        Effect: "Deny",
        Action: EXECUTION_PATH_CHANGES,
        Resource: [executionRoles, underExecutionPath("policy")],
        Condition: { ArnNotLike: { "aws:PrincipalArn": [...input.deployerRoleArns] } },
      },
    ],
  };
}
