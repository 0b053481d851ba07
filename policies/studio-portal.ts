import {
  APP_INSTANCE_TYPES,
  APP_TYPES,
  ML_TOOLS,
  type AppInstanceType,
  type AppType,
  type MlTool,
} from "../config/studio-catalogue";
import type { ActivityKey } from "./activities";

/** What a persona's Studio web portal shows: its activities' apps and tools, and the instance types it may start. */
export interface PortalPersona {
  readonly activities: readonly ActivityKey[];
  readonly instanceTypes: readonly string[];
}

/** The activities any one of which grants what an app or a tool needs; none: no persona of this product may use it. */
type Needs = readonly ActivityKey[];
const NOTHING: Needs = [];
/** Training jobs: a person's own, or a pipeline step's (the compute persona). */
const TRAINING: Needs = ["manage-ml-jobs", "run-pipeline-steps"];

/**
 * The Studio apps by the activities that let a person use them. Canvas needs the Canvas managed policies and RStudio
 * a licence on the domain, which this product gives nobody; the profiles open the new Studio, whose apps run in
 * spaces, and give Studio Classic (JupyterServer, KernelGateway) no settings.
 */
export const APP_NEEDS: Readonly<Record<AppType, Needs>> = {
  Canvas: NOTHING,
  CodeEditor: ["run-studio-applications"],
  DetailedProfiler: TRAINING,
  JupyterLab: ["run-studio-applications"],
  JupyterServer: NOTHING,
  KernelGateway: NOTHING,
  RSessionGateway: NOTHING,
  RStudioServerPro: NOTHING,
  TensorBoard: TRAINING,
};

/**
 * The Studio ML tools by the activities that grant what they do. Tools left to NOTHING need grants no activity
 * gives: AutoML jobs, partner apps, EMR and HyperPod clusters, feature groups, inference recommendation and
 * optimization jobs, evaluations, projects (Service Catalog), and Data Wrangler and datasets (Canvas).
 */
export const TOOL_NEEDS: Readonly<Record<MlTool, Needs>> = {
  AutoMl: NOTHING,
  Comet: NOTHING,
  Datasets: NOTHING,
  DataWrangler: NOTHING,
  DeepchecksLLMEvaluation: NOTHING,
  EmrClusters: NOTHING,
  Endpoints: ["manage-endpoints"],
  Evaluators: NOTHING,
  Experiments: ["manage-experiments", "search-visualize-experiments"],
  FeatureStore: NOTHING,
  Fiddler: NOTHING,
  HyperPodClusters: NOTHING,
  InferenceOptimization: NOTHING,
  InferenceRecommender: NOTHING,
  // Fine-tuning a JumpStart model is a training job, deploying it an endpoint.
  JumpStart: [...TRAINING, "manage-endpoints"],
  LakeraGuard: NOTHING,
  Models: ["manage-models", "approve-models", "run-pipeline-steps"],
  ModelEvaluation: NOTHING,
  PerformanceEvaluation: NOTHING,
  Pipelines: ["manage-pipelines"],
  Projects: NOTHING,
  RunningInstances: ["run-studio-applications"],
  Training: TRAINING,
};

/**
 * Values of the SDK's enums that the Terraform AWS provider validating the plan does not know yet: it refuses a
 * hidden list naming them ("expected hidden_instance_types to be one of ..."), so they cannot be hidden and the
 * portal shows them whatever the persona. The guardrails still deny starting such an instance. Found with
 * `terraform validate` on hashicorp/aws 5.100.0, which the Terraform tests run; 6.x knows at least as many.
 */
export const UNKNOWN_TO_PROVIDER: ReadonlySet<string> = new Set([
  "Datasets",
  "Evaluators",
  "RunningInstances",
  "ml.g7.2xlarge",
  "ml.g7.4xlarge",
  "ml.g7.8xlarge",
  "ml.g7.12xlarge",
  "ml.g7.24xlarge",
  "ml.g7.48xlarge",
  "ml.g7e.2xlarge",
  "ml.g7e.4xlarge",
  "ml.g7e.8xlarge",
  "ml.g7e.12xlarge",
  "ml.g7e.24xlarge",
  "ml.g7e.48xlarge",
  "ml.p5.4xlarge",
  "ml.p6-b200.48xlarge",
]);

/** Studio's own instance for apps that need none of their own: the guardrails always allow it. */
export const SYSTEM_INSTANCE = "system";

/** The type SageMaker starts JupyterLab and Code Editor spaces on when nothing else is set. */
const STUDIO_DEFAULT_INSTANCE = "ml.t3.medium";

/** IAM's `StringLike` match: `*` any run of characters, `?` one character. */
function like(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${source}$`).test(value);
}

/** Whether the persona's guardrail lets it start an app on this instance type. */
export function mayStart(persona: PortalPersona, instanceType: string): boolean {
  return instanceType === SYSTEM_INSTANCE || persona.instanceTypes.some((pattern) => like(pattern, instanceType));
}

const uses = (persona: PortalPersona, needs: Needs) => needs.some((activity) => persona.activities.includes(activity));
const hideable = (value: string) => !UNKNOWN_TO_PROVIDER.has(value);

/** The apps the persona cannot use, for `hidden_app_types`. */
export function hiddenAppTypes(persona: PortalPersona): AppType[] {
  return APP_TYPES.filter((app) => !uses(persona, APP_NEEDS[app]) && hideable(app));
}

/** The ML tools the persona cannot use, for `hidden_ml_tools`. */
export function hiddenMlTools(persona: PortalPersona): MlTool[] {
  return ML_TOOLS.filter((tool) => !uses(persona, TOOL_NEEDS[tool]) && hideable(tool));
}

/** The app instance types the persona's guardrail denies, for `hidden_instance_types`. */
export function hiddenInstanceTypes(persona: PortalPersona): AppInstanceType[] {
  return APP_INSTANCE_TYPES.filter((type) => !mayStart(persona, type) && hideable(type));
}

/**
 * The instance type the persona's JupyterLab and Code Editor spaces start on: SageMaker's own default when the
 * persona may use it, else the first of its types that Studio apps run on. Undefined when none is (the config check
 * refuses such a persona for Studio members).
 */
export function defaultAppInstanceType(persona: PortalPersona): AppInstanceType | undefined {
  if (mayStart(persona, STUDIO_DEFAULT_INSTANCE)) return STUDIO_DEFAULT_INSTANCE;
  for (const pattern of persona.instanceTypes) {
    const match = APP_INSTANCE_TYPES.find((type) => type !== SYSTEM_INSTANCE && like(pattern, type));
    if (match !== undefined) return match;
  }
  return undefined;
}

/** A persona's Studio web portal: what it hides, and what its spaces start on. */
export interface StudioPortal {
  readonly hiddenAppTypes: readonly AppType[];
  readonly hiddenMlTools: readonly MlTool[];
  readonly hiddenInstanceTypes: readonly AppInstanceType[];
  readonly defaultInstanceType?: AppInstanceType;
}

export function studioPortal(persona: PortalPersona): StudioPortal {
  return {
    hiddenAppTypes: hiddenAppTypes(persona),
    hiddenMlTools: hiddenMlTools(persona),
    hiddenInstanceTypes: hiddenInstanceTypes(persona),
    defaultInstanceType: defaultAppInstanceType(persona),
  };
}
