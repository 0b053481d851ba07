import { TerraformProvider, type TerraformStack } from "cdktf";
import { ConfigError, type ConfigProblem } from "../config/errors";

/**
 * The environment variables that replace, in `required_providers`, the exact version a prebuilt binding pins. The
 * bindings (`@cdktf/provider-aws`, `@cdktf/provider-azuread`) are frozen with CDK for Terraform: a provider release
 * after theirs is reached only this way, and the stack's code then knows none of that release's new arguments.
 */
export const PROVIDER_VERSION_VARIABLES = {
  aws: "FEDERATION_AWS_PROVIDER_VERSION",
  azuread: "FEDERATION_AZUREAD_PROVIDER_VERSION",
} as const;

export type ProviderName = keyof typeof PROVIDER_VERSION_VARIABLES;
export type ProviderVersions = Readonly<Partial<Record<ProviderName, string>>>;

/** One Terraform version constraint (`5.100.0`, `>= 6.25`, `~> 6.0`), or several joined by commas. */
const ONE_CONSTRAINT = String.raw`\s*(?:(?:=|!=|>=|<=|>|<|~>)\s*)?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?\s*`;
const CONSTRAINT = new RegExp(`^${ONE_CONSTRAINT}(?:,${ONE_CONSTRAINT})*$`);

/** The provider versions the environment asks for; a value that is not a constraint is a problem, all reported. */
export function providerVersionsOf(env: NodeJS.ProcessEnv): ProviderVersions {
  const versions: Partial<Record<ProviderName, string>> = {};
  const problems: ConfigProblem[] = [];
  for (const [provider, variable] of Object.entries(PROVIDER_VERSION_VARIABLES) as [ProviderName, string][]) {
    const value = env[variable];
    if (value === undefined || value === "") continue;
    if (CONSTRAINT.test(value)) versions[provider] = value.trim();
    else
      problems.push({
        path: variable,
        rule: `${JSON.stringify(value)} is not a Terraform version constraint`,
        fix: `write one such as "5.100.0" or ">= 6.25.0, < 7.0.0", or unset ${variable} to use the version the prebuilt binding was generated for`,
      });
  }
  if (problems.length > 0) throw new ConfigError("environment", problems);
  return versions;
}

/** Writes each requested constraint over the binding's version, for the providers the stack declares. */
export function overrideProviderVersions(stack: TerraformStack, versions: ProviderVersions): void {
  const declared = new Set(
    stack.node
      .findAll()
      .filter((node): node is TerraformProvider => node instanceof TerraformProvider)
      .map((provider) => provider.terraformResourceType),
  );
  for (const [provider, constraint] of Object.entries(versions))
    if (declared.has(provider)) stack.addOverride(`terraform.required_providers.${provider}.version`, constraint);
}
