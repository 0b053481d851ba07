import { DescribeDomainCommand, paginateListDomains, type DomainDetails } from "@aws-sdk/client-sagemaker";
import type { AccountConfig, FederationConfig } from "../../../config/types";
import { readRoleArn, type AwsClients } from "../clients/aws-clients";
import { awsCall, settle } from "./cannot-check";
import type { Finding } from "./finding";

const CHECK = "Studio domain";

/** Every team's domain, account by account: present, and in service. */
export async function domainFindings(config: FederationConfig, clients: AwsClients): Promise<Finding[]> {
  const accounts = Object.values(config.accounts).filter((account) => account.teams.length > 0);
  const perAccount = await Promise.all(
    accounts.map((account) =>
      settle(`${CHECK}s in account ${account.accountId}`, () => accountDomains(config, clients, account)),
    ),
  );
  const findings = perAccount.flat();
  const healthy = findings.filter((finding) => finding.status === "ok");
  const rest = findings.filter((finding) => finding.status !== "ok");
  const teams = accounts.reduce((sum, account) => sum + account.teams.length, 0);
  return [
    ...(healthy.length > 0
      ? [{ check: `${CHECK}s`, status: "ok" as const, summary: `${healthy.length} of ${teams} in service` }]
      : []),
    ...rest,
  ];
}

async function accountDomains(
  config: FederationConfig,
  clients: AwsClients,
  account: AccountConfig,
): Promise<Finding[]> {
  const client = clients.sagemaker(account);
  const role = readRoleArn(account);
  const via = role === undefined ? "" : ` (after sts:AssumeRole on ${role})`;
  const domains = await awsCall(`sagemaker:ListDomains${via}`, async () => {
    const all: DomainDetails[] = [];
    for await (const page of paginateListDomains({ client }, {})) all.push(...(page.Domains ?? []));
    return all;
  });
  const findings: Finding[] = [];
  for (const key of account.teams) {
    const team = config.teams[key]!;
    const check = `${CHECK} ${team.domainName}`;
    const domain = domains.find((d) =>
      team.importDomainId !== undefined ? d.DomainId === team.importDomainId : d.DomainName === team.domainName,
    );
    if (domain === undefined) {
      findings.push({
        check,
        status: "action",
        summary: `team ${key} has no domain ${team.importDomainId ?? team.domainName} in account ${account.accountId} (${account.region})`,
        next: "apply the stack (npm run deploy); if it was applied, the domain was deleted outside Terraform: its home directories may be in the retained EFS (docs/runbook.md, section 14)",
      });
      continue;
    }
    findings.push(await statusFinding(check, key, domain, async () => failureReason(client, domain.DomainId!, via)));
  }
  return findings;
}

async function statusFinding(
  check: string,
  team: string,
  domain: DomainDetails,
  reason: () => Promise<string | undefined>,
): Promise<Finding> {
  const status = domain.Status ?? "unknown";
  const id = domain.DomainId;
  switch (status) {
    case "InService":
      return { check, status: "ok", summary: `${id} in service` };
    case "Pending":
    case "Updating":
      return {
        check,
        status: "warning",
        summary: `${id} is ${status.toLowerCase()}`,
        next: "run again in a few minutes; a domain that stays so for an hour needs a look in the SageMaker console",
      };
    case "Deleting":
      return {
        check,
        status: "action",
        summary: `${id} of team ${team} is being deleted, outside Terraform (it refuses to destroy domains)`,
        next: "find who deletes it (CloudTrail DeleteDomain); the home directories stay in the retained EFS; then apply to create it again (docs/runbook.md, section 14)",
      };
    default: {
      const why = await reason().catch(() => undefined);
      return {
        check,
        status: "action",
        summary: `${id} of team ${team} is ${status}${why ? `: ${why}` : ""}`,
        next: "fix the cause it names (often the VPC, subnets, KMS key or execution role), then apply again (docs/runbook.md, section 14)",
      };
    }
  }
}

async function failureReason(client: ReturnType<AwsClients["sagemaker"]>, domainId: string, via: string) {
  return awsCall(`sagemaker:DescribeDomain${via}`, async () => {
    const answer = await client.send(new DescribeDomainCommand({ DomainId: domainId }));
    return answer.FailureReason;
  });
}
