import { exampleData, loadData, resource, synthJson, type SynthesizedStack } from "../helpers";

/** [idle timeout, minimum, maximum (minutes), default storage, maximum storage (GB)] of a for_each value. */
const limitsOf = (value: Record<string, number>) => [
  value.idleTimeoutMinutes,
  value.minIdleTimeoutMinutes,
  value.maxIdleTimeoutMinutes,
  value.defaultStorageGb,
  value.maxStorageGb,
];

/** A domain reads its team's limits from its for_each value, a profile its role's from a local. */
const DOMAIN_VALUE = (name: string) => `\${each.value.${name}}`;
const PROFILE_VALUE = (name: string) => `\${local.profile_settings[each.value.role].${name}}`;

const idleFrom = (value: (name: string) => string) => ({
  app_lifecycle_management: {
    idle_settings: {
      lifecycle_management: "ENABLED",
      idle_timeout_in_minutes: value("idleTimeoutMinutes"),
      min_idle_timeout_in_minutes: value("minIdleTimeoutMinutes"),
      max_idle_timeout_in_minutes: value("maxIdleTimeoutMinutes"),
    },
  },
});
const storageFrom = (value: (name: string) => string) => ({
  default_ebs_storage_settings: {
    default_ebs_volume_size_in_gb: value("defaultStorageGb"),
    maximum_ebs_volume_size_in_gb: value("maxStorageGb"),
  },
});

/** Each profile's limits, by profile key, as the synthesized JSON gives them (through its role's settings). */
function profileLimits(stack: SynthesizedStack): Record<string, (number | undefined)[]> {
  const profiles = resource(stack, "aws_sagemaker_user_profile").block.for_each;
  const settings = stack.locals.profile_settings as Record<string, Record<string, number>>;
  return Object.fromEntries(
    Object.entries<{ role: string }>(profiles).map(([key, { role }]) => [key, limitsOf(settings[role]!)]),
  );
}

describe("idle shutdown and storage limits", () => {
  describe("GIVEN the Contoso config without any limits", () => {
    let stack: SynthesizedStack;
    beforeAll(() => {
      stack = synthJson(loadData(exampleData("contoso")));
    });

    test("THEN every domain and profile shuts idle apps down after 60 minutes and gives spaces 5 GB, at most 100", () => {
      const domains = resource(stack, "aws_sagemaker_domain").block.for_each;
      for (const value of Object.values(domains) as Record<string, number>[])
        expect(limitsOf(value)).toEqual([60, 60, 480, 5, 100]);
      const profiles = profileLimits(stack);
      expect(Object.keys(profiles)).toHaveLength(10);
      for (const limits of Object.values(profiles)) expect(limits).toEqual([60, 60, 480, 5, 100]);
    });

    test("THEN JupyterLab and Code Editor of users, JupyterLab of shared spaces and every profile read them", () => {
      const domain = resource(stack, "aws_sagemaker_domain").block;
      const profile = resource(stack, "aws_sagemaker_user_profile").block;
      for (const [settings, value] of [
        [domain.default_user_settings, DOMAIN_VALUE],
        [profile.user_settings, PROFILE_VALUE],
      ] as const) {
        expect(settings.jupyter_lab_app_settings).toMatchObject(idleFrom(value));
        expect(settings.code_editor_app_settings).toMatchObject(idleFrom(value));
        expect(settings.space_storage_settings).toEqual(storageFrom(value));
      }
      expect(domain.default_space_settings.jupyter_lab_app_settings).toMatchObject(idleFrom(DOMAIN_VALUE));
      expect(domain.default_space_settings.space_storage_settings).toEqual(storageFrom(DOMAIN_VALUE));
    });

    test("THEN a profile repeats its team's Git repositories (its app settings replace the domain's)", () => {
      const profile = resource(stack, "aws_sagemaker_user_profile").block;
      const role = profile.for_each["forecasting/alice@contoso.com"].role;
      expect(stack.locals.profile_settings[role].gitRepositories).toEqual(
        exampleData("contoso").teams.forecasting.gitRepositories,
      );
      expect(profile.user_settings.jupyter_lab_app_settings.dynamic.code_repository.for_each).toBe(
        PROFILE_VALUE("gitRepositories"),
      );
    });
  });

  describe("GIVEN a persona's limits and a team's override", () => {
    let stack: SynthesizedStack;
    beforeAll(() => {
      const data = exampleData("contoso");
      data.personas = { ...data.personas, mlops: { limits: { maxIdleTimeoutMinutes: 720, maxStorageGb: 200 } } };
      data.teams.forecasting.limits = { idleTimeoutMinutes: 120, defaultStorageGb: 20 };
      stack = synthJson(loadData(data));
    });

    test("THEN a profile has its persona's limits under its team's override", () => {
      const profiles = profileLimits(stack);
      // bob is mlops in forecasting: the persona's maxima and the team's idle timeout and default storage.
      expect(profiles["forecasting/bob@contoso.com"]).toEqual([120, 60, 720, 20, 200]);
      // alice is a data scientist in forecasting: the defaults under the team's override.
      expect(profiles["forecasting/alice@contoso.com"]).toEqual([120, 60, 480, 20, 100]);
      // judy is mlops in fraud, which has no override: the persona's limits alone.
      expect(profiles["fraud/judy@contoso.com"]).toEqual([60, 60, 720, 5, 200]);
    });

    test("THEN the domain's defaults are its default persona's under the team's override; other teams keep theirs", () => {
      const domains = resource(stack, "aws_sagemaker_domain").block.for_each;
      // forecasting's default persona is data-scientist; fraud's is mlops.
      expect(limitsOf(domains.forecasting)).toEqual([120, 60, 480, 20, 100]);
      expect(limitsOf(domains.fraud)).toEqual([60, 60, 720, 5, 200]);
      expect(limitsOf(domains.recommendations)).toEqual([60, 60, 480, 5, 100]);
    });
  });
});
