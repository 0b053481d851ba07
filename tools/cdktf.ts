import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { decideStep, STEPS, type Step } from "./cdktf-step";
import { doctorChecks } from "./doctor-checks";
import { configFileOf } from "../config/load";
import { loadConfig, machineFacts } from "./machine-facts";

const USAGE = "usage: npm run synth | npm run plan | npm run deploy [-- <cdktf options>]";

function main([step, ...args]: string[]): number {
  if (step === undefined || !Object.hasOwn(STEPS, step)) {
    console.error(USAGE);
    return 1;
  }
  const configFile = configFileOf(process.env);
  const config = loadConfig(configFile);
  const checks = step === "synth" ? [] : doctorChecks(machineFacts(configFile, config));
  const decision = decideStep(step as Step, args, configFile, config, checks);
  if ("stop" in decision) {
    console.error(decision.stop);
    return 1;
  }
  const cdktf = join(__dirname, "..", "node_modules", ".bin", "cdktf");
  const run = spawnSync(cdktf, decision.run, { stdio: "inherit", env: { ...process.env, ...decision.env } });
  return run.status ?? 1;
}

process.exitCode = main(process.argv.slice(2));
