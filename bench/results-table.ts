import type { InstanceCount } from "./count-instances";
import type { ProfileSummary } from "./cpu-profile";
import type { BenchSize } from "./generate-config";
import { median } from "./stats";
import { APP_COMMAND } from "./synth";

export type Measured<T> = T | { readonly reason: string };

export interface Machine {
  readonly nproc: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly terraform?: string;
  /** 1, 5 and 15 minute load averages when the bench started: other workers share the cores. */
  readonly loadAverage: readonly number[];
}

export interface SizeResult {
  readonly size: BenchSize;
  /** The real stack: Entra and AWS, full phase. */
  readonly entra: {
    readonly wallMs: readonly number[];
    readonly peakRssKb: readonly number[];
    readonly jsonBytes: number;
    readonly instances: InstanceCount;
    /** The same config with one more member. */
    readonly instancesPlusOne: InstanceCount;
  };
  /** The external-identity-provider variant: what `terraform validate` can check offline (AWS provider only). */
  readonly external: { readonly wallMs: readonly number[] };
  readonly validate: Measured<{ readonly wallMs: readonly number[] }>;
}

export interface BenchResults {
  readonly date: string;
  readonly seed: number;
  /** The commit measured, with "+ uncommitted changes" when the working tree differed from it. */
  readonly commit: string;
  readonly machine: Machine;
  /** 1, 5 and 15 minute load averages when the bench finished. */
  readonly loadAverageAtEnd: readonly number[];
  readonly sizes: readonly SizeResult[];
  readonly npmTest: Measured<{ readonly wallMs: number; readonly exitCode: number }>;
  readonly profile?: Measured<{ readonly size: BenchSize; readonly summary: ProfileSummary }>;
}

