import { parseArgs } from "node:util";
import { ConfigError } from "../../config/errors";
import { configFileOf } from "../../config/load";
import { defaultAwsClients } from "./clients/aws-clients";
import { EXIT_CODE, healthExitCode } from "./checks/finding";
import { GraphClient } from "./clients/graph-client";
import { defaultGraphToken } from "./clients/graph-token";
import { loadConfigForHealth } from "./load-for-health";
import { healthJson, healthText } from "./report";
import { runHealth } from "./run-health";

const USAGE = `usage: npm run health [-- [--config <file>] [--json]]

  Reads IAM Identity Center, SageMaker and Microsoft Graph, never writes, and reports one line per check.
  --config <file>  the config (default: $FEDERATION_CONFIG, else examples/contoso.yaml)
  --json           the findings as JSON, for machines
  Exit codes: 0 ok, 1 cannot check, 2 warnings, 3 action needed (the most serious finding decides).`;

const OPTIONS = {
  config: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) return usage();
  const file = configFileOf(process.env, values.config);
  const now = new Date();
  const config = loadConfigForHealth(file, now);
  const idp = config.identityProvider;
  const graph = idp.type === "entra" ? new GraphClient({ token: defaultGraphToken(idp.tenantId) }) : undefined;
  const findings = await runHealth({ config, now, aws: defaultAwsClients(), graph });
  console.log(values.json ? healthJson(findings, { config: file, checkedAt: now }) : healthText(findings));
  return healthExitCode(findings);
}

function usage(): number {
  console.log(USAGE);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if ((error as { code?: string })?.code?.startsWith("ERR_PARSE_ARGS_"))
      console.error(`${(error as Error).message}\n${USAGE}`);
    else
      console.error(
        `health: cannot check (${(error as Error)?.message ?? String(error)}); run again with DEBUG=1 for details`,
      );
    if (process.env.DEBUG) console.error(error);
    process.exitCode = EXIT_CODE.unknown;
  },
);
