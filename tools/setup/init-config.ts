import { stringify } from "yaml";

export interface InitOptions {
  readonly name: string;
  /** Entra tenant id. */
  readonly tenantId: string;
  readonly region: string;
  /** The account IAM Identity Center lives in (and, to begin with, the domains). */
  readonly accountId: string;
  /** Team key -> the display name of the team's Entra group. */
  readonly teams: Readonly<Record<string, string>>;
  readonly adminsGroup: string;
  /** RFC 3339 end of the SAML signing certificate. */
  readonly certificateEndDate: string;
  /** Path of federation.schema.json relative to the config file, for editors. */
  readonly schemaPath: string;
}

/** A workspace bucket name for a team that has none yet: lowercase, at most 63 characters, no trailing hyphen. */
export function placeholderBucket(name: string, team: string): string {
  return `${name}-${team}-workspace`.slice(0, 63).replace(/-+$/, "");
}

/**
 * The text of a bootstrap-phase config: Entra mode without `aws.identityCenter`, so the first apply needs nothing
 * from IAM Identity Center. Comments say what each part is and what to fill in later.
 */
export function initConfigText(options: InitOptions): string {
  const teams = Object.fromEntries(
    Object.entries(options.teams).map(([key, group]) => [
      key,
      {
        group,
        defaultPersona: "data-scientist",
        s3Buckets: [placeholderBucket(options.name, key)],
        members: {},
      },
    ]),
  );
  const body = stringify(
    {
      name: options.name,
      backend: { type: "local" },
      aws: { region: options.region, accountId: options.accountId },
      identityProvider: {
        type: "entra",
        entra: { tenantId: options.tenantId, signingCertificateEndDate: options.certificateEndDate },
      },
      admins: { group: options.adminsGroup, members: [] },
      teams,
    },
    { lineWidth: 0 },
  );
  return [
    `# yaml-language-server: $schema=${options.schemaPath}`,
    `# ${options.name}: written by npm run init. This is the bootstrap phase: apply it, then follow the next_steps`,
    "# output (README.md, Bootstrap order) and add aws.identityCenter and aws.network.",
    "# Each team's s3Buckets is a placeholder: list the team's existing buckets, its workspace first.",
    "# Members go under teams.<key>.members as <user name>: <persona> (empty: the team's default persona).",
    body,
  ].join("\n");
}

/** The default end of the signing certificate: two years from now, at midnight UTC (Entra allows three). */
export function defaultCertificateEndDate(now: Date): string {
  const end = new Date(Date.UTC(now.getUTCFullYear() + 2, now.getUTCMonth(), now.getUTCDate()));
  return end.toISOString().replace(/\.\d{3}Z$/, "Z");
}
