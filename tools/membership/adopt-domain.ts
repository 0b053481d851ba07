import type { DescribeDomainResponse } from "@aws-sdk/client-sagemaker";
import {
  IDENTITY_CENTER_ACCOUNT,
  type AccountConfig,
  type FederationConfig,
  type TeamConfig,
} from "../../config/types";
import { EXECUTION_ROLE_IDENTITY } from "../../constructs/aws/domain-settings";
import { code, codeList } from "../shared/markdown";
import { sorted } from "../shared/sets";
import type { Studio } from "./aws/studio-client";
import { UserError } from "../shared/user-error";

/** An existing domain set beside what the stack would create for the team that imports it. */
export interface DomainComparison {
  readonly team: string;
  readonly domainId: string;
  /**
   * Settings the AWS provider cannot change without replacing the domain (it forces a new one), which
   * `prevent_destroy` refuses: the import plan fails until each is made equal. One line each, with the fix.
   */
  readonly replacing: readonly string[];
  /**
   * Settings the stack keeps from a domain's creation and so never changes on an imported one: the plan's
   * `studio_domain_settings` check warns about them. One line each, with the step that changes them.
   */
  readonly kept: readonly string[];
}

/**
 * Compares DescribeDomain's answer with what the stack declares for `team` in `account`: every difference in what
 * the provider marks ForceNew (name, authentication, VPC, subnets, KMS key, the domain's security groups), and
 * the domain-level settings the stack needs (profile names as source identity, the network access type).
 */
export function compareDomain(
  domain: DescribeDomainResponse,
  team: TeamConfig,
  account: AccountConfig,
  sharedSpaceRoleArn: string,
): DomainComparison {
  const id = domain.DomainId ?? team.importDomainId ?? "";
  const at = account.key === IDENTITY_CENTER_ACCOUNT ? "aws" : `aws.accounts.${account.key}`;
  const network = account.network;
  const replacing: string[] = [];
  const differs = (what: string, live: string, wanted: string, fix: string) => {
    if (live !== wanted) replacing.push(`${what}: the domain has ${live}, the config ${wanted}. ${fix}`);
  };
  const update = (what: string, value: object) =>
    code(`aws sagemaker update-domain --domain-id ${id} --${what} '${JSON.stringify(value)}'`);
  const optional = (value: string | undefined) => (value === undefined || value === "" ? "none" : code(value));
  const set = (values: readonly string[] | undefined) => codeList(sorted(values ?? []));

  differs(
    "name",
    optional(domain.DomainName),
    code(team.domainName),
    `Set teams.${team.key}.domainName to ${optional(domain.DomainName)}.`,
  );
  differs(
    "authentication",
    optional(domain.AuthMode),
    code("SSO"),
    "Only an IAM Identity Center domain can be adopted: leave this one, and create the team's domain anew.",
  );
  const elsewhere = `Adopt it into an account whose ${at}.network matches, or leave it and create the team's domain anew.`;
  differs("VPC", optional(domain.VpcId), optional(network?.vpcId), elsewhere);
  differs("subnets", set(domain.SubnetIds), set(network?.subnetIds), elsewhere);
  differs(
    "KMS key of the home file system",
    optional(domain.KmsKeyId),
    optional(account.kmsKeyArn),
    `The key cannot change: set ${at}.kmsKeyArn to the domain's key (its other domains are then created with it too).`,
  );
  const securityGroups = network?.securityGroupIds ?? [];
  differs(
    "the domain's security groups (domain settings)",
    set(domain.DomainSettings?.SecurityGroupIds),
    set(securityGroups),
    `SageMaker updates them in place, the AWS provider only by replacing the domain: set them first, ` +
      `${update("domain-settings-for-update", { SecurityGroupIds: [...securityGroups] })}.`,
  );

  const kept: string[] = [];
  const identity = domain.DomainSettings?.ExecutionRoleIdentityConfig ?? "DISABLED";
  if (identity !== EXECUTION_ROLE_IDENTITY)
    kept.push(
      `execution role identity is ${code(identity)}: sessions then carry no profile name, and nobody reaches their private ` +
        `users/<profile>/ prefix. SageMaker switches it only while no app is InService or Pending: stop them, then ` +
        `${update("domain-settings-for-update", { ExecutionRoleIdentityConfig: EXECUTION_ROLE_IDENTITY })}.`,
    );
  if (domain.DefaultUserSettings?.ExecutionRole !== sharedSpaceRoleArn)
    kept.push(
      `the domain's default execution role is ${optional(domain.DefaultUserSettings?.ExecutionRole)}: a profile that names ` +
        `none (one Terraform does not manage) runs as it. The stack's domains default to the team's shared-space role: ` +
        `${update("default-user-settings", { ExecutionRole: sharedSpaceRoleArn })}.`,
    );
  if (domain.DefaultSpaceSettings?.ExecutionRole !== sharedSpaceRoleArn)
    kept.push(
      `shared spaces run as ${optional(domain.DefaultSpaceSettings?.ExecutionRole)}, and keep the domain's limits and ` +
        `repositories: after the apply, set the team's with the studio_domain_updates output (docs/runbook.md, "Domain settings").`,
    );
  if (network !== undefined && domain.AppNetworkAccessType !== network.appNetworkAccessType)
    kept.push(
      `network access is ${optional(domain.AppNetworkAccessType)}, the config ${code(network.appNetworkAccessType)}: ` +
        `see "Domain settings" in docs/runbook.md.`,
    );
  return { team: team.key, domainId: id, replacing, kept };
}

/** The comparison as the adopt command prints it (the spaces and running apps follow it: tools/membership/adopt.ts). */
export function comparisonText(comparison: DomainComparison): string[] {
  const { team, domainId, replacing, kept } = comparison;
  const lines = [`${team}: domain ${domainId} (teams.${team}.import.domainId)`];
  if (replacing.length > 0)
    lines.push(
      "  The import would REPLACE the domain (Terraform refuses: prevent_destroy). Make these equal first:",
      ...replacing.map((line) => `  - ${line}`),
    );
  if (kept.length > 0)
    lines.push(
      "  Kept from the domain (Terraform never updates a domain's settings; the plan warns until they are set):",
      ...kept.map((line) => `  - ${line}`),
    );
  if (replacing.length + kept.length === 0) lines.push("  Matches the config: the import changes nothing but tags.");
  return lines;
}

/**
 * The report on the domain `team` imports, read from SageMaker before any plan. `refuses`: the import plan would
 * replace the domain, which Terraform refuses.
 */
export async function importedDomainReport(
  studio: Studio,
  config: FederationConfig,
  team: TeamConfig,
): Promise<{ readonly lines: string[]; readonly refuses: boolean }> {
  const domainId = team.importDomainId!;
  const domain = await studio.domain(domainId);
  if (domain === undefined)
    throw new UserError(
      `teams.${team.key}.import.domainId: there is no domain ${domainId} in account ${config.accounts[team.account]!.accountId}: correct the id (aws sagemaker list-domains)`,
    );
  const comparison = compareDomain(
    domain,
    team,
    config.accounts[team.account]!,
    config.roles[team.sharedSpaceRoleKey]!.roleArn,
  );
  return {
    lines: comparisonText(comparison),
    refuses: comparison.replacing.length > 0,
  };
}