export interface TargetRow {
  readonly what: string;
  readonly measured: string;
  readonly target: string;
  readonly verdict: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** Decimal megabytes, the stricter reading of "300 MB". */
const megabytes = (kb: number) => `${((kb * 1024) / 1e6).toFixed(0)} MB`;
const count = (value: number) => value.toLocaleString("en-US");
const loads = (values: readonly number[]) => values.map((load) => load.toFixed(2)).join(", ");

function isMeasured<T extends object>(value: Measured<T> | undefined): value is T {
  return value !== undefined && !("reason" in value);
}

/** "pass", or "miss by <amount> (<percent> over)"; a limit is always an upper bound here. */
export function verdict(value: number, limit: number, format: (value: number) => string): string {
  if (value <= limit) return "pass";
  return `miss by ${format(value - limit)} (${Math.round(((value - limit) / limit) * 100)}% over)`;
}

function row(
  what: string,
  target: string,
  value: number | undefined,
  limit: number,
  format: (value: number) => string,
  reason = "not measured",
): TargetRow {
  if (value === undefined) return { what, measured: "-", target, verdict: reason };
  return { what, measured: format(value), target, verdict: verdict(value, limit, format) };
}

const sizeLabel = (size: BenchSize) => `${count(size.members)} members in ${size.teams} teams`;
const find = (results: BenchResults, members: number) => results.sizes.find((size) => size.size.members === members);
const maxOf = (values: readonly number[]) => (values.length === 0 ? undefined : Math.max(...values));

export function instancesPerAddedMember(result: SizeResult): number {
  const total = (instances: InstanceCount) => instances.resources + instances.dataSources;
  return total(result.entra.instancesPlusOne) - total(result.entra.instances);
}

export function synthValidateRatio(result: SizeResult): number | undefined {
  if (!isMeasured(result.validate)) return undefined;
  return median(result.external.wallMs) / median(result.validate.wallMs);
}

/** One row per target of docs/architecture.md, section 6. */
export function targetRows(results: BenchResults): TargetRow[] {
  const large = find(results, 10_000);
  const medium = find(results, 1_000);
  const ratios = results.sizes.map((result) =>
    row(
      `synth / terraform validate, ${sizeLabel(result.size)} (external)`,
      "<= 0.5",
      synthValidateRatio(result),
      0.5,
      (value) => value.toFixed(2),
      isMeasured(result.validate) ? "not measured" : `not measured: ${result.validate.reason}`,
    ),
  );
  const perMember = maxOf(results.sizes.map(instancesPerAddedMember));
  const npm = results.npmTest;
  const npmRow = isMeasured(npm)
    ? {
        ...row("`npm test` wall time", "<= 60 s", npm.wallMs, 60_000, seconds),
        ...(npm.exitCode === 0 ? {} : { verdict: `tests failed (exit ${npm.exitCode}); time ${seconds(npm.wallMs)}` }),
      }
    : row("`npm test` wall time", "<= 60 s", undefined, 60_000, seconds, `not measured: ${npm.reason}`);
  return [
    row(
      "synth wall, 10,000 members in 200 teams (median)",
      "<= 2 s",
      large && median(large.entra.wallMs),
      2000,
      seconds,
    ),
    row(
      "synth peak RSS, 10,000 members in 200 teams (max)",
      "<= 300 MB",
      large && maxOf(large.entra.peakRssKb),
      300e6 / 1024,
      megabytes,
    ),
    row(
      "synth wall, 1,000 members in 50 teams (median)",
      "<= 1 s",
      medium && median(medium.entra.wallMs),
      1000,
      seconds,
    ),
    ...ratios,
    npmRow,
    row("Terraform resource instances per added member", "<= 3", perMember, 3, (value) => String(value)),
  ];
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // A "|" inside a cell (RegExp names in the profile, for one) would end the cell.
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function targetsTable(results: BenchResults): string {
  return markdownTable(
    ["what", "measured", "target", "result"],
    targetRows(results).map((target) => [target.what, target.measured, target.target, target.verdict]),
  );
}

export function detailsTable(results: BenchResults): string {
  return markdownTable(
    [
      "members / teams",
      "synth runs",
      "synth median (min-max)",
      "peak RSS (max)",
      "cdk.tf.json",
      "instances (resources + data)",
      "per added member",
      "external synth median",
      "validate median",
      "synth / validate",
    ],
    results.sizes.map((result) => {
      const { entra, external, validate } = result;
      const ratio = synthValidateRatio(result);
      return [
        `${count(result.size.members)} / ${result.size.teams}`,
        String(entra.wallMs.length),
        `${seconds(median(entra.wallMs))} (${seconds(Math.min(...entra.wallMs))}-${seconds(Math.max(...entra.wallMs))})`,
        megabytes(Math.max(...entra.peakRssKb)),
        `${(entra.jsonBytes / 1e6).toFixed(1)} MB`,
        `${count(entra.instances.resources + entra.instances.dataSources)} (${count(entra.instances.resources)} + ${count(entra.instances.dataSources)})`,
        String(instancesPerAddedMember(result)),
        `${seconds(median(external.wallMs))} (${external.wallMs.length} runs)`,
        isMeasured(validate) ? `${seconds(median(validate.wallMs))} (${validate.wallMs.length} runs)` : "not measured",
        ratio === undefined ? "-" : ratio.toFixed(2),
      ];
    }),
  );
}

function profileSection(results: BenchResults): string[] {
  const profile = results.profile;
  if (profile === undefined) return [];
  if (!isMeasured(profile)) return ["## Where the synth time goes", "", `Not profiled: ${profile.reason}.`, ""];
  const times = (entries: ProfileSummary["byModule"]) =>
    entries.map((entry) => [`\`${entry.name}\``, `${entry.ms.toFixed(0)} ms`, `${(entry.share * 100).toFixed(1)}%`]);
  return [
    `## Where the synth time goes (${sizeLabel(profile.size)}, one \`node --cpu-prof\` run)`,
    "",
    `${profile.summary.totalMs.toFixed(0)} ms sampled. Self time (a function's own code, not its callees), by package or file:`,
    "",
    markdownTable(["package or file", "self time", "share"], times(profile.summary.byModule)),
    "",
    "By function:",
    "",
    markdownTable(["function", "self time", "share"], times(profile.summary.byFunction)),
    "",
  ];
}

/** bench/results.md, before Prettier aligns its tables: regenerated by every `npm run bench`. */
export function renderMarkdown(results: BenchResults): string {
  const { machine } = results;
  return [
    "# Benchmark results",
    "",
    "Generated by `npm run bench` (bench/run.ts); do not edit by hand. Targets: docs/architecture.md, section 6.",
    "",
    `- date: ${results.date}`,
    `- machine: ${machine.nproc} cores (${machine.cpuModel}), Node.js ${machine.node}, Terraform ${machine.terraform ?? "not installed"}`,
    `- load average (1, 5, 15 min) at start: ${loads(machine.loadAverage)}; at end: ${loads(results.loadAverageAtEnd)}`,
    `- code measured: ${results.commit}; generator seed: ${results.seed}`,
    "",
    "Other workers share these cores, so the numbers are indicative: medians of several runs, each in a fresh process.",
    "",
    "## Targets",
    "",
    targetsTable(results),
    "",
    "## Measurements",
    "",
    detailsTable(results),
    "",
    "## Method",
    "",
    "- Configs: bench/generate-config.ts, seeded (mulberry32), written to bench/out/. Members are team memberships",
    "  (one Studio user profile each), spread unevenly over the teams; all three personas and every member form",
    "  (empty, persona, `{persona, profileName}`); about 2% of memberships reuse a user of another team. The",
    "  entra variant has `aws.identityCenter`, so the whole stack (Entra and AWS, full phase) is synthesized.",
    `- Synth: \`${APP_COMMAND}\` (cdktf.json's app command) in a fresh process per run, after one`,
    "  unmeasured warm-up run (tsx's transform cache and the file cache are warm, as on a developer's machine).",
    "  Wall time is process start to exit; peak RSS is GNU time's `%M` (or `process.resourceUsage().maxRSS`).",
    "  MB are decimal (10^6 bytes).",
    "- synth / validate: the external variant (AWS provider only, available offline) synthesized and validated:",
    "  its median synth time over the median `terraform validate` time (after an unmeasured `terraform init`",
    "  with the provider from /opt/tf-plugins, constraint relaxed to `>= 5.0`, backend removed, as in",
    "  `__tests__/terraform/run.sh`). Validate time includes loading the AWS provider schema.",
    "- Instances: bench/count-instances.ts reads cdk.tf.json: one instance per block without `for_each`, the",
    "  number of keys of a literal `for_each` map or set, and for `for_each = aws_x.y` the instances of `aws_x.y`.",
    "  Resources and data sources both count (both are planned and refreshed). Per added member is the",
    "  difference between the config and the same config with one new user in an existing team on the team's",
    "  default persona (a member on a persona the team had no role for yet also adds that role and its policy).",
    "- `npm test`: one run, wall time, from the repository root.",
    "",
    ...profileSection(results),
  ].join("\n");
}
