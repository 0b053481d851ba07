import type { ActivityKey } from "../../policies/activities";

/*
 * What each activity promises to reach beyond SageMaker, written from docs/threat-model.md and the workspace bucket's
 * layout (docs/architecture.md), not read from the policies: the attacker matrix expects a request allowed exactly
 * when an activity of the caller's persona promises it, and denied otherwise.
 */

/** Where an object or a listing is, as the workspace layout and the team's buckets name places. */
export type Place =
  | "data" // a team's data bucket
  | "shared" // workspace shared/
  | "jobs" // workspace jobs/
  | "own" // workspace users/<the caller's profile>/
  | "colleague" // workspace users/<another profile>/
  | "namesake" // workspace users/<the caller's profile followed by more>/
  | "workspace root"; // a key of the workspace outside every prefix

const READ = ["s3:GetObject"];
const READ_WRITE = ["s3:GetObject", "s3:PutObject"];
const FULL = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];

/** Object actions each activity promises, by place in the caller's own team's buckets. */
const OBJECTS: Partial<Record<ActivityKey, Partial<Record<Place, readonly string[]>>>> = {
  "s3-bucket-access": { data: FULL, shared: FULL, jobs: FULL, own: FULL },
  // Jobs read what people keep in shared/ (code, features) but cannot change it: Studio runs what is there.
  "access-required-aws-services": { data: READ_WRITE, shared: READ, jobs: READ_WRITE },
  "use-shared-spaces": { shared: FULL },
};

export function objectAccess(activities: ReadonlySet<ActivityKey>, place: Place, action: string): boolean {
  return [...activities].some((activity) => OBJECTS[activity]?.[place]?.includes(action) ?? false);
}

/** A listing of a bucket: the prefix asked for, and whether a delimiter keeps it to one level. */
export interface Listing {
  readonly bucket: "workspace" | "data";
  readonly prefix: string;
  readonly delimiter: boolean;
  /** What the listing shows, or "everything under it" when it goes deeper than one prefix. */
  readonly shows: Place | "top levels" | "every user's keys";
}

const LISTINGS: Partial<Record<ActivityKey, readonly Listing["shows"][]>> = {
  "s3-bucket-access": ["data", "shared", "jobs", "own", "top levels"],
  "access-required-aws-services": ["data", "shared", "jobs"],
  "use-shared-spaces": ["shared"],
};

export function listingAccess(activities: ReadonlySet<ActivityKey>, listing: Listing): boolean {
  return [...activities].some((activity) => LISTINGS[activity]?.includes(listing.shows) ?? false);
}

/** Whether the activities locate a bucket (GetBucketLocation): every bucket they touch. */
export function locates(activities: ReadonlySet<ActivityKey>, bucket: "workspace" | "data"): boolean {
  return [...activities].some((activity) =>
    Object.keys(OBJECTS[activity] ?? {}).some((place) => (place === "data") === (bucket === "data")),
  );
}

/**
 * The team's key, where the config has one, for whoever reaches the team's buckets: through S3 for the buckets it
 * reaches (`locates`), and through SageMaker.
 */
export const usesTeamKey = (activities: ReadonlySet<ActivityKey>) =>
  [...activities].some((activity) => activity in OBJECTS);

/** Logs, metrics, network interfaces and container images: what jobs and endpoints need, as the compute role. */
export const runsJobs = (activities: ReadonlySet<ActivityKey>) => activities.has("access-required-aws-services");
/** Who follows the team's jobs from a notebook: lists the shared job log groups' streams, reads its own jobs'. */
export const followsJobLogs = (activities: ReadonlySet<ActivityKey>) =>
  runsJobs(activities) || activities.has("manage-ml-jobs");

/** The CloudWatch namespaces SageMaker documents for jobs' and Model Monitor's metrics. */
export const JOB_NAMESPACES = [
  "/aws/sagemaker/TrainingJobs",
  "/aws/sagemaker/ProcessingJobs",
  "/aws/sagemaker/TransformJobs",
  "/aws/sagemaker/Endpoints/data-metrics",
  "/aws/sagemaker/ModelMonitoring/data-metrics",
];
/** Namespaces no job may write: endpoints' instance metrics drive their autoscaling and alarms. */
export const FOREIGN_NAMESPACES = ["/aws/sagemaker/Endpoints", "AWS/SageMaker", "/aws/sagemaker/studio", "Custom/jobs"];

/** The job log groups SageMaker shares between teams; each job's streams are named after it. */
export const JOB_LOG_GROUPS = [
  "/aws/sagemaker/TrainingJobs",
  "/aws/sagemaker/ProcessingJobs",
  "/aws/sagemaker/TransformJobs",
];

/** Who passes the team's compute role to SageMaker: the activities that start work running as it. */
const PASSERS: readonly ActivityKey[] = [
  "manage-ml-jobs",
  "manage-models",
  "manage-pipelines",
  "manage-model-monitoring",
  "run-pipeline-steps",
];
export const passesComputeRole = (activities: ReadonlySet<ActivityKey>) =>
  PASSERS.some((activity) => activities.has(activity));

/** Who may set a model version to Approved or Rejected: separation of duties. */
export const approves = (activities: ReadonlySet<ActivityKey>) => activities.has("approve-models");
