import { sagemaker, sagemakerArn, type AccountContext, type PolicyStatement } from "../document";

const DOMAIN = "${sagemaker:DomainId}";
const PROFILE = "${sagemaker:UserProfileName}";

/**
 * Run Studio Applications, for the Studio with spaces: open Studio only as one's own profile, run apps in one's
 * own private spaces and in the team's shared spaces, and tag what Studio creates.
 */
export function runStudioApplications(context: AccountContext): PolicyStatement[] {
  const ownProfile = sagemakerArn(context, `user-profile/${DOMAIN}/${PROFILE}`);
  return [
    {
      Sid: "StudioListing",
      Effect: "Allow",
      Action: sagemaker("ListApps", "ListDomains", "ListUserProfiles", "ListSpaces"),
      Resource: "*",
    },
    {
      Sid: "StudioListTags",
      Effect: "Allow",
      Action: sagemaker("ListTags"),
      Resource: sagemakerArn(context, "*"),
    },
    {
      Sid: "StudioDescribe",
      Effect: "Allow",
      Action: sagemaker("DescribeDomain", "DescribeUserProfile", "DescribeSpace", "DescribeApp"),
      Resource: [
        sagemakerArn(context, `domain/${DOMAIN}`),
        sagemakerArn(context, `user-profile/${DOMAIN}/*`),
        sagemakerArn(context, `space/${DOMAIN}/*`),
        sagemakerArn(context, `app/${DOMAIN}/*`),
      ],
    },
    {
      Sid: "OpenOwnProfileOnly",
      Effect: "Allow",
      Action: sagemaker("CreatePresignedDomainUrl"),
      Resource: ownProfile,
    },
    {
      Sid: "OwnProfileApps",
      Effect: "Allow",
      Action: sagemaker("CreateApp", "DeleteApp"),
      Resource: sagemakerArn(context, `app/${DOMAIN}/${PROFILE}/*`),
    },
    {
      Sid: "OwnPrivateAndSharedSpaces",
      Effect: "Allow",
      Action: sagemaker("CreateSpace", "UpdateSpace", "DeleteSpace"),
      Resource: sagemakerArn(context, `space/${DOMAIN}/*`),
      Condition: {
        ArnLike: { "sagemaker:OwnerUserProfileArn": ownProfile },
        StringEquals: { "sagemaker:SpaceSharingType": ["Private", "Shared"] },
      },
    },
    {
      Sid: "AppsInOwnPrivateSpaces",
      Effect: "Allow",
      Action: sagemaker("CreateApp", "DeleteApp"),
      Resource: sagemakerArn(context, `app/${DOMAIN}/*`),
      Condition: {
        ArnLike: { "sagemaker:OwnerUserProfileArn": ownProfile },
        StringEquals: { "sagemaker:SpaceSharingType": ["Private"] },
      },
    },
    {
      Sid: "AppsInSharedSpaces",
      Effect: "Allow",
      Action: sagemaker("CreateApp", "DeleteApp"),
      Resource: sagemakerArn(context, `app/${DOMAIN}/*`),
      Condition: { StringEquals: { "sagemaker:SpaceSharingType": ["Shared"] } },
    },
    {
      Sid: "TagWhatStudioCreates",
      Effect: "Allow",
      Action: sagemaker("AddTags"),
      Resource: sagemakerArn(context, "*"),
      Condition: { Null: { "sagemaker:TaggingAction": "false" } },
    },
  ];
}
