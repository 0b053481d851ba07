import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { stringify } from "yaml";
import type { FederationConfig } from "../../config/types";
import { FederationStack } from "../../stacks/federation-stack";
import { exampleData, loadText } from "../helpers";

/**
 * docs/architecture.md, section 4, "Fixed, readable addresses": construct ids come from config keys, never from positions, so the
 * order of the YAML never shows in the synthesized JSON, and a new member or team only adds.
 */

type Data = Record<string, any>;

/** The file `cdktf synth` writes, byte for byte (a fresh App each time, as main.ts makes one). */
function cdkTfJson(config: FederationConfig): string {
  const outdir = mkdtempSync(join(tmpdir(), "federation-stability-"));
  try {
    const app = new App({ outdir });
    new FederationStack(app, config.name, { config });
    app.synth();
    return readFileSync(join(outdir, "stacks", config.name, "cdk.tf.json"), "utf8");
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function synthesize(data: Data): string {
  return cdkTfJson(loadText(stringify(data)));
}

/**
 * The example with a second persona override and a custom persona that a member uses, so that reordering
 * `personas` has more than one entry to move.
 */
function example(name: string): Data {
  const data = exampleData(name);
  data.personas.mlops = { instanceTypes: ["ml.m5.large", "ml.g5.*"] };
  data.personas.analyst = { description: "Analyst", activities: ["run-studio-applications", "s3-bucket-access"] };
  data.teams.recommendations.members["olga@contoso.com"] = "analyst";
  return data;
}

function reversed(map: Data): Data {
  return Object.fromEntries(Object.entries(map).reverse());
}

/** Moves the first entry to the end: another order than reversed, for the combined case. */
function rotated(map: Data): Data {
  const entries = Object.entries(map);
  return Object.fromEntries([...entries.slice(1), ...entries.slice(0, 1)]);
}

/** Every mapping at every depth with its keys reversed; lists keep their order (theirs can mean something). */
function everyMappingReversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(everyMappingReversed);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, inner]) => [key, everyMappingReversed(inner)]),
    );
  return value;
}

const reorderings: [string, (data: Data) => Data][] = [
  ["the teams", (data) => ({ ...data, teams: reversed(data.teams) })],
  [
    "each team's members",
    (data) => {
      for (const team of Object.values<Data>(data.teams)) team.members = reversed(team.members);
      return data;
    },
  ],
  ["the personas", (data) => ({ ...data, personas: reversed(data.personas) })],
  ["admins.members", (data) => ({ ...data, admins: { ...data.admins, members: [...data.admins.members].reverse() } })],
  ["the keys of every mapping", (data) => everyMappingReversed(data) as Data],
  [
    "teams, members, personas and admins together, rotated",
    (data) => {
      for (const team of Object.values<Data>(data.teams)) team.members = rotated(team.members);
      const admins = [...data.admins.members];
      return {
        ...rotated(data),
        teams: rotated(data.teams),
        personas: rotated(data.personas),
        admins: { ...data.admins, members: [...admins.slice(1), ...admins.slice(0, 1)] },
      };
    },
  ],
];

describe.each(["contoso", "contoso-external"])("%s: the order of the YAML", (name) => {
  // GIVEN the example (with three persona entries), synthesized once
  const baselineYaml = stringify(example(name));
  let baseline: string;
  beforeAll(() => {
    baseline = synthesize(example(name));
  });

  test("synthesizes the same file twice", () => {
    // WHEN the same config is loaded and synthesized again
    const again = synthesize(example(name));

    // THEN
    expect(again).toBe(baseline);
  });

  test.each(reorderings)("synthesizes the same file with %s in another order", (_what, reorder) => {
    // GIVEN: the YAML text really is in another order
    const reordered = reorder(example(name));
    expect(stringify(reordered)).not.toBe(baselineYaml);

    // WHEN
    const synthesized = synthesize(reordered);

    // THEN
    expect(synthesized).toBe(baseline);
  });
});

/** A difference between two synthesized files: where, and whether it was added, removed or changed. */
interface Change {
  readonly path: string;
  readonly kind: "added" | "removed" | "changed";
}

