import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing, type TerraformStack } from "cdktf";
import { parse, stringify } from "yaml";
import { ConfigError } from "../config/errors";
import { parseConfig } from "../config/load";
import type { FederationConfig } from "../config/types";
import { FederationStack } from "../stacks/federation-stack";

/** Every date rule is checked against this moment, so tests do not age. */
export const NOW = new Date("2026-11-30T00:00:00Z");

export function exampleText(name: string): string {
  return readFileSync(join(__dirname, "..", "examples", `${name}.yaml`), "utf8");
}

/** An example config as plain data, to be changed by a test. */
export function exampleData(name: string): Record<string, any> {
  return parse(exampleText(name)) as Record<string, any>;
}

export function loadText(text: string): FederationConfig {
  return parseConfig(text, "test.yaml", { now: NOW });
}

export function loadData(data: unknown): FederationConfig {
  return loadText(stringify(data));
}

export function loadExample(name: string): FederationConfig {
  return loadText(exampleText(name));
}

/** The ConfigError a config raises; fails the test when it loads. */
export function configErrorOf(text: string): ConfigError {
  try {
    loadText(text);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected the config to be rejected, but it loaded");
}

/** The annotations that stop a synthesis here: errors, and warnings (the stack is meant to have none). */
const ANNOTATION_LEVELS: readonly string[] = ["@cdktf/error", "@cdktf/warn"];

/**
 * Synthesized Terraform JSON of a stack, as text. Validations run, and an error or warning an aspect (or any
 * construct) annotated fails the synthesis: `Testing.synth` alone returns the JSON and drops them, where
 * `cdktf synth` refuses to write a stack with an error and prints its warnings to a reader who may never look.
 */
export function synthStack(stack: TerraformStack): string {
  const text = Testing.synth(stack, true);
  const annotations = stack.node
    .findAll()
    .flatMap((node) =>
      node.node.metadata
        .filter((entry) => ANNOTATION_LEVELS.includes(entry.type))
        .map((entry) => `${entry.type.replace("@cdktf/", "")} at ${node.node.path}: ${String(entry.data)}`),
    );
  if (annotations.length > 0) throw new Error(`the stack was annotated:\n${annotations.join("\n")}`);
  return text;
}

/** Synthesized Terraform JSON of a config, as text (validations and aspects run, as in `cdktf synth`). */
export function synthText(config: FederationConfig, options: { readonly planOnly?: boolean } = {}): string {
  const app = Testing.app();
  return synthStack(new FederationStack(app, config.name, { config, planOnly: options.planOnly }));
}

export interface SynthesizedStack {
  readonly resource: Record<string, Record<string, any>>;
  readonly data: Record<string, Record<string, any>>;
  readonly output: Record<string, any>;
  readonly variable?: Record<string, any>;
  readonly locals: Record<string, any>;
  readonly import?: { readonly to: string; readonly id: string; readonly provider?: string }[];
  readonly moved?: { readonly from: string; readonly to: string }[];
  readonly removed?: { readonly from: string; readonly lifecycle: { readonly destroy: boolean } }[];
  readonly terraform: Record<string, any>;
  readonly provider: Record<string, any[]>;
}

export function synthJson(config: FederationConfig, options: { readonly planOnly?: boolean } = {}): SynthesizedStack {
  return JSON.parse(synthText(config, options)) as SynthesizedStack;
}

/** The one block of a resource type (this stack declares each type once, with for_each). */
export function onlyBlock(blocks: Record<string, any> | undefined, type: string): { address: string; block: any } {
  const entries = Object.entries(blocks ?? {});
  if (entries.length !== 1) throw new Error(`expected one ${type} block, found ${entries.length}`);
  const [name, block] = entries[0]!;
  return { address: `${type}.${name}`, block };
}

export function resource(stack: SynthesizedStack, type: string) {
  return onlyBlock(stack.resource[type], type);
}

export function dataSource(stack: SynthesizedStack, type: string) {
  const { address, block } = onlyBlock(stack.data[type], type);
  return { address: `data.${address}`, block };
}

/** A reference as Terraform writes it in the JSON: `${type.name}` or `${type.name.attribute}`. */
export function ref(address: string, attribute?: string): string {
  return `\${${address}${attribute ? `.${attribute}` : ""}}`;
}
