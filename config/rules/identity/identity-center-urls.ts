import type { RawProblem } from "../../errors";
import { defaultPortalUrl } from "../../names";
import type { FederationInput } from "../../schema";

/** The values copied from the IAM Identity Center console have the shapes of the configured region. */
export function identityCenterUrls(input: FederationInput): RawProblem[] {
  const center = input.aws.identityCenter;
  if (center === undefined) return [];
  const region = input.aws.region.replace(/[.]/g, "\\.");
  const shapes: Record<keyof typeof center, [RegExp, string] | undefined> = {
    issuerUrl: [
      new RegExp(`^https://${region}\\.signin\\.aws\\.amazon\\.com/platform/saml/[A-Za-z0-9-]+$`),
      `https://${input.aws.region}.signin.aws.amazon.com/platform/saml/<id>`,
    ],
    acsUrl: [
      new RegExp(`^https://${region}\\.signin\\.aws\\.amazon\\.com/platform/saml/acs/[A-Za-z0-9-]+$`),
      `https://${input.aws.region}.signin.aws.amazon.com/platform/saml/acs/<id>`,
    ],
    signInUrl: [
      new RegExp(`^https://portal\\.sso\\.${region}\\.amazonaws\\.com/saml/assertion/[A-Za-z0-9+/=_-]+$`),
      `https://portal.sso.${input.aws.region}.amazonaws.com/saml/assertion/<id>`,
    ],
    scimEndpoint: [
      new RegExp(`^https://scim\\.${region}\\.amazonaws\\.com/[A-Za-z0-9-]+/scim/v2/?$`),
      `https://scim.${input.aws.region}.amazonaws.com/<tenant-id>/scim/v2`,
    ],
    portalUrl: undefined,
  };
  const problems: RawProblem[] = [];
  for (const [field, shape] of Object.entries(shapes)) {
    const value = center[field as keyof typeof center];
    if (shape === undefined || value === undefined || shape[0].test(value)) continue;
    problems.push({
      path: ["aws", "identityCenter", field],
      rule: `"${value}" does not have the shape ${shape[1]} for region ${input.aws.region}`,
      fix: "copy it again from the IAM Identity Center console (Settings > Identity source), and check aws.region",
    });
  }
  if (center.portalUrl === undefined && defaultPortalUrl(center.issuerUrl) === undefined)
    problems.push({
      path: ["aws", "identityCenter", "portalUrl"],
      rule: "the access portal URL cannot be derived from the issuer URL",
      fix: "copy the AWS access portal URL from the IAM Identity Center dashboard into portalUrl",
    });
  return problems;
}
