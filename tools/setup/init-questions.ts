import { ConfigError, formatPath } from "../../config/errors";
import { parseConfig } from "../../config/load";
import { initConfigText } from "./init-config";

/** What `npm run init` asks for; a value given as a flag is not asked again. */
export interface InitAnswers {
  readonly name?: string;
  readonly tenantId?: string;
  readonly region?: string;
  readonly accountId?: string;
  /** Team key -> Entra group name. */
  readonly teams: Readonly<Record<string, string>>;
  readonly adminsGroup?: string;
  readonly admins: readonly string[];
}

/** Lines typed by the user, one per call; undefined once the input ends. */
export type ReadLine = (question: string) => Promise<string | undefined>;

export class InputEnded extends Error {}

/** Valid stand-ins for what is not answered yet, so an answer is checked as part of a config that loads. */
const PENDING = {
  name: "pending",
  tenantId: "00000000-0000-0000-0000-000000000000",
  region: "eu-west-1",
  accountId: "111122223333",
  team: "pending",
};

/**
 * The problems an answer causes, as "rule; fix" lines: the whole config is loaded with the answers so far, and
 * only the problems under the answered paths are kept, so each answer meets every rule the loader has.
 */
export function answerProblems(answers: InitAnswers, paths: readonly string[]): string[] {
  const name = answers.name ?? PENDING.name;
  const text = initConfigText({
    name,
    tenantId: answers.tenantId ?? PENDING.tenantId,
    region: answers.region ?? PENDING.region,
    accountId: answers.accountId ?? PENDING.accountId,
    teams: Object.keys(answers.teams).length > 0 ? answers.teams : { [PENDING.team]: PENDING.team },
    adminsGroup: answers.adminsGroup ?? `${name}-admins`,
    admins: answers.admins,
    certificateEndDate: "2099-01-01T00:00:00Z",
    schemaPath: "federation.schema.json",
  });
  try {
    parseConfig(text, "answers", { now: new Date("2098-06-01T00:00:00Z") });
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems
      .filter((problem) =>
        paths.some(
          (path) =>
            problem.path === path || (/^[.[]/.test(problem.path.slice(path.length)) && problem.path.startsWith(path)),
        ),
      )
      .map((problem) => `${problem.rule}; ${problem.fix}`);
  }
}

/** Asks until the answer breaks no rule, saying which rule each refused answer broke. */
async function askValid(
  readLine: ReadLine,
  say: (text: string) => void,
  question: string,
  check: (answer: string) => string[],
): Promise<string> {
  for (;;) {
    const answer = await readLine(question);
    if (answer === undefined) throw new InputEnded("the input ended before every question was answered");
    const problems = check(answer.trim());
    if (problems.length === 0) return answer.trim();
    for (const problem of problems) say(`  ${problem}`);
  }
}

/**
 * Asks for what the flags did not give (name, tenant, region, account), then for teams until an empty line, the
 * admin group and the admins, checking each answer as it is given.
 */
export async function askAnswers(
  readLine: ReadLine,
  say: (text: string) => void,
  given: InitAnswers,
): Promise<InitAnswers> {
  let answers = given;
  const scalar = async (field: "name" | "tenantId" | "region" | "accountId", question: string, path: string) => {
    if (answers[field] !== undefined) return;
    const value = await askValid(readLine, say, question, (answer) =>
      answerProblems({ ...answers, [field]: answer }, [path]),
    );
    answers = { ...answers, [field]: value };
  };
  await scalar("name", "Name (prefixes every resource, e.g. contoso-ml): ", "name");
  await scalar("tenantId", "Entra tenant id: ", "identityProvider.entra.tenantId");
  await scalar("region", "IAM Identity Center region (e.g. eu-west-1): ", "aws.region");
  await scalar("accountId", "AWS account id of IAM Identity Center: ", "aws.accountId");

  for (;;) {
    const first = Object.keys(answers.teams).length === 0;
    const question = first
      ? "First team as <key>=<Entra group name> (e.g. forecasting=ml-forecasting): "
      : "Another team as <key>=<Entra group name> (empty line when done): ";
    const spec = await askValid(readLine, say, question, (answer) => teamProblems(answers, answer, first));
    if (spec === "") break;
    const [key, group] = teamSpec(spec)!;
    answers = { ...answers, teams: { ...answers.teams, [key]: group } };
  }

  if (answers.adminsGroup === undefined) {
    const fallback = `${answers.name}-admins`;
    const group = await askValid(
      readLine,
      say,
      `Entra group of the SageMaker admins (empty for ${fallback}): `,
      (answer) => answerProblems({ ...answers, adminsGroup: answer || fallback }, ["admins.group"]),
    );
    answers = { ...answers, adminsGroup: group || fallback };
  }
  const admins = await askValid(
    readLine,
    say,
    "Admin user names, comma-separated (e.g. carol@contoso.com; empty for none yet): ",
    (answer) => answerProblems({ ...answers, admins: userList(answer) }, ["admins.members"]),
  );
  return { ...answers, admins: userList(admins) };
}

/** `key=group` as a key and a group, or undefined when it has no `=`. */
export function teamSpec(spec: string): [string, string] | undefined {
  const match = /^([^=]+)=(.+)$/.exec(spec);
  return match ? [match[1]!.trim(), match[2]!.trim()] : undefined;
}

function teamProblems(answers: InitAnswers, answer: string, first: boolean): string[] {
  if (answer === "") return first ? ["at least one team is required; write it as <key>=<Entra group name>"] : [];
  const spec = teamSpec(answer);
  if (spec === undefined) return [`"${answer}" has no "="; write it as <key>=<Entra group name>`];
  const [key, group] = spec;
  if (Object.hasOwn(answers.teams, key)) return [`team ${key} is given already; choose another key`];
  return answerProblems({ ...answers, teams: { ...answers.teams, [key]: group } }, [formatPath(["teams", key])]);
}

function userList(answer: string): string[] {
  return answer
    .split(",")
    .map((user) => user.trim())
    .filter((user) => user !== "");
}
