import { IDENTITY_CENTER_TEMPLATE_ID, identityCenterAppName } from "../../../constructs/entra/identity-center-app";
import type { Finding } from "../checks/finding";
import { odataString, type GraphClient } from "./graph-client";

/** The enterprise app's service principal, as much of it as the checks read. */
export interface ServicePrincipal {
  readonly id: string;
  readonly appId: string;
  readonly displayName: string;
  readonly applicationTemplateId?: string | null;
  readonly loginUrl?: string | null;
  readonly preferredTokenSigningKeyThumbprint?: string | null;
  /** Only in Graph's beta answers; v1.0 gives the end date through {@link keyCredentials}. */
  readonly preferredTokenSigningKeyEndDateTime?: string | null;
  readonly keyCredentials?: readonly KeyCredential[];
}

export interface KeyCredential {
  /** Base64; for a SAML signing certificate, the bytes of its thumbprint. */
  readonly customKeyIdentifier?: string | null;
  readonly endDateTime?: string;
  readonly usage?: string;
}

export const APPLICATION_READ = "Application.Read.All";

const SELECT = [
  "id",
  "appId",
  "displayName",
  "applicationTemplateId",
  "loginUrl",
  "preferredTokenSigningKeyThumbprint",
  "keyCredentials",
].join(",");

/**
 * Finds the app by the name the stack gives it, made from the gallery template the stack pins; a finding when
 * there is none, or more than one.
 */
export async function findServicePrincipal(
  graph: GraphClient,
  configName: string,
): Promise<{ readonly servicePrincipal: ServicePrincipal } | { readonly finding: Finding }> {
  const name = identityCenterAppName(configName);
  const filter = encodeURIComponent(`displayName eq ${odataString(name)}`);
  const found = await graph.list<ServicePrincipal>(
    `/servicePrincipals?$filter=${filter}&$select=${SELECT}`,
    APPLICATION_READ,
  );
  const fromTemplate = found.filter((sp) => sp.applicationTemplateId === IDENTITY_CENTER_TEMPLATE_ID);
  if (fromTemplate.length === 1) return { servicePrincipal: fromTemplate[0]! };
  const check = "Entra enterprise app";
  if (fromTemplate.length > 1)
    return {
      finding: {
        check,
        status: "action",
        summary: `${fromTemplate.length} enterprise apps are named "${name}": the checks cannot tell which one Terraform manages`,
        next: "delete or rename the app Terraform does not manage (compare object ids with terraform state show azuread_service_principal.identity_center)",
      },
    };
  return {
    finding: {
      check,
      status: "action",
      summary: `no enterprise app named "${name}" from the IAM Identity Center gallery template in this tenant`,
      next: "apply the stack (npm run deploy); if it was applied, the app was renamed or deleted outside Terraform: npm run plan shows what it would restore",
    },
  };
}
