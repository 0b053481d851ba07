import type { DescribeDomainResponse } from "@aws-sdk/client-sagemaker";

export interface ConsoleDomainOptions {
  readonly domainId: string;
  readonly domainName: string;
  readonly accountId: string;
  readonly region: string;
  /** The VPC, subnets and KMS key chosen in the console's setup (an adopted domain matches the config's). */
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly kmsKeyId?: string;
}

/**
 * DescribeDomain's answer for a domain made with the console's "Set up for organizations", written from the API
 * reference's response syntax (fields the console leaves unset are absent): IAM Identity Center, VPC only with the
 * apps' security groups in the user defaults but none in DomainSettings, profile names not used as source
 * identity, one console-made execution role for users and shared spaces, Canvas features and the Studio Classic
 * JupyterServer defaults the console fills in, and none of the stack's own settings (limits, sharing, tags).
 */
export function consoleDomain(options: ConsoleDomainOptions): DescribeDomainResponse {
  const { domainId, accountId, region } = options;
  const consoleRole = `arn:aws:iam::${accountId}:role/service-role/AmazonSageMaker-ExecutionRole-20250114T101010`;
  return {
    DomainArn: `arn:aws:sagemaker:${region}:${accountId}:domain/${domainId}`,
    DomainId: domainId,
    DomainName: options.domainName,
    HomeEfsFileSystemId: "fs-0a1b2c3d4e5f60722",
    SingleSignOnManagedApplicationInstanceId: "ins-0a1b2c3d4e5f6072",
    SingleSignOnApplicationArn: `arn:aws:sso::${accountId}:application/ssoins-72230a2b1c3d4e5f/apl-0a1b2c3d4e5f6072`,
    Status: "InService",
    CreationTime: new Date("2025-01-14T10:10:10Z"),
    LastModifiedTime: new Date("2025-01-14T10:25:41Z"),
    SecurityGroupIdForDomainBoundary: "sg-0a1b2c3d4e5f60799",
    AuthMode: "SSO",
    DefaultUserSettings: {
      ExecutionRole: consoleRole,
      SecurityGroups: [...options.securityGroupIds],
      SharingSettings: {
        NotebookOutputOption: "Allowed",
        S3OutputPath: `s3://sagemaker-studio-${accountId}-abc123/sharing`,
      },
      JupyterServerAppSettings: {
        DefaultResourceSpec: {
          SageMakerImageArn: `arn:aws:sagemaker:${region}:470317259841:image/jupyter-server-3`,
          InstanceType: "system",
        },
      },
      CanvasAppSettings: {
        TimeSeriesForecastingSettings: { Status: "ENABLED" },
        ModelRegisterSettings: { Status: "ENABLED" },
        DirectDeploySettings: { Status: "ENABLED" },
        KendraSettings: { Status: "DISABLED" },
        WorkspaceSettings: { S3ArtifactPath: `s3://sagemaker-${region}-${accountId}/` },
      },
      StudioWebPortal: "ENABLED",
      DefaultLandingUri: "studio::",
    },
    DefaultSpaceSettings: { ExecutionRole: consoleRole, SecurityGroups: [...options.securityGroupIds] },
    DomainSettings: { ExecutionRoleIdentityConfig: "DISABLED" },
    AppNetworkAccessType: "VpcOnly",
    SubnetIds: [...options.subnetIds],
    Url: `https://${domainId}.studio.${region}.sagemaker.aws`,
    VpcId: options.vpcId,
    ...(options.kmsKeyId === undefined ? {} : { KmsKeyId: options.kmsKeyId }),
    TagPropagation: "DISABLED",
  };
}