/** Mappings are compared key by key; lists and strings are compared whole (a for_each list is one value). */
function changes(before: unknown, after: unknown, path: readonly string[] = []): Change[] {
  const where = path.join(" > ");
  if (isMapping(before) && isMapping(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key): Change[] => {
      if (!(key in before)) return [{ path: [...path, key].join(" > "), kind: "added" }];
      if (!(key in after)) return [{ path: [...path, key].join(" > "), kind: "removed" }];
      return changes(before[key], after[key], [...path, key]);
    });
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: where, kind: "changed" }];
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every resource, data source and output address in a synthesized file. */
function addresses(stack: Data): string[] {
  return [
    ...Object.entries<Data>(stack.resource ?? {}).flatMap(([type, blocks]) =>
      Object.keys(blocks).map((id) => `${type}.${id}`),
    ),
    ...Object.entries<Data>(stack.data ?? {}).flatMap(([type, blocks]) =>
      Object.keys(blocks).map((id) => `data.${type}.${id}`),
    ),
    ...Object.keys(stack.output ?? {}).map((id) => `output.${id}`),
  ].sort();
}

/** The path of a block's for_each (the stack declares each type once), or of one of its keys. */
function forEachOf(stack: Data, kind: "resource" | "data", type: string, key?: string): string {
  const ids = Object.keys(stack[kind]?.[type] ?? {});
  if (ids.length !== 1) throw new Error(`expected one ${kind} ${type}, found ${ids.length}`);
  return [kind, type, ids[0]!, "for_each", ...(key === undefined ? [] : [key])].join(" > ");
}

/** The path of a key of the provisioning on demand of groups (`team`) or of members (`member`). */
function onDemandOf(stack: Data, block: "team" | "member", key: string): string {
  const type = "azuread_synchronization_job_provision_on_demand";
  if (stack.resource?.[type]?.[block] === undefined) throw new Error(`expected ${type}.${block}`);
  return ["resource", type, block, "for_each", key].join(" > ");
}

