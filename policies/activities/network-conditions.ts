import type { ConditionBlock, AccountContext } from "../document";

/**
 * Conditions that force jobs and models into the configured subnets and security groups and onto the configured
 * KMS key. Undefined when the config sets neither.
 */
export function networkAndKeyConditions(
  context: AccountContext,
  { volumeKey = true, outputKey = true } = {},
): ConditionBlock | undefined {
  const allValues: Record<string, readonly string[]> = {};
  const present: Record<string, string> = {};
  const equals: Record<string, string> = {};
  if (context.network) {
    allValues["sagemaker:VpcSubnets"] = context.network.subnetIds;
    present["sagemaker:VpcSubnets"] = "false";
    if (context.network.securityGroupIds.length > 0) {
      allValues["sagemaker:VpcSecurityGroupIds"] = context.network.securityGroupIds;
      present["sagemaker:VpcSecurityGroupIds"] = "false";
    }
  }
  if (context.kmsKeyArn) {
    // The `...Arn` keys: SageMaker deprecated `sagemaker:VolumeKmsKey` and `sagemaker:OutputKmsKey`, which no action
    // carries any more, so a condition on them never matches.
    if (volumeKey) equals["sagemaker:VolumeKmsKeyArn"] = context.kmsKeyArn;
    if (outputKey) equals["sagemaker:OutputKmsKeyArn"] = context.kmsKeyArn;
  }
  const block: Record<string, Record<string, string | readonly string[]>> = {};
  if (Object.keys(allValues).length > 0) block["ForAllValues:StringEquals"] = allValues;
  if (Object.keys(present).length > 0) block["Null"] = present;
  if (Object.keys(equals).length > 0) block["StringEquals"] = equals;
  return Object.keys(block).length > 0 ? block : undefined;
}
