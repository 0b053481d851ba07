import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { ConfigError } from "../../config/errors";
import { parseConfig } from "../../config/load";
import { defaultCertificateEndDate, initConfigText } from "./init-config";
import { parseCommandLine, processOutput, runCommand, runMain, type CommandOutput } from "../shared/cli";

const USAGE = `usage: npm run init -- --name <name> --tenant <Entra tenant id> --region <region> --account <account id>
                     --team <key>=<Entra group name> [--team ...] [--admins-group <name>] [--out <file>] [--force]

Writes a bootstrap-phase config (Entra ID mode) that synthesizes at once; missing values are asked for when a
terminal is attached.

  --name           prefixes every resource name: 2-31 lowercase letters, digits or hyphens
  --tenant         the Entra tenant id (a GUID)
  --region         the IAM Identity Center region, such as eu-west-1
  --account        the 12-digit id of the account IAM Identity Center lives in
  --team           a team key and the display name of its Entra group (repeat for each team)
  --admins-group   the Entra group of the SageMaker admins (default: <name>-admins)
  --out            where to write it (default: platform.yaml); an existing file is kept unless --force`;

interface Answers {
  name?: string;
  tenant?: string;
  region?: string;
  account?: string;
  team?: string[];
}

const QUESTIONS: [keyof Answers, string][] = [
  ["name", "Name (prefixes every resource, e.g. contoso-ml)"],
  ["tenant", "Entra tenant id"],
  ["region", "IAM Identity Center region (e.g. eu-west-1)"],
  ["account", "AWS account id of IAM Identity Center"],
  ["team", "First team as <key>=<Entra group name> (e.g. forecasting=ml-forecasting)"],
];

async function ask(values: Answers): Promise<void> {
  const missing = QUESTIONS.filter(([key]) => values[key] === undefined || values[key]?.length === 0);
  if (missing.length === 0) return;
  if (!process.stdin.isTTY) {
    const flags = missing.map(([key]) => `--${key}`).join(", ");
    throw new UsageProblem(`missing ${flags}: give them as flags (no terminal to ask on)`);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const [key, question] of missing) {
      const answer = (await prompt.question(`${question}: `)).trim();
      if (key === "team") values.team = [answer];
      else values[key] = answer;
    }
  } finally {
    prompt.close();
  }
}

class UsageProblem extends Error {}

function parseTeams(specs: readonly string[]): Record<string, string> {
  const teams: Record<string, string> = {};
  for (const spec of specs) {
    const match = /^([^=]+)=(.+)$/.exec(spec);
    if (!match) throw new UsageProblem(`--team ${spec}: write it as <key>=<Entra group name>`);
    teams[match[1]!.trim()] = match[2]!.trim();
  }
  return teams;
}

export async function init(args: string[], io: CommandOutput): Promise<number> {
  return runCommand(USAGE, io, () => writeConfig(args, io), explainInitError);
}

async function writeConfig(args: string[], io: CommandOutput): Promise<number> {
  const line = parseCommandLine(
    args,
    {
      usage: USAGE,
      options: {
        name: { type: "string" },
        tenant: { type: "string" },
        region: { type: "string" },
        account: { type: "string" },
        team: { type: "string", multiple: true },
        "admins-group": { type: "string" },
        out: { type: "string", default: "platform.yaml" },
        force: { type: "boolean", default: false },
      },
    },
    io,
  );
  if (line === undefined) return 0;
  const { values } = line;
  await ask(values);
  const out = resolve(values.out);
  if (existsSync(out) && !values.force)
    throw new UsageProblem(`${values.out} exists: choose another --out, or add --force to replace it`);

  const name = values.name!;
  const text = initConfigText({
    name,
    tenantId: values.tenant!,
    region: values.region!,
    accountId: values.account!,
    teams: parseTeams(values.team!),
    adminsGroup: values["admins-group"] ?? `${name}-admins`,
    certificateEndDate: defaultCertificateEndDate(new Date()),
    schemaPath: relative(dirname(out), join(__dirname, "..", "..", "federation.schema.json")),
  });
  // The same loader as synthesis: what is written here synthesizes, or nothing is written.
  parseConfig(text, values.out);
  writeFileSync(out, text);
  io.out(
    [
      `Wrote ${values.out} (bootstrap phase). Next:`,
      `  FEDERATION_CONFIG=${values.out} npx cdktf synth     check it`,
      `  FEDERATION_CONFIG=${values.out} npm run doctor      what this machine still needs to apply it`,
      "  then README.md, Bootstrap order.",
    ].join("\n"),
  );
  return 0;
}

function explainInitError(error: unknown): string | undefined {
  if (error instanceof ConfigError)
    return `The values given do not make a valid config (fix the flag that sets each path):\n${error.message}`;
  if (error instanceof UsageProblem) return `npm run init: ${error.message}`;
  return undefined;
}

if (require.main === module) runMain(init, processOutput());
