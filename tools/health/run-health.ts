import type { FederationConfig } from "../../config/types";
import type { AwsClients } from "./clients/aws-clients";
import { settle } from "./checks/cannot-check";
import { domainFindings } from "./checks/domains-check";
import { findServicePrincipal } from "./clients/entra-app";
import type { Finding } from "./checks/finding";
import type { GraphClient } from "./clients/graph-client";
import { entraGroups, groupsFindings } from "./checks/groups-check";
import {
  identityCenterInstance,
  identityStoreGroups,
  identityStoreUserNames,
  type IdentityCenterInstance,
} from "./clients/identity-center";
import { membersFinding } from "./checks/members-check";
import { provisioningLogFindings } from "./checks/provisioning-log-check";
import { entraSamlUrls, samlFindings } from "./checks/saml-check";
import { settleValue } from "./checks/settle-value";
import { configuredCertificateFinding, liveCertificateFinding } from "./checks/signing-certificate-check";
import { scimTokenFinding } from "./checks/scim-token-check";
import { provisioningJob, synchronizationFinding } from "./checks/synchronization-check";

export interface HealthSources {
  readonly config: FederationConfig;
  readonly now: Date;
  readonly aws: AwsClients;
  /** Microsoft Graph; undefined with an external identity provider. */
  readonly graph?: GraphClient;
}

/** Every check, read-only; a refused or failed call makes its checks "cannot check" and the rest go on. */
export async function runHealth(sources: HealthSources): Promise<Finding[]> {
  const { config, now, aws, graph } = sources;
  const offline = [...scimTokenFinding(config, now), ...configuredCertificateFinding(config, now)];
  if (config.phase === "bootstrap")
    return [
      ...offline,
      ...(graph === undefined ? [] : await entraFindings(sources, graph, undefined)),
      {
        check: "IAM Identity Center",
        status: "skipped",
        summary: "bootstrap phase: members, groups and Studio domains are checked once aws.identityCenter is set",
      },
    ];
  const region = config.aws.region;
  const center = await settleValue("IAM Identity Center", () => identityCenterInstance(aws, region));
  const instance = center.value;
  const entra = graph === undefined ? [] : await entraFindings(sources, graph, instance);
  const identity = center.finding !== undefined ? [center.finding] : await identityFindings(sources, instance);
  const domains = await settle("Studio domains", () => domainFindings(config, aws));
  return [...offline, ...entra, ...identity, ...domains];
}

/** The config's members and groups in the identity store of the instance; none found is a finding of its own. */
async function identityFindings(
  sources: HealthSources,
  instance: IdentityCenterInstance | undefined,
): Promise<Finding[]> {
  const { config, aws, graph } = sources;
  const region = config.aws.region;
  if (instance === undefined)
    return [
      {
        check: "IAM Identity Center",
        status: "action",
        summary: `no IAM Identity Center instance in ${region} for these credentials`,
        next: "run with credentials of the account in aws.accountId, or correct aws.region (docs/runbook.md, section 14)",
      },
    ];
  const storeId = instance.identityStoreId;
  const members = await settle("Members in IAM Identity Center", async () =>
    membersFinding(config, await identityStoreUserNames(aws, region, storeId)),
  );
  const groups = await settle("Groups", async () =>
    groupsFindings(
      config,
      await identityStoreGroups(aws, region, storeId),
      graph === undefined ? undefined : () => entraGroups(graph, config),
    ),
  );
  return [...members, ...groups];
}

async function entraFindings(
  sources: HealthSources,
  graph: GraphClient,
  instance: IdentityCenterInstance | undefined,
): Promise<Finding[]> {
  const { config, now } = sources;
  const app = await settleValue("Entra enterprise app", () => findServicePrincipal(graph, config.name));
  if (app.finding !== undefined) return [app.finding];
  if ("finding" in app.value) return [app.value.finding];
  const sp = app.value.servicePrincipal;
  const certificate = liveCertificateFinding(config, sp, now);
  if (config.phase === "bootstrap") return certificate;
  const saml = await settle("SAML settings", async () =>
    samlFindings(config, await entraSamlUrls(graph, sp), instance),
  );
  const job = await settleValue("Provisioning job", () => provisioningJob(graph, sp.id));
  if (job.finding !== undefined) return [...certificate, ...saml, job.finding];
  const logs =
    job.value === undefined
      ? []
      : await settle("Provisioning logs", () => provisioningLogFindings(graph, config, job.value!.id, now));
  return [...certificate, ...saml, ...synchronizationFinding(job.value), ...logs];
}
