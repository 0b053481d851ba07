import type { RawProblem } from "../../errors";
import type { FederationInput } from "../../schema";

/** The console guard denies SageMaker's console to every role it does not name, the deployer's included. */
export function consoleGuardDeployer(input: FederationInput): RawProblem[] {
  if (!input.aws.consoleGuard.scp || input.aws.consoleGuard.deployerRoleArn !== undefined) return [];
  return [
    {
      path: ["aws", "consoleGuard", "deployerRoleArn"],
      rule: "the console guard SCP would also block the role that deploys this stack",
      fix: "set deployerRoleArn to the ARN of the role Terraform runs as",
    },
  ];
}
