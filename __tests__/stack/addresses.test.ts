import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exampleData, loadData, loadExample, synthJson, type SynthesizedStack } from "../helpers";

/** Every address a stack declares: resources, data sources and locals, as Terraform names them. */
function addresses(stack: SynthesizedStack): string[] {
  return [
    ...Object.entries(stack.resource ?? {}).flatMap(([type, blocks]) => Object.keys(blocks).map((n) => `${type}.${n}`)),
    ...Object.entries(stack.data ?? {}).flatMap(([type, blocks]) =>
      Object.keys(blocks).map((n) => `data.${type}.${n}`),
    ),
    ...Object.keys(stack.locals ?? {}).map((name) => `local.${name}`),
  ];
}

/** The addresses the documented contract lists (docs/addresses.md), in its table's first column. */
function documentedAddresses(): string[] {
  const text = readFileSync(join(__dirname, "..", "..", "docs", "addresses.md"), "utf8");
  return [...text.matchAll(/^\| `([^`]+)`/gm)].map((match) => match[1]!);
}

const EXAMPLES = ["contoso", "contoso-external", "contoso-multi-account", "fabrikam-adoption"] as const;

describe("resource addresses", () => {
  const stacks: Record<string, SynthesizedStack> = {};
  beforeAll(() => {
    // GIVEN every example, and the Entra example in its bootstrap phase, synthesized once,
    for (const name of EXAMPLES) stacks[name] = synthJson(loadExample(name));
    const bootstrap = exampleData("contoso");
    delete bootstrap.aws.identityCenter;
    stacks.bootstrap = synthJson(loadData(bootstrap));
    // and just-in-time admins on a created group, with a permanent admin and an approver
    const pim = exampleData("contoso");
    pim.admins.justInTime = { members: ["dan@contoso.com"], approvers: ["grace@contoso.com"] };
    stacks.pim = synthJson(loadData(pim));
  });

  test("no address carries a construct-path hash, so refactoring the code moves nothing", () => {
    for (const stack of Object.values(stacks))
      for (const address of addresses(stack)) expect(address).not.toMatch(/_[0-9A-F]{8}$/);
  });

  test("every address is in the documented contract, and every documented address is synthesized", () => {
    // Workload accounts' blocks carry the account key as a suffix; the table lists them without it.
    const synthesized = new Set(
      Object.entries(stacks).flatMap(([name, stack]) => {
        const accounts = Object.keys(
          exampleData(name === "bootstrap" || name === "pim" ? "contoso" : name).aws.accounts ?? {},
        );
        return addresses(stack).map((address) =>
          accounts.reduce((base, account) => base.replace(new RegExp(`_${account}$`), ""), address),
        );
      }),
    );
    expect([...synthesized].sort()).toEqual([...new Set(documentedAddresses())].sort());
  });

  test("the blocks of a workload account are told apart by the account key alone", () => {
    const multi = addresses(stacks["contoso-multi-account"]!);
    expect(multi).toEqual(
      expect.arrayContaining([
        "aws_sagemaker_domain.team_research",
        "aws_sagemaker_domain.team_production",
        "aws_sagemaker_user_profile.member_research",
        "aws_ssoadmin_application_assignment.team_production",
      ]),
    );
    // No team lives in the Identity Center account there, so no unsuffixed domain block exists.
    expect(multi).not.toContain("aws_sagemaker_domain.team");
  });

  test("instances are keyed by config keys: team keys and <team>/<user name>", () => {
    const stack = stacks.contoso!;
    expect(Object.keys(stack.resource.aws_sagemaker_domain!.team.for_each)).toEqual([
      "forecasting",
      "fraud",
      "recommendations",
    ]);
    expect(Object.keys(stack.resource.aws_sagemaker_user_profile!.member.for_each)).toContain(
      "fraud/alice@contoso.com",
    );
  });
});
