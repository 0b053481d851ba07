import { readdirSync } from "node:fs";
import { join } from "node:path";
import { AppInstanceType, AppType, MlTools } from "@aws-sdk/client-sagemaker";
import type { FederationConfig } from "../../config/types";
import { UNKNOWN_TO_PROVIDER } from "../../policies/studio-portal";
import { configErrorOf, exampleData, loadData, loadExample, synthJson, type SynthesizedStack } from "../helpers";
import { stringify } from "yaml";
import {
  decideUnchecked,
  DOMAIN,
  principalTeam,
  profileArn,
  sagemakerArn,
  studio,
  type Team,
} from "../policies/simulator";
import { synthesizedRoles } from "../policies/synthesized-policies";

/*
 * What the Studio web portal shows a person must agree with what their execution role allows, both ways. The
 * expectations come from the persona definitions in the config, the AWS SDK's enums (the full list of what the
 * portal can show) and the synthesized role policies, never from the portal code: an instance type is shown exactly
 * when the persona's list matches it, and an app or tool exactly when the role grants the action it is for.
 */

const examples = readdirSync(join(__dirname, "..", "..", "examples"))
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => file.replace(/\.yaml$/, ""));

/** IAM's StringLike, written here from the IAM reference, not taken from the code. */
const matches = (pattern: string, value: string) =>
  new RegExp(
    `^${pattern
      .split("*")
      .map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, "\\$&"))
      .join(".*")}$`,
  ).test(value);

/** A portal setting as the profiles read it: `local.<portals>[local.<settings>[each.value.role].<key>].<setting>`. */
const PORTAL_EXPRESSION = /^\$\{local\.(\w+)\[local\.(\w+)\[each\.value\.role\]\.(\w+)\]\.(\w+)\}$/;

/**
 * What one role's profiles read for their portal: the profile block's own expressions, followed through the locals
 * they name for that role, so that a profile reading another persona's portal fails here.
 */
function portalOf(stack: SynthesizedStack, roleKey: string) {
  const blocks = Object.values(stack.resource["aws_sagemaker_user_profile"] ?? {}).filter((block) =>
    Object.values(block.for_each as Record<string, { role: string }>).some((value) => value.role === roleKey),
  );
  if (blocks.length !== 1) throw new Error(`${blocks.length} profile blocks for ${roleKey}`);
  const settings = blocks[0]!.user_settings;
  const read = (expression: string) => {
    const parts = PORTAL_EXPRESSION.exec(expression);
    if (!parts) throw new Error(`not a portal setting: ${expression}`);
    const [, portals, perRole, key, name] = parts as unknown as [string, string, string, string, string];
    return stack.locals[portals][stack.locals[perRole][roleKey][key]][name];
  };
  const portal = settings.studio_web_portal_settings;
  const defaultTypes = [settings.jupyter_lab_app_settings, settings.code_editor_app_settings].map((app) =>
    read(app.default_resource_spec.instance_type),
  );
  expect(defaultTypes[1]).toEqual(defaultTypes[0]);
  return {
    hiddenAppTypes: read(portal.hidden_app_types) as string[],
    hiddenMlTools: read(portal.hidden_ml_tools) as string[],
    hiddenInstanceTypes: read(portal.hidden_instance_types) as string[],
    defaultInstanceType: defaultTypes[0] as string | null,
  };
}

/** The actions each app or tool is for (any one will do): the role grants one, or the portal hides it. */
const PURPOSE: Readonly<Record<string, readonly string[]>> = {
  JupyterLab: ["CreateSpace"],
  CodeEditor: ["CreateSpace"],
  TensorBoard: ["CreateTrainingJob"],
  DetailedProfiler: ["CreateTrainingJob"],
  Training: ["CreateTrainingJob"],
  JumpStart: ["CreateTrainingJob", "CreateEndpoint"],
  Endpoints: ["CreateEndpoint"],
  Pipelines: ["CreatePipeline"],
  Models: ["CreateModelPackage"],
  Experiments: ["ListExperiments"],
  RunningInstances: ["ListApps"],
  AutoMl: ["CreateAutoMLJobV2"],
  FeatureStore: ["CreateFeatureGroup"],
  InferenceRecommender: ["CreateInferenceRecommendationsJob"],
  InferenceOptimization: ["CreateOptimizationJob"],
  HyperPodClusters: ["CreateCluster"],
  Projects: ["CreateProject"],
};

