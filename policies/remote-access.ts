import { sagemaker, sagemakerArn, type AccountContext, type PolicyStatement } from "./document";
import { ownProfileArn } from "./activities/run-studio-applications";
import { STUDIO_DOMAIN } from "./team-boundary";

/** The actions that can turn on a space's remote access, as the IAM catalogue lists them (the catalogue test checks). */
export const TAKES_REMOTE_ACCESS = ["CreateSpace", "UpdateSpace"];

/** The tag SageMaker puts on a space: the profile that owns it. */
const SPACE_OWNER_TAG = "sagemaker:user-profile-arn";

/**
 * Remote IDE connections to a space authenticate with IAM, not with IAM Identity Center: they outlive the person's
 * sign-out by hours, and removing someone from a group does not end them. Off unless the persona opts in: a persona
 * that may create or update spaces is denied turning remote access on. A persona that opts in may connect to the
 * spaces it owns (the deep link from Studio), and to nobody else's: the owner tag decides, so nobody may tag a space
 * of their own as someone else's (which would lure that person's session into it).
 */
export function remoteAccess(allowed: boolean, granted: readonly string[], context: AccountContext): PolicyStatement[] {
  const spaceWrites = granted.filter((action) => TAKES_REMOTE_ACCESS.includes(action));
  if (spaceWrites.length === 0) return [];
  if (!allowed)
    return [
      {
        Sid: "DenyRemoteAccess",
        Effect: "Deny",
        Action: sagemaker(...spaceWrites),
        Resource: "*",
        Condition: { StringEqualsIgnoreCase: { "sagemaker:RemoteAccess": "ENABLED" } },
      },
    ];
  const ownSpaces = sagemakerArn(context, `space/${STUDIO_DOMAIN}/*`);
  return [
    {
      Sid: "RemoteSessionsToOwnSpaces",
      Effect: "Allow",
      Action: sagemaker("StartSession"),
      Resource: ownSpaces,
      Condition: { ArnEquals: { [`aws:ResourceTag/${SPACE_OWNER_TAG}`]: ownProfileArn(context) } },
    },
    {
      Sid: "DenyTaggingSpacesAsSomeoneElses",
      Effect: "Deny",
      Action: sagemaker("AddTags"),
      Resource: ownSpaces,
      Condition: {
        Null: { [`aws:RequestTag/${SPACE_OWNER_TAG}`]: "false" },
        ArnNotEquals: { [`aws:RequestTag/${SPACE_OWNER_TAG}`]: ownProfileArn(context) },
      },
    },
  ];
}
