import { Token } from "cdktf";

/** Reads one of a profile's settings from the profiles' shared locals (`profile_settings`, `persona_portals`). */
export type SettingOf = (name: string) => string;

/**
 * What the Studio web portal hides from a person: the apps, ML tools and instance types their persona cannot use
 * (policies/studio-portal.ts). Only a view: the execution role's guardrails are what deny. A user setting, so a
 * change updates the profiles in place.
 */
export function studioWebPortalSettings(setting: SettingOf) {
  return {
    hiddenAppTypes: Token.asList(setting("hiddenAppTypes")),
    hiddenMlTools: Token.asList(setting("hiddenMlTools")),
    hiddenInstanceTypes: Token.asList(setting("hiddenInstanceTypes")),
  };
}

/** The apps whose spaces start on the persona's default instance type, by their block in the user settings. */
export const DEFAULT_INSTANCE_APPS = ["jupyter_lab_app_settings", "code_editor_app_settings"] as const;
