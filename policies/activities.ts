/**
 * The SageMaker Role Manager ML activities this product can grant, by the key used in config.
 * The statements for each live in their own file under policies/activities/.
 */
export const ACTIVITY_KEYS = [
  "run-studio-applications",
  "manage-ml-jobs",
  "manage-models",
  "approve-models",
  "manage-experiments",
  "search-visualize-experiments",
  "s3-bucket-access",
  "manage-endpoints",
  "manage-pipelines",
  "manage-model-monitoring",
  "access-required-aws-services",
  "run-pipeline-steps",
  "use-shared-spaces",
] as const;

export type ActivityKey = (typeof ACTIVITY_KEYS)[number];