function sortedChanges(list: Change[]): Change[] {
  return [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

describe.each([
  ["contoso", "entra"],
  ["contoso-external", "external"],
] as const)("%s: growing the config", (name, identityProvider) => {
  // GIVEN the example, synthesized once
  let before: Data;
  beforeAll(() => {
    before = JSON.parse(synthesize(exampleData(name)));
  });

  describe("WHEN zoe@contoso.com joins forecasting as mlops (a persona the team already has a role for)", () => {
    let after: Data;
    beforeAll(() => {
      const data = exampleData(name);
      data.teams.forecasting.members["zoe@contoso.com"] = "mlops";
      after = JSON.parse(synthesize(data));
    });

    test("keeps every resource, data source and output address", () => {
      // THEN
      expect(addresses(after)).toEqual(addresses(before));
    });

    test("only adds her profile and changes the member lists she joins", () => {
      // THEN her profile is one new for_each key; no role, domain or other profile changes. On the Entra side the
      // forecasting group's member lookup lists her too, and so does the per-user attribute check (a set of
      // every member's user name, written as one expression). Nothing else may move.
      // The list of user names every profile needs in IAM Identity Center names her too, and in Entra mode she is
      // provisioned on demand.
      const expected: Change[] = [
        {
          path: forEachOf(before, "resource", "aws_sagemaker_user_profile", "forecasting/zoe@contoso.com"),
          kind: "added",
        },
        { path: "locals > identity_center_user_names", kind: "changed" },
      ];
      if (identityProvider === "entra")
        expected.push(
          { path: forEachOf(before, "data", "azuread_users", "forecasting"), kind: "changed" },
          { path: forEachOf(before, "data", "azuread_user"), kind: "changed" },
          {
            path: onDemandOf(before, "member", "zoe@contoso.com"),
            kind: "added",
          },
        );
      expect(sortedChanges(changes(before, after))).toEqual(sortedChanges(expected));
    });

    test("gives her a profile in the forecasting domain, named after her user name, with the mlops role", () => {
      // THEN
      const profiles = Object.values<Data>(after.resource.aws_sagemaker_user_profile)[0]!.for_each;
      expect(profiles["forecasting/zoe@contoso.com"]).toMatchObject({
        team: "forecasting",
        userName: "zoe@contoso.com",
        profileName: "zoe",
        role: "forecasting/mlops",
      });
    });

    if (identityProvider === "entra")
      test("adds her to the forecasting group's sorted member list", () => {
        // THEN
        const lookup = (stack: Data) => Object.values<Data>(stack.data.azuread_users)[0]!.for_each.forecasting;
        expect(lookup(after)).toEqual([...lookup(before), "zoe@contoso.com"].sort());
      });
  });

  describe("WHEN a team vision joins with one member", () => {
    let after: Data;
    beforeAll(() => {
      const data = exampleData(name);
      data.teams.vision = {
        group: "ml-vision",
        defaultPersona: "data-scientist",
        s3Buckets: ["contoso-vision-workspace"],
        members: { "olivia@contoso.com": null },
      };
      after = JSON.parse(synthesize(data));
    });

    test("keeps every resource, data source and output address", () => {
      // THEN
      expect(addresses(after)).toEqual(addresses(before));
    });

    test("only adds the team's own for_each entries and changes the list of all members", () => {
      // THEN the team brings its domain, its group (and its Identity Center lookup), a role and a policy for its
      // default persona and for compute (always there, passed to jobs), and Olivia's profile. Existing teams'
      // entries keep their values: no policy of another team names the new team.
      const expected: Change[] = [
        { path: forEachOf(before, "resource", "aws_iam_role", "vision/compute"), kind: "added" },
        { path: forEachOf(before, "resource", "aws_iam_role", "vision/data-scientist"), kind: "added" },
        { path: forEachOf(before, "resource", "aws_iam_role", "vision/shared-space"), kind: "added" },
        { path: forEachOf(before, "resource", "aws_iam_role_policy", "vision/compute"), kind: "added" },
        { path: forEachOf(before, "resource", "aws_iam_role_policy", "vision/data-scientist"), kind: "added" },
        { path: forEachOf(before, "resource", "aws_iam_role_policy", "vision/shared-space"), kind: "added" },
        { path: forEachOf(before, "resource", "aws_sagemaker_domain", "vision"), kind: "added" },
        // Every role of the team a person may have gets its SDK defaults, once per coding app.
        ...["sdk_defaults_code_editor", "sdk_defaults_jupyterlab"].flatMap((name) =>
          ["vision/compute", "vision/data-scientist"].map((role) => ({
            path: `resource > aws_sagemaker_studio_lifecycle_config > ${name} > for_each > ${role}`,
            kind: "added" as const,
          })),
        ),
        {
          path: forEachOf(before, "resource", "aws_sagemaker_user_profile", "vision/olivia@contoso.com"),
          kind: "added",
        },
        // The identity store lookups list the team's group and member, and the group ids map names it.
        { path: "locals > identity_center_group_names", kind: "changed" },
        { path: "locals > identity_center_group_ids", kind: "changed" },
        { path: "locals > identity_center_user_names", kind: "changed" },
        // Olivia's role gets its shared profile settings (limits, repositories).
        { path: "locals > profile_settings > vision/data-scientist", kind: "added" },
        // What its domain should hold, compared on every plan with what it keeps from its creation.
        { path: "locals > studio_domain_settings > vision", kind: "added" },
        // Both personas' managed policies exist already in the account: the new roles are attached to them.
        ...Object.keys(Object.values<Data>(before.resource.aws_iam_policy)[0]!.for_each)
          .filter((policy) => ["compute", "data-scientist"].includes(policy.split("/")[0]!))
          .map((policy) => ({
            path: forEachOf(before, "resource", "aws_iam_role_policy_attachment", `vision/${policy}`),
            kind: "added" as const,
          })),
      ];
      if (identityProvider === "entra")
        expected.push(
          { path: forEachOf(before, "resource", "azuread_group", "vision"), kind: "added" },
          { path: forEachOf(before, "data", "azuread_users", "vision"), kind: "added" },
          { path: forEachOf(before, "data", "azuread_user"), kind: "changed" },
          { path: onDemandOf(before, "member", "olivia@contoso.com"), kind: "added" },
        );
      expect(sortedChanges(changes(before, after))).toEqual(sortedChanges(expected));
    });
  });
});
