import { TerraformElement, type TerraformProvider } from "cdktf";
import type { Construct } from "constructs";

export interface ImportBlockProps {
  /** The address to import into, with its instance key: `aws_sagemaker_domain.team["fraud"]`. */
  readonly to: string;
  /** The provider's import id of the existing object. */
  readonly id: string;
  /** The provider configuration of the resource at `to`. */
  readonly provider: TerraformProvider;
}

/**
 * A Terraform `import` block for one instance of a `for_each` resource. cdktf's own `importFrom` can only name a
 * whole resource, which Terraform refuses for one that has `for_each`. Once the object is in the state the block
 * changes nothing, so it may stay in the configuration.
 */
export class ImportBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: ImportBlockProps,
  ) {
    super(scope, id);
  }

  override toTerraform(): Record<string, unknown> {
    return { import: [{ to: this.props.to, id: this.props.id, provider: this.props.provider.fqn }] };
  }
}
