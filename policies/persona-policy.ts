import type { ActivityKey } from "./activities";
import { accessRequiredAwsServices } from "./activities/access-required-aws-services";
import { manageEndpoints } from "./activities/manage-endpoints";
import { manageExperiments } from "./activities/manage-experiments";
import { manageMlJobs } from "./activities/manage-ml-jobs";
import { manageModelMonitoring } from "./activities/manage-model-monitoring";
import { manageModels } from "./activities/manage-models";
import { managePipelines } from "./activities/manage-pipelines";
import { runStudioApplications } from "./activities/run-studio-applications";
import { s3BucketAccess } from "./activities/s3-bucket-access";
import { searchVisualizeExperiments } from "./activities/search-visualize-experiments";
import { policyDocument, type PolicyContext, type PolicyDocument, type PolicyStatement } from "./document";
import { denyOtherDomains, denyOtherInstanceTypes } from "./guardrails";

export const ACTIVITIES: Readonly<Record<ActivityKey, (context: PolicyContext) => PolicyStatement[]>> = {
  "run-studio-applications": runStudioApplications,
  "manage-ml-jobs": manageMlJobs,
  "manage-models": manageModels,
  "manage-experiments": manageExperiments,
  "search-visualize-experiments": searchVisualizeExperiments,
  "s3-bucket-access": s3BucketAccess,
  "manage-endpoints": manageEndpoints,
  "manage-pipelines": managePipelines,
  "manage-model-monitoring": manageModelMonitoring,
  "access-required-aws-services": accessRequiredAwsServices,
};

export interface PersonaPolicyInput {
  readonly activities: readonly ActivityKey[];
  readonly instanceTypes: readonly string[];
}

/**
 * The execution-role policy of one persona in one team: its activities' grants, the instance-type allow-list,
 * and, for people who use Studio, the deny on other domains' resources.
 */
export function personaPolicy(persona: PersonaPolicyInput, context: PolicyContext): PolicyDocument {
  const grants = persona.activities.flatMap((activity) => ACTIVITIES[activity](context));
  const guardrails = [denyOtherInstanceTypes(persona.instanceTypes)];
  if (persona.activities.includes("run-studio-applications")) guardrails.push(denyOtherDomains(context));
  return policyDocument([...grants, ...guardrails]);
}
