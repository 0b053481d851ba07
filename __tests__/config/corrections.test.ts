import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { ConfigError, formatProblem } from "../../config/errors";
import { loadConfigFile } from "../../config/load";
import { configErrorOf, exampleData, exampleText, loadData, NOW } from "../helpers";

/** Every problem of a rejected config text as the user reads it, one line each. */
function linesOf(text: string): string[] {
  return configErrorOf(text).problems.map(formatProblem);
}

/** The 1-based line of the first row of `text` that contains `part`. */
function lineOf(text: string, part: string): number {
  const index = text.split("\n").findIndex((row) => row.includes(part));
  if (index < 0) throw new Error(`"${part}" is not in the text`);
  return index + 1;
}

/** The Contoso example with one line replaced. */
function contosoWith(line: string, replacement: string): string {
  const text = exampleText("contoso");
  if (!text.includes(line)) throw new Error(`"${line}" is not in the example`);
  return text.replace(line, replacement);
}

describe("a misspelled key", () => {
  test("fails with one problem that names the key it was meant to be", () => {
    // GIVEN teams written teamz
    const text = contosoWith("\nteams:\n", "\nteamz:\n");
    // WHEN / THEN one line, not also "teams is required"
    expect(linesOf(text)).toEqual([`teamz (line ${lineOf(text, "teamz:")}): unknown key "teamz"; did you mean teams?`]);
  });

  test("fails with one problem inside a team too", () => {
    // GIVEN s3Buckets written s3Bucket
    const text = contosoWith(
      "    s3Buckets: [contoso-recommendations-workspace]\n",
      "    s3Bucket: [contoso-recommendations-workspace]\n",
    );
    // WHEN / THEN
    expect(linesOf(text)).toEqual([
      `teams.recommendations.s3Bucket (line ${lineOf(text, "s3Bucket:")}): unknown key "s3Bucket"; did you mean s3Buckets?`,
    ]);
  });

  test("fails on a key like none of the keys allowed there by listing those keys", () => {
    // GIVEN a key no key of a network is near
    const config = exampleData("contoso");
    config.aws.network.zone = "a";
    // WHEN
    const problems = configErrorOf(stringify(config)).problems;
    // THEN
    expect(problems.map((problem) => [problem.path, problem.rule, problem.fix])).toEqual([
      [
        "aws.network.zone",
        'unknown key "zone"',
        "remove it or correct its spelling (keys here: vpcId, subnetIds, securityGroupIds, appNetworkAccessType)",
      ],
    ]);
  });
});

describe("a value of the wrong kind", () => {
  const cases: [string, string, string, string][] = [
    [
      "a bucket where a list of buckets belongs",
      "    s3Buckets: [contoso-recommendations-workspace]\n",
      "    s3Buckets: northwind-nlp-workspace\n",
      'teams.recommendations.s3Buckets: must be a list, not the text "northwind-nlp-workspace"; write s3Buckets: [northwind-nlp-workspace]',
    ],
    [
      "yes where true or false belongs",
      "    s3Buckets: [contoso-recommendations-workspace]\n",
      "    s3Buckets: [contoso-recommendations-workspace]\n    sharedSpaces: yes please\n",
      'teams.recommendations.sharedSpaces: must be true or false, not the text "yes please"; write sharedSpaces: true (or false)',
    ],
    [
      "a number in quotes",
      "    defaultPersona: data-scientist\n",
      '    defaultPersona: data-scientist\n    limits: { idleTimeoutMinutes: "120" }\n',
      'teams.forecasting.limits.idleTimeoutMinutes: must be a number, not the text "120"; write idleTimeoutMinutes: 120',
    ],
    [
      "a single user where a mapping of members belongs",
      "    members:\n      grace@contoso.com: data-scientist\n      heidi@contoso.com: data-scientist\n      ivan@contoso.com: mlops\n",
      "    members: grace@contoso.com\n",
      'teams.recommendations.members: must be a mapping, not the text "grace@contoso.com"; write members: { grace@contoso.com: ... }',
    ],
  ];

  test.each(cases)("fails on %s with the corrected YAML", (_name, line, replacement, expected) => {
    // GIVEN the example with the value of the wrong kind
    const text = contosoWith(line, replacement);
    // WHEN
    const problems = configErrorOf(text).problems;
    // THEN one problem, showing the line as it should be
    expect(problems.map((problem) => formatProblem({ ...problem, line: undefined }))).toEqual([expected]);
  });

  test("fails on a missing mapping by showing the keys it needs", () => {
    const config = exampleData("contoso");
    delete config.admins;
    expect(configErrorOf(stringify(config)).problems.map((problem) => [problem.path, problem.fix])).toEqual([
      ["admins", "add admins: { group: ... }"],
    ]);
  });
});

