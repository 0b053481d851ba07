import { Annotations, type IAspect } from "cdktf";
import type { IConstruct } from "constructs";
import type { PolicyDocument } from "../../policies/document";

/** A construct that declares IAM policies, so cross-cutting checks can read them. */
export interface IPolicyDeclaring extends IConstruct {
  policyDocuments(): readonly PolicyDocument[];
}

function declaresPolicies(node: IConstruct): node is IPolicyDeclaring {
  return typeof (node as Partial<IPolicyDeclaring>).policyDocuments === "function";
}

/**
 * Grants name their actions: no `*`, no `service:*` in any Allow the stack declares. A Deny may use a pattern: a guard
 * must also cover the actions AWS adds later.
 */
export class NoWildcardActionsAspect implements IAspect {
  visit(node: IConstruct): void {
    if (!declaresPolicies(node)) return;
    for (const document of node.policyDocuments())
      for (const statement of document.Statement.filter((candidate) => candidate.Effect === "Allow"))
        for (const action of statement.Action)
          if (action === "*" || action.endsWith(":*"))
            Annotations.of(node).addError(`statement ${statement.Sid} grants the wildcard action "${action}"`);
  }
}
