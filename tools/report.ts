import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../config/errors";
import { configFileOf, loadConfigFile } from "../config/load";
import { accessDiff, diffExitCode } from "./access-diff";
import { accessReport } from "./access-report";
import { parseBaseConfig, readBaseConfig } from "./base-config";
import { isUsageError } from "./usage-error";

const USAGE = `usage: npm run report [-- [--config <file>] [--base <file or git ref>] [--detailed-exitcode]]

  (no --base)          access report of the config: cdktf.out/access-report.md
  --base <file|ref>    access diff from that config (a file, or the same file at a git ref such as origin/main)
                       to this one: cdktf.out/access-diff.md
  --detailed-exitcode  with --base: exit 2 when access changes, 3 when data is also at stake (a leaver's or
                       mover's profile with its home directory and private spaces, or a domain), 0 when nothing
  --config <file>      the config (default: $FEDERATION_CONFIG, else examples/contoso.yaml)`;

/** Reads the config only (no cdktf): fast enough for every pull request, and safe without credentials. */
function main(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: "string" },
      base: { type: "string" },
      "detailed-exitcode": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const file = configFileOf(process.env, values.config);
  const head = loadConfigFile(file);
  const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";

  if (values.base === undefined) {
    publish(outdir, "access-report.md", accessReport(head, { source: file }));
    return 0;
  }
  const base = readBaseConfig(values.base, file);
  const diff = accessDiff(parseBaseConfig(base), head, { baseSource: base.source, headSource: file });
  publish(outdir, "access-diff.md", diff.markdown);
  return diffExitCode(diff, values["detailed-exitcode"]);
}

function publish(outdir: string, name: string, markdown: string): void {
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, name), markdown);
  process.stdout.write(markdown);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else if (isUsageError(error)) console.error(`${error.message}\n\n${USAGE}`);
  else throw error;
  process.exitCode = 1;
}
