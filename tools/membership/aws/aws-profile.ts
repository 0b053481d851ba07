import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * Whether the shared config or credentials file (where the AWS CLI and SDK look) has a section for the profile.
 * The SDK's credential chain fails with the same message for a missing profile and for one without credentials;
 * only the first is a typo in AWS_PROFILE.
 */
export function profileExists(profile: string, env: NodeJS.ProcessEnv): boolean {
  const home = env.HOME || homedir();
  const config = sectionNames(env.AWS_CONFIG_FILE || join(home, ".aws", "config"));
  const credentials = sectionNames(env.AWS_SHARED_CREDENTIALS_FILE || join(home, ".aws", "credentials"));
  // The config file writes `[profile <name>]`, but `[default]`; the credentials file writes `[<name>]`.
  return (
    config.has(`profile ${profile}`) || (profile === "default" && config.has("default")) || credentials.has(profile)
  );
}

function sectionNames(file: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return new Set();
  }
  return new Set([...text.matchAll(/^\s*\[\s*([^\]]+?)\s*\]/gm)].map((match) => match[1]!.replace(/\s+/g, " ")));
}
