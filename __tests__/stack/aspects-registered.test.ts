import { SagemakerDomain } from "@cdktf/provider-aws/lib/sagemaker-domain";
import { Annotations, TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import type { PolicyDocument } from "../../policies/document";
import { FederationStack } from "../../stacks/federation-stack";
import { loadExample, synthStack } from "../helpers";

/**
 * The aspects guard what any construct of the stack declares, including one added later by someone who does not know
 * the rule. These tests add such a construct to the real stack: they fail when the stack stops registering an aspect,
 * and when the shared synth helper stops failing on what an aspect reports.
 */

/** A construct someone might add: it declares a grant of everything, and names it as every construct here does. */
class GrantsEverything extends Construct {
  policyDocuments(): PolicyDocument[] {
    return [
      {
        Version: "2012-10-17",
        Statement: [{ Sid: "Everything", Effect: "Allow", Action: ["sagemaker:*"], Resource: "*" }],
      },
    ];
  }
}

function contosoStack(): FederationStack {
  const config = loadExample("contoso");
  return new FederationStack(Testing.app(), config.name, { config });
}

/** A domain declared outside StudioDomains, with neither prevent_destroy nor a retained home file system. */
function addForgetfulDomain(stack: TerraformStack): void {
  new SagemakerDomain(stack, "forgetful_domain", {
    domainName: "forgetful",
    authMode: "SSO",
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-0123456789abcdef0"],
    defaultUserSettings: { executionRole: "arn:aws:iam::111122223333:role/forgetful" },
  });
}

describe("the federation stack's aspects", () => {
  test("GIVEN the contoso stack as it is WHEN synthesized through the helper THEN nothing is annotated", () => {
    // THEN no throw, and the JSON is there
    expect(JSON.parse(synthStack(contosoStack()))).toHaveProperty("resource.aws_sagemaker_domain");
  });

  test("fails a domain added to the stack without prevent_destroy or a retained home file system (domain retention registered)", () => {
    // GIVEN the contoso stack and a domain someone declared by hand
    const stack = contosoStack();
    addForgetfulDomain(stack);
    // WHEN / THEN both rules of the retention aspect are reported, at the domain's path
    const synth = () => synthStack(stack);
    expect(synth).toThrow(
      /error at contoso-ml\/forgetful_domain: a SageMaker domain must set lifecycle\.preventDestroy/,
    );
    expect(synth).toThrow(/a SageMaker domain must set retentionPolicy\.homeEfsFileSystem to "Retain"/);
  });

  test("fails a wildcard grant added to the stack (no-wildcard-actions registered)", () => {
    // GIVEN the contoso stack and a construct that grants sagemaker:*
    const stack = contosoStack();
    new GrantsEverything(stack, "grants_everything");
    // WHEN / THEN
    expect(() => synthStack(stack)).toThrow(
      /error at contoso-ml\/grants_everything: statement Everything grants the wildcard action "sagemaker:\*"/,
    );
  });
});

describe("the shared synth helper", () => {
  test("fails on an error annotation, which Testing.synth alone returns JSON for", () => {
    // GIVEN a stack with one construct annotated with an error
    const stack = new TerraformStack(Testing.app(), "annotated");
    Annotations.of(new Construct(stack, "broken")).addError("this construct is broken");
    // WHEN / THEN Testing.synth drops the annotation; the helper does not
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(() => synthStack(stack)).toThrow("error at annotated/broken: this construct is broken");
  });

  test("fails on a warning annotation: the stack is meant to have none", () => {
    // GIVEN a stack with one construct annotated with a warning
    const stack = new TerraformStack(Testing.app(), "warned");
    Annotations.of(new Construct(stack, "doubtful")).addWarning("this construct is doubtful");
    // WHEN / THEN
    expect(() => synthStack(stack)).toThrow("warn at warned/doubtful: this construct is doubtful");
  });

  test("GIVEN an informational annotation WHEN synthesized THEN it passes", () => {
    const stack = new TerraformStack(Testing.app(), "informed");
    Annotations.of(new Construct(stack, "noted")).addInfo("for the record");
    expect(() => synthStack(stack)).not.toThrow();
  });
});
