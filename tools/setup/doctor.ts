import { parseArgs } from "node:util";
import { doctorChecks, doctorExitCode, formatChecks, nextStep } from "./doctor-checks";
import { configFileOf } from "../../config/load";
import { loadConfig, machineFacts } from "./machine-facts";
import { isUsageError } from "../shared/usage-error";

function main(args: string[]): number {
  const { values } = parseArgs({ args, options: { config: { type: "string" } }, strict: true });
  const configFile = configFileOf(process.env, values.config);
  const config = loadConfig(configFile);
  const checks = doctorChecks(machineFacts(configFile, config));
  console.log(formatChecks(checks, nextStep(checks, config)));
  return doctorExitCode(checks);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!isUsageError(error)) throw error;
  console.error(`${error.message}\nusage: npm run doctor [-- --config <file>]`);
  process.exitCode = 1;
}
