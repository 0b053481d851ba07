import { sagemaker, sagemakerArn, type AccountContext, type PolicyStatement } from "../document";

/** Search and Visualize Experiments: read-only access to experiments and lineage. */
export function searchVisualizeExperiments(context: AccountContext): PolicyStatement[] {
  return [
    {
      Sid: "DescribeExperiments",
      Effect: "Allow",
      Action: sagemaker(
        "DescribeAction",
        "DescribeArtifact",
        "DescribeContext",
        "DescribeExperiment",
        "DescribeTrial",
        "DescribeTrialComponent",
        "DescribeLineageGroup",
      ),
      Resource: sagemakerArn(context, "*"),
    },
    {
      Sid: "SearchExperiments",
      Effect: "Allow",
      Action: sagemaker(
        "ListAssociations",
        "ListActions",
        "ListArtifacts",
        "ListContexts",
        "ListExperiments",
        "ListTrials",
        "ListTrialComponents",
        "ListLineageGroups",
        "GetLineageGroupPolicy",
        "QueryLineage",
        "Search",
        "GetSearchSuggestions",
      ),
      Resource: "*",
    },
  ];
}
