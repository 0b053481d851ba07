import type { StudioLimits } from "../config/types";

/** Limits as a reviewer reads them: "idle apps stop after 60 min (60-480 min); spaces 5 GB (at most 100 GB)". */
export function limitsText(limits: StudioLimits): string {
  return (
    `idle apps stop after ${limits.idleTimeoutMinutes} min (${limits.minIdleTimeoutMinutes}-${limits.maxIdleTimeoutMinutes} min); ` +
    `spaces ${limits.defaultStorageGb} GB (at most ${limits.maxStorageGb} GB)`
  );
}
