import type { ActivityKey } from "./activities";
import { approveModels } from "./activities/approve-models";
import { accessRequiredAwsServices } from "./activities/access-required-aws-services";
import { manageEndpoints } from "./activities/manage-endpoints";
import { manageExperiments } from "./activities/manage-experiments";
import { manageMlJobs } from "./activities/manage-ml-jobs";
import { manageModelMonitoring } from "./activities/manage-model-monitoring";
import { manageModels } from "./activities/manage-models";
import { managePipelines } from "./activities/manage-pipelines";
import { passComputeRole } from "./activities/pass-compute-role";
import { runPipelineSteps } from "./activities/run-pipeline-steps";
import { runStudioApplications, sharedSpaceUse } from "./activities/run-studio-applications";
import { s3BucketAccess } from "./activities/s3-bucket-access";
import { searchVisualizeExperiments } from "./activities/search-visualize-experiments";
import { useSharedSpaces } from "./activities/use-shared-spaces";
import {
  MANAGED_POLICY_QUOTA,
  policyDocument,
  policySize,
  type AccountContext,
  type PolicyDocument,
  type PolicyStatement,
  type TeamContext,
} from "./document";
import { computeGuardrails, fileSystemGuardrail, grantedSageMakerActions } from "./guardrails";
import { remoteAccess } from "./remote-access";
import { tagOwnCreations } from "./team-boundary";

type TeamActivity = "s3-bucket-access" | "access-required-aws-services" | "use-shared-spaces";
type AccountActivity = Exclude<ActivityKey, TeamActivity>;

/** Activities whose grants are the same for every team of an account: they go in managed policies. */
const ACCOUNT_ACTIVITIES: Readonly<Record<AccountActivity, (context: AccountContext) => PolicyStatement[]>> = {
  "run-studio-applications": runStudioApplications,
  "manage-ml-jobs": manageMlJobs,
  "manage-models": manageModels,
  "approve-models": approveModels,
  "manage-experiments": manageExperiments,
  "search-visualize-experiments": searchVisualizeExperiments,
  "manage-endpoints": manageEndpoints,
  "manage-pipelines": managePipelines,
  "manage-model-monitoring": manageModelMonitoring,
  "run-pipeline-steps": runPipelineSteps,
};

/** Activities that name the team's buckets: they stay in the role's own inline policy. */
const TEAM_ACTIVITIES: Readonly<Record<TeamActivity, (context: TeamContext) => PolicyStatement[]>> = {
  "s3-bucket-access": s3BucketAccess,
  "access-required-aws-services": accessRequiredAwsServices,
  "use-shared-spaces": useSharedSpaces,
};

/** Activities that start work running as the team's compute role, so they must pass it. */
const PASSES_COMPUTE_ROLE: ReadonlySet<ActivityKey> = new Set([
  "manage-ml-jobs",
  "manage-models",
  "manage-pipelines",
  "manage-model-monitoring",
  "run-pipeline-steps",
]);

export interface PersonaPolicyInput {
  readonly activities: readonly ActivityKey[];
  readonly instanceTypes: readonly string[];
  /**
   * Whether its people may turn on remote IDE access to their spaces (policies/remote-access.ts).
   * @default false
   */
  readonly remoteAccess?: boolean;
}

function isTeamActivity(activity: ActivityKey): activity is TeamActivity {
  return Object.hasOwn(TEAM_ACTIVITIES, activity);
}

/**
 * What a persona may do in every team of an account: its activities' grants, each bound to the caller's team or
 * Studio domain (policies/team-boundary.ts), and the compute guardrails on every granted action that accepts their
 * keys. Split into documents IAM accepts as managed policies (at most 6,144 characters each), in statement order.
 */
export function personaManagedPolicies(persona: PersonaPolicyInput, context: AccountContext): PolicyDocument[] {
  const statements = accountGrants(persona, context);
  const granted = grantedSageMakerActions([...statements, ...teamSageMakerGrants(persona, context)]);
  if (granted.some((action) => action.startsWith("Create"))) statements.push(tagOwnCreations(context));
  statements.push(...computeGuardrails(granted, persona.instanceTypes, context));
  statements.push(...remoteAccess(persona.remoteAccess ?? false, granted, context));
  // Activities share grants (pipeline steps create jobs as Manage ML Jobs does): each goes in once.
  return chunk(policyDocument(statements).Statement, MANAGED_POLICY_QUOTA);
}

function accountGrants(persona: PersonaPolicyInput, context: AccountContext): PolicyStatement[] {
  return persona.activities
    .filter((activity): activity is AccountActivity => !isTeamActivity(activity))
    .flatMap((activity) => ACCOUNT_ACTIVITIES[activity](context));
}

/**
 * SageMaker grants a team may add in its inline policy (shared spaces). The guardrails in the managed policies are
 * derived with them, so they cover these actions in every team.
 */
function teamSageMakerGrants(persona: PersonaPolicyInput, context: AccountContext): PolicyStatement[] {
  return persona.activities.includes("run-studio-applications") ? sharedSpaceUse(context) : [];
}

/**
 * What is particular to one team: its buckets, passing its compute role, where the team uses them shared spaces,
 * and the file systems its jobs may mount. Undefined when there is nothing.
 */
export function teamInlinePolicy(persona: PersonaPolicyInput, context: TeamContext): PolicyDocument | undefined {
  const statements = persona.activities
    .filter(isTeamActivity)
    .flatMap((activity) => TEAM_ACTIVITIES[activity](context));
  if (context.sharedSpaces) statements.push(...teamSageMakerGrants(persona, context));
  if (persona.activities.some((activity) => PASSES_COMPUTE_ROLE.has(activity)))
    statements.push(passComputeRole(context));
  statements.push(
    ...fileSystemGuardrail(grantedSageMakerActions(accountGrants(persona, context)), context.fileSystemIds),
  );
  return statements.length === 0 ? undefined : policyDocument(statements);
}

/** Greedy packing in order; a statement larger than the quota gets a document of its own (the loader reports it). */
function chunk(statements: readonly PolicyStatement[], quota: number): PolicyDocument[] {
  const documents: PolicyStatement[][] = [];
  let current: PolicyStatement[] = [];
  for (const statement of statements) {
    if (current.length > 0 && policySize(policyDocument([...current, statement])) > quota) {
      documents.push(current);
      current = [];
    }
    current.push(statement);
  }
  if (current.length > 0) documents.push(current);
  return documents.map(policyDocument);
}

/** Every statement a role's policies grant or deny together: its managed policies and its inline policy. */
export function effectivePolicy(documents: readonly (PolicyDocument | undefined)[]): PolicyDocument {
  return policyDocument(documents.flatMap((document) => document?.Statement ?? []));
}
