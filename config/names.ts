/** Every name the stack gives to a cloud object, derived once from config keys. */

export const SAGEMAKER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
export const IAM_ROLE_NAME_MAX = 64;
export const PERMISSION_SET_NAME_MAX = 32;

export function domainName(name: string, team: string): string {
  return `${name}-${team}`;
}

/** `jane.doe@contoso.com` becomes `jane-doe`: SageMaker profile names allow only letters, digits and hyphens. */
export function profileNameFor(userName: string): string {
  const local = userName.split("@")[0] ?? "";
  return local
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}

export function roleName(name: string, team: string, persona: string): string {
  return `${name}-${team}-${persona}`;
}

/** `<name>-<persona>-<n>`: the n-th managed policy of a persona (IAM caps one at 6,144 characters). */
export function managedPolicyName(name: string, persona: string, index: number): string {
  return `${name}-${persona}-${index}`;
}

export function executionRolePath(name: string): string {
  return `/sagemaker-studio/${name}/`;
}

export function defaultPermissionSetName(name: string): string {
  return `${name}-admin`;
}

export function partitionOf(region: string): string {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-iso")) return region.startsWith("us-isob") ? "aws-iso-b" : "aws-iso";
  return "aws";
}

export function roleArn(partition: string, accountId: string, path: string, name: string): string {
  return `arn:${partition}:iam::${accountId}:role${path}${name}`;
}

/** The access portal URL IAM Identity Center gives a directory `d-xxxxxxxxxx` by default. */
export function defaultPortalUrl(issuerUrl: string): string | undefined {
  const id = /\/(d-[0-9a-f]{10})$/.exec(issuerUrl)?.[1];
  return id === undefined ? undefined : `https://${id}.awsapps.com/start`;
}

/** Key of a team's execution role for one persona in `FederationConfig.roles`. */
export function roleKey(team: string, persona: string): string {
  return `${team}/${persona}`;
}

/** Key of a member's user profile in `FederationConfig.profiles`. */
export function profileKey(team: string, userName: string): string {
  return `${team}/${userName}`;
}
