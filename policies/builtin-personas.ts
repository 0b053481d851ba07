import type { ActivityKey } from "./activities";

/** A persona as SageMaker Role Manager defines it: a list of ML activities and the instance types it may start. */
export interface PersonaDefinition {
  readonly description: string;
  readonly activities: readonly ActivityKey[];
  readonly instanceTypes: readonly string[];
}

/** General-purpose and small GPU sizes; the large GPU and accelerator families (p4, p5, trn, inf) are left out on purpose. */
const EVERYDAY_INSTANCE_TYPES = [
  "ml.t3.medium",
  "ml.t3.large",
  "ml.t3.xlarge",
  "ml.m5.large",
  "ml.m5.xlarge",
  "ml.m5.2xlarge",
  "ml.m5.4xlarge",
  "ml.c5.large",
  "ml.c5.xlarge",
  "ml.c5.2xlarge",
  "ml.c5.4xlarge",
  "ml.g4dn.xlarge",
  "ml.g4dn.2xlarge",
  "ml.g5.xlarge",
  "ml.g5.2xlarge",
];

/**
 * The three personas of SageMaker Role Manager. Data Scientist and MLOps also get their team's buckets
 * (the Studio home and sharing prefixes live there); Compute is the role passed to jobs and endpoints.
 */
export const BUILTIN_PERSONAS: Readonly<Record<string, PersonaDefinition>> = {
  "data-scientist": {
    description: "Data Scientist: notebooks, training and processing jobs, models and experiments",
    activities: [
      "run-studio-applications",
      "manage-ml-jobs",
      "manage-models",
      "manage-experiments",
      "search-visualize-experiments",
      "s3-bucket-access",
    ],
    instanceTypes: EVERYDAY_INSTANCE_TYPES,
  },
  mlops: {
    description: "MLOps: models and their approval, endpoints, pipelines and monitoring",
    activities: [
      "run-studio-applications",
      "manage-models",
      "approve-models",
      "manage-endpoints",
      "manage-pipelines",
      "manage-model-monitoring",
      "search-visualize-experiments",
      "s3-bucket-access",
    ],
    instanceTypes: EVERYDAY_INSTANCE_TYPES,
  },
  compute: {
    description: "Compute: the role SageMaker jobs, pipelines and endpoints run as, and what pipeline steps do",
    activities: ["access-required-aws-services", "run-pipeline-steps"],
    instanceTypes: EVERYDAY_INSTANCE_TYPES,
  },
  "shared-space": {
    description: "Shared space: what a team's shared Studio spaces run as, what all its Studio personas hold in common",
    activities: ["use-shared-spaces"],
    // It starts no compute; Studio's `system` instance stays allowed by the guardrail.
    instanceTypes: [],
  },
};

/** The persona whose role the team's users pass to jobs, endpoints and pipelines. */
export const COMPUTE_PERSONA = "compute";
/** The persona whose role every team's shared spaces run as. */
export const SHARED_SPACE_PERSONA = "shared-space";
