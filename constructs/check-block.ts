import { TerraformElement } from "cdktf";
import type { Construct } from "constructs";

export interface CheckBlockProps {
  /** The block's name, unique in the stack. */
  readonly name: string;
  /** A Terraform expression (`${...}`) that is true when all is well. */
  readonly condition: string;
  /** What is wrong and what to do, with `${...}` interpolations of the same values. */
  readonly errorMessage: string;
}

/**
 * A Terraform `check` block (cdktf has none): its assertion is evaluated on every plan and apply and reported as a
 * warning, so it tells about drift without stopping anything.
 */
export class CheckBlock extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: CheckBlockProps,
  ) {
    super(scope, id);
  }

  override toTerraform(): Record<string, unknown> {
    const { name, condition, errorMessage } = this.props;
    return { check: { [name]: { assert: [{ condition, error_message: errorMessage }] } } };
  }
}
