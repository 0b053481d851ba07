import { ConfigError } from "../../config/errors";
import { identityCenterInManagementAccount } from "../../config/guards";
import type { FederationConfig } from "../../config/types";

export type CheckStatus = "ok" | "info" | "warn" | "fail";

export interface Check {
  readonly status: CheckStatus;
  readonly title: string;
  /** What to do about it. */
  readonly next?: string;
  /** A plan or apply run now would fail on it (`npm run plan` and `npm run deploy` stop first). */
  readonly blocksPlan?: boolean;
}

/** What the doctor looked at. Environment variables are only tested for presence, never printed. */
export interface DoctorFacts {
  readonly nodeVersion: string;
  /** The Terraform binary (`TERRAFORM_BINARY_NAME`, as cdktf reads it) and its version, undefined when not found. */
  readonly terraform: { readonly binary: string; readonly version?: string };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly configFile: string;
  readonly config: FederationConfig | ConfigError;
  /** Whether `npm ci` has run (the cdktf CLI is in node_modules). */
  readonly dependenciesInstalled: boolean;
  readonly now: Date;
}

export const MIN_NODE = "20.9.0";
/** `terraform test` with mock providers (the Terraform tier) needs 1.7. */
export const MIN_TERRAFORM = "1.7.0";
/** The S3 backend's native lock file (`use_lockfile`), which the stack turns on, needs 1.10. */
export const MIN_TERRAFORM_S3 = "1.10.0";
const CERTIFICATE_WARNING_DAYS = 60;

/** Checks of the config and of this machine, without any cloud access. Only a bad config is a failure. */
export function doctorChecks(facts: DoctorFacts): Check[] {
  const config = facts.config instanceof ConfigError ? undefined : facts.config;
  return [
    nodeCheck(facts.nodeVersion),
    facts.dependenciesInstalled
      ? { status: "ok", title: "dependencies installed" }
      : { status: "warn", title: "dependencies are not installed", next: "run npm ci", blocksPlan: true },
    configCheck(facts),
    terraformCheck(facts.terraform, config),
    ...(config === undefined
      ? []
      : [backendCheck(config, facts.env), ...certificateChecks(config, facts.now), scimTokenCheck(config, facts.env)]),
    ...(config === undefined
      ? []
      : [
          awsCredentialsCheck(config, facts.env),
          ...azureCredentialsCheck(config, facts.env),
          ...licenceChecks(config),
          ...guardChecks(config),
        ]),
  ];
}

/** The console guard's reach: off, on, and the account no SCP binds. */
export function guardChecks(config: FederationConfig): Check[] {
  const guard = config.aws.consoleGuard;
  if (!guard.scp)
    return [
      {
        status: "info",
        title:
          "console guard off: other permission sets and IAM administrators of the domain accounts can reach Studio and the execution roles",
        next: "set aws.consoleGuard.scp: true with aws.organization (docs/threat-model.md, Outsiders)",
      },
    ];
  const checks: Check[] = [
    identityCenterInManagementAccount(config)
      ? {
          status: "warn",
          title: `IAM Identity Center is in the management account ${config.aws.accountId}, which no SCP binds: whoever may write IAM Identity Center there can join the admin group or a team's group`,
          next: "register a delegated administrator for IAM Identity Center in a member account and point aws.accountId at it (docs/runbook.md, Console guard)",
        }
      : {
          status: "info",
          title: `the Identity Center guard lets only the deployer${guard.identityWriterRoleArns.length > 0 ? " and the identity writers" : ""} change users, groups, the admin permission set and the Studio applications in account ${config.aws.accountId}`,
          next: "rotate the SCIM token (yearly) as the deployer or an identity writer: the guard denies it to everyone else",
        },
  ];
  if (guard.adminsPassExecutionRoles)
    checks.push({
      status: "info",
      title:
        "admins may pass the execution roles: jobs, schedules and notebook instances they start outlive their session and any just-in-time activation",
    });
  return checks;
}

/** What the opt-in Entra features need, which no offline check can see: the tenant's licences and permissions. */
export function licenceChecks(config: FederationConfig): Check[] {
  const checks: Check[] = [];
  if (config.admins.justInTime !== undefined)
    checks.push({
      status: "info",
      title: `just-in-time admins (${config.admins.justInTime.eligible.length} eligible) need Entra ID P2 (Privileged Identity Management)`,
      next: "give the eligible admins a P2 licence, and Terraform's identity the PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup and RoleManagementPolicy.ReadWrite.AzureADGroup permissions",
    });
  if (config.identityProvider.type === "entra" && config.identityProvider.mfa !== undefined)
    checks.push({
      status: "info",
      title: `MFA for AWS sign-in is ${config.identityProvider.mfa.enforce ? "enforced" : "report-only"} and needs Entra ID P1 (Conditional Access)`,
      next: "give the users a P1 licence, and Terraform's identity the Policy.ReadWrite.ConditionalAccess and Policy.Read.All permissions",
    });
  return checks;
}

