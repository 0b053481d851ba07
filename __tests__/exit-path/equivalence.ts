// The equivalence of the converted main.tf with the synthesized JSON, for the exit path (run.sh):
//
//   node --import tsx __tests__/exit-path/equivalence.ts <folder with main.tf.json> <folder with main.tf> [--mutations]
//
// Two independent comparisons, both must find no difference: Terraform's own view of each configuration
// (terraform-view.ts) and the round trip of main.tf through @cdktf/hcl2json (round-trip.ts). With --mutations, each
// deliberately wrong conversion of mutations.ts must then be caught by at least one of them.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MUTATIONS } from "./mutations";
import { differences, roundTripDifferences } from "./round-trip";
import { view, type PlanJson } from "./terraform-view";

const scratch = mkdtempSync(join(tmpdir(), "exit-equivalence-"));

function terraform(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("terraform", [...args, "-no-color"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(Buffer.concat(out).toString("utf8"))
        : reject(new Error(`terraform ${args[0]} in ${cwd}: ${Buffer.concat(err).toString("utf8")}`)),
    );
  });
}

/**
 * Terraform's view of one configuration file: a copy in a folder of its own, its backend replaced by a local one
 * there (an override file), a plan that targets no resource (nothing read, no API called), its JSON.
 */
async function terraformView(file: string, name: string, label: string): Promise<ReturnType<typeof view>> {
  const folder = join(scratch, label);
  cpSync(file, join(folder, name));
  const backend = { terraform: { backend: { local: { path: join(folder, "terraform.tfstate") } } } };
  writeFileSync(join(folder, "override.tf.json"), JSON.stringify(backend));
  await terraform(["init", "-input=false"], folder);
  await terraform(["plan", "-input=false", "-refresh=false", "-target=terraform_data.none", "-out=plan"], folder);
  return view(JSON.parse(await terraform(["show", "-json", "plan"], folder)) as PlanJson);
}

/** How much of the configuration Terraform's view holds: an empty view would compare as equal and prove nothing. */
function extent(seen: ReturnType<typeof view>): string {
  const root = (seen as { configuration?: { root_module?: { resources?: unknown[]; outputs?: object } } }).configuration
    ?.root_module;
  const resources = root?.resources?.length ?? 0;
  if (resources === 0) throw new Error("Terraform's view of the JSON holds no resource: nothing would be compared");
  const checks = (seen as { checks: unknown[] }).checks.length;
  return `${resources} resource and data blocks, ${Object.keys(root?.outputs ?? {}).length} outputs, ${checks} checkable objects`;
}

async function main(args: string[]): Promise<number> {
  const [jsonFolder, hclFolder, flag] = args;
  if (!jsonFolder || !hclFolder || (flag !== undefined && flag !== "--mutations")) {
    console.error("usage: equivalence.ts <folder with main.tf.json> <folder with main.tf> [--mutations]");
    return 2;
  }
  const jsonFile = join(jsonFolder, "main.tf.json");
  const json: unknown = JSON.parse(readFileSync(jsonFile, "utf8"));
  const mainTf = readFileSync(join(hclFolder, "main.tf"), "utf8");
  const [jsonView, hclView] = await Promise.all([
    terraformView(jsonFile, "main.tf.json", "json"),
    terraformView(join(hclFolder, "main.tf"), "main.tf", "hcl"),
  ]);
  const found = [
    ...differences(jsonView, hclView, "terraform view").map((d) => `Terraform's view: ${d}`),
    ...(await roundTripDifferences(json, mainTf)).map((d) => `round trip: ${d}`),
  ];
  if (found.length > 0) {
    console.error(`main.tf does not say what the JSON says:\n  ${found.join("\n  ")}`);
    return 1;
  }
  console.log(`main.tf says what the JSON says: Terraform's view (${extent(jsonView)}) and the round trip agree`);
  if (flag !== "--mutations") return 0;

  // Each wrong conversion must be caught by the round trip, and by Terraform's view when it shows what changed.
  const caught = await Promise.all(
    MUTATIONS.map(async (mutation, i) => {
      const mutated = mutation.apply(mainTf);
      const byRoundTrip = (await roundTripDifferences(json, mutated)).length > 0;
      let byView = false;
      if (mutation.inTerraformView) {
        const file = join(scratch, `mutated-${i}.tf`);
        writeFileSync(file, mutated);
        byView = differences(jsonView, await terraformView(file, "main.tf", `mutated-${i}`)).length > 0;
      }
      const ok = byRoundTrip && byView === mutation.inTerraformView;
      const by = [byView ? "Terraform's view" : "", byRoundTrip ? "the round trip" : ""].filter(Boolean).join(" and ");
      console.log(
        `wrong conversion, ${mutation.name}: ${ok ? `caught by ${by}` : `NOT CAUGHT (only by ${by || "nothing"})`}`,
      );
      return ok;
    }),
  );
  return caught.every(Boolean) ? 0 : 1;
}

main(process.argv.slice(2))
  .then((code) => (process.exitCode = code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(scratch, { recursive: true, force: true }));
