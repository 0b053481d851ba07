import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decideStep, STEPS, type Step } from "./cdktf-step";
import { doctorChecks } from "./doctor-checks";
import { configFileOf } from "../../config/load";
import { loadConfig, machineFacts } from "./machine-facts";

const USAGE = "usage: npm run synth | npm run plan | npm run deploy [-- <cdktf options>]";
const ROOT = join(__dirname, "..", "..");

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
  const env = { ...process.env, ...decision.env };
  const run =
    "app" in decision
      ? spawnSync(appCommand(), { cwd: ROOT, shell: true, stdio: "inherit", env })
      : spawnSync(join(ROOT, "node_modules", ".bin", "cdktf"), decision.cdktf, { cwd: ROOT, stdio: "inherit", env });
  return run.status ?? 1;
}

function appCommand(): string {
  return (JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")) as { app: string }).app;
}

process.exitCode = main(process.argv.slice(2));
