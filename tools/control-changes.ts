import { ADMIN_GROUP_KEY, type BackendConfig, type FederationConfig } from "../config/types";
import { codeList } from "./markdown";
import { sorted } from "./sets";

/**
 * A config change that alters who controls access or sign-in without granting anyone a permission: who owns the
 * app, which group stands for a team, where the state (and so the SCIM token) lives, what every space clones.
 */
export interface ControlChange {
  /** The config key, as the reviewer finds it in the YAML. */
  readonly setting: string;
  readonly before: string;
  readonly after: string;
  /** What can go wrong, in one sentence. */
  readonly risk: string;
}

type Entra = Extract<FederationConfig["identityProvider"], { type: "entra" }>;

export function controlChanges(base: FederationConfig, head: FederationConfig): ControlChange[] {
  return [
    ...entraChanges(base, head),
    ...groupIdChanges(base, head),
    ...row("backend", backendText(base.backend), backendText(head.backend), BACKEND_RISK),
    ...guardRoleChanges(base, head),
    ...teamChanges(base, head),
  ];
}

const BACKEND_RISK =
  "the Terraform state moves, and it holds the SCIM token: whoever can read the new location can provision users " +
  "into IAM Identity Center. Migrate the state (`terraform init -migrate-state`): an empty state would create everything again";

function row(setting: string, before: string, after: string, risk: string): ControlChange[] {
  return before === after ? [] : [{ setting, before, after, risk }];
}

function list(values: readonly string[] | undefined): string {
  return values === undefined ? "(none)" : codeList(sorted(values));
}

function value(text: string | undefined): string {
  return text === undefined ? "(none)" : codeList([text]);
}

function onOff(on: boolean | undefined): string {
  return on === undefined ? "(none)" : on ? "on" : "off";
}

function entraChanges(base: FederationConfig, head: FederationConfig): ControlChange[] {
  const entra = (config: FederationConfig): Partial<Entra> =>
    config.identityProvider.type === "entra" ? config.identityProvider : {};
  const was = entra(base);
  const is = entra(head);
  const key = "identityProvider.entra";
  return [
    ...row(
      `${key}.tenantId`,
      value(was.tenantId),
      value(is.tenantId),
      "another Entra tenant: the app, the groups and every sign-in move there",
    ),
    ...row(
      `${key}.owners`,
      list(was.owners),
      list(is.owners),
      "owners of the app and the groups change its single sign-on, its provisioning and who is in a group: they control who signs in to AWS",
    ),
    ...row(
      `${key}.signingCertificateEndDate`,
      value(was.signingCertificateEndDate),
      value(is.signingCertificateEndDate),
      "a new signing certificate: nobody can sign in from the apply until IAM Identity Center has the new SAML metadata (docs/runbook.md, signing certificate rotation)",
    ),
    ...row(
      `${key}.provisionOnDemand`,
      onOff(was.provisionOnDemand),
      onOff(is.provisionOnDemand),
      "off: new members and groups reach IAM Identity Center only with the next SCIM cycle, and what needs them waits for it",
    ),
    ...row(
      `${key}.relayState`,
      value(was.relayState),
      value(is.relayState),
      "where every IdP-initiated sign-in lands: a wrong address sends people elsewhere after they sign in",
    ),
    ...row(
      `${key}.checkUserAttributes`,
      onOff(was.checkUserAttributes),
      onOff(is.checkUserAttributes),
      "off: a member without given name, surname or display name is refused by IAM Identity Center instead of failing the plan",
    ),
    ...row(
      `${key}.notificationEmails`,
      list(was.notificationEmails),
      list(is.notificationEmails),
      "who is warned before the signing certificate expires (sign-in stops when it does)",
    ),
    ...row(
      `${key}.mfa.breakGlassUserIds`,
      list(was.mfa?.breakGlassUserIds),
      list(is.mfa?.breakGlassUserIds),
      "accounts the MFA policy never applies to",
    ),
  ];
}

/** A group used instead of one this config creates: its members are whoever its Entra owners put in it. */
function groupIdChanges(base: FederationConfig, head: FederationConfig): ControlChange[] {
  const keys = sorted(new Set([...Object.keys(base.groups), ...Object.keys(head.groups)]));
  return keys.flatMap((key) => {
    const admins = key === ADMIN_GROUP_KEY;
    const gets = admins ? "admin access to SageMaker" : `team \`${key}\`'s domain`;
    const after = head.groups[key]?.existingObjectId;
    return row(
      admins ? "admins.existingGroupId" : `teams.${key}.existingGroupId`,
      value(base.groups[key]?.existingObjectId),
      value(after),
      after === undefined
        ? `this config creates the group and manages its members again; the existing group no longer gets ${gets}`
        : `an existing Entra group, with the members its owners put in it (not those listed here), gets ${gets}`,
    );
  });
}

function guardRoleChanges(base: FederationConfig, head: FederationConfig): ControlChange[] {
  const was = base.aws.consoleGuard;
  const is = head.aws.consoleGuard;
  const key = "aws.consoleGuard";
  return [
    ...row(
      `${key}.deployerRoleArn`,
      value(was.deployerRoleArn),
      value(is.deployerRoleArn),
      "the role the console guard lets change everything it protects",
    ),
    ...row(
      `${key}.identityWriterRoleArns`,
      list(was.identityWriterRoleArns),
      list(is.identityWriterRoleArns),
      "roles that may write IAM Identity Center's users, groups and memberships: they can put anyone in a team or the admin group",
    ),
    ...row(
      `${key}.readerRoleArns`,
      list(was.readerRoleArns),
      list(is.readerRoleArns),
      "roles that keep read-only SageMaker access past the console guard",
    ),
  ];
}

/** Settings of the teams on both sides; a team added or removed is in the Teams section. */
function teamChanges(base: FederationConfig, head: FederationConfig): ControlChange[] {
  return sorted(Object.keys(head.teams).filter((key) => key in base.teams)).flatMap((key) => {
    const was = base.teams[key]!;
    const is = head.teams[key]!;
    return [
      ...row(
        `teams.${key}.gitRepositories`,
        list(was.gitRepositories),
        list(is.gitRepositories),
        "cloned into every space of the team: whoever can push to a repository puts code in front of every member, run with their role",
      ),
      ...row(
        `teams.${key}.sharedSpaces`,
        onOff(was.sharedSpaces),
        onOff(is.sharedSpaces),
        "whether members may create shared spaces, which every member of the domain can open",
      ),
    ];
  });
}

function backendText(backend: BackendConfig): string {
  switch (backend.type) {
    case "local":
      return backend.path === undefined ? "local (default path)" : `local ${codeList([backend.path])}`;
    case "s3":
      return `s3 ${codeList([`s3://${backend.bucket}/${backend.key}`])} in ${backend.region}`;
    case "cloud":
      return `cloud ${codeList([`${backend.hostname}/${backend.organization}/${backend.workspace}`])}`;
  }
}