export function doctorExitCode(checks: readonly Check[]): number {
  return checks.some((check) => check.status === "fail") ? 1 : 0;
}

/** The one thing to do now: the first failure or warning's fix, else the next command of the phase. */
export function nextStep(checks: readonly Check[], config: FederationConfig | ConfigError): string {
  const blocking = checks.find((check) => check.status === "fail") ?? checks.find((check) => check.status === "warn");
  if (blocking?.next !== undefined) return blocking.next;
  if (config instanceof ConfigError) return "fix the config";
  return config.phase === "bootstrap"
    ? "npm run deploy (phase 1), then follow its next_steps output (docs/runbook.md, Bootstrap)"
    : "npm run plan, then npm run deploy";
}

export function formatChecks(checks: readonly Check[], next: string): string {
  const lines = checks.flatMap((check) => [
    `  ${check.status.padEnd(5)} ${check.title}`,
    ...(check.next === undefined || check.status === "ok" ? [] : [`        next: ${check.next}`]),
  ]);
  return ["doctor: config and environment (no cloud access)", "", ...lines, "", `Next step: ${next}`].join("\n");
}

/** Numeric comparison of dotted versions; a pre-release suffix is ignored. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parts = (text: string) => text.replace(/^v/, "").split(/[.-]/).slice(0, 3).map(Number);
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i++) {
    const [x, y] = [a[i] ?? 0, b[i] ?? 0];
    if (Number.isNaN(x)) return false;
    if (x !== y) return x > y;
  }
  return true;
}

function nodeCheck(version: string): Check {
  return versionAtLeast(version, MIN_NODE)
    ? { status: "ok", title: `Node.js ${version}` }
    : {
        status: "warn",
        blocksPlan: true,
        title: `Node.js ${version} is older than ${MIN_NODE} (package.json engines)`,
        next: "install Node.js 20 LTS or newer",
      };
}

function configCheck(facts: DoctorFacts): Check {
  const config = facts.config;
  if (config instanceof ConfigError)
    return {
      status: "fail",
      title: config.message.replace(/\n/g, "\n        "),
      next: `fix the problems listed for ${facts.configFile}; docs/config.md explains each key`,
    };
  const profiles = Object.keys(config.profiles).length;
  const people = new Set(Object.values(config.profiles).map((profile) => profile.userName)).size;
  return {
    status: "ok",
    title: `config ${facts.configFile}: ${config.name}, ${Object.keys(config.teams).length} teams, ${profiles} user profiles for ${people} people, identity provider ${config.identityProvider.type}, phase ${config.phase}`,
  };
}

function terraformCheck(terraform: DoctorFacts["terraform"], config: FederationConfig | undefined): Check {
  const s3 = config?.backend.type === "s3";
  const minimum = s3 ? MIN_TERRAFORM_S3 : MIN_TERRAFORM;
  if (terraform.version === undefined)
    return {
      status: "warn",
      blocksPlan: true,
      title: `${terraform.binary} is not on PATH: synth and report work, plan and apply do not`,
      next: `install Terraform ${minimum} or newer (https://developer.hashicorp.com/terraform/install), or set TERRAFORM_BINARY_NAME=tofu`,
    };
  // OpenTofu numbers its releases differently: only Terraform's versions are compared.
  if (terraform.binary !== "terraform") return { status: "ok", title: `${terraform.binary} ${terraform.version}` };
  return versionAtLeast(terraform.version, minimum)
    ? { status: "ok", title: `terraform ${terraform.version}` }
    : {
        status: "warn",
        blocksPlan: true,
        title: `terraform ${terraform.version} is older than ${minimum}${s3 ? " (the S3 backend's lock file needs it)" : ""}`,
        next: `install Terraform ${minimum} or newer`,
      };
}

/** Terraform reads a host's API token from TF_TOKEN_<host>, dots as `_` and hyphens as `__`. */
export function tokenVariable(hostname: string): string {
  return `TF_TOKEN_${hostname.replace(/-/g, "__").replace(/\./g, "_")}`;
}

