import { TerraformElement } from "cdktf";
import type { Construct } from "constructs";

export interface RemovedBlockProps {
  /** The resource to forget, without an instance key (Terraform refuses one): `azuread_group_member.admin`. */
  readonly from: string;
}

/**
 * A Terraform `removed` block that forgets every instance of a resource without destroying anything
 * (`lifecycle { destroy = false }`, Terraform 1.7+): the object stays where it is, unmanaged. For a resource that
 * is not in the state the block does nothing, so it may stay in the configuration.
 */
export class RemovedBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: RemovedBlockProps,
  ) {
    super(scope, id);
  }

  override toTerraform(): Record<string, unknown> {
    return { removed: [{ from: this.props.from, lifecycle: { destroy: false } }] };
  }
}