const granted = (policy: { Statement: { Effect: string; Action?: string | string[] }[] }) =>
  new Set(
    policy.Statement.filter((statement) => statement.Effect === "Allow").flatMap((statement) =>
      [statement.Action ?? []].flat(),
    ),
  );

describe.each(examples)("the Studio portal of every profile of %s", (name) => {
  let config: FederationConfig;
  let stack: SynthesizedStack;
  beforeAll(() => {
    config = loadExample(name);
    stack = synthJson(config);
  });

  const profilesWithPersona = () =>
    Object.entries(config.phase === "bootstrap" ? {} : config.profiles).map(([key, profile]) => {
      const persona = config.personas[config.roles[profile.roleKey]!.persona]!;
      return { key, profile, persona, portal: portalOf(stack, profile.roleKey) };
    });

  test("GIVEN the example WHEN it has members THEN each profile reads its role's portal settings", () => {
    // A bootstrap-phase config declares no AWS side yet, so no profile.
    if (config.phase === "bootstrap") expect(stack.resource.aws_sagemaker_user_profile).toBeUndefined();
    else for (const profile of Object.values(config.profiles)) expect(portalOf(stack, profile.roleKey)).toBeDefined();
  });

  test("GIVEN every profile WHEN the portal is read THEN it hides exactly the app instance types the persona may not start", () => {
    for (const { key, persona, portal } of profilesWithPersona()) {
      const catalogue = Object.values(AppInstanceType).filter((type) => !UNKNOWN_TO_PROVIDER.has(type));
      const allowed = (type: string) => type === "system" || persona.instanceTypes.some((p) => matches(p, type));
      // Everything the portal shows, the role allows; everything the role allows, the portal shows.
      const shown = catalogue.filter((type) => !portal.hiddenInstanceTypes.includes(type));
      expect({ key, shownButDenied: shown.filter((type) => !allowed(type)) }).toEqual({ key, shownButDenied: [] });
      expect({ key, allowedButHidden: portal.hiddenInstanceTypes.filter(allowed) }).toEqual({
        key,
        allowedButHidden: [],
      });
      expect(portal.hiddenInstanceTypes.every((type) => catalogue.includes(type as never))).toBe(true);
    }
  });

  test("GIVEN every profile WHEN its spaces start THEN their default instance type is one the persona may start", () => {
    for (const { key, persona, portal } of profilesWithPersona()) {
      if (!persona.activities.includes("run-studio-applications")) continue;
      expect({ key, type: portal.defaultInstanceType }).toEqual({ key, type: expect.any(String) });
      expect(Object.values(AppInstanceType)).toContain(portal.defaultInstanceType);
      expect(persona.instanceTypes.some((p) => matches(p, portal.defaultInstanceType!))).toBe(true);
    }
  });
});