function backendCheck(config: FederationConfig, env: DoctorFacts["env"]): Check {
  const backend = config.backend;
  switch (backend.type) {
    case "local":
      return {
        status: "info",
        title: `backend local: the state is a file on this machine (${backend.path ?? `terraform.${config.name}.tfstate`})`,
        next: "for a team, and for plan previews on pull requests, use backend s3 or cloud (docs/config.md, backend)",
      };
    case "s3":
      return {
        status: "ok",
        title: `backend s3: s3://${backend.bucket}/${backend.key} in ${backend.region}, encrypted, with a lock file`,
      };
    case "cloud": {
      const variable = tokenVariable(backend.hostname);
      return isSet(env, variable)
        ? { status: "ok", title: `backend cloud: ${backend.organization}/${backend.workspace}, ${variable} is set` }
        : {
            status: "warn",
            blocksPlan: true,
            title: `backend cloud: ${backend.organization}/${backend.workspace}, but ${variable} is not set`,
            next: `run terraform login ${backend.hostname} (or set ${variable}; in CI from the TF_API_TOKEN secret)`,
          };
    }
  }
}

function certificateChecks(config: FederationConfig, now: Date): Check[] {
  if (config.identityProvider.type !== "entra") return [];
  const end = config.identityProvider.signingCertificateEndDate;
  const days = Math.floor((new Date(end).getTime() - now.getTime()) / (24 * 60 * 60 * 1000));
  return [
    days > CERTIFICATE_WARNING_DAYS
      ? { status: "ok", title: `SAML signing certificate valid until ${end} (${days} days)` }
      : {
          status: "warn",
          title: `SAML signing certificate expires in ${days} days (${end}): sign-in stops then`,
          next: 'rotate it now: docs/runbook.md, "Signing certificate"',
        },
  ];
}

function scimTokenCheck(config: FederationConfig, env: DoctorFacts["env"]): Check {
  if (config.identityProvider.type !== "entra")
    return { status: "info", title: "SCIM token: not used (identity provider external)" };
  if (config.phase === "bootstrap")
    return {
      status: "info",
      title: "SCIM token: not needed in the bootstrap phase",
      next: "after phase 1, IAM Identity Center shows it once: keep it for TF_VAR_scim_token",
    };
  if (isSet(env, "TF_VAR_scim_token")) return { status: "ok", title: "TF_VAR_scim_token is set" };
  if (env.FEDERATION_PLAN_ONLY === "true")
    return { status: "info", title: "SCIM token: not needed for a plan-only synthesis (FEDERATION_PLAN_ONLY)" };
  return config.backend.type === "cloud"
    ? {
        status: "info",
        title: "TF_VAR_scim_token is not set here",
        next: `remote runs read the sensitive variable scim_token of workspace ${config.backend.workspace}; set it there`,
      }
    : {
        status: "warn",
        blocksPlan: true,
        title: "TF_VAR_scim_token is not set: plan and apply stop at the missing scim_token variable",
        next: "export TF_VAR_scim_token=<the IAM Identity Center SCIM access token> (docs/runbook.md, SCIM token)",
      };
}

const AWS_CREDENTIAL_VARIABLES = [
  "AWS_PROFILE",
  "AWS_ACCESS_KEY_ID",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
];

function awsCredentialsCheck(config: FederationConfig, env: DoctorFacts["env"]): Check {
  const needed = config.phase === "full" || config.backend.type === "s3";
  if (!needed) return { status: "info", title: "AWS credentials: not needed yet (bootstrap phase, no S3 backend)" };
  const found = AWS_CREDENTIAL_VARIABLES.filter((name) => isSet(env, name));
  return found.length > 0
    ? { status: "ok", title: `AWS credentials from ${found.join(", ")} (account ${config.aws.accountId})` }
    : {
        status: "info",
        title: `no AWS credential variables (${AWS_CREDENTIAL_VARIABLES.slice(0, 2).join(", ")}, ...); a default profile or instance role may still apply`,
        next: `aws sso login --profile <profile> and export AWS_PROFILE=<profile> for account ${config.aws.accountId}`,
      };
}

function azureCredentialsCheck(config: FederationConfig, env: DoctorFacts["env"]): Check[] {
  if (config.identityProvider.type !== "entra") return [];
  const tenant = config.identityProvider.tenantId;
  return [
    isSet(env, "ARM_CLIENT_ID")
      ? { status: "ok", title: "Entra ID: service principal credentials from ARM_CLIENT_ID and friends" }
      : {
          status: "info",
          title: "Entra ID: no ARM_CLIENT_ID, the azuread provider uses your Azure CLI login",
          next: `az login --tenant ${tenant} --allow-no-subscriptions`,
        },
  ];
}

function isSet(env: DoctorFacts["env"], name: string): boolean {
  return (env[name] ?? "") !== "";
}
