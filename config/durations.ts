/** Minutes in an ISO-8601 duration of hours and minutes (`PT4H`, `PT1H30M`), or undefined when it is not one. */
export function isoDurationMinutes(value: string): number | undefined {
  const match = /^PT(?:(\d{1,2})H)?(?:(\d{1,4})M)?$/.exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/**
 * Minutes of a PIM activation duration Entra accepts: half hours from an hour to a day (`PT1H30M`, `PT90M`, `P1D`).
 * Undefined for any other value. An hour at least, because an activation reaches IAM Identity Center only when
 * Entra provisions it.
 */
export function pimActivationMinutes(value: string): number | undefined {
  const minutes = value === "P1D" ? 1440 : isoDurationMinutes(value);
  return minutes !== undefined && minutes >= 60 && minutes <= 1440 && minutes % 30 === 0 ? minutes : undefined;
}

/** Such minutes written as the azuread provider takes them: `PT<h>H`, `PT<h>H30M` or `P1D`, nothing else. */
export function pimDuration(minutes: number): string {
  if (minutes === 1440) return "P1D";
  return `PT${Math.floor(minutes / 60)}H${minutes % 60 === 0 ? "" : "30M"}`;
}
