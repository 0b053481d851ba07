import { configFileOf } from "../../config/load";
import { parseCommandLine, processOutput, runCommand, runMain, type CommandOutput } from "../shared/cli";
import { doctorChecks, doctorExitCode, formatChecks, nextStep } from "./doctor-checks";
import { loadConfig, machineFacts } from "./machine-facts";

const USAGE = "usage: npm run doctor [-- --config <file>]";

export async function doctor(args: string[], io: CommandOutput): Promise<number> {
  return runCommand(USAGE, io, () => {
    const line = parseCommandLine(args, { usage: USAGE, options: { config: { type: "string" } } }, io);
    if (line === undefined) return 0;
    const configFile = configFileOf(io.env, line.values.config);
    const config = loadConfig(configFile);
    const checks = doctorChecks(machineFacts(configFile, config));
    io.out(formatChecks(checks, nextStep(checks, config)));
    return doctorExitCode(checks);
  });
}

if (require.main === module) runMain(doctor, processOutput());
