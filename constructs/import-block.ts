import { TerraformElement, type TerraformProvider } from "cdktf";
import type { Construct } from "constructs";

export interface ImportBlockProps {
  /** The address to import into, with its instance key: `aws_sagemaker_domain.team["fraud"]`. */
  readonly to: string;
  /** The provider's import id of the existing object. */
  readonly id: string;
  /**
   * The provider configuration of the resource at `to`.
   * @default - the default configuration of the resource type's provider
   */
  readonly provider?: TerraformProvider;
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
    const { to, id, provider } = this.props;
    return { import: [{ to, id, ...(provider === undefined ? {} : { provider: provider.fqn }) }] };
  }
}
