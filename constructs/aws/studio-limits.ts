import type { StudioLimits } from "../../config/types";

/** Reads one limit of the instance being declared (a `for_each` value: `${each.value.<name>}`). */
export type LimitOf = (name: keyof StudioLimits) => number;

/**
 * Idle shutdown of an app type's apps. All three timeouts are always sent: the provider sends an unset one as 0,
 * which SageMaker refuses (its range starts at 60).
 */
export function appLifecycle(limit: LimitOf) {
  return {
    idleSettings: {
      lifecycleManagement: "ENABLED",
      idleTimeoutInMinutes: limit("idleTimeoutMinutes"),
      minIdleTimeoutInMinutes: limit("minIdleTimeoutMinutes"),
      maxIdleTimeoutInMinutes: limit("maxIdleTimeoutMinutes"),
    },
  };
}

/** The EBS size of new private spaces, and the most a person may give one. */
export function spaceStorage(limit: LimitOf) {
  return {
    defaultEbsStorageSettings: {
      defaultEbsVolumeSizeInGb: limit("defaultStorageGb"),
      maximumEbsVolumeSizeInGb: limit("maxStorageGb"),
    },
  };
}
