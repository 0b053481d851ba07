import { exampleData, loadData, resource, synthJson, type SynthesizedStack } from "../helpers";

/** [idle timeout, minimum, maximum (minutes), default storage, maximum storage (GB)] of a for_each value. */
const limitsOf = (value: Record<string, number>) => [
  value.idleTimeoutMinutes,
  value.minIdleTimeoutMinutes,
  value.maxIdleTimeoutMinutes,
  value.defaultStorageGb,
  value.maxStorageGb,
];

const IDLE_FROM_EACH_VALUE = {
  app_lifecycle_management: {
    idle_settings: {
      lifecycle_management: "ENABLED",
      idle_timeout_in_minutes: "${each.value.idleTimeoutMinutes}",
      min_idle_timeout_in_minutes: "${each.value.minIdleTimeoutMinutes}",
      max_idle_timeout_in_minutes: "${each.value.maxIdleTimeoutMinutes}",
    },
  },
};
const STORAGE_FROM_EACH_VALUE = {
  default_ebs_storage_settings: {
    default_ebs_volume_size_in_gb: "${each.value.defaultStorageGb}",
    maximum_ebs_volume_size_in_gb: "${each.value.maxStorageGb}",
  },
};

describe("idle shutdown and storage limits", () => {
  describe("GIVEN the Contoso config without any limits", () => {
    let stack: SynthesizedStack;
    beforeAll(() => {
      stack = synthJson(loadData(exampleData("contoso")));
    });

    test("THEN every domain and profile shuts idle apps down after 60 minutes and gives spaces 5 GB, at most 100", () => {
      const domains = resource(stack, "aws_sagemaker_domain").block.for_each;
      const profiles = resource(stack, "aws_sagemaker_user_profile").block.for_each;
      for (const value of [...Object.values(domains), ...Object.values(profiles)] as Record<string, number>[])
        expect(limitsOf(value)).toEqual([60, 60, 480, 5, 100]);
    });

    test("THEN JupyterLab and Code Editor of users, JupyterLab of shared spaces and every profile read them", () => {
      const domain = resource(stack, "aws_sagemaker_domain").block;
      const profile = resource(stack, "aws_sagemaker_user_profile").block;
      for (const settings of [domain.default_user_settings, profile.user_settings]) {
        expect(settings.jupyter_lab_app_settings).toMatchObject(IDLE_FROM_EACH_VALUE);
        expect(settings.code_editor_app_settings).toEqual(IDLE_FROM_EACH_VALUE);
        expect(settings.space_storage_settings).toEqual(STORAGE_FROM_EACH_VALUE);
      }
      expect(domain.default_space_settings.jupyter_lab_app_settings).toMatchObject(IDLE_FROM_EACH_VALUE);
      expect(domain.default_space_settings.space_storage_settings).toEqual(STORAGE_FROM_EACH_VALUE);
    });

    test("THEN a profile repeats its team's Git repositories (its app settings replace the domain's)", () => {
      const profile = resource(stack, "aws_sagemaker_user_profile").block;
      expect(profile.for_each["forecasting/alice@contoso.com"].gitRepositories).toEqual(
        exampleData("contoso").teams.forecasting.gitRepositories,
      );
      expect(profile.user_settings.jupyter_lab_app_settings.dynamic.code_repository.for_each).toBe(
        "${each.value.gitRepositories}",
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
      const profiles = resource(stack, "aws_sagemaker_user_profile").block.for_each;
      // bob is mlops in forecasting: the persona's maxima and the team's idle timeout and default storage.
      expect(limitsOf(profiles["forecasting/bob@contoso.com"])).toEqual([120, 60, 720, 20, 200]);
      // alice is a data scientist in forecasting: the defaults under the team's override.
      expect(limitsOf(profiles["forecasting/alice@contoso.com"])).toEqual([120, 60, 480, 20, 100]);
      // An mlops member elsewhere: the persona's limits alone.
      const mlopsElsewhere = Object.entries(profiles).find(
        ([key, value]: [string, any]) => !key.startsWith("forecasting/") && value.role.endsWith("/mlops"),
      );
      expect(limitsOf(mlopsElsewhere![1] as Record<string, number>)).toEqual([60, 60, 720, 5, 200]);
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
