import { INSTANCE_TYPE_OPTIONAL, VPC_OPTIONAL, actionsAccepting, type GuardrailKey } from "./compute-condition-keys";
import { toTerraformJson, type AccountContext, type ConditionBlock, type PolicyStatement } from "./document";

/** The SageMaker actions (without prefix) that the statements allow. */
export function grantedSageMakerActions(statements: readonly PolicyStatement[]): string[] {
  const actions = statements
    .filter((statement) => statement.Effect === "Allow")
    .flatMap((statement) => statement.Action)
    .filter((action) => action.startsWith("sagemaker:"))
    .map((action) => action.slice("sagemaker:".length));
  return [...new Set(actions)].sort();
}

/** The granted actions that accept a key, per the catalogue table: what a guardrail on that key must cover. */
export function grantedAccepting(granted: readonly string[], key: GuardrailKey): string[] {
  const accepting = new Set(actionsAccepting(key));
  return granted.filter((action) => accepting.has(action));
}

function deny(sid: string, actions: readonly string[], condition: ConditionBlock): PolicyStatement[] {
  if (actions.length === 0) return [];
  return [
    {
      Sid: sid,
      Effect: "Deny",
      Action: actions.map((action) => `sagemaker:${action}`),
      Resource: "*",
      Condition: condition,
    },
  ];
}

/**
 * Denies on every granted action that accepts the guardrail keys, derived from the catalogue table:
 * - instance types outside the persona's list (`system` stays allowed: Studio's default app uses it), or none where
 *   the request must name one;
 * - with a network: no VPC, or a subnet or security group outside the config's;
 * - with a key: a volume or output key other than the config's, or none;
 * - remote debugging of a training job, which opens a shell into the job's container as the compute role.
 * Denies, not conditions on the grants, so they hold whatever policy grants the action.
 */
export function computeGuardrails(
  granted: readonly string[],
  instanceTypes: readonly string[],
  context: AccountContext,
): PolicyStatement[] {
  const sized = grantedAccepting(granted, "sagemaker:InstanceTypes");
  const statements = [
    ...deny("DenyInstanceTypesOutsidePersona", sized, {
      "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": [...instanceTypes, "system"] },
    }),
    // A condition on a set is false when the key is absent: without this a request naming no type would pass.
    ...deny(
      "DenyComputeWithoutInstanceType",
      sized.filter((action) => !Object.hasOwn(INSTANCE_TYPE_OPTIONAL, action)),
      { Null: { "sagemaker:InstanceTypes": "true" } },
    ),
    ...deny("DenyRemoteDebugging", grantedAccepting(granted, "sagemaker:EnableRemoteDebug"), {
      Bool: { "sagemaker:EnableRemoteDebug": "true" },
    }),
  ];
  if (context.network) {
    const network: [GuardrailKey, readonly string[], string, string][] = [
      ["sagemaker:VpcSubnets", context.network.subnetIds, "DenySubnetsOutsideTeamNetwork", "DenyComputeOutsideVpc"],
      [
        "sagemaker:VpcSecurityGroupIds",
        context.network.securityGroupIds,
        "DenySecurityGroupsOutsideTeamNetwork",
        "DenyComputeWithoutSecurityGroup",
      ],
    ];
    for (const [key, allowed, outsideSid, missingSid] of network) {
      if (allowed.length === 0) continue;
      const actions = grantedAccepting(granted, key);
      statements.push(
        ...deny(outsideSid, actions, { "ForAnyValue:StringNotEquals": { [key]: allowed } }),
        ...deny(
          missingSid,
          actions.filter((action) => !Object.hasOwn(VPC_OPTIONAL, action)),
          { Null: { [key]: "true" } },
        ),
      );
    }
  }
  if (context.kmsKeyArn) {
    // A negated operator is true when the key is absent: a request without a key is denied too.
    statements.push(
      ...deny("DenyVolumesWithoutTeamKey", grantedAccepting(granted, "sagemaker:VolumeKmsKeyArn"), {
        ArnNotEquals: { "sagemaker:VolumeKmsKeyArn": context.kmsKeyArn },
      }),
      ...deny("DenyOutputsWithoutTeamKey", grantedAccepting(granted, "sagemaker:OutputKmsKeyArn"), {
        ArnNotEquals: { "sagemaker:OutputKmsKeyArn": context.kmsKeyArn },
      }),
    );
  }
  return statements;
}

/**
 * File systems a training job mounts are reached over the network as whatever the job runs, beyond S3 and the team
 * boundary: only the team's own, listed in the config, and none when it lists none. Per team, so it belongs in the
 * team's inline policy.
 */
export function fileSystemGuardrail(granted: readonly string[], fileSystemIds: readonly string[]): PolicyStatement[] {
  const present = { Null: { "sagemaker:FileSystemId": "false" } };
  return deny(
    "DenyFileSystemsOutsideTeam",
    grantedAccepting(granted, "sagemaker:FileSystemId"),
    fileSystemIds.length === 0
      ? present
      : { ...present, StringNotEquals: { "sagemaker:FileSystemId": [...fileSystemIds] } },
  );
}

/**
 * Execution roles are assumed by SageMaker only, which sets the user profile name as source identity, and only on
 * behalf of the role's own account (confused-deputy prevention). SageMaker documents `aws:SourceAccount` and
 * `aws:SourceArn` per feature, not for every way it assumes an execution role, so both are checked when sent: a
 * request for another account is refused, and one without them is not (requiring them could stop Studio itself).
 * Returned as cdktf JSON.
 */
export function sagemakerTrustPolicy(partition: string, accountId: string): string {
  return toTerraformJson({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "SageMakerOfThisAccount",
        Effect: "Allow",
        Principal: { Service: "sagemaker.amazonaws.com" },
        Action: ["sts:AssumeRole", "sts:SetSourceIdentity"],
        Condition: {
          StringEqualsIfExists: { "aws:SourceAccount": accountId },
          ArnLikeIfExists: { "aws:SourceArn": `arn:${partition}:sagemaker:*:${accountId}:*` },
        },
      },
    ],
  });
}
