/** IAM policy documents as plain data. Policy variables are written `${...}` here, as IAM reads them. */

export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action: readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: ConditionBlock;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

/** A role's trust policy: who may assume it. */
export interface TrustPolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly (Omit<PolicyStatement, "Resource"> & {
    readonly Principal: { readonly Service: string };
  })[];
}

/** What the policies of every team in one account need to know. */
export interface AccountContext {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** When given, jobs and models must run in these subnets and security groups. */
  readonly network?: { readonly subnetIds: readonly string[]; readonly securityGroupIds: readonly string[] };
  /** When given, jobs and endpoint volumes and outputs must use this key. */
  readonly kmsKeyArn?: string;
}

/** What one team's policies add: its buckets, its compute role and whether it uses shared spaces. */
export interface TeamContext extends AccountContext {
  /** The team's buckets; the first is its workspace (`shared/` for the team, `users/<profile>/` per user). */
  readonly buckets: readonly string[];
  /** The only role the team's users may pass to SageMaker. */
  readonly computeRoleArn: string;
  /** Whether the team's members may create shared spaces (which run as the team's shared-space role). */
  readonly sharedSpaces: boolean;
  /** The EFS and FSx file systems the team's training jobs may mount; none: no file system at all. */
  readonly fileSystemIds: readonly string[];
}

/** Statements with the same Sid are the same grant (both S3 activities locate and list the team buckets): keep the first. */
export function policyDocument(statements: readonly PolicyStatement[]): PolicyDocument {
  const seen = new Set<string>();
  return {
    Version: "2012-10-17",
    Statement: statements.filter((statement) => !seen.has(statement.Sid) && seen.add(statement.Sid)),
  };
}

/**
 * ARN of SageMaker resources in the team's account and region. For every resource type write `*` alone: IAM does
 * not support a wildcard in the resource-type part of an ARN (a `*` before the `/`).
 */
export function sagemakerArn(context: AccountContext, resource: string): string {
  return `arn:${context.partition}:sagemaker:${context.region}:${context.accountId}:${resource}`;
}

/** A service's endpoint in the context's region, as `kms:ViaService` names the service that called KMS. */
export function regionalService(context: AccountContext, service: string): string {
  return `${service}.${context.region}.${context.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"}`;
}

export function sagemaker(...actions: string[]): string[] {
  return actions.map((action) => `sagemaker:${action}`);
}

/**
 * JSON for a cdktf string: `${` would start a Terraform interpolation, so IAM variables are written `$${`. A cdktf
 * token (a reference to another resource's attribute) is left as it is, for cdktf to resolve.
 */
export function toTerraformJson(document: PolicyDocument | TrustPolicyDocument): string {
  return JSON.stringify(document).replace(/\$\{(?!TfToken\[)/g, () => "$${");
}

/** Characters IAM counts against the inline policy quota (it ignores whitespace). */
export function policySize(document: PolicyDocument): number {
  return JSON.stringify(document).length;
}

/** IAM quotas on policy size, in characters without whitespace. */
export const INLINE_ROLE_POLICY_QUOTA = 10_240;
export const MANAGED_POLICY_QUOTA = 6_144;
/** Managed policies one role may have attached, by default. */
export const ATTACHED_POLICIES_QUOTA = 10;
