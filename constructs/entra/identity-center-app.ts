import { ApplicationFromTemplate } from "@cdktf/provider-azuread/lib/application-from-template";
import { ApplicationIdentifierUri } from "@cdktf/provider-azuread/lib/application-identifier-uri";
import { ApplicationRedirectUris } from "@cdktf/provider-azuread/lib/application-redirect-uris";
import { DataAzureadApplication } from "@cdktf/provider-azuread/lib/data-azuread-application";
import { ServicePrincipal } from "@cdktf/provider-azuread/lib/service-principal";
import { ServicePrincipalTokenSigningCertificate } from "@cdktf/provider-azuread/lib/service-principal-token-signing-certificate";
import { Construct } from "constructs";
import { fixAddress } from "../fixed-address";

/** The gallery template "AWS IAM Identity Center (successor to AWS Single Sign-On)", pinned by id (its name has changed before). */
export const IDENTITY_CENTER_TEMPLATE_ID = "21ed01d2-ec13-4e9e-86c1-cd546719ebc4";

/** The enterprise app's display name: what people see in My Apps, and what the health checks look it up by. */
export const identityCenterAppName = (configName: string) => `${configName}: AWS IAM Identity Center`;
/** The template's "User" app role, assigned to every group. */
export const USER_APP_ROLE_ID = "8774f594-1d59-4279-b9d9-59ef09a23530";
/** The tag an instantiated gallery app carries; the provider would drop it when `tags` is left unset. */
const INTEGRATED_APP_TAG = "WindowsAzureActiveDirectoryIntegratedApp";

export interface IdentityCenterSamlUrls {
  /** IAM Identity Center issuer URL: the app's identifier (entity id). */
  readonly issuerUrl: string;
  /** IAM Identity Center ACS URL: the app's Web redirect URI. */
  readonly acsUrl: string;
  /** AWS access portal sign-in URL: the service principal's login URL. */
  readonly signInUrl: string;
}

export interface IdentityCenterAppProps {
  readonly displayName: string;
  /** RFC 3339 end of the SAML token signing certificate (at most 3 years ahead). */
  readonly signingCertificateEndDate: string;
  /**
   * IAM Identity Center's SAML values; without them (bootstrap phase) the app has no identifier or reply URL yet.
   * @default - bootstrap phase
   */
  readonly saml?: IdentityCenterSamlUrls;
  /**
   * Addresses that receive certificate expiry notices.
   * @default []
   */
  readonly notificationEmails?: readonly string[];
  /**
   * SAML relay state sent on IdP-initiated sign-in.
   * @default - none
   */
  readonly relayState?: string;
  /**
   * Object ids of the service principal's owners, managed exactly.
   * @default - whoever created the app stays its owner: Entra makes the creating identity an owner, and no later
   * apply (by CI or by a person) changes owners it does not manage
   */
  readonly owners?: readonly string[];
}

/** Every Entra address of the app, fixed: `azuread_<type>.identity_center`. */
const NAME = "identity_center";

/** The enterprise app IAM Identity Center federates with: SAML single sign-on and its signing certificate. */
export class IdentityCenterApp extends Construct {
  readonly application: ApplicationFromTemplate;
  readonly servicePrincipal: ServicePrincipal;
  readonly signingCertificate: ServicePrincipalTokenSigningCertificate;
  /** The application (client) id, for the federation metadata URL. */
  readonly clientId: string;

  constructor(scope: Construct, id: string, props: IdentityCenterAppProps) {
    super(scope, id);
    const owners = props.owners && props.owners.length > 0 ? [...props.owners] : undefined;

    this.application = fixAddress(
      new ApplicationFromTemplate(this, "application", {
        displayName: props.displayName,
        templateId: IDENTITY_CENTER_TEMPLATE_ID,
      }),
      NAME,
    );
    this.clientId = fixAddress(
      new DataAzureadApplication(this, "application_lookup", { objectId: this.application.applicationObjectId }),
      NAME,
    ).clientId;

    // With useExisting the provider patches the instantiated service principal, and resets every
    // attribute left unset: appRoleAssignmentRequired and tags are therefore set explicitly.
    this.servicePrincipal = fixAddress(
      new ServicePrincipal(this, "service_principal", {
        clientId: this.clientId,
        useExisting: true,
        preferredSingleSignOnMode: "saml",
        loginUrl: props.saml?.signInUrl,
        samlSingleSignOn: props.relayState === undefined ? undefined : { relayState: props.relayState },
        notificationEmailAddresses: [...(props.notificationEmails ?? [])],
        appRoleAssignmentRequired: true,
        tags: [INTEGRATED_APP_TAG],
        owners,
        lifecycle: {
          // Unmanaged owners are read back as whoever Entra made owner on create; without this, every plan would
          // remove them.
          ignoreChanges: owners === undefined ? ["owners"] : undefined,
          postcondition: [
            {
              condition: `\${contains([for role in self.app_roles : role.id], "${USER_APP_ROLE_ID}")}`,
              errorMessage: `The IAM Identity Center gallery app no longer declares the "User" app role ${USER_APP_ROLE_ID} that groups are assigned with. Look up the app's roles (az ad sp show --id <object id> --query appRoles) and update USER_APP_ROLE_ID.`,
            },
          ],
        },
      }),
      NAME,
    );

    if (props.saml) {
      // Microsoft's identifier-URI policy exempts only service principals already in SAML mode.
      fixAddress(
        new ApplicationIdentifierUri(this, "identifier_uri", {
          applicationId: this.application.applicationId,
          identifierUri: props.saml.issuerUrl,
          dependsOn: [this.servicePrincipal],
        }),
        NAME,
      );
      const replyUrls = fixAddress(
        new ApplicationRedirectUris(this, "reply_url", {
          applicationId: this.application.applicationId,
          type: "Web",
          redirectUris: [props.saml.acsUrl],
          dependsOn: [this.servicePrincipal],
        }),
        NAME,
      );
      // The template gives every new app a placeholder Web redirect URI, and the provider refuses to create over
      // existing URIs of a type: take them over instead. The app exists since the bootstrap apply, so the id is
      // known when Terraform plans; once imported, the block changes nothing.
      replyUrls.importFrom(`${this.application.applicationId}/redirectUris/Web`);
    }

    this.signingCertificate = fixAddress(
      new ServicePrincipalTokenSigningCertificate(this, "signing_certificate", {
        servicePrincipalId: this.servicePrincipal.id,
        endDate: props.signingCertificateEndDate,
      }),
      NAME,
    );
  }
}
