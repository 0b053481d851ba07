import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AzureadProvider } from "@cdktf/provider-azuread/lib/provider";
import { Aspects, TerraformStack, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import {
  ADMIN_GROUP_KEY,
  IDENTITY_CENTER_ACCOUNT,
  type FederationConfig,
  type IdentityProviderConfig,
} from "../config/types";
import { DomainRetentionAspect } from "../constructs/aspects/domain-retention";
import { NoWildcardActionsAspect } from "../constructs/aspects/no-wildcard-actions";
import { AdminAccess } from "../constructs/aws/admin-access";
import { IdentityCenterLookup, type IdentityCenterLookupProps } from "../constructs/aws/identity-center-lookup";
import { RetiredDomains } from "../constructs/aws/retired-domains";
import { StudioAccount } from "../constructs/aws/studio-account";
import { IdentityCenterApp, identityCenterAppName } from "../constructs/entra/identity-center-app";
import { JustInTimeAdmins, PERMANENT_ADMINS } from "../constructs/entra/just-in-time-admins";
import { MfaPolicy } from "../constructs/entra/mfa-policy";
import { ScimProvisioning } from "../constructs/entra/scim-provisioning";
import { TeamGroups } from "../constructs/entra/team-groups";
import { RemovedBlock } from "../constructs/removed-block";
import { configureBackend } from "./backend";
import { declareGuards } from "./guards";
import { overrideProviderVersions, type ProviderVersions } from "./provider-versions";
import { awsOutputs, bootstrapOutputs, entraOutputs } from "./outputs";

type EntraConfig = Extract<IdentityProviderConfig, { readonly type: "entra" }>;

/** Every member of a team or of the admins, with the first group they are in (where their object id is looked up). */
function memberGroups(config: FederationConfig): Record<string, string> {
  const groups: Record<string, string> = {};
  for (const [key, group] of Object.entries(config.groups)) for (const user of group.members) groups[user] ??= key;
  return Object.fromEntries(Object.entries(groups).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const EXTERNAL_FIX =
  "Provision them into IAM Identity Center from your identity provider (or correct the names in the config), then plan again.";
const CYCLE_FIX =
  "They arrive with the next provisioning cycle (up to 40 minutes; see the app's provisioning logs in Entra): plan again after it.";

/**
 * What to do about groups or users missing from IAM Identity Center. Entra may skip an object it cannot provision
 * yet while answering the call with success; the provisioning stays in the state, so only replacing it runs it again.
 */
function missingFix(name: string, scim: ScimProvisioning | undefined): IdentityCenterLookupProps["missingFix"] {
  if (scim === undefined) return { groups: () => EXTERNAL_FIX, users: () => EXTERNAL_FIX };
  if (scim.onDemand === undefined) return { groups: () => CYCLE_FIX, users: () => CYCLE_FIX };
  const again = (address: string, test: string, missing: string) =>
    `Entra skipped them (see the app's provisioning logs in Entra). Provision them again: terraform -chdir=cdktf.out/stacks/${name} apply \${join(" ", [for key, provisioning in ${address} : format("-replace='${address}[%q]'", key) if contains(${missing}, ${test})])}; or wait for the next provisioning cycle (up to 40 minutes) and plan again.`;
  return {
    groups: (missing) =>
      again("azuread_synchronization_job_provision_on_demand.team", "provisioning.triggers.display_name", missing),
    users: (missing) => again("azuread_synchronization_job_provision_on_demand.member", "lower(key)", missing),
  };
}

/** The Terraform versions the synthesized configuration needs. */
const REQUIRED_TERRAFORM = ">= 1.7.0";

/** Tags every AWS resource carries, besides the config's own. */
export const PRODUCT_TAG = { "managed-by": "sagemaker-studio-federation" };

export interface FederationStackProps {
  readonly config: FederationConfig;
  /**
   * Synthesize for a plan only (a pull request's preview): every provider assumes its account's read-only
   * `planRoleArn` instead of `roleArn`, and the SCIM token is not asked for (a plan never sends it).
   * The loader has checked that every plan role is there.
   * @default false
   */
  readonly planOnly?: boolean;
  /**
   * Version constraints written over the exact provider versions the prebuilt bindings pin in `required_providers`
   * (`FEDERATION_AWS_PROVIDER_VERSION`, `FEDERATION_AZUREAD_PROVIDER_VERSION`): a provider release the frozen bindings
   * do not know, at the risk that the stack's code knows none of its changes.
   * @default - the bindings' own versions
   */
  readonly providerVersions?: ProviderVersions;
}

/** Both sides of the federation in one state, wired from the validated config. */
export class FederationStack extends TerraformStack {
  private readonly planOnly: boolean;

  constructor(scope: Construct, id: string, props: FederationStackProps) {
    super(scope, id);
    this.planOnly = props.planOnly ?? false;
    // Day-2 changes are blocks, planned like any change: `removed` blocks (a retired team's domain, memberships the
    // admin group holds again) arrived in 1.7, import ids that are expressions (the redirect URIs', the permanent
    // admins' memberships) in 1.6. Terraform refuses an older version up front instead of failing on a block.
    this.addOverride("terraform.required_version", REQUIRED_TERRAFORM);
    const { config } = props;
    configureBackend(this, config.backend);

    const idp = config.identityProvider;
    const entra = idp.type === "entra" ? this.entraSide(config, idp) : undefined;
    if (config.phase === "full") this.awsSide(config, entra);
    overrideProviderVersions(this, props.providerVersions ?? {});
    Aspects.of(this).add(new DomainRetentionAspect());
    Aspects.of(this).add(new NoWildcardActionsAspect());
  }

  /**
   * cdktf's preparing pass resolves every element once more than synthesis does, to wire references between stacks.
   * This app has one stack, so only the backend check is kept: about a third of the token resolution of a large
   * config (`npm run bench`). The snapshot tests hold the JSON to what it was with the pass.
   */
  override prepareStack(): void {
    this.ensureBackendExists();
  }

  private entraSide(config: FederationConfig, idp: EntraConfig) {
    new AzureadProvider(this, "azuread", { tenantId: idp.tenantId });
    const center = config.aws.identityCenter;

    const app = new IdentityCenterApp(this, "identity_center_app", {
      displayName: identityCenterAppName(config.name),
      signingCertificateEndDate: idp.signingCertificateEndDate,
      saml: center,
      notificationEmails: idp.notificationEmails,
      relayState: idp.relayState,
      owners: idp.owners,
    });
    const groups = new TeamGroups(this, "groups", {
      groups: config.groups,
      servicePrincipal: app.servicePrincipal,
      checkUserAttributes: idp.checkUserAttributes,
      owners: idp.owners,
    });
    const adminGroup = config.groups[ADMIN_GROUP_KEY]!;
    if (config.admins.justInTime !== undefined)
      new JustInTimeAdmins(this, "just_in_time_admins", { policy: config.admins.justInTime, adminGroup, groups });
    else if (adminGroup.existingObjectId === undefined)
      // Back from just in time: the group's membership is managed as a whole again, and the permanent admins'
      // memberships, which it now holds, are forgotten rather than deleted (they stay members).
      new RemovedBlock(this, "permanent_admins_released", { from: PERMANENT_ADMINS });
    if (idp.mfa !== undefined)
      new MfaPolicy(this, "mfa", {
        displayName: `${config.name}: MFA for AWS IAM Identity Center`,
        clientId: app.clientId,
        groupIds: groups.allObjectIds(),
        enforce: idp.mfa.enforce,
        breakGlassUserIds: idp.mfa.breakGlassUserIds,
      });
    entraOutputs(this, app, idp.tenantId);
    if (center === undefined) {
      bootstrapOutputs(this, app, idp.tenantId);
      return undefined;
    }

    const scimToken = new TerraformVariable(this, "scim_token", {
      type: "string",
      sensitive: true,
      nullable: false,
      description: "IAM Identity Center SCIM access token (set TF_VAR_scim_token or a sensitive workspace variable)",
      // The secret ignores the token after it is created, so a plan reads none; this synthesis is never applied.
      default: this.planOnly ? "" : undefined,
    });
    return new ScimProvisioning(this, "scim", {
      servicePrincipal: app.servicePrincipal,
      scimEndpoint: center.scimEndpoint,
      scimToken: scimToken.stringValue,
      teamGroups: groups,
      memberGroups: memberGroups(config),
      provisionOnDemand: idp.provisionOnDemand,
      scimTokenIssuedOn: idp.scimTokenIssuedOn,
    });
  }

  private awsSide(config: FederationConfig, scim: ScimProvisioning | undefined) {
    const { partition } = config.aws;
    const defaultTags = [{ tags: { ...config.aws.tags, ...PRODUCT_TAG, "sagemaker-federation": config.name } }];
    const identityCenterProvider = new AwsProvider(this, "aws", {
      region: config.aws.region,
      allowedAccountIds: [config.aws.accountId],
      defaultTags,
    });

    const identityCenter = new IdentityCenterLookup(this, "identity_center", {
      provider: identityCenterProvider,
      groupNames: Object.fromEntries(Object.entries(config.groups).map(([key, group]) => [key, group.displayName])),
      userNames: Object.values(config.profiles).map((profile) => profile.userName),
      groupsProvisioned: scim?.groupsProvisioned,
      membersProvisioned: scim?.membersProvisioned,
      missingFix: missingFix(config.name, scim),
    });
    const retiredIn = new Set(Object.values(config.retiredTeams).map((retired) => retired.account));
    // An account keeps its provider configuration while it holds a retired domain: Terraform needs it to forget the
    // domain, and to delete the account's roles and assignment with its last team.
    const providers = new Map(
      Object.values(config.accounts)
        .filter((account) => account.teams.length > 0 || retiredIn.has(account.key))
        .map((account) => [
          account.key,
          account.key === IDENTITY_CENTER_ACCOUNT
            ? identityCenterProvider
            : new AwsProvider(this, `aws_${account.key}`, {
                alias: account.key,
                region: account.region,
                assumeRole: [{ roleArn: this.planOnly ? account.planRoleArn : account.roleArn }],
                allowedAccountIds: [account.accountId],
                defaultTags,
              }),
        ]),
    );
    const addressSuffixOf = (account: string) => (account === IDENTITY_CENTER_ACCOUNT ? "" : `_${account}`);
    const hosting = Object.values(config.accounts).filter((account) => account.teams.length > 0);
    const studios = hosting.map((account) => {
      const identityCenterAccount = account.key === IDENTITY_CENTER_ACCOUNT;
      const provider = providers.get(account.key)!;
      const inAccount = <T extends { readonly team: string }>(record: Readonly<Record<string, T>>) =>
        Object.fromEntries(
          Object.entries(record).filter(([, value]) => config.teams[value.team]!.account === account.key),
        );
      // "Default" is left out of construct paths: the Identity Center account's resources keep the addresses they
      // have in a single-account stack; other accounts' are grouped under their key.
      return new StudioAccount(this, identityCenterAccount ? "Default" : `account_${account.key}`, {
        provider,
        addressSuffix: addressSuffixOf(account.key),
        account,
        teams: Object.fromEntries(account.teams.map((key) => [key, config.teams[key]!])),
        roles: inAccount(config.roles),
        profiles: inAccount(config.profiles),
        personas: config.personas,
        identityCenter,
        executionRolePath: config.aws.executionRolePath,
        partition,
      });
    });
    new RetiredDomains(this, "retired_domains", { teams: config.retiredTeams, addressSuffixOf });
    const accountIds = Object.fromEntries(hosting.map((account) => [account.key, account.accountId]));

    const admin = new AdminAccess(this, "admin_access", {
      identityCenter,
      adminGroupKey: ADMIN_GROUP_KEY,
      permissionSetName: config.admins.permissionSetName,
      sessionDuration: config.admins.sessionDuration,
      accountIds,
      partition,
    });
    declareGuards(this, { config, identityCenterProvider, defaultTags, admin, planOnly: this.planOnly });
    awsOutputs(
      this,
      config,
      studios.map((studio) => studio.domains),
      admin,
    );
  }
}
