import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { askAnswers, type InitAnswers } from "../../../tools/setup/init-questions";
import { loadText } from "../../helpers";

const ROOT = join(__dirname, "..", "..", "..");
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const NOTHING_GIVEN: InitAnswers = { teams: {}, admins: [] };
/** Good answers to the first four questions: name, tenant, region, account. */
const FIRST_FOUR = ["acme-ml", TENANT, "eu-west-1", "123456789012"];

/** Answers the questions with `typed`, one line per question asked; records what was asked and said. */
async function converse(typed: readonly string[], given: InitAnswers = NOTHING_GIVEN) {
  const remaining = [...typed];
  const transcript: string[] = [];
  const answers = await askAnswers(
    async (question) => {
      transcript.push(`? ${question.trim()}`);
      return remaining.shift();
    },
    (text) => transcript.push(text),
    given,
  );
  return { answers, transcript, unread: remaining };
}

describe("npm run init: the questions", () => {
  test("GIVEN good answers WHEN asked THEN it asks for several teams, the admin group and the admins", async () => {
    // GIVEN
    const typed = [...FIRST_FOUR, "vision=ml-vision", "nlp=ml-nlp", "", "", "carol@acme.example, dan@acme.example"];
    // WHEN
    const { answers, unread } = await converse(typed);
    // THEN
    expect(unread).toEqual([]);
    expect(answers).toMatchObject({ name: "acme-ml", tenantId: TENANT, accountId: "123456789012" });
    expect(answers).toMatchObject({
      teams: { vision: "ml-vision", nlp: "ml-nlp" },
      adminsGroup: "acme-ml-admins",
      admins: ["carol@acme.example", "dan@acme.example"],
    });
  });

  test("fails a bad answer with the rule it breaks, and asks again until the answer is good", async () => {
    // GIVEN a mistyped region, a short account id, a team key in capitals and an admin without a domain
    const typed = [
      "acme-ml",
      TENANT,
      "eu-cental-1",
      "eu-central-1",
      "1234",
      "123456789012",
      "Vision=ml-vision",
      "vision=ml-vision",
      "",
      "",
      "carol",
      "carol@acme.example",
    ];
    // WHEN
    const { answers, transcript } = await converse(typed);
    // THEN each refusal says the rule, right after the answer, and the next good answer is kept
    const said = transcript.filter((line) => !line.startsWith("? "));
    expect(said).toEqual([
      "  eu-cental-1 is not an AWS region; did you mean eu-central-1?",
      '  account id must be 12 digits; write the 12-digit account number, quoted: "111122223333"',
      "  team key must match ^[a-z][a-z0-9-]{0,30}$; use vision (1-31 lowercase letters, digits or hyphens, starting with a letter)",
      "  user name must be a user principal name like alice@contoso.com; write the user's sign-in name (UPN)",
    ]);
    expect(transcript.filter((line) => line.startsWith("? IAM Identity Center region"))).toHaveLength(2);
    expect(answers).toMatchObject({
      region: "eu-central-1",
      accountId: "123456789012",
      admins: ["carol@acme.example"],
    });
  });

  test("fails a team whose group is another team's, and one given twice", async () => {
    const { transcript, answers } = await converse([
      ...FIRST_FOUR,
      "vision=ml-vision",
      "nlp=ML-Vision",
      "vision=ml-other",
      "nlp=ml-nlp",
      "",
      "",
      "",
    ]);
    expect(transcript.filter((line) => !line.startsWith("? "))).toEqual([
      '  group "ML-Vision" is already used by teams.vision.group; give every team its own group (IAM Identity Center matches groups by display name)',
      "  team vision is given already; choose another key",
    ]);
    expect(answers.teams).toEqual({ vision: "ml-vision", nlp: "ml-nlp" });
  });

  test("fails when no team is given", async () => {
    const { transcript } = await converse([
      "acme-ml",
      TENANT,
      "eu-west-1",
      "123456789012",
      "",
      "ops=ml-ops",
      "",
      "",
      "",
    ]);
    expect(transcript).toContain("  at least one team is required; write it as <key>=<Entra group name>");
  });

  test("GIVEN flags for some values WHEN asked THEN only the rest is asked", async () => {
    const { transcript } = await converse(["ops=ml-ops", "", "platform-admins", ""], {
      name: "acme-ml",
      tenantId: TENANT,
      region: "eu-west-1",
      accountId: "123456789012",
      teams: {},
      admins: [],
    });
    expect(transcript.filter((line) => line.startsWith("? ")).map((line) => line.split(" (")[0])).toEqual([
      "? First team as <key>=<Entra group name>",
      "? Another team as <key>=<Entra group name>",
      "? Entra group of the SageMaker admins",
      "? Admin user names, comma-separated",
    ]);
  });

  test("fails when the input ends before every question is answered", async () => {
    await expect(converse(["acme-ml"])).rejects.toThrow("the input ended before every question was answered");
  });
});

describe("npm run init --ask: answers on standard input", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "federation-init-ask-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const initAsking = (out: string, lines: readonly string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "tools/setup/init.ts", "--ask", "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
      input: lines.map((line) => `${line}\n`).join(""),
    });

  test("GIVEN answers piped in, one bad WHEN run THEN it re-asks and writes a config with both teams and the admin", () => {
    // GIVEN
    const out = join(dir, "platform.yaml");
    const lines = ["acme-ml", TENANT, "eu-wst-1", "eu-west-1", "123456789012", "vision=ml-vision", "nlp=ml-nlp"];
    // WHEN
    const run = initAsking(out, [...lines, "", "", "carol@acme.example"]);
    // THEN
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("eu-wst-1 is not an AWS region; did you mean eu-west-1?");
    const config = loadText(readFileSync(out, "utf8"));
    expect(Object.keys(config.teams).sort()).toEqual(["nlp", "vision"]);
    expect(config.admins.members).toEqual(["carol@acme.example"]);
  });

  test("fails when the piped answers run out, and writes nothing", () => {
    const out = join(dir, "short.yaml");
    const run = initAsking(out, ["acme-ml"]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("npm run init: the input ended before every question was answered");
    expect(existsSync(out)).toBe(false);
  });
});
