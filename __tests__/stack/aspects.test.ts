import { Aspects, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { NoWildcardActionsAspect, type IPolicyDeclaring } from "../../constructs/aspects/no-wildcard-actions";
import type { PolicyDocument } from "../../policies/document";
import { loadExample } from "../helpers";
import { FederationStack } from "../../stacks/federation-stack";

class DeclaresPolicy extends Construct implements IPolicyDeclaring {
  constructor(
    scope: Construct,
    id: string,
    private readonly document: PolicyDocument,
  ) {
    super(scope, id);
  }
  policyDocuments() {
    return [this.document];
  }
}

function errorsAfterSynth(stack: TerraformStack): string[] {
  Testing.synth(stack);
  return stack.node
    .findAll()
    .flatMap((node) => node.node.metadata)
    .filter((entry) => entry.type === "@cdktf/error")
    .map((entry) => String(entry.data));
}

describe("no wildcard actions", () => {
  test.each(["*", "sagemaker:*"])("fails a policy that grants %s", (action) => {
    // GIVEN a construct that declares a wildcard grant
    const stack = new TerraformStack(Testing.app(), "wild");
    new DeclaresPolicy(stack, "wild", {
      Version: "2012-10-17",
      Statement: [{ Sid: "Everything", Effect: "Allow", Action: ["s3:GetObject", action], Resource: "*" }],
    });
    Aspects.of(stack).add(new NoWildcardActionsAspect());
    // WHEN / THEN
    expect(errorsAfterSynth(stack)).toEqual([`statement Everything grants the wildcard action "${action}"`]);
  });

  test("GIVEN a guard that denies a whole service WHEN synthesized THEN it passes: a Deny must cover what AWS adds later", () => {
    const stack = new TerraformStack(Testing.app(), "guard");
    new DeclaresPolicy(stack, "guard", {
      Version: "2012-10-17",
      Statement: [{ Sid: "Guard", Effect: "Deny", Action: ["sagemaker:*"], Resource: "*" }],
    });
    Aspects.of(stack).add(new NoWildcardActionsAspect());
    expect(errorsAfterSynth(stack)).toEqual([]);
  });

  test.each(["contoso", "contoso-external", "contoso-multi-account"])(
    "passes every policy of the %s example",
    (name) => {
      const config = loadExample(name);
      const stack = new FederationStack(Testing.app(), config.name, { config });
      expect(errorsAfterSynth(stack)).toEqual([]);
    },
  );
});
