import { Fn, forExpression, TerraformOutput, Token, type TerraformStack } from "cdktf";
import type { FederationConfig } from "../config/types";
import type { AdminAccess } from "../constructs/aws/admin-access";
import type { StudioDomains } from "../constructs/aws/studio-domains";
import type { IdentityCenterApp } from "../constructs/entra/identity-center-app";

/** What the operator copies into the IAM Identity Center console, and the certificate to activate. */
export function entraOutputs(stack: TerraformStack, app: IdentityCenterApp, tenantId: string): void {
  const login = `https://login.microsoftonline.com/${tenantId}`;
  const certificate = app.signingCertificate;
  new TerraformOutput(stack, "entra_federation_metadata_url", {
    description:
      "Entra ID SAML metadata of the app: download it and upload it as the IdP metadata in IAM Identity Center",
    value: `${login}/federationmetadata/2007-06/federationmetadata.xml?appid=${app.clientId}`,
  });
  new TerraformOutput(stack, "entra_issuer", {
    description: "IdP issuer URL, if IAM Identity Center asks for the values instead of the metadata file",
    value: `https://sts.windows.net/${tenantId}/`,
  });
  new TerraformOutput(stack, "entra_saml_sign_in_url", {
    description: "IdP sign-in URL, if IAM Identity Center asks for the values instead of the metadata file",
    value: `${login}/saml2`,
  });
  new TerraformOutput(stack, "signing_certificate_thumbprint", {
    description: "SHA-1 thumbprint of the SAML token signing certificate",
    value: certificate.thumbprint,
  });
  new TerraformOutput(stack, "signing_certificate_expiry", {
    description: "When the SAML token signing certificate expires: rotate it before then (docs/runbook.md)",
    value: certificate.endDate,
  });
  new TerraformOutput(stack, "activate_signing_certificate_command", {
    description:
      "The azuread provider cannot make the new certificate the active one: run this once after each apply that created it",
    value: `az rest --method PATCH --url https://graph.microsoft.com/v1.0/servicePrincipals/${app.servicePrincipal.objectId} --headers Content-Type=application/json --body '{"preferredTokenSigningKeyThumbprint":"${certificate.thumbprint}"}'`,
  });
}

/** The bootstrap phase ends in the IAM Identity Center console: say exactly what to do there. */
export function bootstrapOutputs(stack: TerraformStack, app: IdentityCenterApp, tenantId: string): void {
  new TerraformOutput(stack, "next_steps", {
    description: "What to do in the IAM Identity Center console before the second apply",
    value: [
      "1. Run the activate_signing_certificate_command output once.",
      "2. IAM Identity Center > Settings > Identity source > Actions > Change identity source > External identity provider.",
      `3. IdP metadata: upload the file at entra_federation_metadata_url (https://login.microsoftonline.com/${tenantId}/federationmetadata/...).`,
      "4. From the same page copy into the config, under aws.identityCenter: issuerUrl (IAM Identity Center issuer URL), acsUrl (IAM Identity Center Assertion Consumer Service URL), signInUrl (AWS access portal sign-in URL).",
      "5. Settings > Identity source > Automatic provisioning > Enable: copy the SCIM endpoint to aws.identityCenter.scimEndpoint and the access token to TF_VAR_scim_token (it is shown once).",
      `6. Apply again: the SCIM job, the groups' provisioning and the AWS side are added. (Enterprise app: ${app.application.displayName})`,
    ].join("\n"),
  });
}

/** Where people sign in, each team's domain, and the admin permission set. */
export function awsOutputs(
  stack: TerraformStack,
  config: FederationConfig,
  domains: readonly StudioDomains[],
  admin: AdminAccess,
): void {
  if (config.aws.identityCenter)
    new TerraformOutput(stack, "access_portal_url", {
      description: "AWS access portal: every member opens their team's Studio from its tile",
      value: config.aws.identityCenter.portalUrl,
    });
  new TerraformOutput(stack, "studio_domains", {
    description: "Each team's Studio domain: id and URL",
    value: Fn.merge(
      domains.map((studio) => forExpression(Token.asAny(studio.domains.fqn), "{ id = val.id, url = val.url }", "key")),
    ),
  });
  new TerraformOutput(stack, "studio_domain_updates", {
    description:
      "Per team, the input of `aws sagemaker update-domain --cli-input-json` that brings the domain's own settings in line with the config (docs/runbook.md, Domain settings)",
    value: `\${merge(${domains.map((studio) => studio.settings.updates).join(", ")})}`,
  });
  new TerraformOutput(stack, "admin_permission_set_arn", {
    description: "ARN of the SageMaker admin permission set",
    value: admin.permissionSet.arn,
  });
}
