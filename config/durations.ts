/** Minutes in an ISO-8601 duration of hours and minutes (`PT4H`, `PT1H30M`), or undefined when it is not one. */
export function isoDurationMinutes(value: string): number | undefined {
  const match = /^PT(?:(\d{1,2})H)?(?:(\d{1,4})M)?$/.exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/**
 * A PIM activation duration as Entra accepts it: half hours from PT1H to P1D, written `PT<h>H`, `PT<h>H30M` or `P1D`
 * (the azuread provider takes exactly these strings). Undefined when `value` is not such a duration. An hour at
 * least, because an activation reaches IAM Identity Center only when Entra provisions it.
 */
export function pimActivationDuration(value: string): string | undefined {
  const minutes = value === "P1D" ? 1440 : isoDurationMinutes(value);
  if (minutes === undefined || minutes < 60 || minutes > 1440 || minutes % 30 !== 0) return undefined;
  if (minutes === 1440) return "P1D";
  return `PT${Math.floor(minutes / 60)}H${minutes % 60 === 0 ? "" : "30M"}`;
}