// The roles' policies are read from the synthesized JSON of the examples with one account and members.
describe.each(["contoso", "contoso-external", "fabrikam-adoption"])(
  "the apps and tools of every profile of %s",
  (name) => {
    let config: FederationConfig;
    let synthesized: ReturnType<typeof synthesizedRoles>;
    beforeAll(() => {
      config = loadExample(name);
      synthesized = synthesizedRoles(config);
    });

    const profilesWithPersona = () =>
      Object.entries(config.profiles).map(([key, profile]) => ({
        key,
        profile,
        portal: portalOf(synthesized.stack, profile.roleKey),
      }));

    test("GIVEN every profile WHEN the portal is read THEN an app or tool shows exactly when the role grants what it is for", () => {
      for (const { key, profile, portal } of profilesWithPersona()) {
        const actions = granted(synthesized.policies[profile.roleKey]!);
        for (const [hidden, values] of [
          [portal.hiddenAppTypes, Object.values(AppType)],
          [portal.hiddenMlTools, Object.values(MlTools)],
        ] as const) {
          expect(hidden.every((value) => (values as readonly string[]).includes(value))).toBe(true);
          for (const value of values) {
            if (UNKNOWN_TO_PROVIDER.has(value)) continue;
            const purpose = PURPOSE[value];
            // What no action of this table stands for (Canvas, RStudio, Studio Classic, partner apps) stays hidden.
            const shows = (purpose ?? []).some((action) => actions.has(`sagemaker:${action}`));
            expect({ key, value, shown: !hidden.includes(value as never) }).toEqual({ key, value, shown: shows });
          }
        }
      }
    });
  },
);

describe("the portal and the guardrail agree in IAM's own evaluation", () => {
  test("GIVEN each Studio role of Contoso WHEN it starts an app in its own private space on every app instance type THEN IAM allows exactly the types its portal shows", async () => {
    const config = loadExample("contoso");
    const { stack, policies, roleArns, roleTags } = synthesizedRoles(config);
    const roles = Object.keys(config.profiles)
      .map((key) => config.profiles[key]!.roleKey)
      .filter((roleKey, index, all) => all.indexOf(roleKey) === index)
      .filter((roleKey) => roleTags[roleKey]!["sagemaker-persona"] !== "compute");
    expect(roles.length).toBeGreaterThanOrEqual(2);
    const mismatches: string[] = [];
    for (const roleKey of roles) {
      const team = roleTags[roleKey]!["sagemaker-team"] as Team;
      const profile = `${team}-someone`;
      const hidden = portalOf(stack, roleKey).hiddenInstanceTypes;
      for (const type of Object.values(AppInstanceType)) {
        if (UNKNOWN_TO_PROVIDER.has(type)) continue;
        const result = await decideUnchecked(roleArns[roleKey]!, policies[roleKey]!, {
          action: "sagemaker:CreateApp",
          resource: sagemakerArn(`app/${DOMAIN[team]}/${profile}-space/jupyterlab/default`),
          context: {
            ...studio(team, profile),
            ...principalTeam(team),
            "sagemaker:OwnerUserProfileArn": profileArn(team, profile),
            "sagemaker:SpaceSharingType": "Private",
            "sagemaker:InstanceTypes": [type],
          },
        });
        if ((result === "Allowed") === hidden.includes(type))
          mismatches.push(`${roleKey} ${type}: IAM ${result}, portal ${hidden.includes(type) ? "hides" : "shows"}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe("a space never starts on a type outside the persona's list", () => {
  test("fails to load a Studio persona none of whose instance types Studio apps run on", () => {
    // GIVEN a persona that runs Studio apps on Inferentia only, which no Studio app runs on
    const data = exampleData("contoso");
    data.personas = { ...data.personas, "data-scientist": { instanceTypes: ["ml.inf2.xlarge"] } };
    // WHEN it loads THEN the config names the persona, the rule and the fix
    const error = configErrorOf(stringify(data));
    expect(error.message).toContain("personas.data-scientist.instanceTypes");
    expect(error.message).toContain("none of its instance types (ml.inf2.xlarge) is one Studio apps run on");
  });

  test("GIVEN a persona that lists only a family WHEN its profiles synthesize THEN spaces start on a type of that family", () => {
    const data = exampleData("contoso");
    data.personas = { ...data.personas, "data-scientist": { instanceTypes: ["ml.g5.*"] } };
    const changed = synthesizedRoles(loadData(data));
    const roleKey = Object.keys(changed.policies).find((key) => key.endsWith("/data-scientist"))!;
    const portal = portalOf(changed.stack, roleKey);
    expect(portal.defaultInstanceType).toMatch(/^ml\.g5\./);
    expect(portal.hiddenInstanceTypes).toContain("ml.t3.medium");
  });
});
