import type { FederationConfig } from "../../config/types";
import { loadExample, synthJson } from "../helpers";
import { synthesizedSdkConfigs, type SdkConfig } from "../sdk-configs";
import {
  decideCall,
  journeyOf,
  knownRefusals,
  type Call,
  type Journey,
  type StartingLifecycleConfig,
} from "./day-in-the-life";
import { worldOf, type World } from "./matrix-world";
import { serviceControlPolicies, type PolicyJson } from "./synthesized-policies";

// Each Studio persona's ordinary day (day-in-the-life.ts), built from the SDK config its JupyterLab lifecycle
// config writes, evaluated against the synthesized policies and the account's guards. Mode: unchecked with the
// carried keys only (as the attacker matrix), because Studio's requests carry the Studio variables.

const EXAMPLES = ["contoso", "contoso-external", "contoso-multi-account", "fabrikam-adoption"];
const MIN_CALLS = 30;

interface Example {
  readonly world: World;
  readonly scps: PolicyJson[];
  /** The SDK config of each role's JupyterLab, by role key. */
  readonly sdkConfigs: Readonly<Record<string, SdkConfig>>;
  /** The lifecycle config that writes it, by role key. */
  readonly lifecycleConfigs: Readonly<Record<string, StartingLifecycleConfig>>;
}

const examples = new Map<string, Example>();

/** Synthesized once per example for the whole file. */
function exampleOf(name: string): Example {
  if (!examples.has(name)) examples.set(name, synthesizeExample(name));
  return examples.get(name)!;
}

function synthesizeExample(name: string): Example {
  const config = loadExample(name);
  const stack = synthJson(config);
  const jupyterLab = synthesizedSdkConfigs(stack).filter((sdk) => sdk.appType === "JupyterLab");
  return {
    world: worldOf(name, config),
    scps: serviceControlPolicies(stack).map((policy) => policy.document),
    sdkConfigs: Object.fromEntries(jupyterLab.map((sdk) => [sdk.roleKey, sdk.config])),
    lifecycleConfigs: Object.fromEntries(jupyterLab.map(({ roleKey, arn, tags }) => [roleKey, { arn, tags }])),
  };
}

/** The Studio personas' roles that have members, each with one of its members' profile names. */
function studioRoles(config: FederationConfig): [string, string][] {
  const firstProfile = new Map<string, string>();
  for (const profile of Object.values(config.profiles))
    if (!firstProfile.has(profile.roleKey)) firstProfile.set(profile.roleKey, profile.profileName);
  return [...firstProfile.entries()]
    .filter(([roleKey]) =>
      config.personas[config.roles[roleKey]!.persona]!.activities.includes("run-studio-applications"),
    )
    .sort(([a], [b]) => a.localeCompare(b));
}

const describeCall = (call: Call) => `${call.step}: ${call.as} ${call.action} on ${call.resource}`;

/** The calls of a journey that are not allowed, described. */
async function refused(example: Example, journey: Journey): Promise<string[]> {
  const results = await Promise.all(
    journey.calls.map(async (call) => [call, await decideCall(example.world, journey, example.scps, call)] as const),
  );
  return results
    .filter(([, result]) => result !== "Allowed")
    .map(([call, result]) => `${describeCall(call)} (${result})`);
}

describe.each(EXAMPLES)("a day in the life, on %s", (name) => {
  const example = exampleOf(name);
  const roles = studioRoles(example.world.config);

  test("GIVEN the example WHEN its Studio personas are listed THEN each has a journey", () => {
    expect(roles.length).toBeGreaterThan(0);
  });

  describe.each(roles)("GIVEN %s (profile %s) in a JupyterLab space with its SDK defaults", (roleKey, profile) => {
    const journey = journeyOf(
      example.world,
      roleKey,
      example.sdkConfigs[roleKey]!,
      profile,
      example.lifecycleConfigs[roleKey],
    );

    test(`WHEN it goes through its day THEN it makes at least ${MIN_CALLS} calls`, () => {
      expect(journey.calls.length).toBeGreaterThanOrEqual(MIN_CALLS);
    });

    test("WHEN the policies judge every call THEN every call is allowed", async () => {
      expect(await refused(example, journey)).toEqual([]);
    });
  });
});

