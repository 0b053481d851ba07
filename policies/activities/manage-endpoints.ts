import { sagemaker, sagemakerArn, type AccountContext, type PolicyStatement } from "../document";
import { networkAndKeyConditions } from "./network-conditions";

/** Manage Endpoints: endpoint configs and endpoints (the model carries the role, so no PassRole). */
export function manageEndpoints(context: AccountContext): PolicyStatement[] {
  const conditions = networkAndKeyConditions({ ...context, network: undefined }, { outputKey: false });
  return [
    {
      Sid: "CreateEndpointConfigsWithTeamKey",
      Effect: "Allow",
      Action: sagemaker("CreateEndpointConfig"),
      Resource: sagemakerArn(context, "endpoint-config/*"),
      ...(conditions ? { Condition: conditions } : {}),
    },
    {
      Sid: "ManageEndpoints",
      Effect: "Allow",
      Action: sagemaker(
        "CreateEndpoint",
        "DeleteEndpointConfig",
        "DeleteEndpoint",
        "UpdateEndpoint",
        "UpdateEndpointWeightsAndCapacities",
        "DescribeEndpoint",
        "DescribeEndpointConfig",
      ),
      Resource: sagemakerArn(context, "*"),
    },
    {
      Sid: "ListEndpoints",
      Effect: "Allow",
      Action: sagemaker("ListEndpoints", "ListEndpointConfigs"),
      Resource: "*",
    },
  ];
}
