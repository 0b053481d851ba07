import type { AccountContext, PolicyStatement } from "../document";
import { createsForOwnTeam, listings, onOwnTeamResources, teamNamed } from "../team-boundary";

/**
 * Manage Endpoints: endpoint configs and endpoints of the caller's team, named `<team>-...` (the model carries the
 * role, so no PassRole). An endpoint's logs go to a log group named after it, which the name binds to the team. An
 * endpoint config names its model by ARN only, so it must be one named with the team key; an endpoint also names
 * its config, which must carry the team tag (checked by ManageOwnTeamEndpoints).
 */
export function manageEndpoints(context: AccountContext): PolicyStatement[] {
  return [
    ...createsForOwnTeam(
      context,
      { CreateEndpointConfig: teamNamed(context, "endpoint-config"), CreateEndpoint: teamNamed(context, "endpoint") },
      { CreateEndpointConfig: { ArnLike: { "sagemaker:ModelArn": teamNamed(context, "model") } } },
    ),
    onOwnTeamResources(
      "ManageOwnTeamEndpoints",
      [
        "CreateEndpoint",
        "DeleteEndpointConfig",
        "DeleteEndpoint",
        "UpdateEndpoint",
        "UpdateEndpointWeightsAndCapacities",
        "DescribeEndpoint",
        "DescribeEndpointConfig",
      ],
      context,
    ),
    listings("ListEndpoints", ["ListEndpoints", "ListEndpointConfigs"]),
  ];
}
