/** Minutes in an ISO-8601 duration of hours and minutes (`PT4H`, `PT1H30M`), or undefined when it is not one. */
export function isoDurationMinutes(value: string): number | undefined {
  const match = /^PT(?:(\d{1,2})H)?(?:(\d{1,4})M)?$/.exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}
