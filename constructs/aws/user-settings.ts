import type { TeamConfig } from "../../config/types";
import { appLifecycle, spaceStorage, type LimitOf } from "./studio-limits";

/**
 * What a person's apps and private spaces get, besides the execution role: the new Studio, the limits, and notebook
 * sharing into the team's workspace. Each profile carries all of it, because a domain keeps the settings it was
 * created with; the domain's copy is only the fallback of its creation.
 */
export function userSettings(limit: LimitOf, sharedNotebooks: string, kmsKeyArn: string | undefined) {
  return {
    studioWebPortal: "ENABLED",
    defaultLandingUri: "studio::",
    jupyterLabAppSettings: { appLifecycleManagement: appLifecycle(limit) },
    codeEditorAppSettings: { appLifecycleManagement: appLifecycle(limit) },
    spaceStorageSettings: spaceStorage(limit),
    sharingSettings: { notebookOutputOption: "Allowed", s3OutputPath: sharedNotebooks, s3KmsKeyId: kmsKeyArn },
  };
}

/** Where Studio saves notebooks a person shares: the team workspace's `shared/` prefix. */
export function sharedNotebooks(team: TeamConfig): string {
  return `s3://${team.s3Buckets[0]}/shared/notebooks/`;
}
