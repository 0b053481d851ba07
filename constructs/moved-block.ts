import { TerraformElement } from "cdktf";
import type { Construct } from "constructs";

export interface MovedBlockProps {
  /** The address in existing states, with its instance key where it has one: `aws_sagemaker_domain.team["fraud"]`. */
  readonly from: string;
  /** The address the object has from now on. */
  readonly to: string;
}

/**
 * A Terraform `moved` block for any address, instance keys included (cdktf's own `moveTo` moves whole resources
 * declared in the stack). Once no state holds `from`, the block does nothing.
 */
export class MovedBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: MovedBlockProps,
  ) {
    super(scope, id);
  }

  override toTerraform(): Record<string, unknown> {
    return { moved: [{ from: this.props.from, to: this.props.to }] };
  }
}