describe("regions", () => {
  const mistyped = "eu-cental-1 is not an AWS region; did you mean eu-central-1?";

  test("fails on a mistyped region with the region it was meant to be, and nothing else", () => {
    // GIVEN a full config whose Identity Center URLs name eu-west-1, and a typo in the region
    const text = contosoWith("  region: eu-west-1\n", "  region: eu-cental-1\n");
    // WHEN / THEN one problem: the URLs are not blamed for the typo
    expect(linesOf(text)).toEqual([`aws.region (line ${lineOf(text, "eu-cental-1")}): ${mistyped}`]);
  });

  test("fails on a mistyped region in the bootstrap phase too", () => {
    const config = exampleData("contoso-bootstrap");
    config.aws.region = "eu-cental-1";
    expect(configErrorOf(stringify(config)).problems.map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^aws\\.region \\(line \\d+\\): ${mistyped.replace(/[?.]/g, "\\$&")}$`)),
    ]);
  });

  test("fails on a region of the right shape that AWS does not have", () => {
    const config = exampleData("contoso");
    config.aws.region = "eu-west-9";
    expect(configErrorOf(stringify(config)).problems.map((problem) => [problem.path, problem.rule])).toEqual([
      ["aws.region", "eu-west-9 is not an AWS region"],
    ]);
  });

  test("fails on a mistyped state bucket region and workload account region", () => {
    // GIVEN an S3 backend and a workload account, each with a typo
    const config = exampleData("contoso");
    config.backend = { type: "s3", bucket: "contoso-state", key: "federation.tfstate", region: "us-east-I" };
    config.aws.accounts = {
      research: { accountId: "444455556666", roleArn: "arn:aws:iam::444455556666:role/deployer", region: "euwest-1" },
    };
    // WHEN
    const problems = configErrorOf(stringify(config)).problems;
    // THEN
    expect(problems.map((problem) => [problem.path, `${problem.rule}; ${problem.fix}`])).toEqual([
      ["backend.region", "us-east-I is not an AWS region; did you mean us-east-1?"],
      ["aws.accounts.research.region", "euwest-1 is not an AWS region; did you mean eu-west-1?"],
    ]);
  });

  test.each(["eu-central-1", "mx-central-1", "ap-southeast-7", "us-gov-west-1", "cn-north-1"])(
    "GIVEN the AWS region %s WHEN the bootstrap config is loaded THEN it is accepted",
    (region) => {
      const config = exampleData("contoso-bootstrap");
      config.aws.region = region;
      expect(loadData(config).aws.region).toBe(region);
    },
  );
});

describe("keys of teams", () => {
  test("fails on a team key that breaks the key rule by suggesting the fixed key", () => {
    const text = contosoWith("  fraud:\n", "  Fraud_Detection:\n");
    expect(linesOf(text)).toEqual([
      `teams.Fraud_Detection (line ${lineOf(text, "Fraud_Detection")}): team key must match ^[a-z][a-z0-9-]{0,30}$; use fraud-detection (1-31 lowercase letters, digits or hyphens, starting with a letter)`,
    ]);
  });
});

describe("numbers out of range", () => {
  test.each([
    ["1e20", "an idle timeout must be 60 to 525600 minutes (SageMaker's range)"],
    ["10.5", "an idle timeout must be a whole number of minutes"],
    ["-0.5", "an idle timeout must be a whole number of minutes"],
  ])("fails once on %s", (value, rule) => {
    const text = contosoWith(
      "    defaultPersona: mlops\n",
      `    defaultPersona: mlops\n    limits: { idleTimeoutMinutes: ${value} }\n`,
    );
    expect(configErrorOf(text).problems.map((problem) => [problem.path, problem.rule, problem.fix])).toEqual([
      ["teams.fraud.limits.idleTimeoutMinutes", rule, "write a whole number from 60 to 525600"],
    ]);
  });
});

describe("YAML indentation", () => {
  test("fails once on a key indented too far, at its first line, saying so", () => {
    // GIVEN accountId one space deeper than region
    const text = contosoWith('  accountId: "111122223333"\n', '   accountId: "111122223333"\n');
    // WHEN
    const problems = configErrorOf(text).problems;
    // THEN one problem, at the line the parser stumbles (region's, which the deeper key continues)
    expect(problems).toEqual([
      {
        path: "(yaml)",
        rule: expect.stringMatching(/^YAML indentation error at this line or the next: /),
        fix: "indent the keys of one mapping by the same number of spaces, deeper than the key they belong to",
        line: lineOf(text, "region: eu-west-1"),
      },
    ]);
  });

  test("fails once on a key indented too little", () => {
    const text = contosoWith('  accountId: "111122223333"\n', ' accountId: "111122223333"\n');
    expect(linesOf(text)).toEqual([
      `(yaml) (line ${lineOf(text, " accountId")}): YAML indentation error at this line or the next: All mapping items must start at the same column; indent the keys of one mapping by the same number of spaces, deeper than the key they belong to`,
    ]);
  });

  test("fails once on lines indented with tabs, at the first", () => {
    const text = contosoWith(
      '  region: eu-west-1\n  accountId: "111122223333"\n',
      '\tregion: eu-west-1\n\taccountId: "111122223333"\n',
    );
    expect(linesOf(text)).toEqual([
      `(yaml) (line ${lineOf(text, "\tregion")}): YAML indentation error: a tab indents this line, and YAML indents with spaces only; replace the tab with spaces`,
    ]);
  });

  test("fails on an unclosed bracket as a syntax error, not an indentation one", () => {
    const problems = configErrorOf("name: contoso-ml\nteams: [\n  forecasting: {\n").problems;
    expect(problems).toEqual([
      expect.objectContaining({ path: "(yaml)", rule: expect.stringMatching(/^YAML syntax error: /) }),
    ]);
  });
});

describe("files that are no config", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "federation-config-file-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function fileProblems(path: string): string[] {
    try {
      loadConfigFile(path, { now: NOW });
    } catch (error) {
      if (error instanceof ConfigError) return error.problems.map(formatProblem);
      throw error;
    }
    throw new Error("expected the file to be rejected");
  }

  test("fails on an empty file, naming it empty", () => {
    const file = join(dir, "empty.yaml");
    writeFileSync(file, "\n  \n");
    expect(fileProblems(file)).toEqual(["(file): the config file is empty; start from examples/contoso.yaml"]);
  });

  test("fails on a file of comments only", () => {
    const file = join(dir, "comments.yaml");
    writeFileSync(file, "# to do\n");
    expect(fileProblems(file)).toEqual([
      "(file): the config file has no settings (only comments); start from examples/contoso.yaml",
    ]);
  });

  test.each([
    ["a PNG image", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])],
    ["Latin-1 text, not UTF-8", Buffer.from("name: caf\xe9\n", "latin1")],
  ])("fails on %s, naming it binary", (_name, bytes) => {
    const file = join(dir, "binary.yaml");
    writeFileSync(file, bytes);
    expect(fileProblems(file)).toEqual([
      "(file): the config file is binary, not YAML text; point at the YAML file itself (not an archive, an image or an editor's swap file), saved as UTF-8",
    ]);
  });

  test("fails on a directory, naming it a directory", () => {
    expect(fileProblems(dir)).toEqual([
      "(file): this path is a directory, not a config file; set FEDERATION_CONFIG to the platform's YAML file (examples/contoso.yaml shows one)",
    ]);
  });
});

describe("the shared-space persona", () => {
  const rule = 'persona "shared-space" is what the team\'s shared spaces run as and cannot be given to a person';
  const fix = "give them data-scientist, mlops or a persona of your own (personas)";

  test("fails when a member is given it", () => {
    const config = exampleData("contoso");
    config.teams.fraud.members["oscar@contoso.com"] = "shared-space";
    expect(
      configErrorOf(stringify(config)).problems.map((problem) => [problem.path, problem.rule, problem.fix]),
    ).toEqual([['teams.fraud.members["oscar@contoso.com"]', rule, fix]]);
  });

  test("fails when it is a team's default persona, once for the team", () => {
    const config = exampleData("contoso");
    config.teams.fraud.defaultPersona = "shared-space";
    config.teams.fraud.members["oscar@contoso.com"] = null;
    expect(configErrorOf(stringify(config)).problems.map((problem) => [problem.path, problem.rule])).toEqual([
      ["teams.fraud.defaultPersona", rule],
    ]);
  });
});

describe("required keys", () => {
  test("fails on a broken account id together with the cross-checks' problems", () => {
    // GIVEN a short account id (required: nothing can be cut around it) and a team in an undeclared account
    const config = exampleData("contoso");
    config.aws.accountId = "1234";
    config.teams.fraud.account = "staging";
    // WHEN
    const problems = configErrorOf(stringify(config)).problems;
    // THEN both in one pass
    expect(problems.map((problem) => [problem.path, problem.rule])).toEqual([
      ["aws.accountId", "account id must be 12 digits"],
      ["teams.fraud.account", 'account "staging" is not declared under aws.accounts'],
    ]);
  });

  test("fails on a missing identity provider together with the cross-checks' problems", () => {
    const config = exampleData("contoso");
    delete config.identityProvider;
    config.teams.fraud.defaultPersona = "ml-ops";
    expect(configErrorOf(stringify(config)).problems.map((problem) => problem.path)).toEqual([
      "identityProvider",
      "teams.fraud.defaultPersona",
    ]);
  });
});
