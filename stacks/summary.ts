import { join } from "node:path";
import type { FederationConfig } from "../config/types";

/** The few lines `cdktf synth` prints about what it synthesized. */
export function summary(config: FederationConfig, file: string, outdir: string): string {
  const teams = Object.values(config.teams);
  const profiles = Object.keys(config.profiles).length;
  // Counted as the access report counts them: a person in two teams has two profiles.
  const people = new Set(Object.values(config.profiles).map((profile) => profile.userName)).size;
  const personas = [...new Set(Object.values(config.profiles).map((profile) => profile.roleKey.split("/")[1]))].sort();
  const lines = [
    `${config.name} (${file}): ${count(teams.length, "team")}, ${count(profiles, "user profile")} for ${people === 1 ? "1 person" : `${people} people`}, personas used: ${personas.join(", ") || "none"}`,
    `identity provider: ${config.identityProvider.type}; phase: ${config.phase}`,
    `Terraform JSON: ${join(outdir, "stacks", config.name, "cdk.tf.json")}`,
  ];
  if (config.phase === "bootstrap")
    lines.push(
      "Bootstrap phase: apply, then follow the next_steps output and add aws.identityCenter and aws.network to the config.",
    );
  return lines.join("\n");
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