describe("without the defaults, the same day fails", () => {
  const example = exampleOf("contoso");
  const [roleKey, profile] = studioRoles(example.world.config).find(([key]) => key === "forecasting/data-scientist")!;
  const [mlopsKey, mlopsProfile] = studioRoles(example.world.config).find(([key]) => key === "forecasting/mlops")!;
  const withDefaults = example.sdkConfigs[roleKey]!;

  /** The config with every setting of these names removed, wherever it is. */
  function without(config: SdkConfig, ...keys: string[]): SdkConfig {
    const strip = (node: unknown): unknown =>
      Array.isArray(node)
        ? node.map(strip)
        : node !== null && typeof node === "object"
          ? Object.fromEntries(
              Object.entries(node)
                .filter(([key]) => !keys.includes(key))
                .map(([key, value]) => [key, strip(value)]),
            )
          : node;
    return strip(config) as SdkConfig;
  }

  test("GIVEN the defaults WHEN the data scientist's day runs THEN nothing is refused (the baseline)", async () => {
    expect(await refused(example, journeyOf(example.world, roleKey, withDefaults, profile))).toEqual([]);
  });

  test.each([
    ["no SDK config at all (the lifecycle config removed)", [] as string[], true],
    ["the team tag left out", ["Tags"], false],
    ["the network left out", ["VpcConfig", "NetworkConfig"], false],
    ["the KMS key left out", ["KmsKeyId", "VolumeKmsKeyId"], false],
    ["the compute role left out (the session passes its own role)", ["RoleArn", "ExecutionRoleArn"], false],
    ["the workspace bucket left out (the SDK's default bucket)", ["Session"], false],
    ["the name prefix left out", ["CustomParameters"], false],
  ])("fails the data scientist's day with %s", async (_, keys, empty) => {
    const config = empty ? ({} as SdkConfig) : without(withDefaults, ...keys);
    expect(await refused(example, journeyOf(example.world, roleKey, config, profile))).not.toEqual([]);
  });

  test.each([
    ["the team tag left out", ["Tags"]],
    ["the network left out", ["VpcConfig", "NetworkConfig"]],
    ["the KMS key left out", ["KmsKeyId", "VolumeKmsKeyId"]],
  ])("fails the MLOps engineer's day with %s", async (_, keys) => {
    const config = without(example.sdkConfigs[mlopsKey]!, ...keys);
    expect(await refused(example, journeyOf(example.world, mlopsKey, config, mlopsProfile))).not.toEqual([]);
  });
});

describe("what the defaults cannot fix", () => {
  const example = exampleOf("contoso");
  const [roleKey, profile] = studioRoles(example.world.config).find(([key]) => key === "forecasting/data-scientist")!;
  const journey = journeyOf(example.world, roleKey, example.sdkConfigs[roleKey]!, profile);

  test.each(knownRefusals(example.world, journey).map((refusal) => [refusal.call.step, refusal] as const))(
    "GIVEN %s WHEN the policies judge it THEN it is refused, and the notebook does otherwise",
    async (_, { call, workaround }) => {
      expect(workaround).not.toBe("");
      expect(await decideCall(example.world, journey, example.scps, call)).not.toBe("Allowed");
    },
  );
});

describe("the lifecycle script's read of its settings", () => {
  const example = exampleOf("contoso");
  const [roleKey, profile] = studioRoles(example.world.config).find(([key]) => key === "forecasting/data-scientist")!;
  const otherTeams = Object.keys(example.lifecycleConfigs).filter((key) => !key.startsWith("forecasting/"));
  const readOf = (lifecycleConfig: StartingLifecycleConfig) =>
    journeyOf(example.world, roleKey, example.sdkConfigs[roleKey]!, profile, lifecycleConfig).calls.find(
      (call) => call.action === "sagemaker:ListTags" && call.resource === lifecycleConfig.arn,
    )!;

  test("GIVEN its own team's config WHEN the script reads its tags THEN it is allowed", async () => {
    const own = example.lifecycleConfigs[roleKey]!;
    const journey = journeyOf(example.world, roleKey, example.sdkConfigs[roleKey]!, profile, own);
    expect(await decideCall(example.world, journey, example.scps, readOf(own))).toBe("Allowed");
  });

  test.each(otherTeams)("fails to read the tags of another team's config (%s)", async (otherKey) => {
    const other = example.lifecycleConfigs[otherKey]!;
    const journey = journeyOf(example.world, roleKey, example.sdkConfigs[roleKey]!, profile, other);
    expect(await decideCall(example.world, journey, example.scps, readOf(other))).not.toBe("Allowed");
  });
});
