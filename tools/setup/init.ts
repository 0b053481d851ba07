import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { ConfigError } from "../../config/errors";
import { parseConfig } from "../../config/load";
import { defaultCertificateEndDate, initConfigText } from "./init-config";
import { askAnswers, InputEnded, teamSpec, type InitAnswers } from "./init-questions";
import { parseCommandLine, processOutput, runCommand, runMain, type CommandOutput } from "../shared/cli";

const USAGE = `usage: npm run init -- --name <name> --tenant <Entra tenant id> --region <region> --account <account id>
                     --team <key>=<Entra group name> [--team ...] [--admins-group <name>] [--out <file>] [--force]
                     [--ask]

Writes a bootstrap-phase config (Entra ID mode) that synthesizes at once; missing values are asked for when a
terminal is attached (or with --ask).

  --name           prefixes every resource name: 2-31 lowercase letters, digits or hyphens
  --tenant         the Entra tenant id (a GUID)
  --region         the IAM Identity Center region, such as eu-west-1
  --account        the 12-digit id of the account IAM Identity Center lives in
  --team           a team key and the display name of its Entra group (repeat for each team)
  --admins-group   the Entra group of the SageMaker admins (default: <name>-admins)
  --out            where to write it (default: platform.yaml); an existing file is kept unless --force
  --ask            ask for missing values on standard input even without a terminal (answers piped in)

Asked on a terminal, each answer is checked as it is given; more teams, the admin group and the admins are
asked for too.`;

interface Flags {
  name?: string;
  tenant?: string;
  region?: string;
  account?: string;
  team?: string[];
  "admins-group"?: string;
}

/** Asks on the terminal (or, with --ask, on any input) for what the flags left out, checking each answer. */
async function ask(values: Flags, interactive: boolean, io: CommandOutput): Promise<InitAnswers> {
  const given: InitAnswers = {
    name: values.name,
    tenantId: values.tenant,
    region: values.region,
    accountId: values.account,
    teams: parseTeams(values.team ?? []),
    adminsGroup: values["admins-group"],
    admins: [],
  };
  const missing = (["name", "tenant", "region", "account", "team"] as const).filter(
    (key) => values[key] === undefined || values[key]?.length === 0,
  );
  if (missing.length === 0) return given;
  if (!interactive) {
    const flags = missing.map((key) => `--${key}`).join(", ");
    throw new UsageProblem(`missing ${flags}: give them as flags (no terminal to ask on)`);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  // Lines are buffered by the iterator: answers piped in all at once are read one per question.
  const lines = prompt[Symbol.asyncIterator]();
  const readLine = async (question: string) => {
    process.stdout.write(question);
    const next = await lines.next();
    return next.done === true ? undefined : (next.value as string);
  };
  try {
    return await askAnswers(readLine, io.out, given);
  } catch (error) {
    if (error instanceof InputEnded) throw new UsageProblem(error.message);
    throw error;
  } finally {
    prompt.close();
  }
}

class UsageProblem extends Error {}

function parseTeams(specs: readonly string[]): Record<string, string> {
  const teams: Record<string, string> = {};
  for (const spec of specs) {
    const team = teamSpec(spec);
    if (!team) throw new UsageProblem(`--team ${spec}: write it as <key>=<Entra group name>`);
    teams[team[0]] = team[1];
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
        ask: { type: "boolean", default: false },
      },
    },
    io,
  );
  if (line === undefined) return 0;
  const { values } = line;
  const answers = await ask(values, process.stdin.isTTY === true || values.ask, io);
  const out = resolve(values.out);
  if (existsSync(out) && !values.force)
    throw new UsageProblem(`${values.out} exists: choose another --out, or add --force to replace it`);

  const name = answers.name!;
  const text = initConfigText({
    name,
    tenantId: answers.tenantId!,
    region: answers.region!,
    accountId: answers.accountId!,
    teams: answers.teams,
    adminsGroup: answers.adminsGroup ?? `${name}-admins`,
    admins: answers.admins,
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
