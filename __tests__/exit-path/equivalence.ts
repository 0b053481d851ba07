// The equivalence of the converted main.tf with the synthesized JSON, for the exit path (run.sh):
//
//   node --import tsx __tests__/exit-path/equivalence.ts <folder with main.tf.json> <folder with main.tf> [--mutations]
//
// Two independent comparisons, both must find no difference: Terraform's own view of each configuration
// (terraform-view.ts) and the round trip of main.tf through @cdktf/hcl2json (round-trip.ts). With --mutations, each
// deliberately wrong conversion of mutations.ts must then be caught by at least one of them.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { MUTATIONS } from "./mutations";
import { differences, roundTripDifferences } from "./round-trip";
import { view, type PlanJson, type View } from "./terraform-view";

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

interface Configuration {
  readonly label: string;
  readonly text: string;
  readonly name: "main.tf" | "main.tf.json";
}

/** A root module in a folder of its own, its backend a local one there (an override file replaces any other). */
function rootFolder(label: string, files: Readonly<Record<string, string>>): string {
  const folder = join(scratch, label);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  const backend = { terraform: { backend: { local: { path: join(folder, "terraform.tfstate") } } } };
  writeFileSync(join(folder, "override.tf.json"), JSON.stringify(backend));
  return folder;
}

/** A saved plan that targets no resource (nothing read, no API called), as JSON. */
async function planJson(folder: string): Promise<PlanJson> {
  await terraform(["init", "-input=false"], folder);
  await terraform(["plan", "-input=false", "-refresh=false", "-target=terraform_data.none", "-out=plan"], folder);
  return JSON.parse(await terraform(["show", "-json", "plan"], folder)) as PlanJson;
}

/**
 * Terraform's view of each configuration. They are planned at once, each as a module of one root (Terraform
 * reads a module as it reads a root, and warns that its backend is ignored): one plan instead of one per
 * configuration. Import blocks are only allowed in a root module, so a configuration with one is planned alone.
 */
async function terraformViews(configurations: readonly Configuration[]): Promise<Map<string, View>> {
  const alone = configurations.some(({ text }) => /^\s*import\s*\{|"import"\s*:/m.test(text));
  if (alone) {
    const views = await Promise.all(
      configurations.map(
        async ({ label, text, name }) => [label, view(await planJson(rootFolder(label, { [name]: text })))] as const,
      ),
    );
    return new Map(views);
  }
  const files = Object.fromEntries(configurations.map(({ label, text, name }) => [join(label, name), text]));
  const calls = Object.fromEntries(configurations.map(({ label }) => [label, { source: `./${label}` }]));
  const plan = await planJson(rootFolder("modules", { ...files, "main.tf.json": JSON.stringify({ module: calls }) }));
  return new Map(configurations.map(({ label }) => [label, view(plan, label)]));
}

/** How much of the configuration Terraform's view holds: an empty view would compare as equal and prove nothing. */
function extent(seen: View): string {
  const module = seen.module as { resources?: unknown[]; outputs?: object } | null;
  const resources = module?.resources?.length ?? 0;
  if (resources === 0) throw new Error("Terraform's view of the JSON holds no resource: nothing would be compared");
  const outputs = Object.keys(module?.outputs ?? {}).length;
  return `${resources} resource and data blocks, ${outputs} outputs, ${seen.checks.length} checkable objects`;
}

async function main(args: string[]): Promise<number> {
  const [jsonFolder, hclFolder, flag] = args;
  if (!jsonFolder || !hclFolder || (flag !== undefined && flag !== "--mutations")) {
    console.error("usage: equivalence.ts <folder with main.tf.json> <folder with main.tf> [--mutations]");
    return 2;
  }
  const jsonText = readFileSync(join(jsonFolder, "main.tf.json"), "utf8");
  const json: unknown = JSON.parse(jsonText);
  const mainTf = readFileSync(join(hclFolder, "main.tf"), "utf8");
  const mutations =
    flag === "--mutations" ? MUTATIONS.map((mutation) => ({ ...mutation, text: mutation.apply(mainTf) })) : [];
  const views = await terraformViews([
    { label: "json", text: jsonText, name: "main.tf.json" },
    { label: "hcl", text: mainTf, name: "main.tf" },
    ...mutations.flatMap(({ text, inTerraformView }, i) =>
      inTerraformView ? [{ label: `mutated_${i}`, text, name: "main.tf" as const }] : [],
    ),
  ]);
  const jsonView = views.get("json")!;
  const found = [
    ...differences(jsonView, views.get("hcl")!, "terraform view").map((d) => `Terraform's view: ${d}`),
    ...(await roundTripDifferences(json, mainTf)).map((d) => `round trip: ${d}`),
  ];
  if (found.length > 0) {
    console.error(`main.tf does not say what the JSON says:\n  ${found.join("\n  ")}`);
    return 1;
  }
  console.log(`main.tf says what the JSON says: Terraform's view (${extent(jsonView)}) and the round trip agree`);

  // Each wrong conversion must be caught by the round trip, and by Terraform's view when it shows what changed.
  let caughtAll = true;
  for (const [i, mutation] of mutations.entries()) {
    const byRoundTrip = (await roundTripDifferences(json, mutation.text)).length > 0;
    const mutatedView = views.get(`mutated_${i}`);
    const byView = mutatedView !== undefined && differences(jsonView, mutatedView).length > 0;
    const ok = byRoundTrip && byView === mutation.inTerraformView;
    const by = [byView ? "Terraform's view" : "", byRoundTrip ? "the round trip" : ""].filter(Boolean).join(" and ");
    console.log(
      `wrong conversion, ${mutation.name}: ${ok ? `caught by ${by}` : `NOT CAUGHT (only by ${by || "nothing"})`}`,
    );
    caughtAll &&= ok;
  }
  return caughtAll ? 0 : 1;
}

main(process.argv.slice(2))
  .then((code) => (process.exitCode = code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(scratch, { recursive: true, force: true }));
