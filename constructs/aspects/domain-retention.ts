import { SagemakerDomain } from "@cdktf/provider-aws/lib/sagemaker-domain";
import { Annotations, type IAspect } from "cdktf";
import type { IConstruct } from "constructs";

/**
 * A Studio domain holds its users' home directories: every domain in the stack must retain its home file
 * system and refuse to be destroyed, whoever declares it.
 */
export class DomainRetentionAspect implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof SagemakerDomain)) return;
    if (node.lifecycle?.preventDestroy !== true)
      Annotations.of(node).addError(
        "a SageMaker domain must set lifecycle.preventDestroy: its home directories would be lost",
      );
    if (node.retentionPolicyInput?.homeEfsFileSystem !== "Retain")
      Annotations.of(node).addError('a SageMaker domain must set retentionPolicy.homeEfsFileSystem to "Retain"');
  }
}
