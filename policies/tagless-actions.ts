/**
 * SageMaker actions a persona is granted although IAM cannot bind them to one team: their resource type has no
 * tags, or they take no resource at all. Each is here with the reason it is granted anyway; the catalogue test fails
 * on any granted SageMaker action that is neither bound to the caller's team or domain nor listed here.
 */
export const TAGLESS_GRANTED: Readonly<Record<string, string>> = {
  ListApps: "Studio's UI lists apps; returns names and states, not contents",
  ListDomains: "Studio's UI lists domains; returns names and ids",
  ListUserProfiles: "Studio's UI lists profiles; returns names",
  ListSpaces: "Studio's UI lists spaces; returns names and owners",
  ListTrainingJobs: "returns names and states; the job's definition needs DescribeTrainingJob, which is team-bound",
  ListProcessingJobs: "returns names and states; definitions need the team-bound Describe",
  ListHyperParameterTuningJobs: "returns names and states; definitions need the team-bound Describe",
  ListTransformJobs: "returns names and states; definitions need the team-bound Describe",
  ListModels: "returns names; a model's image, data and role need the team-bound DescribeModel",
  ListModelPackages: "returns names and approval states; details need the team-bound DescribeModelPackage",
  ListModelPackageGroups: "returns names; details need the team-bound Describe",
  ListEndpoints: "returns names and states; configs and variants need the team-bound Describe",
  ListEndpointConfigs: "returns names; contents need the team-bound DescribeEndpointConfig",
  ListPipelines: "returns names; definitions need the team-bound DescribePipeline",
  ListMonitoringSchedules: "returns names and states; definitions need the team-bound Describe",
  ListContexts:
    "returns every team's lineage contexts: name, type and source URI, which for the contexts SageMaker makes is the ARN of an endpoint or model package group (names ListEndpoints and ListModelPackageGroups return anyway); properties need the team-bound Describe",
  ListExperiments: "returns names; details need the team-bound DescribeExperiment",
  ListTrials: "returns names; details need the team-bound DescribeTrial",
  ListTrialComponents: "returns names and states; parameters and metrics need the team-bound Describe",
  ListLineageGroups: "returns names; the group's policy and lineage are not granted",
};

/** What the ML activities of SageMaker Role Manager include and this product does not grant, and why. */
export const TAGLESS_NOT_GRANTED: Readonly<Record<string, string>> = {
  Search: "returns full descriptions (hyperparameters, S3 URIs, environment) of every team's resources",
  GetSearchSuggestions: "completes names and property values across every team",
  QueryLineage: "walks lineage across teams from any start ARN",
  DescribeLineageGroup: "takes no resource: any team's lineage group",
  GetLineageGroupPolicy: "takes no resource: any team's lineage group policy",
  ListCandidatesForAutoMLJob: "takes no resource: any team's candidates with their containers and S3 artifacts",
  ListArtifacts: "returns every team's lineage artifacts with their source URIs: S3 locations of data and models",
  ListActions: "returns every team's lineage actions with their source URIs",
  ListAssociations: "returns the lineage graph across teams: which job read which data and produced which model",
};
