import { Construct } from "constructs";
import type { RetiredTeamConfig } from "../../config/types";
import { MovedBlock } from "../moved-block";
import { RemovedBlock } from "../removed-block";

export interface RetiredDomainsProps {
  /** The retired teams, by team key. */
  readonly teams: Readonly<Record<string, RetiredTeamConfig>>;
  /** The address suffix of an account's blocks (`_<account>` for a workload account, none for Identity Center's). */
  readonly addressSuffixOf: (account: string) => string;
}

/** The address a retired team's domain is moved to before Terraform forgets it. */
function retiredDomainAddress(team: string): string {
  return `aws_sagemaker_domain.retired_${team}`;
}

/**
 * Retired teams' Studio domains, forgotten by Terraform and never destroyed: the domain (with its users' home
 * directories) stays in its account, unmanaged, for the operator to back up and delete. Terraform's `removed` block
 * takes a whole resource, not one instance of `aws_sagemaker_domain.team`, so each domain is first moved to an address
 * of its own (`aws_sagemaker_domain.retired_<team>`) and forgotten there, in one plan. Once the state no longer
 * holds the domain, both blocks do nothing.
 */
export class RetiredDomains extends Construct {
  constructor(scope: Construct, id: string, props: RetiredDomainsProps) {
    super(scope, id);
    for (const { key, account } of Object.values(props.teams)) {
      new MovedBlock(this, `moved_${key}`, {
        from: `aws_sagemaker_domain.team${props.addressSuffixOf(account)}[${JSON.stringify(key)}]`,
        to: retiredDomainAddress(key),
      });
      new RemovedBlock(this, `removed_${key}`, { from: retiredDomainAddress(key) });
    }
  }
}
