import { sagemaker, sagemakerArn, type AccountContext, type PolicyStatement } from "../document";
import {
  DOMAIN_ARN_TAG,
  OWNER_PROFILE_TAG,
  OWN_TEAM,
  STUDIO_DOMAIN,
  STUDIO_PROFILE,
  TEAM_TAG,
  listings,
  onOwnTeamResources,
  ownDomainArn,
  ownProfileArn,
} from "../team-boundary";

/**
 * Studio's own resources (the domain, profiles, spaces, apps) are named by the session's domain: SageMaker sets
 * `sagemaker:DomainId` from the Studio session, so the caller cannot choose it, and a request without it resolves
 * no ARN and matches nothing.
 */
export function studioReading(context: AccountContext): PolicyStatement[] {
  return [
    listings("StudioListing", ["ListApps", "ListDomains", "ListUserProfiles", "ListSpaces"]),
    {
      Sid: "StudioDescribe",
      Effect: "Allow",
      Action: sagemaker("DescribeDomain", "DescribeUserProfile", "DescribeSpace", "DescribeApp", "ListTags"),
      Resource: [
        ownDomainArn(context),
        sagemakerArn(context, `user-profile/${STUDIO_DOMAIN}/*`),
        sagemakerArn(context, `space/${STUDIO_DOMAIN}/*`),
        sagemakerArn(context, `app/${STUDIO_DOMAIN}/*`),
      ],
    },
  ];
}

export { ownProfileArn };

/**
 * Run Studio Applications, for the Studio with spaces: open Studio only as one's own profile, run apps in one's
 * own private spaces, and tag what Studio creates. Shared spaces are a team's choice: see sharedSpaceUse.
 */
export function runStudioApplications(context: AccountContext): PolicyStatement[] {
  const ownProfile = ownProfileArn(context);
  return [
    ...studioReading(context),
    onOwnTeamResources("ListTagsOfOwnTeamResources", ["ListTags"], context),
    {
      Sid: "OpenOwnProfileOnly",
      Effect: "Allow",
      Action: sagemaker("CreatePresignedDomainUrl"),
      Resource: ownProfile,
    },
    {
      // Apps of the profile itself (Studio Classic) carry neither key; an app in a space named like the profile
      // carries both and is left to the space statements.
      Sid: "OwnProfileApps",
      Effect: "Allow",
      Action: sagemaker("CreateApp", "DeleteApp"),
      Resource: sagemakerArn(context, `app/${STUDIO_DOMAIN}/${STUDIO_PROFILE}/*`),
      Condition: { Null: { "sagemaker:SpaceSharingType": "true", "sagemaker:OwnerUserProfileArn": "true" } },
    },
    {
      Sid: "OwnPrivateSpaces",
      Effect: "Allow",
      Action: sagemaker("CreateSpace", "UpdateSpace", "DeleteSpace"),
      Resource: sagemakerArn(context, `space/${STUDIO_DOMAIN}/*`),
      Condition: {
        ArnEquals: { "sagemaker:OwnerUserProfileArn": ownProfile },
        StringEquals: { "sagemaker:SpaceSharingType": ["Private"] },
      },
    },
    {
      Sid: "AppsInOwnPrivateSpaces",
      Effect: "Allow",
      Action: sagemaker("CreateApp", "DeleteApp"),
      Resource: sagemakerArn(context, `app/${STUDIO_DOMAIN}/*`),
      Condition: {
        ArnEquals: { "sagemaker:OwnerUserProfileArn": ownProfile },
        StringEquals: { "sagemaker:SpaceSharingType": ["Private"] },
      },
    },
    {
      // Studio's spaces and apps are bound by their ARN, not by tag; tags set on them still may not claim another
      // team, another domain or another owner (a remote session goes to the spaces tagged as its profile's).
      Sid: "TagWhatStudioCreates",
      Effect: "Allow",
      Action: sagemaker("AddTags"),
      Resource: [sagemakerArn(context, `space/${STUDIO_DOMAIN}/*`), sagemakerArn(context, `app/${STUDIO_DOMAIN}/*`)],
      Condition: {
        Null: { "sagemaker:TaggingAction": "false" },
        StringEqualsIfExists: {
          [`aws:RequestTag/${TEAM_TAG}`]: OWN_TEAM,
          [`aws:RequestTag/${DOMAIN_ARN_TAG}`]: ownDomainArn(context),
          [`aws:RequestTag/${OWNER_PROFILE_TAG}`]: ownProfile,
        },
      },
    },
  ];
}

/**
 * Shared spaces, for teams that use them: any member who runs Studio may create one (owning it) and start apps in
 * any of the team's. The apps run as the team's shared-space role (use-shared-spaces), never as a persona's.
 */
export function sharedSpaceUse(context: AccountContext): PolicyStatement[] {
  return [
    {
      Sid: "OwnSharedSpaces",
      Effect: "Allow",
      Action: sagemaker("CreateSpace", "UpdateSpace", "DeleteSpace"),
      Resource: sagemakerArn(context, `space/${STUDIO_DOMAIN}/*`),
      Condition: {
        ArnEquals: { "sagemaker:OwnerUserProfileArn": ownProfileArn(context) },
        StringEquals: { "sagemaker:SpaceSharingType": ["Shared"] },
      },
    },
    {
      Sid: "AppsInSharedSpaces",
      Effect: "Allow",
      Action: sagemaker("CreateApp", "DeleteApp"),
      Resource: sagemakerArn(context, `app/${STUDIO_DOMAIN}/*`),
      Condition: { StringEquals: { "sagemaker:SpaceSharingType": ["Shared"] } },
    },
  ];
}
