import type { PolicyDocument, PolicyStatement } from "./document";

/**
 * Everything SageMaker does, and the MLflow tracking servers it hosts. A deny on the whole service, not a list:
 * a list misses the actions AWS adds next year, and every action touches a domain, something in it, or a team's
 * resource (listings name them all).
 */
const SAGEMAKER_SERVICES = ["sagemaker:*", "sagemaker-mlflow:*"];

/**
 * Every verb of SageMaker's actions but Describe and List, and all of MLflow: what a reader is denied. Patterns, so
 * that new actions under these verbs are covered; the outsider suite fails on an action under a verb not listed
 * here. Reading is Describe and List only: Get returns data (feature store records), Search and QueryLineage read
 * across every team in full, InvokeEndpoint runs a model, and MLflow holds runs and model artifacts.
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
    "Get",
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
  "sagemaker-mlflow:*",
];

/** Every change to a role: its trust, policies, permissions boundary and tags. */
export const ROLE_CHANGES = [
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
];

/**
 * What would let someone make a role or policy under the execution-role path (which the guard exempts), or change
 * what the execution roles may do or which team they belong to (their `sagemaker-team` tag binds them to it).
 */
export const EXECUTION_PATH_CHANGES = [
  ...ROLE_CHANGES,
  "iam:CreatePolicy",
  "iam:CreatePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:DeletePolicy",
  "iam:DeletePolicyVersion",
  "iam:TagPolicy",
  "iam:UntagPolicy",
];

/**
 * IAM Identity Center's SAML provider in each account, which the admin permission set's roles trust: whoever could
 * change it would sign in as an admin. IAM Identity Center manages it through its service-linked role, which no SCP
 * binds, so nobody else needs these.
 */
const IDENTITY_CENTER_SAML_PROVIDER_CHANGES = [
  "iam:CreateSAMLProvider",
  "iam:UpdateSAMLProvider",
  "iam:DeleteSAMLProvider",
  "iam:TagSAMLProvider",
  "iam:UntagSAMLProvider",
];

/**
 * The roles a guard exempts by their exact ARN (the deployer, readers, identity writers) are changed by the
 * deployer only: whoever could change one's trust or policies would borrow its exemption.
 */
export function onlyDeployerChangesExemptRoles(
  exemptRoleArns: readonly string[],
  deployerRoleArns: readonly string[],
): PolicyStatement {
  return {
    Sid: "OnlyDeployerChangesExemptRoles",
    Effect: "Deny",
    Action: ROLE_CHANGES,
    Resource: [...new Set(exemptRoleArns)],
    Condition: { ArnNotLike: { "aws:PrincipalArn": [...deployerRoleArns] } },
  };
}

/** Nobody changes IAM Identity Center's SAML provider, in any account the guard binds. */
export function nobodyChangesIdentityCenterTrust(partition: string): PolicyStatement {
  return {
    Sid: "NobodyChangesIdentityCenterTrust",
    Effect: "Deny",
    Action: IDENTITY_CENTER_SAML_PROVIDER_CHANGES,
    Resource: `arn:${partition}:iam::*:saml-provider/AWSSSO_*`,
  };
}

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
  /** Roles that keep reading SageMaker (Describe and List) and nothing more: a pull request's plan role. */
  readonly readerRoleArns: readonly string[];
  /** Roles another guard exempts by ARN (the identity writers), protected here as well. */
  readonly otherExemptRoleArns: readonly string[];
}

/**
 * The roles of the admin permission set, with and without the region segment IAM Identity Center puts in some paths.
 * Nobody can borrow the name: IAM refuses to create or change a role under `/aws-reserved/`.
 */
function adminRolePatterns(partition: string, permissionSetName: string): string[] {
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
      onlyDeployerChangesExemptRoles(
        [...input.deployerRoleArns, ...input.readerRoleArns, ...input.otherExemptRoleArns],
        input.deployerRoleArns,
      ),
      nobodyChangesIdentityCenterTrust(input.partition),
    ],
  };
}
