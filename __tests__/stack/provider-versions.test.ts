import { Testing } from "cdktf";
import { ConfigError } from "../../config/errors";
import { FederationStack } from "../../stacks/federation-stack";
import { providerVersionsOf, type ProviderVersions } from "../../stacks/provider-versions";
import { loadExample, synthStack, type SynthesizedStack } from "../helpers";

function synthesize(example: string, providerVersions?: ProviderVersions): SynthesizedStack {
  const config = loadExample(example);
  return JSON.parse(synthStack(new FederationStack(Testing.app(), config.name, { config, providerVersions })));
}

describe("provider versions", () => {
  test("GIVEN no override WHEN contoso is synthesized THEN the versions the prebuilt bindings were generated for are pinned", () => {
    // THEN @cdktf/provider-aws 21.22.1 and @cdktf/provider-azuread 14.3.1 were generated for these releases
    expect(synthesize("contoso").terraform.required_providers).toEqual({
      aws: { source: "aws", version: "6.25.0" },
      azuread: { source: "hashicorp/azuread", version: "3.7.0" },
    });
  });

  test("GIVEN an AWS constraint from the environment WHEN synthesized THEN required_providers carries it, source unchanged", () => {
    // GIVEN
    const versions = providerVersionsOf({ FEDERATION_AWS_PROVIDER_VERSION: ">= 5.100.0, < 7.0.0" });
    // WHEN
    const { required_providers } = synthesize("contoso", versions).terraform;
    // THEN
    expect(required_providers.aws).toEqual({ source: "aws", version: ">= 5.100.0, < 7.0.0" });
    expect(required_providers.azuread).toEqual({ source: "hashicorp/azuread", version: "3.7.0" });
  });

  test("GIVEN an azuread constraint WHEN the external example (no Entra side) is synthesized THEN no azuread provider appears", () => {
    // GIVEN / WHEN
    const stack = synthesize("contoso-external", providerVersionsOf({ FEDERATION_AZUREAD_PROVIDER_VERSION: "~> 3.7" }));
    // THEN
    expect(Object.keys(stack.terraform.required_providers)).toEqual(["aws"]);
  });

  test.each(["5.100.0", "~> 6.0", ">= 6.25.0, < 7.0.0", "= 6.30.0-beta1", "!= 6.26.0"])(
    "GIVEN the constraint %s WHEN read THEN it is taken as written",
    (constraint) => {
      expect(providerVersionsOf({ FEDERATION_AWS_PROVIDER_VERSION: constraint })).toEqual({ aws: constraint });
    },
  );

  test("GIVEN empty variables WHEN read THEN nothing is overridden", () => {
    expect(
      providerVersionsOf({ FEDERATION_AWS_PROVIDER_VERSION: "", FEDERATION_AZUREAD_PROVIDER_VERSION: "" }),
    ).toEqual({});
  });

  test("fails values that are not version constraints, naming each variable, the rule and the fix, all at once", () => {
    // GIVEN two bad values
    const env = { FEDERATION_AWS_PROVIDER_VERSION: "latest", FEDERATION_AZUREAD_PROVIDER_VERSION: ">= 3.7 || 4" };
    // WHEN
    let error: unknown;
    try {
      providerVersionsOf(env);
    } catch (caught) {
      error = caught;
    }
    // THEN one ConfigError with both problems
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((problem) => problem.path)).toEqual([
      "FEDERATION_AWS_PROVIDER_VERSION",
      "FEDERATION_AZUREAD_PROVIDER_VERSION",
    ]);
    expect(problems[0]!.rule).toBe('"latest" is not a Terraform version constraint');
    expect(problems[0]!.fix).toContain('">= 6.25.0, < 7.0.0"');
    expect(problems[0]!.fix).toContain("unset FEDERATION_AWS_PROVIDER_VERSION");
  });
});
