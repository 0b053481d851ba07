// The adopt-console-domain variants (README.md here): a Studio domain made in the SageMaker console, which exists
// in AWS but not in the state, is taken over by the import block that `teams.<key>.import.domainId` generates.
// The fake AWS API answers DescribeDomain as the API reference shows a console-made domain (console-domain.ts), not
// as the stack would have made it. Before the plan, `npm run adopt`'s own comparison (tools/membership/adopt-domain.ts) reads
// that answer; the plan must then agree with it:
//   - as the console left it, the comparison names what would replace the domain, and the plan fails with
//     `Instance cannot be destroyed` for exactly that domain and for nothing else;
//   - once the domain is made to match as the comparison says, the comparison finds nothing that replaces it, and
//     the plan imports the domain with no update of its settings (tags only, which the provider sets without
//     UpdateDomain), creates the rest of the team (roles, the group's assignment, the profiles) and changes
//     nothing else, and its check names the team, whose shared spaces keep the console's defaults until the
//     runbook's update.
// The team is new to the state, as in a real adoption: every instance of it is removed from A's state first.
import { parse, stringify } from "yaml";
import { compareDomain } from "../../../tools/membership/adopt-domain.ts";
import { consoleDomain } from "../../tools/membership/console-domain.ts";
import { checkRefused } from "./assertions.mjs";

/**
 * The variant's config: A's YAML with team `team` importing domain `domainId`, whose state entry the caller removes
 * (`terraform state rm`).
 */
export function adoptVariant(text, team, domainId) {
  const config = parse(text);
  config.teams[team].import = { domainId };
  return { name: "adopt-console-domain", intent: { team }, yaml: stringify(config) };
}

/**
 * DescribeDomain's answer for the team's domain made in the console on the config's network, and `npm run adopt`'s
 * comparison of it. `matched`: after the comparison's fixes (the domain's security groups, the identity switch).
 */
export function consoleAdoption(config, team, domainId, matched) {
  const account = config.accounts[config.teams[team].account];
  const described = consoleDomain({
    domainId,
    domainName: config.teams[team].domainName,
    accountId: account.accountId,
    region: account.region,
    vpcId: account.network.vpcId,
    subnetIds: account.network.subnetIds,
    securityGroupIds: account.network.securityGroupIds,
    kmsKeyId: account.kmsKeyArn,
  });
  if (matched)
    described.DomainSettings = {
      ...described.DomainSettings,
      SecurityGroupIds: [...account.network.securityGroupIds],
      ExecutionRoleIdentityConfig: "USER_PROFILE_NAME",
    };
  const sharedSpaceRole = config.roles[config.teams[team].sharedSpaceRoleKey].roleArn;
  return {
    domain: { id: domainId, arn: described.DomainArn, describe: described, tags: [] },
    comparison: compareDomain(described, config.teams[team], account, sharedSpaceRole),
  };
}

/** The console's domain as it is: the comparison and the refused plan (a `terraform plan -json` run) must agree. */
export function checkConsoleRefused(result, comparison, team) {
  const refused = checkRefused(result, team);
  if (comparison.replacing.length === 0)
    return { ok: false, text: `npm run adopt saw nothing that replaces the domain; the plan: ${refused.text}` };
  if (!refused.ok)
    return { ok: false, text: `npm run adopt: ${comparison.replacing.join(" | ")}; but ${refused.text}` };
  return { ok: true, text: `npm run adopt stops first: ${comparison.replacing.join(" | ")}; ${refused.text}` };
}

/** The domain made to match: a saved plan (`terraform show -json`) and its check warnings. */
export function checkConsoleImported(plan, warnings, comparison, team, domainId) {
  const problems = [];
  if (comparison.replacing.length > 0)
    problems.push(`npm run adopt still sees a replacement: ${comparison.replacing.join(" | ")}`);
  const managed = plan.resource_changes.filter((rc) => rc.mode === "managed");
  const domain = managed.find((rc) => rc.change.importing && rc.type === "aws_sagemaker_domain" && rc.index === team);
  if (!domain) problems.push(`no import of aws_sagemaker_domain[${JSON.stringify(team)}]`);
  else {
    if (domain.change.importing.id !== domainId)
      problems.push(`imported id ${domain.change.importing.id}, expected ${domainId}`);
    const changed = Object.keys({ ...domain.change.before, ...domain.change.after }).filter(
      (k) => JSON.stringify(domain.change.before?.[k]) !== JSON.stringify(domain.change.after?.[k]),
    );
    const settings = changed.filter((k) => !["tags", "tags_all"].includes(k));
    if (!["no-op", "update"].includes(domain.change.actions.join()) || settings.length > 0)
      problems.push(`the imported domain is planned as ${domain.change.actions.join("+")} of ${changed.join(", ")}`);
  }
  const ownedByTeam = (key) => key === team || (typeof key === "string" && key.startsWith(`${team}/`));
  for (const rc of managed) {
    const action = rc.change.actions.join();
    if (rc === domain || action === "no-op" || (action === "create" && ownedByTeam(rc.index))) continue;
    problems.push(`unexpected ${rc.change.importing ? "import" : action} of ${rc.address}`);
  }
  if (!warnings.some((w) => w.detail.includes(`${team} (${domainId})`)))
    problems.push(`no check warning about team ${team}'s domain settings`);
  return problems.length > 0
    ? { ok: false, text: problems.join("; ") }
    : {
        ok: true,
        text: `imports ${domain.address} (id ${domainId}) setting only its tags, creates the rest of team ${team}; the check warns: ${warnings.map((w) => w.detail).join(" ")}`,
      };
}
