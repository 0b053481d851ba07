import type { FederationConfig } from "../../../config/types";
import { APPLICATION_READ, type ServicePrincipal } from "../clients/entra-app";
import type { Finding } from "./finding";
import type { GraphClient } from "../clients/graph-client";
import type { IdentityCenterInstance } from "../clients/identity-center";

const CHECK = "SAML settings";
/** The identity store id in the issuer URL, `.../platform/saml/d-xxxxxxxxxx`. */
const STORE_IN_ISSUER = /\/platform\/saml\/(d-[0-9a-f]{10})$/;

interface Application {
  readonly identifierUris?: readonly string[];
  readonly web?: { readonly redirectUris?: readonly string[] };
}

/** The app's SAML values as Entra holds them. */
export async function entraSamlUrls(graph: GraphClient, sp: ServicePrincipal) {
  const app = await graph.get<Application>(
    `/applications(appId='${sp.appId}')?$select=identifierUris,web`,
    APPLICATION_READ,
  );
  return {
    identifierUris: app.identifierUris ?? [],
    redirectUris: app.web?.redirectUris ?? [],
    loginUrl: sp.loginUrl ?? undefined,
  };
}

export const NO_AWS_SAML_API =
  "no AWS API exposes IAM Identity Center's own issuer, ACS and sign-in URLs, so Entra's are compared with the copy in the config";

/**
 * Entra's issuer, reply (ACS) and sign-on URLs against the config's copy of IAM Identity Center's; and the issuer's
 * identity store id against the live instance's, the one AWS fact that shows the copy is still current.
 */
export function samlFindings(
  config: FederationConfig,
  entra: Awaited<ReturnType<typeof entraSamlUrls>>,
  instance: IdentityCenterInstance | undefined,
): Finding[] {
  const center = config.aws.identityCenter;
  if (center === undefined) return [];
  const wrong = [
    entra.identifierUris.includes(center.issuerUrl)
      ? undefined
      : `issuer (identifier) is ${list(entra.identifierUris)}, the config's ${center.issuerUrl}`,
    entra.redirectUris.includes(center.acsUrl)
      ? undefined
      : `ACS (reply URL) is ${list(entra.redirectUris)}, the config's ${center.acsUrl}`,
    entra.loginUrl === center.signInUrl
      ? undefined
      : `sign-on URL is ${entra.loginUrl ?? "empty"}, the config's ${center.signInUrl}`,
  ].filter((text): text is string => text !== undefined);
  if (wrong.length > 0)
    return [
      {
        check: CHECK,
        status: "action",
        summary: `Entra's ${wrong.join("; ")}: sign-in fails or lands on the wrong instance`,
        next: "npm run deploy sets the config's values again; if IAM Identity Center's changed (a new instance or identity source), copy them from its console into aws.identityCenter first (docs/runbook.md, section 14)",
      },
    ];
  const store = STORE_IN_ISSUER.exec(center.issuerUrl)?.[1];
  if (instance !== undefined && store !== undefined && store !== instance.identityStoreId)
    return [
      {
        check: CHECK,
        status: "warning",
        summary: `Entra matches the config, but the issuer names identity store ${store} and IAM Identity Center's is ${instance.identityStoreId}; ${NO_AWS_SAML_API}`,
        next: "compare IAM Identity Center > Settings > Identity source > Manage authentication with aws.identityCenter, and copy what changed (docs/runbook.md, section 14)",
      },
    ];
  return [
    {
      check: CHECK,
      status: "ok",
      summary: `Entra's issuer, ACS and sign-on URLs equal the config's${instance !== undefined && store === instance.identityStoreId ? `, whose issuer names the live identity store ${store}` : ""}; ${NO_AWS_SAML_API}`,
    },
  ];
}

function list(values: readonly string[]): string {
  return values.length === 0 ? "empty" : values.join(", ");
}
