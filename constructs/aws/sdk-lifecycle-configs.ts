import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SagemakerStudioLifecycleConfig } from "@cdktf/provider-aws/lib/sagemaker-studio-lifecycle-config";
import { Fn, TerraformIterator, TerraformLocal, type TerraformResource } from "cdktf";
import { Construct } from "constructs";
import type { AccountConfig, RoleConfig, TeamConfig } from "../../config/types";
import { TEAM_TAG } from "../../policies/team-boundary";
import { fixAddress } from "../fixed-address";
import { instanceAttribute } from "../instance-attribute";
import {
  CONFIG_SETTINGS,
  contentSuffix,
  fillScript,
  lifecycleScriptTemplate,
  runtimeSettingTags,
  type ConfigSettings,
} from "./sdk-defaults";

/** The Studio apps a person codes in, with the address of their lifecycle configs and a short name part. */
export const SDK_DEFAULTS_APPS = {
  JupyterLab: { address: "sdk_defaults_jupyterlab", short: "jl", settings: "jupyter_lab_app_settings" },
  CodeEditor: { address: "sdk_defaults_code_editor", short: "ce", settings: "code_editor_app_settings" },
} as const;
export type SdkDefaultsApp = keyof typeof SDK_DEFAULTS_APPS;

const NAME_MAX = 63;

/**
 * A lifecycle config's name: the role's name, the app, and a hash of the content (contentSuffix), within SageMaker's
 * 63 characters. The hash makes a content change a new config (they cannot be changed in place).
 */
export function lifecycleConfigName(roleName: string, app: SdkDefaultsApp, hash: string): string {
  const tail = `-${SDK_DEFAULTS_APPS[app].short}-${hash}`;
  return `${roleName.slice(0, NAME_MAX - tail.length).replace(/-+$/, "")}${tail}`;
}

export interface SdkLifecycleConfigsProps {
  /** The provider of the account the domains live in. */
  readonly provider: AwsProvider;
  /** The account the domains live in: its network and key are the jobs' defaults. */
  readonly account: AccountConfig & { readonly network: NonNullable<AccountConfig["network"]> };
  /** `aws`, or the region's other partition, for the configs' ARNs. */
  readonly partition: string;
  readonly teams: Readonly<Record<string, TeamConfig>>;
  readonly roles: Readonly<Record<string, RoleConfig>>;
  /**
   * Appended to the address (`aws_sagemaker_studio_lifecycle_config.sdk_defaults_jupyterlab_research`).
   * @default "" (the Identity Center account)
   */
  readonly addressSuffix?: string;
}

/**
 * One lifecycle config per team, persona and coding app (JupyterLab, Code Editor): it writes the SageMaker Python
 * SDK's defaults for the team and persona when an app starts, so that an ordinary notebook's creates carry the team
 * tag, the team's network and key and the compute role. Per persona, not per member: members add none.
 */
export class SdkLifecycleConfigs extends Construct {
  readonly configs: Record<SdkDefaultsApp, SagemakerStudioLifecycleConfig>;

  constructor(scope: Construct, id: string, props: SdkLifecycleConfigsProps) {
    super(scope, id);
    const suffix = props.addressSuffix ?? "";
    const { account } = props;
    const template = lifecycleScriptTemplate({
      network: account.network,
      kmsKeyArn: account.kmsKeyArn,
      region: account.region,
    });
    // Once per account; Terraform fills in each config's settings. Strings in Terraform's JSON are templates, so a
    // `${` or `%{` of the script is escaped to stay text.
    const script = fixAddress(
      new TerraformLocal(this, "script", template.replaceAll("${", "$${").replaceAll("%{", "%%{")),
      `sdk_defaults_script${suffix}`,
    );
    // Every role of a team a person may have (all but the shared spaces'), members or not: a config that came and
    // went with a persona's last member would be deleted while its apps may still run.
    const roleKeys = Object.values(props.teams)
      .flatMap((team) => team.roleKeys.filter((key) => key !== team.sharedSpaceRoleKey))
      .sort();
    const settings = Object.fromEntries(
      roleKeys.map((key) => {
        const role = props.roles[key]!;
        const team = props.teams[role.team]!;
        const values: ConfigSettings = {
          team: team.key,
          persona: role.persona,
          compute_role_arn: props.roles[team.computeRoleKey]!.roleArn,
          config_arn: "",
        };
        // The name hashes the script without its own ARN, which holds the name.
        const hash = contentSuffix(fillScript(template, values));
        const tags = { [TEAM_TAG]: team.key, ...runtimeSettingTags(team, account.network) };
        return [key, { roleName: role.roleName, values, hash, tags }];
      }),
    );
    const configOf = (app: SdkDefaultsApp) => {
      const configs = TerraformIterator.fromMap(
        Object.fromEntries(
          roleKeys.map((key) => {
            const { roleName, values, hash, tags } = settings[key]!;
            const name = lifecycleConfigName(roleName, app, hash);
            const arn = `arn:${props.partition}:sagemaker:${account.region}:${account.accountId}:studio-lifecycle-config/${name}`;
            return [key, { name, ...values, config_arn: arn, tags }];
          }),
        ),
      );
      const content = Object.entries(CONFIG_SETTINGS).reduce<string>(
        (text, [field, placeholder]) => Fn.replace(text, placeholder, configs.getString(field)),
        script.asString,
      );
      return fixAddress(
        new SagemakerStudioLifecycleConfig(this, SDK_DEFAULTS_APPS[app].address, {
          provider: props.provider,
          forEach: configs,
          studioLifecycleConfigAppType: app,
          studioLifecycleConfigName: configs.getString("name"),
          studioLifecycleConfigContent: Fn.base64encode(content),
          tags: configs.getStringMap("tags"),
          // When a release of this project changes the script, profiles move to the new config before the old one
          // is deleted, which SageMaker refuses while it is attached or an app runs with it (docs/runbook.md).
          lifecycle: { createBeforeDestroy: true },
        }),
        `${SDK_DEFAULTS_APPS[app].address}${suffix}`,
      );
    };
    this.configs = { JupyterLab: configOf("JupyterLab"), CodeEditor: configOf("CodeEditor") };
  }

  /** The ARN of a role's config for an app; the role is a role key or an iterator expression. */
  arnOf(app: SdkDefaultsApp, roleKey: string): string {
    return instanceAttribute(this.configs[app], roleKey, "arn");
  }
}

/**
 * Attaches a role's configs to the user profiles of that role, as their apps' default (run when an app starts
 * without another) and as the one they may choose. Written as overrides of the two settings only, so that the
 * profile's other app settings stay where they are declared.
 */
export function attachSdkDefaults(profiles: TerraformResource, configs: SdkLifecycleConfigs, roleKey: string): void {
  for (const app of Object.keys(SDK_DEFAULTS_APPS) as SdkDefaultsApp[]) {
    const arn = configs.arnOf(app, roleKey);
    const settings = `user_settings.${SDK_DEFAULTS_APPS[app].settings}`;
    profiles.addOverride(`${settings}.lifecycle_config_arns`, [arn]);
    profiles.addOverride(`${settings}.default_resource_spec.lifecycle_config_arn`, arn);
  }
}
