import { parse } from "yaml";
import { sdkConfigOfScript, withRuntimeSettings } from "../constructs/aws/sdk-defaults";
import type { SynthesizedStack } from "./helpers";

/** The SageMaker SDK config one lifecycle config writes, as the SDK will read it, and where it was found. */
export interface SynthesizedSdkConfig {
  /** `<address>[<team>/<persona>]`. */
  readonly address: string;
  readonly roleKey: string;
  readonly appType: string;
  readonly name: string;
  readonly script: string;
  /** The lifecycle config's tags, which the script reads the runtime settings from. */
  readonly tags: Readonly<Record<string, string>>;
  /** The ARN whose tags the script reads, as written in the script. */
  readonly arn: string;
  readonly config: SdkConfig;
}

/** The parts of the SDK config (its schema's own keys) the tests read. */
export interface SdkConfig {
  readonly CustomParameters?: Readonly<Record<string, string>>;
  readonly SageMaker?: Record<string, any>;
  readonly [key: string]: unknown;
}

/**
 * Terraform's value of a config's content expression, for the one shape the stack writes:
 * `base64encode(replace(...replace(local.<script>, "<text>", each.value.<field>)...))`, evaluated here (decoded, so
 * the script) with the instance's `for_each` value. Anything else is an error, not a guess. The Terraform tier
 * checks Terraform itself fills the same values in (tests/contoso-external.tftest.hcl).
 */
function scriptOf(expression: string, locals: Readonly<Record<string, unknown>>, value: Record<string, unknown>) {
  const evaluate = (text: string): string => {
    const local = /^local\.(\w+)$/.exec(text);
    if (local) {
      const script = locals[local[1]!];
      if (typeof script !== "string") throw new Error(`local.${local[1]} is not a string`);
      // Terraform's JSON strings are templates: `$${` and `%%{` are a literal `${` and `%{`.
      return script.replaceAll("$${", "${").replaceAll("%%{", "%{");
    }
    const replace = /^replace\((.*), "([^"\\]*)", each\.value\.(\w+)\)$/s.exec(text);
    if (!replace) throw new Error(`not an expression these tests evaluate: ${text}`);
    const filled = value[replace[3]!];
    if (typeof filled !== "string") throw new Error(`each.value.${replace[3]} is not a string`);
    return evaluate(replace[1]!).replaceAll(replace[2]!, filled);
  };
  const outer = /^\$\{base64encode\((.*)\)\}$/s.exec(expression);
  if (!outer) throw new Error(`the content is ${expression}`);
  return evaluate(outer[1]!);
}

/**
 * Every lifecycle config of the synthesized stack that writes SDK defaults, with its for_each values filled in:
 * the content evaluated to the script, and the config read back from the script with the runtime settings of the
 * config's tags written in, as an app would run it.
 */
export function synthesizedSdkConfigs(stack: SynthesizedStack): SynthesizedSdkConfig[] {
  return Object.entries(stack.resource["aws_sagemaker_studio_lifecycle_config"] ?? {}).flatMap(([name, block]) => {
    if (block.studio_lifecycle_config_name !== "${each.value.name}")
      throw new Error(`${name}: the name is ${block.studio_lifecycle_config_name}`);
    if (block.tags !== "${each.value.tags}") throw new Error(`${name}: the tags are ${JSON.stringify(block.tags)}`);
    type Instance = { name: string; tags: Record<string, string> } & Record<string, unknown>;
    return Object.entries(block.for_each as Record<string, Instance>).map(([roleKey, value]) => {
      const script = scriptOf(block.studio_lifecycle_config_content, stack.locals ?? {}, value);
      return {
        address: `aws_sagemaker_studio_lifecycle_config.${name}[${JSON.stringify(roleKey)}]`,
        roleKey,
        appType: block.studio_lifecycle_config_app_type as string,
        name: value.name,
        script,
        tags: value.tags,
        arn: /ResourceArn="(arn:[^"]+)"/.exec(script)?.[1] ?? "(none in the script)",
        config: parse(withRuntimeSettings(sdkConfigOfScript(script), value.tags)) as SdkConfig,
      };
    });
  });
}

/** A value of the config at a dotted path of the SDK's (`SageMaker.TrainingJob.Tags`), as the SDK resolves it. */
export function configValue(config: SdkConfig, path: string): any {
  return path.split(".").reduce<any>((node, key) => (node === undefined ? undefined : node[key]), config);
}
