import { healthExitCode, type Finding, type HealthStatus } from "./checks/finding";

const LABEL: Readonly<Record<HealthStatus, string>> = {
  ok: "ok",
  skipped: "skipped",
  unknown: "CANNOT CHECK",
  warning: "WARNING",
  action: "ACTION",
};

/** One line per check, in plain words, the next step on the same line; then the totals and the exit code. */
export function healthText(findings: readonly Finding[]): string {
  const width = Math.max(...findings.map((finding) => LABEL[finding.status].length));
  const lines = findings.map((finding) => {
    const next = finding.next !== undefined && finding.status !== "ok" ? `; next: ${finding.next}` : "";
    return `${LABEL[finding.status].padEnd(width)}  ${finding.check}: ${finding.summary}${next}`;
  });
  return [...lines, "", totals(findings)].join("\n");
}

function totals(findings: readonly Finding[]): string {
  const count = (status: HealthStatus) => findings.filter((finding) => finding.status === status).length;
  const parts = [
    [count("action"), "need action"],
    [count("warning"), count("warning") === 1 ? "warning" : "warnings"],
    [count("unknown"), "cannot be checked"],
    [count("ok"), "ok"],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${n} ${what}`);
  return `health: ${parts.join(", ") || "nothing checked"} (exit code ${healthExitCode(findings)})`;
}

/** The same for machines: stable keys, the exit code included. */
export function healthJson(findings: readonly Finding[], meta: { readonly config: string; readonly checkedAt: Date }) {
  return JSON.stringify(
    {
      config: meta.config,
      checkedAt: meta.checkedAt.toISOString(),
      exitCode: healthExitCode(findings),
      findings,
    },
    null,
    2,
  );
}
