import { relative } from "node:path";
import { fileURLToPath } from "node:url";

/** The parts of a V8 `.cpuprofile` (node --cpu-prof) the summary reads. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  readonly name: string;
  readonly ms: number;
  /** Share of all sampled time, 0-1. */
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly byModule: readonly SelfTime[];
  readonly byFunction: readonly SelfTime[];
}

/** Self time (time spent in a function's own code, not its callees) grouped by package or file, and by function. */
export function summarizeProfile(profile: CpuProfile, repoRoot: string, top = 12): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    // A sample's time runs until the next sample is taken.
    const us = profile.timeDeltas[index + 1] ?? 0;
    const frame = frames.get(id);
    if (frame === undefined) return;
    totalUs += us;
    const fn = frame.functionName === "" ? "(anonymous)" : frame.functionName;
    add(modules, moduleOf(frame.url, frame.functionName, repoRoot), us);
    add(functions, frame.url === "" ? fn : `${fn} ${fileOf(frame.url, repoRoot)}${lineOf(frame)}`, us);
  });
  const ranked = (times: Map<string, number>) =>
    [...times]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: totalUs === 0 ? 0 : us / totalUs }));
  return { totalMs: totalUs / 1000, byModule: ranked(modules), byFunction: ranked(functions) };
}

/** tsx compiles a project .ts file to a line or two, so only JavaScript files get a line number. */
function lineOf(frame: CpuProfile["nodes"][number]["callFrame"]): string {
  return frame.url.endsWith(".ts") ? "" : `:${frame.lineNumber + 1}`;
}

function add(times: Map<string, number>, key: string, us: number): void {
  times.set(key, (times.get(key) ?? 0) + us);
}

/**
 * An npm package name, a file of this project, a Node.js internal area, or a V8 bucket: "(garbage collector)",
 * "(program)", or "(V8 builtins)" for code without a script (JSON, RegExp, Array methods).
 */
export function moduleOf(url: string, functionName: string, repoRoot: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(V8 builtins)";
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  const file = fileOf(url, repoRoot);
  if (!url.includes("/node_modules/")) return file;
  const parts = file.split("/");
  return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] ?? file);
}

/** A script's path inside its package (`cdktf/lib/tokens/resolve.js`) or this project, else as V8 names it. */
export function fileOf(url: string, repoRoot: string): string {
  if (url.startsWith("node:")) return url;
  const path = url.startsWith("file://") ? fileURLToPath(url) : url;
  const inPackage = path.split("/node_modules/");
  if (inPackage.length > 1) return inPackage[inPackage.length - 1]!;
  return path.startsWith(repoRoot) ? relative(repoRoot, path) : path;
}
