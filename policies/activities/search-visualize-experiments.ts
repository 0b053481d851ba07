import type { AccountContext, PolicyStatement } from "../document";
import { listings, onOwnTeamResources } from "../team-boundary";

/**
 * Search and Visualize Experiments: read the caller's team's experiments and lineage. Search, search suggestions,
 * lineage queries, lineage groups and the listings of lineage artifacts, actions and associations read any team's
 * details and cannot be bound to one: not granted (policies/tagless-actions.ts).
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
      "ListContexts",
      "ListExperiments",
      "ListTrials",
      "ListTrialComponents",
      "ListLineageGroups",
    ]),
  ];
}
