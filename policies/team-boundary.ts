import { sagemaker, sagemakerArn, type AccountContext, type ConditionBlock, type PolicyStatement } from "./document";

/**
 * The team boundary is an allow model: every SageMaker grant names the caller's own team, so a resource of another
 * team, an untagged one, or a request whose context lacks a key matches no Allow and stays denied.
 *
 * The team is the execution role's `sagemaker-team` tag, read as a policy variable: one managed policy serves every
 * team of an account, and it works for Studio sessions and for the compute role (jobs and pipelines carry no Studio
 * context keys). People cannot retag their roles: they get no `iam:Tag*`, and the console guard denies it to all but
 * the deployer.
 */
export const TEAM_TAG = "sagemaker-team";
export const OWN_TEAM = "${aws:PrincipalTag/sagemaker-team}";
/** Set by SageMaker for Studio sessions only: resources named by them are out of reach of every other request. */
export const STUDIO_DOMAIN = "${sagemaker:DomainId}";
export const STUDIO_PROFILE = "${sagemaker:UserProfileName}";
/** The tag Studio sets on what it creates; a person may set it only to their own domain. */
export const DOMAIN_ARN_TAG = "sagemaker:domain-arn";
/** The tag Studio sets on what a profile creates, spaces included: a remote session goes to its profile's spaces. */
export const OWNER_PROFILE_TAG = "sagemaker:user-profile-arn";

/** The resource carries the caller's team tag. A resource without the tag never matches. */
export const OWN_TEAM_RESOURCE: ConditionBlock = { StringEquals: { [`aws:ResourceTag/${TEAM_TAG}`]: OWN_TEAM } };

/** The create carries the caller's team tag, with the key spelled exactly, so it can be neither forged nor left off. */
export const OWN_TEAM_REQUEST: ConditionBlock = {
  StringEquals: { [`aws:RequestTag/${TEAM_TAG}`]: OWN_TEAM },
  "ForAnyValue:StringEquals": { "aws:TagKeys": [TEAM_TAG] },
};

export function ownDomainArn(context: AccountContext): string {
  return sagemakerArn(context, `domain/${STUDIO_DOMAIN}`);
}

export function ownProfileArn(context: AccountContext): string {
  return sagemakerArn(context, `user-profile/${STUDIO_DOMAIN}/${STUDIO_PROFILE}`);
}

/** ARNs of a resource type whose names start with the team key (for what IAM cannot see the tags of). */
export function teamNamed(context: AccountContext, type: string, rest = ""): string {
  return sagemakerArn(context, `${type}/${OWN_TEAM}-*${rest}`);
}

/** Actions on existing resources of the caller's team, whatever their type. */
export function onOwnTeamResources(sid: string, actions: readonly string[], context: AccountContext): PolicyStatement {
  return {
    Sid: sid,
    Effect: "Allow",
    Action: sagemaker(...actions),
    Resource: sagemakerArn(context, "*"),
    Condition: OWN_TEAM_RESOURCE,
  };
}

/**
 * One statement per create, on the created type only: a create that also names an existing resource (a trial's
 * experiment, an endpoint's config) must not match that resource here, where only the request tag is checked.
 * `extra` adds conditions to some of the creates.
 */
export function createsForOwnTeam(
  context: AccountContext,
  creates: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, ConditionBlock>> = {},
): PolicyStatement[] {
  return Object.entries(creates).map(([action, resource]) => ({
    Sid: `${action}ForOwnTeam`,
    Effect: "Allow",
    Action: sagemaker(action),
    Resource: resource.startsWith("arn:") ? resource : sagemakerArn(context, resource),
    Condition: mergeConditions(OWN_TEAM_REQUEST, extra[action] ?? {}),
  }));
}

/** Both blocks' conditions, which must all hold. */
export function mergeConditions(a: ConditionBlock, b: ConditionBlock): ConditionBlock {
  const merged: Record<string, Record<string, string | readonly string[]>> = {};
  for (const block of [a, b])
    for (const [operator, keys] of Object.entries(block)) merged[operator] = { ...merged[operator], ...keys };
  return merged;
}

/** Reading what is not bound to one resource: names and states only. See TAGLESS_ACTIONS for why each is here. */
export function listings(sid: string, actions: readonly string[]): PolicyStatement {
  return { Sid: sid, Effect: "Allow", Action: sagemaker(...actions), Resource: "*" };
}

/**
 * SageMaker tags a resource on create through `sagemaker:AddTags` (with `sagemaker:TaggingAction` set). The team tag
 * must be the caller's own, Studio's domain and profile tags, when set, the caller's own domain and profile, and the
 * resource must not carry a team tag yet: tags are set on create and never changed (no other AddTags, no DeleteTags
 * is granted).
 */
export function tagOwnCreations(context: AccountContext): PolicyStatement {
  return {
    Sid: "TagOwnTeamCreations",
    Effect: "Allow",
    Action: sagemaker("AddTags"),
    Resource: sagemakerArn(context, "*"),
    Condition: {
      Null: { "sagemaker:TaggingAction": "false", [`aws:ResourceTag/${TEAM_TAG}`]: "true" },
      ...OWN_TEAM_REQUEST,
      StringEqualsIfExists: {
        [`aws:RequestTag/${DOMAIN_ARN_TAG}`]: ownDomainArn(context),
        [`aws:RequestTag/${OWNER_PROFILE_TAG}`]: ownProfileArn(context),
      },
    },
  };
}
