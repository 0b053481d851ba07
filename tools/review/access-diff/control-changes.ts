import { ADMIN_GROUP_KEY, type BackendConfig, type FederationConfig } from "../../../config/types";
import { codeList } from "../../shared/markdown";
import { sorted } from "../../shared/sets";

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

/** Each sign-in and provisioning setting of the Entra app: how it reads, and what changing it risks. */
const ENTRA_SETTINGS: readonly (readonly [string, (entra: Partial<Entra>) => string, string])[] = [
  [
    "tenantId",
    (entra) => value(entra.tenantId),
    "another Entra tenant: the app, the groups and every sign-in move there",
  ],
  [
    "owners",
    (entra) => list(entra.owners),
    "owners of the app and the groups change its single sign-on, its provisioning and who is in a group: they control who signs in to AWS",
  ],
  [
    "signingCertificateEndDate",
    (entra) => value(entra.signingCertificateEndDate),
    "a new signing certificate: nobody can sign in from the apply until IAM Identity Center has the new SAML metadata (docs/runbook.md, signing certificate rotation)",
  ],
  [
    "provisionOnDemand",
    (entra) => onOff(entra.provisionOnDemand),
    "off: new members and groups reach IAM Identity Center only with the next SCIM cycle, and what needs them waits for it",
  ],
  [
    "relayState",
    (entra) => value(entra.relayState),
    "where every IdP-initiated sign-in lands: a wrong address sends people elsewhere after they sign in",
  ],
  [
    "checkUserAttributes",
    (entra) => onOff(entra.checkUserAttributes),
    "off: a member without given name, surname or display name is refused by IAM Identity Center instead of failing the plan",
  ],
  [
    "notificationEmails",
    (entra) => list(entra.notificationEmails),
    "who is warned before the signing certificate expires (sign-in stops when it does)",
  ],
  ["mfa.breakGlassUserIds", (entra) => list(entra.mfa?.breakGlassUserIds), "accounts the MFA policy never applies to"],
];

function entraChanges(base: FederationConfig, head: FederationConfig): ControlChange[] {
  const entra = (config: FederationConfig): Partial<Entra> =>
    config.identityProvider.type === "entra" ? config.identityProvider : {};
  return ENTRA_SETTINGS.flatMap(([key, text, risk]) =>
    row(`identityProvider.entra.${key}`, text(entra(base)), text(entra(head)), risk),
  );
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
