import type { AccountContext, PolicyStatement } from "../document";
import { listings, onOwnTeamResources } from "../team-boundary";

/**
 * Search and Visualize Experiments: read the caller's team's experiments and lineage. Search, search suggestions,
 * lineage queries and lineage groups read any team's details and cannot be bound to one: not granted
 * (policies/tagless-actions.ts).
 */
export function searchVisualizeExperiments(context: AccountContext): PolicyStatement[] {
  return [
    onOwnTeamResources(
      "DescribeOwnTeamExperiments",
      [
        "DescribeAction",
        "DescribeArtifact",
        "DescribeContext",
        "DescribeExperiment",
        "DescribeTrial",
        "DescribeTrialComponent",
      ],
      context,
    ),
    listings("ListExperiments", [
      "ListAssociations",
      "ListActions",
      "ListArtifacts",
      "ListContexts",
      "ListExperiments",
      "ListTrials",
      "ListTrialComponents",
      "ListLineageGroups",
    ]),
  ];
}
